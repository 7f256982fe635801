import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RichText } from '@atproto/api';
import { ENGINES } from '../testing/engines.ts';
import { testServer } from '../testing/server.ts';
import { startBlueskyNetwork, type BlueskyTestNetwork, type TestAccount } from '../testing/bluesky-network.ts';
import { connectChannel } from './channels.ts';
import { ingestSource } from '../jobs/handlers/ingest.ts';
import { listSources } from '../storage/sources.ts';
import type { JobRun } from '../jobs/queue.ts';
import type { IngestPayload } from '../jobs/handlers/ingest-kind.ts';

let net: BlueskyTestNetwork;
before(async () => {
  net = await startBlueskyNetwork();
});
after(async () => {
  await net?.close();
});

async function mention(from: TestAccount, text: string, reply?: { uri: string; cid: string }): Promise<{ uri: string; cid: string }> {
  const rt = new RichText({ text });
  await rt.detectFacets(from.agent);
  return from.agent.post({ text: rt.text, facets: rt.facets, ...(reply ? { reply: { root: reply, parent: reply } } : {}) });
}

for (const engine of ENGINES) {
  describe(`listening and the inbox against a local Bluesky network on ${engine}`, () => {
    test('mentions and replies arrive triaged, urgent first; a reply naming the visit is blocked, a compliant one reaches the PDS and the response time is recorded', async () => {
      const s = await testServer(engine);
      try {
        const hospital = await net.account(`inbox${engine.slice(0, 2)}`);
        const patient = await net.account(`pat${engine.slice(0, 2)}`);
        await connectChannel(s.ctx, s.ownerActor, { network: 'bluesky', handle: hospital.handle, credentials: { appPassword: await net.appPassword(hospital), serviceUrl: net.pdsUrl } });
        const ours = await hospital.agent.post({ text: 'Our walk-in clinic now opens at 7am' });
        await mention(patient, `@${hospital.handle} what time does the flu clinic open on Saturday?`);
        await mention(patient, `@${hospital.handle} my dad has crushing chest pain and his left arm is numb, what do we do`);
        await mention(patient, 'Does this include weekends? The parking was awful last time', ours);
        await net.settle();

        const [source] = await listSources(s.ctx.storage.db, s.workspaceId);
        const run = (): Promise<void> => ingestSource(s.ctx, s.ctx.queue, { id: 'run', kind: 'ingest-source', payload: { sourceId: source!.id }, attempt: 1, lastAttempt: true, finish: async () => undefined } as JobRun<IngestPayload>);
        await run();
        await run(); // a second read of the same notifications adds nothing

        const page = (await (await s.request('GET', '/api/inbox', { as: s.as.editor })).json()) as { items: Array<{ id: string; urgent: boolean; mention: { text: string; intents: string[]; kind: string }; dueAt: string }> };
        assert.equal(page.items.length, 3, 'three conversations, none twice');
        assert.equal(page.items[0]!.urgent, true, 'the chest pain message is first');
        assert.ok(page.items[0]!.mention.intents.includes('emergency'));
        const detail = (await (await s.request('GET', `/api/inbox/${page.items[0]!.id}`, { as: s.as.editor })).json()) as { mention: { analysis: { playbook: { replyTemplate: string } | null } } };
        assert.match(detail.mention.analysis.playbook!.replyTemplate, /911/);
        const reply = page.items.find((i) => i.mention.kind === 'reply')!;
        assert.ok(reply, 'the reply to our post is in the inbox');

        const blocked = await s.request('POST', `/api/inbox/${reply.id}/reply`, { as: s.as.editor, body: { text: `Sorry about your visit and the parking during your stay with us, we hope your recovery goes well!` } });
        assert.equal(blocked.status, 422);
        const err = ((await blocked.json()) as { error: { code: string; details: { findings: unknown[]; compliantReply: string } } }).error;
        assert.equal(err.code, 'PHI_BLOCKED');
        assert.ok(err.details.findings.length > 0);
        assert.match(err.details.compliantReply, /patient relations/);

        const sent = await s.request('POST', `/api/inbox/${reply.id}/reply`, { as: s.as.editor, body: { text: 'Yes, weekends too, 7am to 3pm. Parking is free in garage B on weekends.' } });
        assert.equal(sent.status, 200, await sent.clone().text());
        const after = (await sent.json()) as { status: string; firstResponseAt: string; firstResponseBy: string };
        assert.equal(after.status, 'replied');
        assert.ok(after.firstResponseAt);
        assert.equal(after.firstResponseBy, s.as.editor.userId);
        const records = await hospital.agent.com.atproto.repo.listRecords({ repo: hospital.did, collection: 'app.bsky.feed.post' });
        const texts = records.data.records.map((r) => (r.value as { text: string }).text);
        assert.ok(texts.includes('Yes, weekends too, 7am to 3pm. Parking is free in garage B on weekends.'), 'the reply reached the PDS');
        assert.ok(!texts.some((t) => t.includes('your visit')), 'the blocked reply did not');

        const offline = await s.request('POST', '/api/inbox/actions', { as: s.as.editor, body: { ids: [page.items[0]!.id], action: 'move_offline' } });
        assert.equal(((await offline.json()) as { results: Array<{ ok: boolean }> }).results[0]!.ok, true);
        const from = new Date(Date.now() - 86_400_000).toISOString();
        const to = new Date(Date.now() + 60_000).toISOString();
        const metrics = (await (await s.request('GET', `/api/inbox-metrics?from=${from}&to=${to}`, { as: s.as.viewer })).json()) as { metrics: { total: number; responded: number; movedOffline: number; replied: number } };
        assert.deepEqual({ total: metrics.metrics.total, responded: metrics.metrics.responded, movedOffline: metrics.metrics.movedOffline, replied: metrics.metrics.replied }, { total: 3, responded: 2, movedOffline: 1, replied: 1 });
      } finally {
        await s.cleanup();
      }
    });
  });
}
