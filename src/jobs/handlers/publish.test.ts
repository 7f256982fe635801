import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ENGINES } from '../../testing/engines.ts';
import { testContext } from '../../testing/context.ts';
import { startBlueskyNetwork, type BlueskyTestNetwork, type TestAccount } from '../../testing/bluesky-network.ts';
import type { AppContext, Actor } from '../../operations/context.ts';
import { createWorkspaceWithOwner, addMember } from '../../operations/accounts.ts';
import { connectChannel, resumeChannel } from '../../operations/channels.ts';
import { readSealedCredentials } from '../../storage/channels.ts';
import { approvePost, createPost, editPost, schedulePost, submitPost, getPost } from '../../operations/posts.ts';
import { registerPublish } from './publish.ts';
import type { Post } from '../../storage/posts.ts';

interface Team {
  owner: Actor;
  editor: Actor;
  reviewer: Actor;
  channelId: string;
}

async function team(ctx: AppContext, hospital: TestAccount, appPassword: string, pdsUrl: string): Promise<Team> {
  const { workspaceId, userId } = await createWorkspaceWithOwner(ctx, { workspaceName: 'Riverside', timeZone: 'America/Chicago', email: 'owner@r.example', displayName: 'Owner', password: 'a long password here' }, { cli: true });
  const owner: Actor = { type: 'user', workspaceId, userId, role: 'owner' };
  const editor = await addMember(ctx, owner, { email: 'editor@r.example', displayName: 'Ed', role: 'editor', password: 'a long password here' });
  const reviewer = await addMember(ctx, owner, { email: 'reviewer@r.example', displayName: 'Rae', role: 'reviewer', password: 'a long password here' });
  const channel = await connectChannel(ctx, owner, { network: 'bluesky', handle: hospital.handle, credentials: { appPassword, serviceUrl: pdsUrl } });
  return {
    owner,
    editor: { type: 'user', workspaceId, userId: editor.userId, role: 'editor' },
    reviewer: { type: 'user', workspaceId, userId: reviewer.userId, role: 'reviewer' },
    channelId: channel.id,
  };
}

