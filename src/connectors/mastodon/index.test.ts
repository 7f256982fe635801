import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConnectorError, PartialThreadError, type ConnectorSession } from '../types.ts';
import { createMastodonConnector, mastodonConnector, type MastodonConnectorOptions } from './index.ts';
import { recording, startReplay, type Recording, type ReplayServer } from './replay-server.ts';

const TOKEN = 'ZA-Yj3aBD8U8Cm7lKUp-lm9O9BmDgdhHzDeqsY8tlL0';
const OWN_ACCOUNT = '109348254736285011';
// A PNG-sized stand-in; the server only sees bytes, a name and a type.
const IMAGE = new Uint8Array(68).fill(7);

/** Starts a replayed instance with the given exchanges after verify_credentials, connects, runs, and checks every exchange was asked for. */
async function withInstance(recordings: Recording[], run: (session: ConnectorSession, server: ReplayServer) => Promise<void>, options: MastodonConnectorOptions = {}): Promise<void> {
  const server = await startReplay([recording('verify-credentials.json'), ...recordings], TOKEN);
  try {
    const connector = createMastodonConnector({ mediaPolling: { intervalMs: 1, timeoutMs: 5_000 }, ...options });
    const session = await connector.connect({ instanceUrl: server.url, accessToken: TOKEN });
    await run(session, server);
  } finally {
    await server.close();
  }
}

