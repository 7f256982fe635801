/**
 * Publishing through the real job path (queue + handler + Mastodon connector) against a Mastodon
 * instance that fails on command (src/testing/fault-server.ts): rate limits, 5xx bursts, timeouts,
 * resets, an outage, an expired token, a status deleted on the instance. Whatever happens, every
 * queued post ends up on the instance exactly once — counted on the server, by key and by status.
 */
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { ENGINES } from '../../testing/engines.ts';
import { testContext } from '../../testing/context.ts';
import { startFaultServer, type FaultServer } from '../../testing/fault-server.ts';
import type { AppContext, Actor } from '../../operations/context.ts';
import { createWorkspaceWithOwner, addMember } from '../../operations/accounts.ts';
import { connectChannel, openChannelSession } from '../../operations/channels.ts';
import { createApiToken } from '../../operations/auth.ts';
import { approvePost, createPost, getPost, schedulePost, submitPost } from '../../operations/posts.ts';
import { registerConnector } from '../../connectors/index.ts';
import { createMastodonConnector, mastodonConnector } from '../../connectors/mastodon/index.ts';
import { createServerApp } from '../../server/app.ts';
import { insertAttempt, type Post } from '../../storage/posts.ts';
import { JOB_KINDS } from '../kinds.ts';
import { PUBLISH_KIND, networkKey } from './publish-kind.ts';
import { METRICS_KIND, type MetricsPayload } from './metrics-kind.ts';
import { registerPublish } from './publish.ts';
import { snapshotChannel } from './metrics.ts';

const REQUEST_TIMEOUT_MS = 400;

interface Team {
  ctx: AppContext;
  owner: Actor;
  editor: Actor;
  reviewer: Actor;
  channelId: string;
  /** GET/POST on the API with an owner's token, as a script or the CLI would. */
  api(method: string, path: string, body?: unknown): Promise<Response>;
}

