/**
 * The monthly report over the API on both engines, from a seeded month: posts with metrics
 * snapshots, interactions, and inbox conversations answered, moved offline and left open. The
 * PDF is rendered once (SQLite run) by Debian's Chromium and its first page turned into a PNG
 * with pdftoppm, saved under test-output/screenshots/.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { parse } from 'csv-parse/sync';
import { ENGINES } from '../testing/engines.ts';
import { testServer, type TestServer } from '../testing/server.ts';
import { insertChannel } from '../storage/channels.ts';
import { insertNewMentions } from '../storage/mentions.ts';
import { insertInboxItems } from '../storage/inbox.ts';
import { lastCompleteMonth, reportPeriod, TABLE_NAMES, type MonthlyReport } from '../domain/report/index.ts';
import { DEFAULT_CHROMIUM } from './report-pdf.ts';

const ZONE = 'America/Chicago';
const SHOTS = join(fileURLToPath(new URL('../../', import.meta.url)), 'test-output', 'screenshots');
/** A mention with health details: it must never reach the report, which shows aggregates only. */
const PATIENT_TEXT = 'My knee surgery with Dr. Nakamura went badly, who do I call?';
const POST_TEXT = 'Flu shots, "walk in" & <free> for everyone';

interface Seeded {
  month: string;
  channelId: string;
}

/** The last complete month in Chicago, seeded: 4 posts with metrics + 1 without, 3 conversations; 1 post and 1 conversation the month before. */
async function seed(s: TestServer): Promise<Seeded> {
  const db = s.ctx.storage.db;
  const month = lastCompleteMonth(ZONE, new Date().toISOString());
  const period = reportPeriod(month, ZONE, new Date().toISOString());
  const start = DateTime.fromISO(period.from, { zone: ZONE });
  // The first Wednesday of the month, 10:00 local: inside business hours.
  const wednesday = start.plus({ days: (3 - start.weekday + 7) % 7 }).set({ hour: 10 });
  const channelId = randomUUID();
  await insertChannel(db, { id: channelId, workspaceId: s.workspaceId, network: 'bluesky', handle: 'riverside.bsky.social', displayName: null, credentialsSealed: 'sealed', primary: true });
  await db.updateTable('channels').set({ created_at: start.minus({ days: 120 }).toUTC().toISO()! }).where('id', '=', channelId).execute();

  const post = async (at: DateTime, text: string, metrics: { likes: number; reposts: number; replies: number; quotes: number } | null, url?: string): Promise<string> => {
    const iso = at.toUTC().toISO()!;
    const postId = randomUUID();
    const targetId = randomUUID();
    await db.insertInto('posts').values({ id: postId, workspace_id: s.workspaceId, author_id: s.ownerId, state: 'published', parts: JSON.stringify([{ text }]), scheduled_at: iso, revision: 1, approved_by: null, approved_at: null, idempotency_key: null, created_at: iso, updated_at: iso }).execute();
    await db.insertInto('post_targets').values({ id: targetId, workspace_id: s.workspaceId, post_id: postId, channel_id: channelId, state: 'published', job_id: null, remote: JSON.stringify([{ uri: `at://riverside/${targetId}`, ...(url ? { url } : {}) }]), published_at: iso, error_code: null, error_message: null, updated_at: iso }).execute();
    if (metrics) {
      await db.insertInto('post_metric_snapshots').values({ id: randomUUID(), workspace_id: s.workspaceId, target_id: targetId, channel_id: channelId, fetched_at: at.plus({ hours: 20 }).toUTC().toISO()!, ...metrics, impressions: null, unavailable: null }).execute();
    }
    return targetId;
  };
  await post(wednesday, POST_TEXT, { likes: 10, reposts: 2, replies: 6, quotes: 1 }, 'https://bsky.app/profile/riverside.bsky.social/post/3kflu'); // 33 points
  await post(wednesday.plus({ days: 1 }), '5 tips for a healthy heart', { likes: 40, reposts: 4, replies: 0, quotes: 0 }); // 44
  await post(wednesday.plus({ days: 7 }), 'Book now: 20% off screenings', { likes: 3, reposts: 0, replies: 0, quotes: 0 }); // 3
  await post(wednesday.plus({ days: 8 }), '=cmd|calc Join us Saturday for the health fair', { likes: 1, reposts: 0, replies: 3, quotes: 0 }); // 10
  await post(wednesday.plus({ days: 9 }), 'Metrics not fetched yet', null);
  await post(wednesday.minus({ months: 1 }), 'Last month: thank you to our volunteers', { likes: 5, reposts: 0, replies: 1, quotes: 0 });
  await db
    .insertInto('interactions')
    .values(['a', 'b', 'c', 'a'].map((person, i) => ({ id: randomUUID(), workspace_id: s.workspaceId, channel_id: channelId, external_id: `i${i}`, person_id: `did:plc:${person}`, kind: 'like', at: wednesday.plus({ hours: i + 1 }).toUTC().toISO()! })))
    .execute();

  const editorId = s.as.editor.userId;
  const conversations: Array<{ at: DateTime; answeredAfter?: number; by?: string; status: string }> = [
    { at: wednesday, answeredAfter: 30, by: s.ownerId, status: 'replied' },
    { at: wednesday.plus({ days: 1 }), answeredAfter: 10, by: editorId, status: 'moved_offline' },
    { at: wednesday.plus({ days: 2 }), status: 'new' },
    { at: wednesday.minus({ months: 1 }), answeredAfter: 50, by: s.ownerId, status: 'replied' },
  ];
  for (const [i, c] of conversations.entries()) {
    const mentionId = randomUUID();
    const itemId = randomUUID();
    const created = c.at.toUTC().toISO()!;
    await insertNewMentions(db, [{ id: mentionId, workspaceId: s.workspaceId, sourceId: null, channelId, network: 'bluesky', externalId: `m${i}`, kind: 'mention', author: { handle: 'patient.test' }, text: PATIENT_TEXT, createdAt: created, receivedAt: created, sentiment: 'negative', intents: ['question'], urgent: false, phiTypes: ['procedure'], analysis: {} }]);
    await insertInboxItems(db, [{ id: itemId, workspaceId: s.workspaceId, mentionId, channelId, urgent: false, dueAt: c.at.plus({ minutes: 60 }).toUTC().toISO()!, receivedAt: created }]);
    if (c.answeredAfter !== undefined) {
      await db.updateTable('inbox_items').set({ status: c.status, first_response_at: c.at.plus({ minutes: c.answeredAfter }).toUTC().toISO()!, first_response_by: c.by ?? null }).where('id', '=', itemId).execute();
    }
  }
  return { month, channelId };
}