async function approvedPost(ctx: AppContext, t: Team, text: string | string[]): Promise<Post> {
  const parts = (Array.isArray(text) ? text : [text]).map((p) => ({ text: p }));
  const { post } = await createPost(ctx, t.editor, { parts, channelIds: [t.channelId] });
  await submitPost(ctx, t.editor, post.id);
  return approvePost(ctx, t.reviewer, post.id);
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

async function recordsOn(account: TestAccount): Promise<string[]> {
  const texts: string[] = [];
  let cursor: string | undefined;
  do {
    const res = await account.agent.com.atproto.repo.listRecords({ repo: account.did, collection: 'app.bsky.feed.post', limit: 100, ...(cursor ? { cursor } : {}) });
    texts.push(...res.data.records.map((r) => (r.value as { text: string }).text));
    cursor = res.data.records.length === 100 ? res.data.cursor : undefined;
  } while (cursor);
  return texts;
}

describe('publishing to a local Bluesky network', () => {
  let net: BlueskyTestNetwork;
  before(async () => {
    net = await startBlueskyNetwork();
  });
  after(async () => {
    await net?.close();
  });

  for (const engine of ENGINES) {
    test(`${engine}: an approved, scheduled post and a thread go out once at their time; an edit after approval needs a new review`, async () => {
      const hospital = await net.account(`pub${engine.slice(0, 2)}`);
      const { ctx, cleanup } = await testContext(engine);
      try {
        const t = await team(ctx, hospital, await net.appPassword(hospital), net.pdsUrl);
        await registerPublish(ctx, ctx.queue);
        const single = await approvedPost(ctx, t, 'Flu shots are here: walk in weekdays 8–5 #FluSeason');
        const thread = await approvedPost(ctx, t, ['1/2 Know the signs of a stroke: BE FAST', '2/2 Balance, Eyes, Face, Arms, Speech, Time to call 911']);
        const at = new Date(Date.now() + 1500);
        await schedulePost(ctx, t.editor, single.id, at);
        await schedulePost(ctx, t.editor, thread.id, at);
        // Editing a scheduled post sends it back to review; its old job must not publish it.
        const edited = await approvedPost(ctx, t, 'Version one');
        await schedulePost(ctx, t.editor, edited.id, new Date(Date.now() + 1000));
        const back = await editPost(ctx, t.editor, edited.id, { parts: [{ text: 'Version two, not yet approved' }] });
        assert.equal(back.state, 'in_review');

        const published = await waitFor('both posts published', async () => {
          const a = await getPost(ctx, t.editor, single.id);
          const b = await getPost(ctx, t.editor, thread.id);
          return a.state === 'published' && b.state === 'published' ? ([a, b] as const) : undefined;
        });
        const [singleOut, threadOut] = published;
        assert.ok(new Date(singleOut.targets[0]!.publishedAt!).getTime() >= at.getTime() - 50, 'not before its time');
        assert.equal(threadOut.targets[0]!.remote.length, 2, 'both thread parts recorded');
        await sleep(1500);
        const texts = await recordsOn(hospital);
        assert.equal(texts.filter((x) => x.startsWith('Flu shots')).length, 1);
        assert.equal(texts.filter((x) => x.startsWith('1/2') || x.startsWith('2/2')).length, 2);
        assert.equal(texts.filter((x) => x.startsWith('Version')).length, 0, 'the edited post waits for review');
        const audit = await ctx.storage.db.selectFrom('audit_log').select('action').where('action', '=', 'post.published').execute();
        assert.equal(audit.length, 2);
      } finally {
        await cleanup();
      }
    });
  }

  test('a revoked app password pauses the channel as auth_revoked; the post waits with a readable reason', async () => {
    const hospital = await net.account('revoked');
    const { ctx, cleanup } = await testContext('sqlite');
    try {
      const appPassword = await net.appPassword(hospital);
      const t = await team(ctx, hospital, appPassword, net.pdsUrl);
      const names = await hospital.agent.com.atproto.server.listAppPasswords();
      for (const p of names.data.passwords) await hospital.agent.com.atproto.server.revokeAppPassword({ name: p.name });
      await registerPublish(ctx, ctx.queue);
      const post = await approvedPost(ctx, t, 'This will not go out');
      await schedulePost(ctx, t.editor, post.id, new Date(Date.now() + 500));
      const waiting = await waitFor('the post to wait for the channel', async () => {
        const p = await getPost(ctx, t.editor, post.id);
        return p.targets[0]!.errorCode === 'CHANNEL_PAUSED' ? p : undefined;
      });
      assert.equal(waiting.state, 'publishing', 'not failed: it goes out once the channel is resumed');
      assert.match(waiting.targets[0]!.errorMessage!, /reconnect the channel/);
      const channel = await ctx.storage.db.selectFrom('channels').select(['status', 'status_reason']).executeTakeFirstOrThrow();
      assert.equal(channel.status, 'auth_revoked');
      assert.match(channel.status_reason!, /reconnect the channel/);
    } finally {
      await cleanup();
    }
  });

  test('resuming with new credentials checks them, not the session stored with the old ones', async () => {
    const hospital = await net.account('resumer');
    const { ctx, cleanup } = await testContext('sqlite');
    try {
      const t = await team(ctx, hospital, await net.appPassword(hospital), net.pdsUrl);
      // The stored session is alive; a mistyped new password must still be refused, and not stored.
      await assert.rejects(resumeChannel(ctx, t.owner, t.channelId, { credentials: { appPassword: 'wrong-wrong-wrong-wrong' } }), (err: Error) => /still refuses the given credentials/.test(err.message));
      const fresh = await net.appPassword(hospital);
      const resumed = await resumeChannel(ctx, t.owner, t.channelId, { credentials: { appPassword: fresh } });
      assert.equal(resumed.status, 'active');
      const sealed = await readSealedCredentials(ctx.storage.db, t.owner.workspaceId, t.channelId);
      const stored = JSON.parse(ctx.secrets.open(sealed!, `channel:${t.channelId}`)) as Record<string, string>;
      assert.equal(stored.appPassword, fresh);
    } finally {
      await cleanup();
    }
  });

  test('an over-long post or an image without alt text is refused before review, naming the post and field', async () => {
    const hospital = await net.account('checks');
    const { ctx, cleanup } = await testContext('sqlite');
    try {
      const t = await team(ctx, hospital, await net.appPassword(hospital), net.pdsUrl);
      const { post } = await createPost(ctx, t.editor, { parts: [{ text: 'x'.repeat(301) }], channelIds: [t.channelId] });
      await assert.rejects(submitPost(ctx, t.editor, post.id), (err: Error & { field?: string }) => {
        assert.match(err.message, new RegExp(`post ${post.id}: .*301.*300`));
        assert.equal(err.field, 'parts[0].text');
        return true;
      });
      await assert.rejects(createPost(ctx, t.editor, { parts: [{ text: 'new wing', images: [{ altText: '' }] }], channelIds: [t.channelId] }), (err: Error & { field?: string }) => {
        assert.equal(err.field, 'parts[0].images[0].altText');
        return true;
      });
      await assert.rejects(schedulePost(ctx, t.editor, post.id, new Date(Date.now() - 3_600_000)), /in the past/);
    } finally {
      await cleanup();
    }
  });

  for (const engine of ENGINES) {
    test(`${engine}: SIGKILL of the worker while 200 scheduled posts publish: afterwards each exists on the PDS exactly once`, async (tc) => {
      const hospital = await net.account(`bulk${engine.slice(0, 2)}`);
      const secretKey = randomBytes(32).toString('base64');
      // The lease is part of each job on PostgreSQL (pg-boss copies it at enqueue): the same 3 s as the workers'.
      const { ctx, database, cleanup } = await testContext(engine, { secretKey, leaseMs: 3000 });
      const children: ChildProcess[] = [];
      const startWorker = (): ChildProcess => {
        const env: NodeJS.ProcessEnv = { ...process.env, BEDSIDE_DATA_DIR: database.dataDir, BEDSIDE_SECRET_KEY: secretKey, PORT: '0', LOG_LEVEL: 'silent', BEDSIDE_JOB_LEASE_SECONDS: '3', BEDSIDE_JOB_MAINTENANCE_SECONDS: '1' };
        if (database.databaseUrl) env.DATABASE_URL = database.databaseUrl;
        else delete env.DATABASE_URL;
        const child = spawn(process.execPath, ['bin/bedside.mjs', 'start'], { env, stdio: 'ignore' });
        children.push(child);
        return child;
      };
      try {
        const t = await team(ctx, hospital, await net.appPassword(hospital), net.pdsUrl);
        const ids: string[] = [];
        const at = new Date(Date.now() + 3000);
        for (let i = 0; i < 200; i++) {
          const post = await approvedPost(ctx, t, `Bulk post ${i} of 200`);
          await schedulePost(ctx, t.editor, post.id, at);
          ids.push(post.id);
        }
        const publishedCount = async () =>
          Number((await ctx.storage.db.selectFrom('post_targets').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'published').executeTakeFirstOrThrow()).n);
        const first = startWorker();
        await waitFor('some posts out', async () => ((await publishedCount()) >= 30 ? true : undefined), 60_000).catch(async (err: Error) => {
          const states = await ctx.storage.db.selectFrom('post_targets').select(['state', 'error_code', (eb) => eb.fn.countAll<number>().as('n')]).groupBy(['state', 'error_code']).execute();
          const channel = await ctx.storage.db.selectFrom('channels').select(['status', 'status_reason']).execute();
          const attempts = await ctx.storage.db.selectFrom('publish_attempts').select(['outcome', 'error_code', (eb) => eb.fn.countAll<number>().as('n')]).groupBy(['outcome', 'error_code']).execute();
          throw new Error(`${err.message}: targets ${JSON.stringify(states)}, channel ${JSON.stringify(channel)}, attempts ${JSON.stringify(attempts)}`);
        });
        first.kill('SIGKILL');
        await new Promise((resolve) => first.once('exit', resolve));
        const atKill = await publishedCount();
        assert.ok(atKill < 200, `killed mid-run (${atKill} published)`);
        startWorker();
        await waitFor('all 200 published', async () => ((await publishedCount()) === 200 ? true : undefined), 120_000).catch(async (err: Error) => {
          const states = await ctx.storage.db.selectFrom('post_targets').select(['state', 'error_code', (eb) => eb.fn.countAll<number>().as('n')]).groupBy(['state', 'error_code']).execute();
          const channel = await ctx.storage.db.selectFrom('channels').select(['status', 'status_reason']).execute();
          const attempts = await ctx.storage.db.selectFrom('publish_attempts').select(['outcome', 'error_code', (eb) => eb.fn.countAll<number>().as('n')]).groupBy(['outcome', 'error_code']).execute();
          throw new Error(`${err.message}: targets ${JSON.stringify(states)}, channel ${JSON.stringify(channel)}, attempts ${JSON.stringify(attempts)}`);
        });
        const texts = (await recordsOn(hospital)).filter((x) => x.startsWith('Bulk post'));
        assert.equal(texts.length, 200, 'every post exists on the PDS');
        assert.equal(new Set(texts).size, 200, 'none twice');
        const reconciled = await ctx.storage.db.selectFrom('publish_attempts').select('outcome').where('outcome', '=', 'reconciled').execute();
        tc.diagnostic(`${atKill} published when killed; ${reconciled.length} unknown attempts reconciled by reading the PDS`);
      } finally {
        for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
        await cleanup();
      }
    });
  }
});