async function team(ctx: AppContext, server: FaultServer): Promise<Team> {
  const { workspaceId, userId } = await createWorkspaceWithOwner(ctx, { workspaceName: 'St. Mary’s', timeZone: 'America/Chicago', email: 'owner@stmarys.example', displayName: 'Owner', password: 'a long password here' }, { cli: true });
  const owner: Actor = { type: 'user', workspaceId, userId, role: 'owner' };
  const editor = await addMember(ctx, owner, { email: 'editor@stmarys.example', displayName: 'Ed', role: 'editor', password: 'a long password here' });
  const reviewer = await addMember(ctx, owner, { email: 'reviewer@stmarys.example', displayName: 'Rae', role: 'reviewer', password: 'a long password here' });
  const channel = await connectChannel(ctx, owner, { network: 'mastodon', handle: 'stmarys', credentials: { instanceUrl: server.url, accessToken: server.token } });
  const { token } = await createApiToken(ctx, owner, { name: 'fault test' });
  const { app } = createServerApp(ctx);
  const api = async (method: string, path: string, body?: unknown): Promise<Response> =>
    app.request(path, { method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return {
    ctx,
    owner,
    editor: { type: 'user', workspaceId, userId: editor.userId, role: 'editor' },
    reviewer: { type: 'user', workspaceId, userId: reviewer.userId, role: 'reviewer' },
    channelId: channel.id,
    api,
  };
}

async function scheduled(t: Team, text: string, inMs = 300): Promise<Post> {
  const { post } = await createPost(t.ctx, t.editor, { parts: [{ text }], channelIds: [t.channelId] });
  await submitPost(t.ctx, t.editor, post.id);
  await approvePost(t.ctx, t.reviewer, post.id);
  return schedulePost(t.ctx, t.editor, post.id, new Date(Date.now() + inMs));
}

async function waitFor<T>(what: string, check: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const published = (t: Team, id: string) => waitFor(`post ${id} published`, async () => {
  const p = await getPost(t.ctx, t.editor, id);
  return p.state === 'published' ? p : undefined;
});

/** The network key of a single-part post's only target: what the instance sees as Idempotency-Key. */
function keyOf(post: Post): string {
  return networkKey(post.targets[0]!.id, post.revision, 0);
}

/** Statuses the instance made under a key: exactly-once means one, whatever the retries. */
function madeUnder(server: FaultServer, key: string): number {
  return server.statuses.filter((s) => s.idempotencyKey === key).length;
}

async function deadPublishJobs(ctx: AppContext): Promise<number> {
  if (ctx.storage.engine === 'sqlite') {
    return (await ctx.storage.db.selectFrom('jobs').select('id').where('kind', '=', PUBLISH_KIND).where('state', '=', 'dead').execute()).length;
  }
  const { rows } = await sql<{ n: string }>`select count(*) as n from pgboss.job where name = ${PUBLISH_KIND} and state = 'failed'`.execute(ctx.storage.db);
  return Number(rows[0]?.n ?? 0);
}

async function channelRow(t: Team): Promise<{ status: string; statusReason: string | null }> {
  const list = (await (await t.api('GET', '/api/channels')).json()) as { channels: Array<{ id: string; status: string; statusReason: string | null }> };
  return list.channels.find((c) => c.id === t.channelId)!;
}

async function auditActions(ctx: AppContext): Promise<string[]> {
  return (await ctx.storage.db.selectFrom('audit_log').select('action').orderBy('seq').execute()).map((r) => r.action);
}

for (const engine of ENGINES) {
  describe(`publishing under network faults on ${engine}`, () => {
    let server: FaultServer;
    let t: Team;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      server = await startFaultServer();
      // A short request timeout, so a silent server costs the test under a second.
      registerConnector('mastodon', createMastodonConnector({ requestTimeoutMs: REQUEST_TIMEOUT_MS, mediaPolling: { intervalMs: 10, timeoutMs: 2_000 } }));
      const made = await testContext(engine);
      cleanup = made.cleanup;
      // Backoff from 1 s instead of 10 s: the same curve, quicker.
      await made.ctx.queue.define(PUBLISH_KIND, { ...JOB_KINDS[PUBLISH_KIND], backoffMs: 1_000 });
      t = await team(made.ctx, server);
      // Paused after 3 failures in a row lasting 1 s (production: 5 over a minute).
      await registerPublish(made.ctx, made.ctx.queue, { pauseAfter: { failures: 3, ms: 1_000 } });
    });
    afterEach(async () => {
      await cleanup();
      await server.close();
      registerConnector('mastodon', mastodonConnector);
    });

    test('a 429 is waited out to its Retry-After, never sooner; a 503/500 burst, a timeout and a reset are retried with backoff; each post goes out once', async () => {
      server.inject({ kind: 'rate_limit', retryAfterSeconds: 2, header: 'retry-after-seconds' });
      const limited = await scheduled(t, 'Flu shots are here: walk in weekdays 8–5 #FluSeason');
      await waitFor('the rate-limited post to wait', async () => {
        const p = await getPost(t.ctx, t.editor, limited.id);
        return p.targets[0]!.errorCode === 'RATE_LIMITED' ? p : undefined;
      });
      await published(t, limited.id);
      const tries = server.requests.filter((r) => r.path === '/api/v1/statuses' && r.idempotencyKey === keyOf(limited));
      assert.equal(tries[0]!.outcome, 429);
      const waited = tries[1]!.at - tries[0]!.at;
      assert.ok(waited >= 2_000, `the next try came ${waited} ms after the 429 (Retry-After: 2)`);

      server.inject({ kind: 'server_error', status: 503 });
      server.inject({ kind: 'server_error', status: 500 });
      const burst = await scheduled(t, 'Stroke signs: BE FAST. Call 911.');
      const burstOut = await published(t, burst.id);
      const burstTries = server.requests.filter((r) => r.path === '/api/v1/statuses' && r.idempotencyKey === keyOf(burst));
      assert.deepEqual(burstTries.slice(0, 2).map((r) => r.outcome), [503, 500]);
      assert.ok(burstTries[2]!.at - burstTries[1]!.at >= 400, 'backed off between tries');

      // The server makes the status, then goes silent; the next try's check is cut off halfway.
      server.inject({ kind: 'timeout', afterApplying: true });
      server.inject({ kind: 'reset', afterApplying: true });
      const silent = await scheduled(t, 'Our new maternity wing opens Monday.');
      const silentOut = await published(t, silent.id);
      const silentTries = server.requests.filter((r) => r.path === '/api/v1/statuses' && r.idempotencyKey === keyOf(silent));
      assert.deepEqual(silentTries.slice(0, 2).map((r) => r.outcome), ['timeout', 'reset']);
      assert.equal(silentOut.targets[0]!.remote[0]!.uri, server.statuses.find((s) => s.idempotencyKey === keyOf(silent))!.id, 'the status made during the timeout is the one recorded');

      for (const post of [limited, burst, silent]) assert.equal(madeUnder(server, keyOf(post)), 1, `post ${post.id} exists once`);
      assert.equal(server.statuses.length, 3);
      assert.equal(new Set(server.statuses.map((s) => s.text)).size, 3);
      assert.equal(burstOut.targets[0]!.errorCode, null);
      assert.equal((await channelRow(t)).status, 'active', 'short bursts do not pause the channel');
      assert.equal(await deadPublishJobs(t.ctx), 0);
    });

    test('an outage pauses the channel and tells the user; queued posts wait, untried; after the resume every one goes out exactly once', async () => {
      server.inject({ kind: 'server_error', status: 503 }, { times: Number.POSITIVE_INFINITY });
      const posts: Post[] = [];
      for (let i = 1; i <= 4; i++) posts.push(await scheduled(t, `Visiting hours update ${i} of 4: 8am to 8pm daily.`));

      await waitFor('every post parked on the paused channel', async () => {
        const all = await Promise.all(posts.map((p) => getPost(t.ctx, t.editor, p.id)));
        return all.every((p) => p.targets[0]!.errorCode === 'CHANNEL_PAUSED' && p.targets[0]!.state === 'scheduled') ? all : undefined;
      });
      const channel = await channelRow(t);
      assert.equal(channel.status, 'paused');
      assert.match(channel.statusReason!, /paused after \d+ failures in a row over \d+ (s|min) \(last: .+\): resume the channel/);
      const waiting = await getPost(t.ctx, t.editor, posts[0]!.id);
      assert.equal(waiting.state, 'publishing', 'not failed');
      assert.match(waiting.targets[0]!.errorMessage!, /waiting for the channel to be resumed/);
      assert.ok((await auditActions(t.ctx)).includes('channel.paused'));
      assert.equal(await deadPublishJobs(t.ctx), 0, 'nothing dead-lettered');

      // While paused the network is left alone.
      const triedBefore = server.requests.length;
      await sleep(1_500);
      assert.equal(server.requests.length, triedBefore, 'no requests while paused');

      server.clearFaults();
      const resumed = await t.api('POST', `/api/channels/${t.channelId}/resume`);
      assert.equal(resumed.status, 200, await resumed.clone().text());
      const body = (await resumed.json()) as { status: string; resumedPosts: number };
      assert.equal(body.status, 'active');
      assert.equal(body.resumedPosts, 4);

      for (const post of posts) await published(t, post.id);
      for (const post of posts) assert.equal(madeUnder(server, keyOf(post)), 1, `post ${post.id} exists once`);
      assert.equal(server.statuses.length, 4, 'none twice, none lost');
      assert.equal(new Set(server.statuses.map((s) => s.id)).size, 4);
      assert.equal((await channelRow(t)).statusReason, null);
      assert.ok((await auditActions(t.ctx)).includes('channel.resumed'));
      assert.equal(await deadPublishJobs(t.ctx), 0);
    });

    test('an expired token marks the channel auth_revoked; its posts wait; a resume needs a working token, then they go out once', async () => {
      const first = await scheduled(t, 'Blood drive Thursday in the main lobby.');
      await published(t, first.id);
      const newToken = server.rotateToken(); // the stored token now gets 401 "The access token is invalid"
      const posts = [await scheduled(t, 'Parking garage B is closed Saturday.'), await scheduled(t, 'Free BP checks at the farmers market.')];
      await waitFor('both posts parked', async () => {
        const all = await Promise.all(posts.map((p) => getPost(t.ctx, t.editor, p.id)));
        return all.every((p) => p.targets[0]!.errorCode === 'CHANNEL_PAUSED') ? all : undefined;
      });
      const channel = await channelRow(t);
      assert.equal(channel.status, 'auth_revoked');
      assert.match(channel.statusReason!, /reconnect the channel/);
      assert.equal((await auditActions(t.ctx)).filter((a) => a === 'channel.auth_revoked').length, 1, 'told once');

      const refused = await t.api('POST', `/api/channels/${t.channelId}/resume`);
      assert.equal(refused.status, 409);
      const error = ((await refused.json()) as { error: { field: string; message: string } }).error;
      assert.equal(error.field, 'credentials');
      assert.match(error.message, /still refuses the stored credentials/);
      assert.equal((await channelRow(t)).status, 'auth_revoked');

      const resumed = await t.api('POST', `/api/channels/${t.channelId}/resume`, { credentials: { accessToken: newToken } });
      assert.equal(resumed.status, 200, await resumed.clone().text());
      for (const post of posts) await published(t, post.id);
      for (const post of [first, ...posts]) assert.equal(madeUnder(server, keyOf(post)), 1);
      assert.equal(server.statuses.length, 3);
      const { session } = await openChannelSession(t.ctx, t.owner.workspaceId, t.channelId);
      assert.equal(session.accountId, server.accountId, 'the new token is the one stored');
    });

    test('a status deleted on the instance: metrics record it as deleted; a try that finds its key deleted fails readably and posts nothing again', async () => {
      const post = await scheduled(t, 'Heart health month starts Monday.');
      const out = await published(t, post.id);
      server.deleteStatus(out.targets[0]!.remote[0]!.uri);
      const payload: MetricsPayload = { workspaceId: t.owner.workspaceId, channelId: t.channelId };
      await snapshotChannel(t.ctx, t.ctx.queue, { id: 'metrics-run', kind: METRICS_KIND, payload, attempt: 1, lastAttempt: false, finish: (effects) => t.ctx.storage.db.transaction().execute(effects) });
      const snapshot = await t.ctx.storage.db.selectFrom('post_metric_snapshots').selectAll().where('target_id', '=', out.targets[0]!.id).executeTakeFirstOrThrow();
      assert.equal(snapshot.unavailable, 'deleted on the network');
      assert.equal(snapshot.likes, null, 'unknown, not zero');

      // A worker died mid-publish: the status went out, and someone deleted it before the retry.
      const orphan = await scheduled(t, 'Mammogram screenings: book online.', 1_500);
      const target = orphan.targets[0]!;
      await insertAttempt(t.ctx.storage.db, { id: crypto.randomUUID(), workspaceId: t.owner.workspaceId, targetId: target.id, revision: orphan.revision });
      server.deleteStatus(server.seedStatus('Mammogram screenings: book online.', keyOf(orphan)).id);
      const failed = await waitFor('the orphan to be settled', async () => {
        const p = await getPost(t.ctx, t.editor, orphan.id);
        return p.state === 'failed' ? p : undefined;
      });
      assert.equal(failed.targets[0]!.errorCode, 'NOT_FOUND');
      assert.match(failed.targets[0]!.errorMessage!, /went out and was then deleted on the network/);
      assert.equal(madeUnder(server, keyOf(orphan)), 1, 'not published again');
      assert.equal((await channelRow(t)).status, 'active');
    });
  });
}
