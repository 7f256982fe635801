import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES } from '../../testing/engines.ts';
import { testServer, type TestServer } from '../../testing/server.ts';
import { connectChannel } from '../../operations/channels.ts';
import { createQuery } from '../../operations/listening.ts';
import { findSource } from '../../storage/sources.ts';
import { recording, startReplay, type Recording } from '../../connectors/mastodon/replay-server.ts';
import { ingestSource } from './ingest.ts';
import type { JobRun } from '../queue.ts';
import type { IngestPayload } from './ingest-kind.ts';

const TOKEN = 'ZA-Yj3aBD8U8Cm7lKUp-lm9O9BmDgdhHzDeqsY8tlL0';
/** The newest status of fixtures/timeline-tag.json. */
const NEWEST = '114156700000000003';

type Status = Record<string, unknown> & { id: string; content: string; created_at: string };

/** The tag timeline as Mastodon answers it: newest first, a Link header to older and newer pages when there are statuses. */
function tagTimeline(query: Record<string, string>, statuses: Status[] | null, description: string): Recording {
  return recording('timeline-tag.json', (r) => {
    r.description = `GET /api/v1/timelines/tag/flushot — ${description}`;
    r.request.query = query;
    if (statuses === null) return; // the recorded newest page
    r.response.body = statuses;
    const headers = { ...r.response.headers };
    delete headers.Link;
    if (statuses.length > 0) {
      const base = 'https://mastodon.example/api/v1/timelines/tag/flushot?limit=40';
      headers.Link = `<${base}&max_id=${statuses.at(-1)!.id}>; rel="next", <${base}&min_id=${statuses[0]!.id}>; rel="prev"`;
    }
    r.response.headers = headers;
  });
}

/** A status shaped like the recorded ones (same account and fields), with its own id, time and HTML. */
function status(id: bigint, html: string, minutesAgo: number): Status {
  const template = structuredClone((recording('timeline-tag.json').response.body as Status[])[0]!);
  return { ...template, id: String(id), uri: `https://mastodon.example/users/zsc/statuses/${id}`, url: `https://mastodon.example/@zsc/${id}`, content: html, created_at: new Date(Date.now() - minutesAgo * 60_000).toISOString() };
}

async function run(s: TestServer, sourceId: string): Promise<void> {
  await ingestSource(s.ctx, s.ctx.queue, { id: 'run', kind: 'ingest-source', payload: { sourceId }, attempt: 1, lastAttempt: true, finish: async () => undefined } as JobRun<IngestPayload>);
}

async function stored(s: TestServer): Promise<Array<{ external_id: string; text: string; kind: string }>> {
  return s.ctx.storage.db.selectFrom('mentions').select(['external_id', 'text', 'kind']).where('network', '=', 'mastodon').orderBy('external_id').execute();
}

