/**
 * Secrets and PHI never reach the log. A realistic run in one process — setup, sign-in, an API
 * token, a channel connected (and one refused), a mention carrying a patient's details heard
 * through the job that reads notifications, a reply the PHI guard blocks, a post published, and
 * network failures whose error text quotes the credential — with every log line captured through
 * the production logger. Then the whole log is searched for each seeded secret and PHI string.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { ENGINES } from '../testing/engines.ts';
import { testContext } from '../testing/context.ts';
import { cookieFrom } from '../testing/server.ts';
import { startFaultServer } from '../testing/fault-server.ts';
import { createLogger } from '../runtime/logger.ts';
import { createServerApp } from './app.ts';
import { issueSetupToken } from '../operations/accounts.ts';
import { registerJobHandlers } from '../jobs/handlers/index.ts';
import { JOB_KINDS } from '../jobs/kinds.ts';
import { PUBLISH_KIND } from '../jobs/handlers/publish-kind.ts';

const PASSWORD = 'Owner-Passw0rd-7f3c-unique';
const REVIEWER_PASSWORD = 'Reviewer-Passw0rd-91ad-unique';
const ACCESS_TOKEN = 'mastodon-app-secret-Zq81xK2pLw90';
const WRONG_TOKEN = 'mastodon-typo-secret-Hh27vB5nQe33';
const PHI = { name: 'Margaret Okonkwo', mrn: 'MRN 4417-2290', phone: '(555) 013-7788', dob: '03/14/1957' };

async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

for (const engine of ENGINES) {
  describe(`the log of a full run on ${engine}`, () => {
    test('holds no password, token, cookie, CSRF token, channel credential or patient detail', async () => {
      const { ctx, cleanup } = await testContext(engine);
      const server = await startFaultServer({ token: ACCESS_TOKEN });
      const lines: string[] = [];
      ctx.logger = createLogger('trace', new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }));
      const seen: string[] = [];
      try {
        await ctx.queue.define(PUBLISH_KIND, { ...JOB_KINDS[PUBLISH_KIND], backoffMs: 1_000 });
        await registerJobHandlers(ctx);
        const { app } = createServerApp(ctx);
        const call = async (method: string, path: string, auth: { cookie?: string; csrf?: string; bearer?: string } = {}, body?: unknown): Promise<Response> => {
          const headers: Record<string, string> = {};
          if (auth.cookie) headers.cookie = `bedside_session=${auth.cookie}`;
          if (auth.csrf) headers['x-csrf-token'] = auth.csrf;
          if (auth.bearer) headers.authorization = `Bearer ${auth.bearer}`;
          if (body !== undefined) headers['content-type'] = 'application/json';
          return app.request(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
        };
        const ok = async (res: Response, status = 200): Promise<Record<string, unknown>> => {
          const text = await res.text();
          assert.equal(res.status, status, text);
          return text ? (JSON.parse(text) as Record<string, unknown>) : {};
        };

        // Sign-in: the setup link, then a login (a wrong password first), an API token.
        const setupToken = (await issueSetupToken(ctx))!;
        const setup = await app.request('/api/setup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: setupToken, workspaceName: 'St. Mary’s', timeZone: 'America/Chicago', email: 'owner@stmarys.example', displayName: 'Olivia', password: PASSWORD }) });
        const setupCookie = cookieFrom(setup)!;
        const setupCsrf = ((await ok(setup, 201)) as { csrfToken: string }).csrfToken;
        assert.equal((await call('POST', '/api/auth/login', {}, { email: 'owner@stmarys.example', password: `${PASSWORD}-wrong` })).status, 401);
        const login = await call('POST', '/api/auth/login', { cookie: setupCookie }, { email: 'owner@stmarys.example', password: PASSWORD });
        const owner = { cookie: cookieFrom(login)!, csrf: ((await ok(login)) as { csrfToken: string }).csrfToken };
        const apiToken = ((await ok(await call('POST', '/api/tokens', owner, { name: 'reports' }), 201)) as { token: string }).token;
        await ok(await call('POST', '/api/members', owner, { email: 'rae@stmarys.example', displayName: 'Rae', role: 'reviewer', password: REVIEWER_PASSWORD }), 201);
        const reviewerLogin = await call('POST', '/api/auth/login', {}, { email: 'rae@stmarys.example', password: REVIEWER_PASSWORD });
        const reviewer = { cookie: cookieFrom(reviewerLogin)!, csrf: ((await ok(reviewerLogin)) as { csrfToken: string }).csrfToken };
        seen.push(setupToken, setupCookie, setupCsrf, owner.cookie, owner.csrf, apiToken, reviewer.cookie, reviewer.csrf);

        // A patient's relative writes to the hospital before the channel is connected; the first read hears it.
        server.addMention({ author: 'worried_son', text: `my mother ${PHI.name} (${PHI.mrn}, DOB ${PHI.dob}) was admitted last night, nobody calls back: ${PHI.phone}` });
        const refused = await call('POST', '/api/channels', owner, { network: 'mastodon', handle: 'stmarys', credentials: { instanceUrl: server.url, accessToken: WRONG_TOKEN } });
        assert.equal(refused.status, 400);
        const channel = (await ok(await call('POST', '/api/channels', owner, { network: 'mastodon', handle: 'stmarys', credentials: { instanceUrl: server.url, accessToken: ACCESS_TOKEN } }), 201)) as { id: string };

        const item = await until('the mention in the inbox', async () => {
          const page = (await ok(await call('GET', '/api/inbox?limit=10', { bearer: apiToken }))) as { items: Array<{ id: string }> };
          return page.items[0];
        });
        const blocked = await call('POST', `/api/inbox/${item.id}/reply`, owner, { text: `Hi! We hope ${PHI.name} is comfortable on ward 4 after her admission; her ${PHI.mrn} file is open.` });
        assert.equal(blocked.status, 422);
        assert.equal(((await blocked.json()) as { error: { code: string } }).error.code, 'PHI_BLOCKED');
        // The network fails the reply with an error text quoting the credential: the person sees it scrubbed.
        server.inject({ kind: 'echo_credentials' });
        const failedReply = await call('POST', `/api/inbox/${item.id}/reply`, owner, { text: 'Thank you for reaching out. Please call our patient relations team so we can help privately.' });
        assert.equal(failedReply.status, 409);
        const replyError = await failedReply.text();
        assert.ok(!replyError.includes(ACCESS_TOKEN), `the credential reached the API: ${replyError}`);
        assert.match(replyError, /\[redacted\]/);

        // A post through review to the network; its first try fails with the credential in the error text.
        const post = (await ok(await call('POST', '/api/posts', owner, { parts: [{ text: 'Flu shots are here: walk in weekdays 8–5 #FluSeason' }], channelIds: [channel.id] }), 201)) as { id?: string; post?: { id: string } };
        const postId = post.post?.id ?? post.id!;
        await ok(await call('POST', `/api/posts/${postId}/submit`, owner));
        await ok(await call('POST', `/api/posts/${postId}/approve`, reviewer, {}));
        server.inject({ kind: 'echo_credentials' });
        await ok(await call('POST', `/api/posts/${postId}/schedule`, owner, { scheduledAt: new Date(Date.now() + 300).toISOString() }));
        await until('the post published', async () => {
          const p = (await ok(await call('GET', `/api/posts/${postId}`, { bearer: apiToken }))) as { state: string };
          return p.state === 'published' ? p : undefined;
        });
        assert.equal(server.statuses.length, 1);
        if (engine === 'sqlite') {
          const jobErrors = (await ctx.storage.db.selectFrom('jobs').select('last_error').where('kind', '=', PUBLISH_KIND).execute()).map((r) => r.last_error ?? '').join('\n');
          assert.match(jobErrors, /\[redacted\]/, 'the failed try was recorded');
          assert.ok(!jobErrors.includes(ACCESS_TOKEN), 'the job’s last error holds no credential');
        }
        await ok(await call('POST', '/api/auth/logout', owner), 204);
      } finally {
        await cleanup();
        await server.close();
      }

      const log = lines.join('');
      assert.ok(lines.length > 20, `the run was logged (${lines.length} lines)`);
      const secrets: Record<string, string> = {
        password: PASSWORD,
        'reviewer password': REVIEWER_PASSWORD,
        'channel access token': ACCESS_TOKEN,
        'refused access token': WRONG_TOKEN,
        'patient name': PHI.name,
        MRN: PHI.mrn,
        'MRN digits': '4417-2290',
        phone: PHI.phone,
        'phone digits': '013-7788',
        'date of birth': PHI.dob,
      };
      seen.forEach((value, i) => (secrets[`session secret #${i + 1}`] = value));
      for (const [what, value] of Object.entries(secrets)) assert.ok(!log.includes(value), `the ${what} reached the log`);
    });
  });
}
