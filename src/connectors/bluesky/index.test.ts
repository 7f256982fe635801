import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { blueskyConnector } from './index.ts';
import { ConnectorError, PartialThreadError, type ConnectorSession } from '../types.ts';
import { startBlueskyNetwork, TINY_PNG, type BlueskyTestNetwork, type TestAccount } from '../../testing/bluesky-network.ts';

/** End to end against the real PDS + AppView from @atproto/dev-env on loopback. */
describe('Bluesky connector against a local AT Protocol network', () => {
  let net: BlueskyTestNetwork;
  let hospital: TestAccount;
  let patient: TestAccount;
  let session: ConnectorSession;
  let credentials: Record<string, string>;

  before(async () => {
    net = await startBlueskyNetwork();
    hospital = await net.account('riverside');
    patient = await net.account('jordan');
    credentials = { identifier: hospital.handle, appPassword: await net.appPassword(hospital) };
    session = await blueskyConnector.connect(credentials, { serviceUrl: net.pdsUrl });
  });
  after(async () => {
    await net?.close();
  });

  test('connects with handle + app password and hands back a session to store', async () => {
    assert.equal(session.accountId, hospital.did);
    assert.equal(session.handle, hospital.handle);
    assert.ok(session.refreshedCredentials?.session, 'session tokens to store');
    const resumed = await blueskyConnector.connect(session.refreshedCredentials!, { serviceUrl: net.pdsUrl });
    assert.equal(resumed.accountId, hospital.did);
  });

  test('a wrong app password is AUTH_REVOKED', async () => {
    await assert.rejects(blueskyConnector.connect({ identifier: hospital.handle, appPassword: 'aaaa-bbbb-cccc-dddd' }, { serviceUrl: net.pdsUrl }), (err: unknown) => {
      assert.ok(err instanceof ConnectorError);
      assert.equal(err.code, 'AUTH_REVOKED');
      return true;
    });
  });

  test('publishes with link, mention and hashtag facets, and the same idempotency key never posts twice', async () => {
    const text = `Flu shots this Saturday at the main campus #FluSeason — thanks @${patient.handle} for asking! https://riverside.example/flu`;
    const first = await session.publish({ text, idempotencyKey: 'post-1' });
    const again = await session.publish({ text, idempotencyKey: 'post-1' });
    assert.equal(again.uri, first.uri, 'the second try returns the first post');
    const records = await hospital.agent.com.atproto.repo.listRecords({ repo: hospital.did, collection: 'app.bsky.feed.post' });
    assert.equal(records.data.records.filter((r) => (r.value as { text: string }).text === text).length, 1);
    const record = records.data.records.find((r) => r.uri === first.uri)!.value as { facets: Array<{ features: Array<{ $type: string }> }> };
    const kinds = record.facets.flatMap((f) => f.features.map((x) => x.$type)).sort();
    assert.deepEqual(kinds, ['app.bsky.richtext.facet#link', 'app.bsky.richtext.facet#mention', 'app.bsky.richtext.facet#tag']);
    assert.equal((await session.findOwnPost('post-1', new Date(0)))?.uri, first.uri);
    assert.equal(await session.findOwnPost('never-published', new Date(0)), undefined);
  });

  test('publishes an image with its alt text, and refuses one without', async () => {
    const post = await session.publish({ text: 'Our new birthing suites', images: [{ data: TINY_PNG, mimeType: 'image/png', altText: 'A sunlit birthing suite with a bed and a window seat' }] });
    const record = await hospital.agent.com.atproto.repo.getRecord({ repo: hospital.did, collection: 'app.bsky.feed.post', rkey: post.uri.split('/').pop()! });
    const embed = (record.data.value as { embed: { images: Array<{ alt: string }> } }).embed;
    assert.equal(embed.images[0]!.alt, 'A sunlit birthing suite with a bed and a window seat');
    await assert.rejects(session.publish({ text: 'no alt', images: [{ data: TINY_PNG, mimeType: 'image/png', altText: ' ' }] }), (err: unknown) => {
      assert.ok(err instanceof ConnectorError);
      assert.equal(err.code, 'INVALID_CONTENT');
      assert.equal(err.field, 'images[0].altText');
      return true;
    });
  });

  test('publishes a thread in order, each part replying to the one before', async () => {
    const parts = await session.publishThread([
      { text: '1/3 Five signs of a stroke to know (BE FAST):', idempotencyKey: 'thread-a#0' },
      { text: '2/3 Balance, Eyes, Face drooping, Arm weakness,', idempotencyKey: 'thread-a#1' },
      { text: '3/3 Speech, Time to call 911.', idempotencyKey: 'thread-a#2' },
    ]);
    assert.equal(parts.length, 3);
    await net.settle();
    const thread = await session.thread(parts[0]!);
    assert.deepEqual(thread.map((p) => p.text.slice(0, 3)), ['1/3', '2/3', '3/3']);
    assert.equal(thread[2]!.replyParent?.uri, parts[1]!.uri);
  });

  test('a thread that fails part-way reports which parts went out', async () => {
    const tooLong = 'x'.repeat(3001);
    await assert.rejects(
      session.publishThread([{ text: 'part one of a thread that will break', idempotencyKey: 'thread-b#0' }, { text: tooLong, idempotencyKey: 'thread-b#1' }]),
      (err: unknown) => {
        assert.ok(err instanceof PartialThreadError);
        assert.equal(err.published.length, 1);
        assert.equal(err.code, 'INVALID_CONTENT');
        return true;
      },
    );
  });

  test('reads back what another account does: mention, reply, quote, like, repost, follow; counts and search', async () => {
    const post = await session.publish({ text: 'Our walk-in clinic now opens at 7am #WalkIn', idempotencyKey: 'post-for-interactions' });
    await net.settle();
    const pa = patient.agent;
    await pa.like(post.uri, post.cid!);
    await pa.repost(post.uri, post.cid!);
    await pa.follow(hospital.did);
    await pa.post({ text: 'Does the 7am opening include weekends?', reply: { root: { uri: post.uri, cid: post.cid! }, parent: { uri: post.uri, cid: post.cid! } } });
    await pa.post({ text: 'Great news, my mom needs early visits', embed: { $type: 'app.bsky.embed.record', record: { uri: post.uri, cid: post.cid! } } });
    const mentionText = `@${hospital.handle} is the parking garage open overnight?`;
    const { RichText } = await import('@atproto/api');
    const rt = new RichText({ text: mentionText });
    await rt.detectFacets(pa);
    await pa.post({ text: rt.text, facets: rt.facets });
    await net.settle();

    const page = await session.notifications();
    const kinds = new Set(page.notifications.map((n) => n.kind));
    for (const k of ['mention', 'reply', 'quote', 'like', 'repost', 'follow'] as const) assert.ok(kinds.has(k), `${k} in ${[...kinds].join(',')}`);
    const reply = page.notifications.find((n) => n.kind === 'reply')!;
    assert.equal(reply.post?.text, 'Does the 7am opening include weekends?');
    assert.equal(reply.author.handle, patient.handle);
    assert.equal(reply.subject?.uri, post.uri);
    const mention = page.notifications.find((n) => n.kind === 'mention')!;
    assert.equal(mention.post?.text, mentionText);
    assert.equal(new Set(page.notifications.map((n) => n.id)).size, page.notifications.length, 'ids are unique (dedup key)');

    const [m] = await session.metrics([post]);
    assert.deepEqual({ likes: m!.likes, reposts: m!.reposts, replies: m!.replies, quotes: m!.quotes }, { likes: 1, reposts: 1, replies: 1, quotes: 1 });
    assert.equal(m!.impressions, undefined, 'Bluesky gives no impressions: unknown, not zero');

    const found = await session.search('parking garage');
    assert.ok(found.posts.some((p) => p.author.handle === patient.handle));
  });

  test('deleting a post removes it; deleting it again is NOT_FOUND', async () => {
    const post = await session.publish({ text: 'posted by mistake', idempotencyKey: 'oops' });
    await session.delete(post);
    assert.equal(await session.findOwnPost('oops', new Date(0)), undefined);
    await assert.rejects(session.delete(post), (err: unknown) => err instanceof ConnectorError && err.code === 'NOT_FOUND');
  });
});
