import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENGINES } from '../../testing/engines.ts';
import { testServer, type TestServer } from '../../testing/server.ts';
import { addFeed } from '../../operations/listening.ts';
import { recordMentions } from '../../operations/ingest.ts';
import { ingestSource } from './ingest.ts';
import { findSource } from '../../storage/sources.ts';
import type { JobRun } from '../queue.ts';
import type { IngestPayload } from './ingest-kind.ts';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../connectors/feeds/fixtures');

/** Serves whatever `current` says: a real-world feed file, an HTML page, a truncated file, a 500. */
async function feedServer(): Promise<{ server: Server; url: string; serve: (body: string, type: string, status?: number) => void }> {
  let current = { body: '', type: 'application/rss+xml', status: 200 };
  const server = createServer((_req, res) => {
    res.writeHead(current.status, { 'content-type': current.type });
    res.end(current.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return { server, url: `http://127.0.0.1:${address.port}/feed`, serve: (body, type, status = 200) => (current = { body, type, status }) };
}

async function runSource(s: TestServer, sourceId: string): Promise<void> {
  await ingestSource(s.ctx, s.ctx.queue, { id: 'run', kind: 'ingest-source', payload: { sourceId }, attempt: 1, lastAttempt: true, finish: async () => undefined } as JobRun<IngestPayload>);
}

async function mentionCount(s: TestServer): Promise<number> {
  return Number((await s.ctx.storage.db.selectFrom('mentions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

for (const engine of ENGINES) {
  describe(`feeds and listening queries on ${engine}`, () => {
    test('a feed is read once per item; an HTML page, a truncated file or a 500 marks it unhealthy with the reason and loses nothing', async () => {
      const s = await testServer(engine);
      const feed = await feedServer();
      try {
        const rss = readFileSync(join(fixtures, 'rss-news.xml'), 'utf8');
        feed.serve(rss, 'application/rss+xml');
        const source = await addFeed(s.ctx, s.ownerActor, feed.url);
        await runSource(s, source.id);
        const first = await mentionCount(s);
        assert.ok(first >= 2, `items stored (${first})`);
        await runSource(s, source.id);
        assert.equal(await mentionCount(s), first, 'a re-read adds nothing');

        feed.serve('<!doctype html><html><body>Maintenance</body></html>', 'text/html');
        await runSource(s, source.id);
        let state = (await findSource(s.ctx.storage.db, source.id))!;
        assert.equal(state.health, 'unhealthy');
        assert.match(state.healthReason!, /HTML page, not a feed/);

        feed.serve(rss.slice(0, Math.floor(rss.length * 0.6)), 'application/rss+xml');
        await runSource(s, source.id);
        state = (await findSource(s.ctx.storage.db, source.id))!;
        assert.match(state.healthReason!, /line \d+/);

        feed.serve('oops', 'text/plain', 500);
        await runSource(s, source.id);
        state = (await findSource(s.ctx.storage.db, source.id))!;
        assert.match(state.healthReason!, /500/);
        assert.equal(await mentionCount(s), first, 'nothing already ingested is lost');

        feed.serve(rss, 'application/rss+xml');
        await runSource(s, source.id);
        state = (await findSource(s.ctx.storage.db, source.id))!;
        assert.equal(state.health, 'ok');
        assert.equal(await mentionCount(s), first, 'nor duplicated after recovery');
      } finally {
        feed.server.close();
        await s.cleanup();
      }
    });

    test('listening queries: a broken query is refused at its column; a saved one matches at ingest and search confirms NEAR and NOT', async () => {
      const s = await testServer(engine);
      try {
        const bad = await s.request('POST', '/api/listening/queries', { as: s.as.admin, body: { name: 'Flu', query: '("flu shot" OR vaccine' } });
        assert.equal(bad.status, 400);
        assert.match(((await bad.json()) as { error: { message: string } }).error.message, /column 1/);
        const live = (await (await s.request('POST', '/api/listening/validate', { as: s.as.editor, body: { query: 'flu AND (shot OR' } })).json()) as { ok: boolean; column: number; pointer: string };
        assert.equal(live.ok, false);
        assert.ok(live.pointer.includes('^'));

        const saved = (await (await s.request('POST', '/api/listening/queries', { as: s.as.admin, body: { name: 'Flu', query: '("flu shot" OR vaccin*) NOT job' } })).json()) as { id: string };
        const texts = [
          'Where can I get a flu shot near the main campus?',
          'Vaccines for kids are available Saturday',
          'Nursing job fair: flu shot clinic staff wanted',
          'The parking garage is full again',
          'The clinic for walk-in flu visits moved',
        ];
        await recordMentions(s.ctx, s.workspaceId, { sourceId: null, channelId: null }, texts.map((text, i) => ({ network: 'feed', externalId: `t${i}`, kind: 'feed_item' as const, author: { handle: 'news.example' }, text, createdAt: new Date(Date.now() - i * 60_000).toISOString() })));
        const matched = (await (await s.request('GET', `/api/listening/queries/${saved.id}/mentions`, { as: s.as.viewer })).json()) as { mentions: Array<{ text: string }> };
        assert.deepEqual(matched.mentions.map((m) => m.text).sort(), [texts[0], texts[1]].sort());

        const near = (await (await s.request('GET', `/api/mentions/search?q=${encodeURIComponent('clinic NEAR/3 flu')}`, { as: s.as.viewer })).json()) as { mentions: Array<{ text: string }> };
        assert.deepEqual(near.mentions.map((m) => m.text).sort(), [texts[2], texts[4]].sort());
        const accents = (await (await s.request('GET', `/api/mentions/search?q=${encodeURIComponent('parking NOT garage')}`, { as: s.as.viewer })).json()) as { mentions: unknown[] };
        assert.equal(accents.mentions.length, 0);
      } finally {
        await s.cleanup();
      }
    });
  });
}
