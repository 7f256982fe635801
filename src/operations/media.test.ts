import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { testServer } from '../testing/server.ts';
import { startBlueskyNetwork, TINY_PNG, type BlueskyTestNetwork } from '../testing/bluesky-network.ts';
import { connectChannel } from './channels.ts';
import { registerPublish } from '../jobs/handlers/publish.ts';

let net: BlueskyTestNetwork;
before(async () => {
  net = await startBlueskyNetwork();
});
after(async () => {
  await net?.close();
});

test('an uploaded image goes out with its alt text; a non-image upload and an image without alt text are refused', async () => {
  const s = await testServer('sqlite');
  try {
    const hospital = await net.account('mediahosp');
    const channel = await connectChannel(s.ctx, s.ownerActor, { network: 'bluesky', handle: hospital.handle, credentials: { appPassword: await net.appPassword(hospital), serviceUrl: net.pdsUrl } });
    const notImage = await s.request('POST', '/api/media', { as: s.as.editor, body: { raw: new TextEncoder().encode('<script>alert(1)</script>') } });
    assert.equal(notImage.status, 400);
    const uploaded = (await (await s.request('POST', '/api/media', { as: s.as.editor, body: { raw: TINY_PNG } })).json()) as { id: string; mimeType: string };
    assert.equal(uploaded.mimeType, 'image/png');

    const noAlt = await s.request('POST', '/api/posts', { as: s.as.editor, body: { parts: [{ text: 'New birthing suites', images: [{ mediaId: uploaded.id, altText: ' ' }] }], channelIds: [channel.id] } });
    assert.equal(noAlt.status, 400);
    assert.equal(((await noAlt.json()) as { error: { field: string } }).error.field, 'parts.0.images.0.altText');

    const alt = 'A sunlit birthing suite with a bed, a bath and a window seat';
    const created = (await (await s.request('POST', '/api/posts', { as: s.as.editor, body: { parts: [{ text: 'New birthing suites open Monday', images: [{ mediaId: uploaded.id, altText: alt }] }], channelIds: [channel.id] } })).json()) as { id: string };
    await s.request('POST', `/api/posts/${created.id}/submit`, { as: s.as.editor });
    await s.request('POST', `/api/posts/${created.id}/approve`, { as: s.as.reviewer, body: {} });
    await registerPublish(s.ctx, s.ctx.queue);
    const scheduled = await s.request('POST', `/api/posts/${created.id}/schedule`, { as: s.as.editor, body: { scheduledAt: new Date(Date.now() + 300).toISOString() } });
    assert.equal(scheduled.status, 200, await scheduled.clone().text());
    let state = '';
    for (let i = 0; i < 100 && state !== 'published'; i++) {
      await sleep(100);
      state = ((await (await s.request('GET', `/api/posts/${created.id}`, { as: s.as.viewer })).json()) as { state: string }).state;
    }
    assert.equal(state, 'published');
    const records = await hospital.agent.com.atproto.repo.listRecords({ repo: hospital.did, collection: 'app.bsky.feed.post' });
    const embed = (records.data.records[0]!.value as { embed: { images: Array<{ alt: string }> } }).embed;
    assert.equal(embed.images[0]!.alt, alt);
  } finally {
    await s.cleanup();
  }
});
