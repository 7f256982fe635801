import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { testServer } from '../../testing/server.ts';
import { startBlueskyNetwork, type BlueskyTestNetwork } from '../../testing/bluesky-network.ts';
import { connectChannel } from '../../operations/channels.ts';
import { approvePost, createPost, getPost, schedulePost, submitPost } from '../../operations/posts.ts';
import { registerPublish } from './publish.ts';
import { snapshotChannel } from './metrics.ts';
import { ingestSource } from './ingest.ts';
import { listSources } from '../../storage/sources.ts';
import type { JobRun } from '../queue.ts';

let net: BlueskyTestNetwork;
before(async () => {
  net = await startBlueskyNetwork();
});
after(async () => {
  await net?.close();
});

function run<P>(payload: P): JobRun<P> {
  return { id: 'run', kind: 'test', payload, attempt: 1, lastAttempt: true, finish: async () => undefined };
}

test('metrics snapshots keep each post’s counts over time, a post deleted on the network is "unavailable", and interactions are recorded per person', async () => {
  const s = await testServer('sqlite');
  try {
    const hospital = await net.account('metricshosp');
    const fan = await net.account('metricsfan');
    const channel = await connectChannel(s.ctx, s.ownerActor, { network: 'bluesky', handle: hospital.handle, credentials: { appPassword: await net.appPassword(hospital), serviceUrl: net.pdsUrl } });
    const editor = { type: 'user' as const, workspaceId: s.workspaceId, userId: s.as.editor.userId, role: 'editor' as const };
    const reviewer = { type: 'user' as const, workspaceId: s.workspaceId, userId: s.as.reviewer.userId, role: 'reviewer' as const };
    const { post } = await createPost(s.ctx, editor, { parts: [{ text: 'Five signs of a stroke: BE FAST #StrokeAwareness' }], channelIds: [channel.id] });
    await submitPost(s.ctx, editor, post.id);
    await approvePost(s.ctx, reviewer, post.id);
    await registerPublish(s.ctx, s.ctx.queue);
    await schedulePost(s.ctx, editor, post.id, new Date(Date.now() + 300));
    let published = await getPost(s.ctx, editor, post.id);
    for (let i = 0; i < 100 && published.state !== 'published'; i++) {
      await sleep(100);
      published = await getPost(s.ctx, editor, post.id);
    }
    const remote = published.targets[0]!.remote[0]!;
    await fan.agent.like(remote.uri, remote.cid!);
    await fan.agent.repost(remote.uri, remote.cid!);
    await fan.agent.post({ text: 'Sharing this with my parents', reply: { root: { uri: remote.uri, cid: remote.cid! }, parent: { uri: remote.uri, cid: remote.cid! } } });
    await net.settle();

    const payload = { workspaceId: s.workspaceId, channelId: channel.id };
    await snapshotChannel(s.ctx, s.ctx.queue, run(payload));
    const source = (await listSources(s.ctx.storage.db, s.workspaceId)).find((x) => x.kind === 'channel_notifications')!;
    await ingestSource(s.ctx, s.ctx.queue, run({ sourceId: source.id }));

    await hospital.agent.deletePost(remote.uri);
    await net.settle();
    await snapshotChannel(s.ctx, s.ctx.queue, run(payload));

    const snaps = await s.ctx.storage.db.selectFrom('post_metric_snapshots').selectAll().orderBy('fetched_at').execute();
    assert.equal(snaps.length, 2, 'history is kept: one row per run');
    assert.deepEqual([snaps[0]!.likes, snaps[0]!.reposts, snaps[0]!.replies], [1, 1, 1]);
    assert.equal(snaps[0]!.impressions, null, 'Bluesky gives no impressions: unknown, not zero');
    assert.equal(snaps[1]!.unavailable, 'deleted on the network');
    assert.equal(snaps[1]!.likes, null, 'never zero for "could not read"');

    const interactions = await s.ctx.storage.db.selectFrom('interactions').select(['person_id', 'kind']).execute();
    assert.deepEqual(interactions.map((i) => i.kind).sort(), ['like', 'reply', 'repost']);
    assert.ok(interactions.every((i) => i.person_id === fan.did));
  } finally {
    await s.cleanup();
  }
});