async function csvRows(res: Response): Promise<string[][]> {
  const bytes = Buffer.from(await res.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for spreadsheets');
  return parse(bytes.subarray(3).toString('utf8')) as string[][];
}

for (const engine of ENGINES) {
  describe(`monthly report on ${engine}`, () => {
    test('JSON, HTML, CSV and PDF of a seeded month carry its numbers, never a mention’s text', async (t) => {
      const s = await testServer(engine);
      try {
        const { month } = await seed(s);
        const get = (path: string) => s.request('GET', path, { as: s.as.viewer });

        const res = await get(`/api/reports/monthly?month=${month}&format=json`);
        assert.equal(res.status, 200, await res.clone().text());
        const report = (await res.json()) as MonthlyReport;
        assert.equal(report.period.month, month);
        assert.equal(report.workspace.name, 'Riverside Regional');
        assert.deepEqual(
          report.topPosts.posts.map((p) => [p.qualityPoints, p.conversations]),
          [
            [44, 0],
            [33, 7],
            [10, 3],
            [3, 0],
          ],
        );
        assert.equal(report.topPosts.postsInMonth, 5);
        assert.equal(report.topPosts.withoutMetrics, 1);
        assert.equal(report.topPosts.posts[1]!.url, 'https://bsky.app/profile/riverside.bsky.social/post/3kflu', 'the link comes from the published target');
        const inbox = report.inbox.current;
        assert.deepEqual([inbox.total, inbox.needingResponse, inbox.responded, inbox.replied, inbox.movedOffline, inbox.open, inbox.breached], [3, 3, 2, 1, 1, 1, 1]);
        assert.equal(inbox.firstResponseMinutes.business.median, 20);
        assert.equal(report.inbox.previous.total, 1);
        assert.deepEqual(
          report.inbox.perPerson.map((p) => [p.name, p.responded]),
          [
            ['editor person', 1],
            ['Olivia Owner', 1],
            ['Unassigned', 0],
          ],
          'by name, the unassigned last',
        );
        const changed = Object.fromEntries(report.whatChanged.map((c) => [c.measure, [c.previous, c.current]]));
        assert.deepEqual(changed['Posts published'], [1, 5]);
        assert.deepEqual(changed['Engaged people'], [0, 3]);
        assert.deepEqual(changed['Conversations received'], [1, 3]);
        assert.equal(report.valueMix.posts, 5);
        assert.ok(!JSON.stringify(report).includes('Nakamura'), 'no mention text in the model');

        const page = await get(`/api/reports/monthly?month=${month}`);
        assert.equal(page.status, 200);
        assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
        assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
        const html = await page.text();
        assert.ok(html.includes('Flu shots, &quot;walk in&quot; &amp; &lt;free&gt; for everyone'));
        assert.ok(!html.includes('<free>') && !html.includes('Nakamura'));

        const csv = await get(`/api/reports/monthly/tables/top_posts.csv?month=${month}`);
        assert.equal(csv.status, 200);
        assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
        assert.equal(csv.headers.get('content-disposition'), `attachment; filename="bedside-${month}-top_posts.csv"`);
        const rows = await csvRows(csv);
        assert.deepEqual(rows[0], ['Rank', 'Published', 'Post', 'Quality points', 'Replies + quotes', 'Likes', 'Reposts', 'Engagement rate (%)', 'Rate of', 'Link']);
        assert.deepEqual(
          rows.slice(1).map((r) => [r[0], r[2], r[3]]),
          [
            ['1', '5 tips for a healthy heart', '44'],
            ['2', POST_TEXT, '33'],
            ['3', "'=cmd|calc Join us Saturday for the health fair", '10'],
            ['4', 'Book now: 20% off screenings', '3'],
          ],
        );
        const channels = await csvRows(await get(`/api/reports/monthly/tables/inbox_by_channel.csv?month=${month}`));
        assert.deepEqual(channels[1]!.slice(0, 9), ['riverside.bsky.social', '3', '3', '2', '66.7', '1', '1', '1', '1']);
        for (const name of TABLE_NAMES) {
          const r = await get(`/api/reports/monthly/tables/${name}.csv?month=${month}`);
          assert.equal(r.status, 200, name);
          assert.ok(!(await r.text()).includes('Nakamura'), `${name}.csv holds no mention text`);
        }

        const unknown = await get(`/api/reports/monthly/tables/patients.csv?month=${month}`);
        assert.equal(unknown.status, 404);
        assert.match(((await unknown.json()) as { error: { message: string } }).error.message, /no table "patients".*top_posts/);
        const bad = await get('/api/reports/monthly?month=2026-13');
        assert.equal(bad.status, 400);
        assert.equal(((await bad.json()) as { error: { field: string } }).error.field, 'month');
        const future = await get(`/api/reports/monthly?month=${DateTime.now().plus({ years: 1 }).toFormat('yyyy-MM')}`);
        assert.equal(future.status, 400);
        assert.match(((await future.json()) as { error: { message: string; field: string } }).error.message, /has not begun/);

        const saved = process.env.BEDSIDE_CHROMIUM;
        process.env.BEDSIDE_CHROMIUM = '/nonexistent/chromium';
        try {
          const refused = await get(`/api/reports/monthly?month=${month}&format=pdf`);
          assert.equal(refused.status, 503);
          const body = (await refused.json()) as { error: { code: string; message: string } };
          assert.equal(body.error.code, 'PDF_UNAVAILABLE');
          assert.match(body.error.message, /no Chromium at \/nonexistent\/chromium.*apt-get install chromium.*HTML and CSV/);
        } finally {
          if (saved === undefined) delete process.env.BEDSIDE_CHROMIUM;
          else process.env.BEDSIDE_CHROMIUM = saved;
        }

        if (engine !== 'sqlite') return;
        // One browser launch for the whole suite: the PDF, through the API, on the SQLite run.
        if (!existsSync(DEFAULT_CHROMIUM)) throw new Error(`Debian chromium is missing at ${DEFAULT_CHROMIUM}: install it with \`apt-get install -y chromium\` (.ci/run does this)`);
        const pdfRes = await get(`/api/reports/monthly?month=${month}&format=pdf`);
        assert.equal(pdfRes.status, 200, pdfRes.status === 200 ? '' : await pdfRes.text());
        assert.equal(pdfRes.headers.get('content-type'), 'application/pdf');
        assert.equal(pdfRes.headers.get('content-disposition'), `attachment; filename="bedside-${month}-report.pdf"`);
        const pdf = Buffer.from(await pdfRes.arrayBuffer());
        assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
        const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
        assert.ok(pages >= 1, `the PDF has pages (${pages})`);
        mkdirSync(SHOTS, { recursive: true });
        const pdfPath = join(SHOTS, 'monthly-report.pdf');
        writeFileSync(pdfPath, pdf);
        const pdftoppm = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' });
        if (pdftoppm.error) {
          t.skip('pdftoppm (poppler-utils) is not installed: the PDF was checked, its page 1 not turned into a PNG');
          return;
        }
        const png = join(SHOTS, 'monthly-report-page1');
        const converted = spawnSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', pdfPath, png], { encoding: 'utf8' });
        assert.equal(converted.status, 0, converted.stderr);
        const size = statSync(`${png}.png`).size;
        assert.ok(size > 15_000, `page 1 as PNG is ${size} bytes: a blank A4 page at 50 dpi is far smaller`);
      } finally {
        await s.cleanup();
      }
    });
  });
}
