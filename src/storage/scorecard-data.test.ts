import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ENGINES, freshStorage } from '../testing/engines.ts';
import { audienceCounts, scorecardWeeks, weeklyEngagedAudience, type Interaction } from '../domain/scorecard/index.ts';
import { insertWorkspace } from './workspaces.ts';
import { insertUser } from './users.ts';
import { insertChannel } from './channels.ts';
import { insertInteractions } from './metrics.ts';
import { insertNewMentions, type NewMention } from './mentions.ts';
import { audienceWindowCounts, engagedPeoplePerPeriod, interactionsSince, publishedPostTimeline, questionMentionCount, questionMentions, questionMentionsIn, weeklyEngagedPeople } from './scorecard-data.ts';
import type { Db } from './engine.ts';
import { queryPlan as plan } from '../testing/query-plan.ts';

const NOW = '2026-03-19T16:00:00.000Z';
const ZONE = 'America/New_York';
const DAY = 86_400_000;

async function workspaceWithChannel(db: Db): Promise<{ workspaceId: string; channelId: string }> {
  const workspaceId = randomUUID();
  const channelId = randomUUID();
  await insertWorkspace(db, { id: workspaceId, name: 'Mercy', timeZone: ZONE });
  await insertChannel(db, { id: channelId, workspaceId, network: 'bluesky', handle: `${channelId}.example`, displayName: null, credentialsSealed: 'x', primary: true });
  return { workspaceId, channelId };
}