for (const engine of ENGINES) {
  describe(`Mastodon hashtag sources on ${engine}`, () => {
    test('a hashtag is read forwards with min_id, page by page, each status once, as text, through the safety engine; a failure loses nothing', async () => {
      const s = await testServer(engine);
      const first = BigInt(NEWEST);
      // 40 new statuses fill a page: the rest is read with the next min_id in the same run.
      const burst = Array.from({ length: 40 }, (_, i) => status(first + BigInt(i + 1), `<p>Day ${i + 1} of <a href="https://mastodon.example/tags/flushot" class="mention hashtag" rel="tag">#<span>flushot</span></a> clinic &amp; more</p>`, 40 - i)).reverse();
      const urgent = status(first + 41n, '<p>My husband has chest pain and can&#39;t breathe after his <a href="https://mastodon.example/tags/flushot" rel="tag">#flushot</a>, what do we do?</p>', 0);
      const instance = await startReplay(
        [
          recording('verify-credentials.json'),
          // run 1: the newest page only
          recording('verify-credentials.json'),
          tagTimeline({ limit: '40' }, null, 'the newest page'),
          // run 2: a full page after the cursor, then the rest (the server repeats the cursor's status: stored once)
          recording('verify-credentials.json'),
          tagTimeline({ limit: '40', min_id: NEWEST }, burst, 'a full page of newer statuses'),
          tagTimeline({ limit: '40', min_id: burst[0]!.id }, [urgent, burst[0]!], 'the rest'),
          // run 3: the instance is down behind its proxy
          recording('verify-credentials.json'),
          recording('status-create-502-html.json', (r) => {
            r.request = { method: 'GET', path: '/api/v1/timelines/tag/flushot', query: { limit: '40', min_id: urgent.id } };
          }),
          // run 4: back, nothing new
          recording('verify-credentials.json'),
          tagTimeline({ limit: '40', min_id: urgent.id }, [], 'nothing newer'),
        ],
        TOKEN,
      );
      try {
        const bad = await s.request('POST', '/api/sources/hashtags', { as: s.as.admin, body: { tag: '#flu shot' } });
        assert.equal(bad.status, 400);
        assert.equal(((await bad.json()) as { error: { field: string } }).error.field, 'tag');
        const added = await s.request('POST', '/api/sources/hashtags', { as: s.as.admin, body: { tag: '#FluShot' } });
        assert.equal(added.status, 201);
        const source = (await added.json()) as { id: string; kind: string; ref: string };
        assert.deepEqual([source.kind, source.ref], ['mastodon_hashtag', 'flushot']);

        // Without a Mastodon channel the source says why it cannot be read.
        await run(s, source.id);
        assert.match((await findSource(s.ctx.storage.db, source.id))!.healthReason!, /needs a connected Mastodon channel/);

        await connectChannel(s.ctx, s.ownerActor, { network: 'mastodon', handle: 'stmarys', credentials: { instanceUrl: instance.url, accessToken: TOKEN } });
        const query = await createQuery(s.ctx, s.ownerActor, { name: 'Appointments', query: 'appointment OR walk-in' });

        await run(s, source.id);
        let state = (await findSource(s.ctx.storage.db, source.id))!;
        assert.equal(state.health, 'ok', state.healthReason ?? '');
        let mentions = await stored(s);
        assert.deepEqual(mentions.map((m) => m.text).sort(), ['Got my #flushot today, arm is a bit sore', 'Where can I get a #FluShot without an appointment?']);
        assert.ok(mentions.every((m) => m.kind === 'search'));
        const matched = (await (await s.request('GET', `/api/listening/queries/${query.id}/mentions`, { as: s.as.viewer })).json()) as { mentions: Array<{ text: string }> };
        assert.deepEqual(matched.mentions.map((m) => m.text), ['Where can I get a #FluShot without an appointment?']);

        await run(s, source.id);
        state = (await findSource(s.ctx.storage.db, source.id))!;
        assert.equal(state.health, 'ok', state.healthReason ?? '');
        mentions = await stored(s);
        assert.equal(mentions.length, 2 + 40 + 1, 'every status once');
        assert.ok(mentions.some((m) => m.text === 'Day 1 of #flushot clinic & more'), 'HTML became text');
        const inbox = (await (await s.request('GET', '/api/inbox', { as: s.as.viewer })).json()) as { items: Array<{ urgent: boolean; mention: { text: string } }> };
        assert.deepEqual(inbox.items.map((i) => [i.urgent, i.mention.text]), [[true, "My husband has chest pain and can't breathe after his #flushot, what do we do?"]], 'heard, not addressed to us: only the emergency reaches the inbox');

        await run(s, source.id);
        state = (await findSource(s.ctx.storage.db, source.id))!;
        assert.equal(state.health, 'unhealthy');
        assert.match(state.healthReason!, /TRANSIENT/);
        assert.equal((await stored(s)).length, 43, 'nothing already stored is lost');

        await run(s, source.id);
        state = (await findSource(s.ctx.storage.db, source.id))!;
        assert.equal(state.health, 'ok');
        assert.equal(state.cursor?.split(':')[1], urgent.id);
        assert.equal((await stored(s)).length, 43, 'nor duplicated after the recovery');
      } finally {
        await instance.close();
        await s.cleanup();
      }
    });
  });
}