async function rejection(promise: Promise<unknown>): Promise<ConnectorError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ConnectorError, `expected a ConnectorError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

test('the connector declares Mastodon limits and capabilities as data', () => {
  const { describe } = mastodonConnector;
  assert.equal(describe.network, 'mastodon');
  assert.deepEqual(describe.limits.counting, { kind: 'characters_urls_fixed', urlLength: 23 });
  assert.equal(describe.limits.textLength, 500);
  assert.equal(describe.limits.imagesPerPost, 4);
  assert.equal(describe.limits.altTextLength, 1500);
  assert.equal(describe.capabilities.threads, true);
  assert.equal(describe.capabilities.impressions, false);
  assert.deepEqual(describe.rateLimit, { requests: 300, windowSeconds: 300 });
  assert.deepEqual(describe.credentialFields.map((f) => [f.name, f.secret]), [['instanceUrl', false], ['accessToken', true]]);
});

test('connecting verifies the token and learns the account id and full handle', async () => {
  await withInstance([], async (session, server) => {
    assert.equal(session.accountId, OWN_ACCOUNT);
    assert.equal(session.handle, `stmarys@${new URL(server.url).host}`);
    assert.equal(server.received[0]?.headers.authorization, `Bearer ${TOKEN}`);
  });
});

test('a revoked token fails to connect with AUTH_REVOKED', async () => {
  const server = await startReplay([recording('verify-credentials-401.json')], TOKEN);
  try {
    const error = await rejection(createMastodonConnector().connect({ instanceUrl: server.url, accessToken: TOKEN }));
    assert.equal(error.code, 'AUTH_REVOKED');
    assert.match(error.message, /access token is invalid/);
    assert.equal(error.retryable, false);
  } finally {
    await server.close();
  }
});

test('a channel without a token or with a plain-http remote instance is refused before any request', async () => {
  assert.equal((await rejection(mastodonConnector.connect({ instanceUrl: 'https://mastodon.example', accessToken: ' ' }))).code, 'AUTH_REVOKED');
  assert.equal((await rejection(mastodonConnector.connect({ instanceUrl: 'http://mastodon.example', accessToken: TOKEN }))).code, 'PERMANENT');
});

test('publishing text sends the Idempotency-Key and returns the status id, URL and time', async () => {
  await withInstance([recording('status-create-text.json')], async (session) => {
    const published = await session.publish({ text: 'Flu shots are available at the walk-in clinic this week, 8am–6pm. No appointment needed.', idempotencyKey: 'post-7f3c9a-0001' });
    assert.deepEqual(published, { uri: '114156789012345001', url: 'https://mastodon.example/@stmarys/114156789012345001', publishedAt: '2025-03-14T10:02:13.412Z' });
  });
});

test('an image is uploaded with its alt text, waited for while processing, then attached to the status', async () => {
  const exchanges = ['media-upload-202.json', 'media-get-206.json', 'media-get-200.json', 'status-create-with-media.json'].map((name) => recording(name));
  await withInstance(exchanges, async (session, server) => {
    const published = await session.publish({
      text: 'Our flu clinic in pictures.',
      images: [{ data: IMAGE, mimeType: 'image/png', altText: 'Nurse Lee giving a flu shot to a volunteer in the clinic lobby' }],
      idempotencyKey: 'post-7f3c9a-0002',
    });
    assert.equal(published.uri, '114156789012345002');
    assert.deepEqual(server.received.map((r) => `${r.method} ${r.path}`).slice(1), [
      'POST /api/v2/media',
      'GET /api/v1/media/114156789100000001',
      'GET /api/v1/media/114156789100000001',
      'POST /api/v1/statuses',
    ]);
  });
});

test('an image without alt text is refused before anything is uploaded', async () => {
  await withInstance([], async (session, server) => {
    const error = await rejection(session.publish({ text: 'x', images: [{ data: IMAGE, mimeType: 'image/png', altText: '  ' }] }));
    assert.equal(error.code, 'INVALID_CONTENT');
    assert.equal(error.field, 'images[0].altText');
    assert.equal(server.received.length, 1); // only verify_credentials
  });
});

test('a reply names the status it answers with in_reply_to_id, as visible as its public parent', async () => {
  await withInstance([recording('status-get.json'), recording('status-create-reply.json')], async (session) => {
    const published = await session.publish({ text: '@zsc Thank you! Walk-ins are welcome until 6pm.', replyTo: { uri: '103186126728896492' } });
    assert.equal(published.uri, '114156789012345003');
  });
});

test('a reply to a private mention stays a private mention instead of going out public', async () => {
  await withInstance([recording('status-get-direct.json'), recording('status-create-reply-direct.json')], async (session) => {
    const published = await session.publish({ text: '@zsc Please call our patient line at 555-0100; we cannot discuss results here.', replyTo: { uri: '114156800000000077' } });
    assert.equal(published.uri, '114156800000000099');
  });
});

test('a thread whose second part is rejected reports the first part as published', async () => {
  await withInstance([recording('status-create-thread-1.json'), recording('status-create-thread-2-422.json')], async (session) => {
    const error = await rejection(
      session.publishThread([
        { text: 'What to bring to your appointment (1/2)', idempotencyKey: 'thread-42-part-1' },
        { text: 'x'.repeat(501), idempotencyKey: 'thread-42-part-2' },
      ]),
    );
    assert.ok(error instanceof PartialThreadError);
    assert.deepEqual(error.published.map((p) => p.uri), ['114156789012345010']);
    assert.equal(error.code, 'INVALID_CONTENT');
    // PartialThreadError keeps the cause's code but not its field (types.ts); the cause has it.
    assert.equal((error.cause as ConnectorError).field, 'text');
  });
});

test('a status over the character limit is INVALID_CONTENT on the text, in the server\'s words', async () => {
  await withInstance([recording('status-create-422-too-long.json')], async (session) => {
    const error = await rejection(session.publish({ text: 'y'.repeat(501) }));
    assert.equal(error.code, 'INVALID_CONTENT');
    assert.equal(error.field, 'text');
    assert.match(error.message, /character limit of 500 exceeded/);
  });
});

test('a rate-limited publish is RATE_LIMITED until X-RateLimit-Reset, measured on the server\'s clock', async () => {
  await withInstance([recording('status-create-429.json')], async (session) => {
    const error = await rejection(session.publish({ text: 'Reminder: masks are required in the oncology ward.' }));
    assert.equal(error.code, 'RATE_LIMITED');
    // Date 10:02:13 GMT, reset 10:05:00Z: 167 s, whatever this machine's clock says.
    assert.equal(error.retryAfterSeconds, 167);
    assert.equal(error.retryable, true);
  });
});

test('a server down for maintenance (503) is TRANSIENT', async () => {
  await withInstance([recording('status-create-503.json')], async (session) => {
    const error = await rejection(session.publish({ text: 'Reminder: masks are required in the oncology ward.' }));
    assert.equal(error.code, 'TRANSIENT');
    assert.match(error.message, /503/);
  });
});

test('an HTML error page from the proxy in front of Mastodon (502) is TRANSIENT', async () => {
  await withInstance([recording('status-create-502-html.json')], async (session) => {
    assert.equal((await rejection(session.publish({ text: 'Reminder: masks are required in the oncology ward.' }))).code, 'TRANSIENT');
  });
});

test('a server that stopped answering is TRANSIENT', async () => {
  const server = await startReplay([recording('verify-credentials.json')], TOKEN);
  const session = await createMastodonConnector().connect({ instanceUrl: server.url, accessToken: TOKEN });
  await server.close();
  assert.equal((await rejection(session.publish({ text: 'anyone there?' }))).code, 'TRANSIENT');
});

test('notifications map replies, mentions, quotes, likes, reposts and follows, with status HTML as text', async () => {
  await withInstance([recording('notifications-page.json'), recording('notifications-last-page.json')], async (session) => {
    const page = await session.notifications();
    assert.deepEqual(page.notifications.map((n) => [n.id, n.kind]), [
      ['34975861', 'reply'],
      ['34975800', 'mention'],
      ['34975700', 'quote'],
      ['34975535', 'like'],
      ['34975500', 'repost'],
      ['34975400', 'follow'],
    ]); // the poll result and the follow request are not inbox items
    const [reply, mention, quote, like, repost, follow] = page.notifications;
    assert.equal(reply?.post?.text, "@stmarys Is the clinic open on Saturday? My mum's appointment got moved & I'm confused.\nThanks!");
    assert.deepEqual(reply?.subject, { uri: '103186038209478945' });
    assert.equal(reply?.post?.uri, '103186126728896492');
    assert.equal(reply?.post?.lang, 'en');
    assert.equal(mention?.post?.text, 'Shout-out to @stmarys for the quick ER visit.\n\nSee https://health.social/@ana/1');
    assert.deepEqual(mention?.author, { id: '110223344556677889', handle: 'ana@health.social', displayName: 'Ana Ruiz' });
    assert.equal(quote?.post?.text, 'Worth sharing.');
    assert.deepEqual(quote?.subject, { uri: '103186038209478945' });
    assert.equal(like?.post, undefined);
    assert.deepEqual(like?.subject, { uri: '103186038209478945', url: 'https://mastodon.example/@stmarys/103186038209478945' });
    assert.deepEqual(like?.author, { id: '297420', handle: 'haskal@cybre.space' }); // no display name set
    assert.equal(repost?.subject?.uri, '103186038209478945');
    assert.equal(follow?.subject, undefined);
    assert.equal(page.cursor, '34975300');

    const older = await session.notifications(page.cursor);
    assert.deepEqual(older, { notifications: [] });
  });
});

test('metrics read favourites, boosts, replies and quotes; a deleted post is left out', async () => {
  const fetchedAt = new Date('2025-03-14T11:00:00Z');
  await withInstance(
    [recording('status-get-metrics.json'), recording('status-get-404.json')],
    async (session) => {
      const metrics = await session.metrics([{ uri: '103186038209478945' }, { uri: '103186038209400000' }]);
      assert.deepEqual(metrics, [{ uri: '103186038209478945', likes: 112, reposts: 98, replies: 7, quotes: 2, fetchedAt: fetchedAt.toISOString() }]);
      assert.equal('impressions' in (metrics[0] ?? {}), false);
    },
    { now: () => fetchedAt },
  );
});

test('deleting a status that is already gone is NOT_FOUND', async () => {
  await withInstance([recording('status-delete-404.json')], async (session) => {
    const error = await rejection(session.delete({ uri: '114156789012345001' }));
    assert.equal(error.code, 'NOT_FOUND');
    assert.equal(error.retryable, false);
  });
});

test('a hashtag search reads the tag timeline and pages with the Link header', async () => {
  await withInstance([recording('timeline-tag.json')], async (session, server) => {
    const page = await session.search('#flushot');
    assert.deepEqual(page.posts.map((p) => [p.uri, p.author.handle, p.text]), [
      ['114156700000000003', `zsc@${new URL(server.url).host}`, 'Got my #flushot today, arm is a bit sore'],
      ['114156600000000002', 'ana@health.social', 'Where can I get a #FluShot without an appointment?'],
    ]);
    assert.equal(page.cursor, '114156600000000002');
  });
});

test('a word search goes to /api/v2/search for statuses and keeps the content warning in the text', async () => {
  await withInstance([recording('search-statuses.json')], async (session) => {
    const page = await session.search('walk-in clinic');
    assert.equal(page.posts.length, 1);
    assert.equal(page.posts[0]?.text, 'health\n\nThe walk-in clinic wait is about 40 minutes right now.');
    assert.equal(page.cursor, undefined); // fewer than a page: the end
  });
});

test('a thread lists the ancestors, the status and its replies in reading order', async () => {
  await withInstance([recording('status-get.json'), recording('status-context.json')], async (session) => {
    const posts = await session.thread({ uri: '103186126728896492' });
    assert.deepEqual(posts.map((p) => p.uri), ['103186038209478945', '103186126728896492', '114156789012345003']);
    assert.deepEqual(posts[1]?.replyParent, { uri: '103186038209478945' });
  });
});

const ATTEMPT = new Date('2025-03-14T10:02:10Z');

test('within the hour, findOwnPost asks Mastodon by idempotency key and gets the status it made', async () => {
  await withInstance(
    [recording('status-probe-known-key.json')],
    async (session) => {
      const found = await session.findOwnPost('post-7f3c9a-0001', ATTEMPT);
      assert.equal(found?.uri, '114156789012345001');
    },
    { now: () => new Date('2025-03-14T10:30:00Z') },
  );
});

test('within the hour, an unknown idempotency key means the post never went out, and nothing is created', async () => {
  await withInstance(
    [recording('status-probe-unknown-key.json')],
    async (session) => {
      assert.equal(await session.findOwnPost('post-never-sent', ATTEMPT), undefined);
    },
    { now: () => new Date('2025-03-14T10:30:00Z') },
  );
});

test('after the hour, findOwnPost compares the text of the account\'s statuses since the attempt', async () => {
  await withInstance(
    [recording('account-statuses.json')],
    async (session) => {
      const found = await session.findOwnPost('post-7f3c9a-0001', ATTEMPT, { text: 'Flu shots are available at the walk-in clinic this week, 8am–6pm.  No appointment needed.' });
      // The older status with the same words (13 March) predates the attempt and is not it.
      assert.equal(found?.uri, '114156789012345001');
    },
    { now: () => new Date('2025-03-15T12:00:00Z') },
  );
});

test('after the hour and without the text, findOwnPost refuses to guess', async () => {
  await withInstance(
    [],
    async (session) => {
      const error = await rejection(session.findOwnPost('post-7f3c9a-0001', ATTEMPT));
      assert.equal(error.code, 'PERMANENT');
      assert.match(error.message, /forgets idempotency keys after an hour/);
    },
    { now: () => new Date('2025-03-15T12:00:00Z') },
  );
});