/** A seeded mix: 40 people over 200 days, follows among them, some exactly on window edges. */
function interactionsFor(seed: number): Interaction[] {
  const kinds = ['like', 'repost', 'reply', 'quote', 'mention', 'follow'] as const;
  const out: Interaction[] = [];
  let x = seed;
  const next = (): number => (x = (x * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  for (let i = 0; i < 600; i++) {
    out.push({ personId: `did:plc:p${Math.floor(next() * 40)}`, at: new Date(Date.parse(NOW) - Math.floor(next() * 200 * DAY)).toISOString(), kind: kinds[Math.floor(next() * kinds.length)]! });
  }
  // On the edges of the 90-day window (from is exclusive, now inclusive) and of a week.
  out.push({ personId: 'did:plc:edge-from', at: new Date(Date.parse(NOW) - 90 * DAY).toISOString(), kind: 'like' });
  out.push({ personId: 'did:plc:edge-now', at: NOW, kind: 'reply' });
  out.push({ personId: 'did:plc:edge-week', at: '2026-03-09T04:00:00.000Z', kind: 'like' });
  return out;
}

for (const engine of ENGINES) {
  describe(`scorecard aggregates on ${engine}`, () => {
    test('the audience window and the engaged people per week match what the domain counts from the rows', async () => {
      const { storage, cleanup } = await freshStorage(engine);
      try {
        const db = storage.db;
        const { workspaceId, channelId } = await workspaceWithChannel(db);
        const other = await workspaceWithChannel(db);
        const mine = interactionsFor(7);
        await insertInteractions(db, workspaceId, channelId, mine.map((it, i) => ({ externalId: `e${i}`, ...it })));
        // Another workspace's people never count here.
        await insertInteractions(db, other.workspaceId, other.channelId, interactionsFor(11).map((it, i) => ({ externalId: `o${i}`, ...it })));

        const from = new Date(Date.parse(NOW) - 90 * DAY).toISOString();
        const counted = await audienceWindowCounts(db, engine, workspaceId, from, NOW, 90, 3);
        const expected = audienceCounts(mine, NOW, 90, 3);
        assert.deepEqual(counted, { days: 90, minInteractions: 3, engaged: expected.engaged, loyal: expected.loyal });
        assert.ok(expected.loyal > 0 && expected.loyal < expected.engaged, 'the data has loyal and occasional people');

        const weeks = scorecardWeeks(NOW, ZONE);
        const perWeek = await engagedPeoplePerPeriod(db, engine, workspaceId, [...weeks.map((w) => w.from), weeks[weeks.length - 1]!.to]);
        const reference = weeklyEngagedAudience(mine, ZONE, weeks[0]!.from, NOW);
        assert.deepEqual(perWeek, reference.map((w) => w.engagedPeople));
        assert.equal(perWeek.length, 156);
        assert.ok(perWeek.filter((n) => n > 0).length >= 25, 'about 29 weeks have people');

        const rows = await interactionsSince(db, engine, workspaceId, from);
        assert.ok(rows.every((r) => r.kind !== 'follow' && r.at >= from));
        assert.deepEqual(await audienceWindowCounts(db, engine, randomUUID(), from, NOW, 90, 3), { days: 90, minInteractions: 3, engaged: 0, loyal: 0 });
        assert.deepEqual(await engagedPeoplePerPeriod(db, engine, workspaceId, [weeks[0]!.from]), []);
      } finally {
        await cleanup();
      }
    });

    test('the post timeline holds every published post since the date, on its channel, as ISO instants', async () => {
      const { storage, cleanup } = await freshStorage(engine);
      try {
        const db = storage.db;
        const { workspaceId, channelId } = await workspaceWithChannel(db);
        const second = randomUUID();
        await insertChannel(db, { id: second, workspaceId, network: 'mastodon', handle: 'mercy@social.example', displayName: null, credentialsSealed: 'x', primary: false });
        const userId = randomUUID();
        await insertUser(db, { id: userId, email: `${userId}@example.org`, displayName: 'Ana', passwordHash: null });
        const expected: Array<{ channelId: string; publishedAt: string }> = [];
        for (let i = 0; i < 30; i++) {
          const at = new Date(Date.parse(NOW) - i * 13 * DAY - 1234).toISOString();
          const state = i % 10 === 9 ? 'failed' : 'published';
          const onChannel = i % 3 === 0 ? second : channelId;
          const postId = randomUUID();
          await db.insertInto('posts').values({ id: postId, workspace_id: workspaceId, author_id: userId, state, parts: JSON.stringify([{ text: `post ${i}` }]), scheduled_at: at, revision: 1, approved_by: null, approved_at: null, idempotency_key: null, created_at: at, updated_at: at }).execute();
          await db.insertInto('post_targets').values({ id: randomUUID(), workspace_id: workspaceId, post_id: postId, channel_id: onChannel, state, job_id: null, remote: '[]', published_at: state === 'published' ? at : null, error_code: null, error_message: null, updated_at: at }).execute();
          if (state === 'published' && i * 13 < 300) expected.push({ channelId: onChannel, publishedAt: at });
        }
        const timeline = await publishedPostTimeline(db, engine, workspaceId, new Date(Date.parse(NOW) - 300 * DAY).toISOString());
        const order = (a: { channelId: string; publishedAt: string }, b: { channelId: string; publishedAt: string }): number => a.publishedAt.localeCompare(b.publishedAt);
        assert.deepEqual([...timeline].sort(order), expected.sort(order));
        assert.deepEqual(await publishedPostTimeline(db, engine, randomUUID(), '2020-01-01T00:00:00.000Z'), []);
      } finally {
        await cleanup();
      }
    });
    test('completed weeks are counted once and stored; a late interaction, and only a counted one, clears its week', async () => {
      const { storage, cleanup } = await freshStorage(engine);
      try {
        const db = storage.db;
        const { workspaceId, channelId } = await workspaceWithChannel(db);
        const mine = interactionsFor(7);
        await insertInteractions(db, workspaceId, channelId, mine.map((it, i) => ({ externalId: `e${i}`, ...it })));
        const weeks = scorecardWeeks(NOW, ZONE);
        const live = (): Promise<number[]> => engagedPeoplePerPeriod(db, engine, workspaceId, [...weeks.map((w) => w.from), weeks[weeks.length - 1]!.to]);
        const stored = (): Promise<Array<{ week_from: string; engaged_people: number }>> =>
          db.selectFrom('weekly_engaged_people').select(['week_from', 'engaged_people']).where('workspace_id', '=', workspaceId).orderBy('week_from').execute();

        const first = await weeklyEngagedPeople(db, engine, workspaceId, weeks, NOW);
        assert.deepEqual(first, await live());
        assert.equal((await stored()).length, 156, 'every completed week is stored, the empty ones as 0');

        // A second read takes the stored counts: a stored figure changed behind its back is what comes back.
        const week = weeks.findIndex((w) => w.from === '2026-02-02T05:00:00.000Z');
        const before = first[week]!;
        assert.ok(before > 0);
        await db.updateTable('weekly_engaged_people').set({ engaged_people: 999 }).where('workspace_id', '=', workspaceId).where('week_from', '=', weeks[week]!.from).execute();
        assert.equal((await weeklyEngagedPeople(db, engine, workspaceId, weeks, NOW))[week], 999);

        // Re-read interactions (already stored) and follows change no count: the stored weeks stay.
        await insertInteractions(db, workspaceId, channelId, [{ externalId: 'e0', ...mine[0]!, at: '2026-02-04T12:00:00.000Z' }, { externalId: 'late-follow', personId: 'did:plc:newcomer', kind: 'follow', at: '2026-02-04T12:00:00.000Z' }]);
        assert.equal((await weeklyEngagedPeople(db, engine, workspaceId, weeks, NOW))[week], 999);

        // A newcomer's like of that week, fetched late: the week is cleared and counted again, with them.
        await insertInteractions(db, workspaceId, channelId, [{ externalId: 'late-like', personId: 'did:plc:newcomer', kind: 'like', at: '2026-02-04T12:00:00.000Z' }]);
        assert.equal((await stored()).length, 155, 'only the late interaction\'s week was cleared');
        const after = await weeklyEngagedPeople(db, engine, workspaceId, weeks, NOW);
        assert.equal(after[week], before + 1);
        assert.deepEqual(after, await live());
        assert.equal((await stored()).length, 156);

        // Interactions inside a caller's transaction clear in that transaction.
        await db.transaction().execute(async (trx) => {
          await insertInteractions(trx, workspaceId, channelId, [{ externalId: 'late-reply', personId: 'did:plc:another', kind: 'reply', at: weeks[0]!.from }]);
        });
        assert.equal((await weeklyEngagedPeople(db, engine, workspaceId, weeks, NOW))[0], 1);

        // A week not complete at `now` is counted live and never stored.
        const running = { from: weeks[weeks.length - 1]!.to, to: new Date(Date.parse(weeks[weeks.length - 1]!.to) + 7 * DAY).toISOString() };
        await insertInteractions(db, workspaceId, channelId, [{ externalId: 'now-like', personId: 'did:plc:now', kind: 'like', at: NOW }]);
        const withRunning = await weeklyEngagedPeople(db, engine, workspaceId, [...weeks, running], NOW);
        assert.equal(withRunning[156], (await engagedPeoplePerPeriod(db, engine, workspaceId, [running.from, running.to]))[0]);
        assert.ok(!(await stored()).some((r) => r.week_from === running.from));
      } finally {
        await cleanup();
      }
    });

    test('this week\'s questions are counted over every mention asking one; the newest are read for grouping', async () => {
      const { storage, cleanup } = await freshStorage(engine);
      try {
        const db = storage.db;
        const { workspaceId } = await workspaceWithChannel(db);
        const other = await workspaceWithChannel(db);
        const mention = (ws: string, k: number, intents: string[], hoursAgo: number): NewMention => ({
          id: randomUUID(), workspaceId: ws, sourceId: null, channelId: null, network: 'bluesky', externalId: `m${k}`, kind: 'mention', author: { handle: `u${k}.example` },
          text: `mention ${k}`, createdAt: new Date(Date.parse(NOW) - hoursAgo * 3_600_000).toISOString(), receivedAt: NOW,
          sentiment: 'neutral', intents, urgent: false, phiTypes: [], analysis: {},
        });
        const rows: NewMention[] = [];
        // 30 questions in the week (some with other intents too), 10 statements, 5 questions older than the week.
        for (let k = 0; k < 30; k++) rows.push(mention(workspaceId, k, k % 3 === 0 ? ['complaint', 'question'] : ['question'], k * 5 + 1));
        for (let k = 30; k < 40; k++) rows.push(mention(workspaceId, k, ['praise'], k));
        for (let k = 40; k < 45; k++) rows.push(mention(workspaceId, k, ['question'], 7 * 24 + k));
        rows.push(mention(other.workspaceId, 99, ['question'], 1));
        await insertNewMentions(db, rows);
        const week = new Date(Date.parse(NOW) - 7 * DAY).toISOString();
        assert.equal(await questionMentionCount(db, workspaceId, week, NOW), 30);
        const newest = await questionMentions(db, workspaceId, week, NOW, 12);
        assert.deepEqual(newest.map((m) => m.text), Array.from({ length: 12 }, (_, k) => `mention ${k}`));
        // Both read the partial index of question mentions, not every mention of the week.
        assert.match(await plan(storage, questionMentionsIn(db, workspaceId, week, NOW).select((eb) => eb.fn.countAll<number>().as('n'))), /mentions_questions/);
        assert.match(await plan(storage, questionMentionsIn(db, workspaceId, week, NOW).select(['id', 'text']).orderBy('created_at', 'desc').limit(12)), /mentions_questions/);
      } finally {
        await cleanup();
      }
    });
  });
}
