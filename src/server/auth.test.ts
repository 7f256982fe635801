import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino from 'pino';
import { ENGINES } from '../testing/engines.ts';
import { testServer, cookieFrom, PASSWORD, type SignedIn } from '../testing/server.ts';
import { testContext } from '../testing/context.ts';
import { createServerApp } from './app.ts';
import { VERIFIED_TOKEN_TTL_MS } from './verified-tokens.ts';
import { setTimeout as sleep } from 'node:timers/promises';
import { issueSetupToken } from '../operations/accounts.ts';
import { startBlueskyNetwork, type BlueskyTestNetwork } from '../testing/bluesky-network.ts';

let net: BlueskyTestNetwork;
before(async () => {
  net = await startBlueskyNetwork();
});
after(async () => {
  await net?.close();
});

for (const engine of ENGINES) {
  describe(`authentication on ${engine}`, () => {
    test('first run: the one-time setup link creates the owner, signs them in, and cannot be used twice', async () => {
      const { ctx, cleanup } = await testContext(engine);
      try {
        const { app } = createServerApp(ctx);
        const token = await issueSetupToken(ctx);
        assert.ok(token);
        const body = { token, workspaceName: 'Riverside', timeZone: 'America/New_York', email: 'Owner@Riverside.example', displayName: 'Olivia', password: PASSWORD };
        const post = (b: unknown) => app.request('/api/setup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) });
        const res = await post(body);
        assert.equal(res.status, 201, await res.clone().text());
        const cookie = cookieFrom(res);
        assert.ok(cookie);
        assert.match(res.headers.get('set-cookie')!, /HttpOnly/);
        assert.match(res.headers.get('set-cookie')!, /SameSite=Lax/);
        const session = await app.request('/api/session', { headers: { cookie: `bedside_session=${cookie}` } });
        assert.equal(((await session.json()) as { role: string }).role, 'owner');
        const again = await post({ ...body, email: 'second@riverside.example' });
        assert.equal(again.status, 401);
        assert.equal(await issueSetupToken(ctx), undefined, 'no setup link once a workspace exists');
      } finally {
        await cleanup();
      }
    });

    test('a wrong password is refused with the same message as an unknown email; repeated failures are rate-limited', async () => {
      const s = await testServer(engine);
      try {
        const wrong = await s.request('POST', '/api/auth/login', { body: { email: 'editor@riverside.example', password: 'not the password' } });
        const unknown = await s.request('POST', '/api/auth/login', { body: { email: 'nobody@riverside.example', password: 'not the password' } });
        assert.equal(wrong.status, 401);
        assert.equal(unknown.status, 401);
        assert.deepEqual(await wrong.json(), await unknown.json());
        for (let i = 0; i < 4; i++) await s.request('POST', '/api/auth/login', { body: { email: 'editor@riverside.example', password: 'still wrong' } });
        const locked = await s.request('POST', '/api/auth/login', { body: { email: 'editor@riverside.example', password: PASSWORD } });
        assert.equal(locked.status, 429, 'even the right password waits out the lock');
        assert.ok(Number(locked.headers.get('retry-after')) > 0);
      } finally {
        await s.cleanup();
      }
    });

    test('a cookie session needs the CSRF token to change anything; an API token does not', async () => {
      const s = await testServer(engine);
      try {
        const noCsrf = await s.request('PATCH', '/api/workspace', { as: s.as.admin, csrf: null, body: { name: 'Renamed' } });
        assert.equal(noCsrf.status, 403);
        assert.equal(((await noCsrf.json()) as { error: { code: string } }).error.code, 'CSRF_FAILED');
        const wrongCsrf = await s.request('PATCH', '/api/workspace', { as: s.as.admin, csrf: 'guess', body: { name: 'Renamed' } });
        assert.equal(wrongCsrf.status, 403);
        const created = await s.request('POST', '/api/tokens', { as: s.as.admin, body: { name: 'cli' } });
        const { token, record } = (await created.json()) as { token: string; record: { id: string } };
        assert.match(token, /^bsd_/);
        const viaToken = await s.request('PATCH', '/api/workspace', { bearer: token, body: { name: 'Renamed by token' } });
        assert.equal(viaToken.status, 200);
        await s.request('DELETE', `/api/tokens/${record.id}`, { as: s.as.admin });
        const revoked = await s.request('GET', '/api/workspace', { bearer: token });
        assert.equal(revoked.status, 401);
        const stored = await s.ctx.storage.db.selectFrom('api_tokens').select('token_hash').execute();
        assert.ok(stored.every((r) => r.token_hash !== token), 'tokens are stored hashed');
      } finally {
        await s.cleanup();
      }
    });

    test('an API token follows its owner: a change made through this server applies to the next request, one made elsewhere within two seconds', async () => {
      const s = await testServer(engine);
      try {
        const editorId = s.as.editor.userId;
        const mint = async (as: SignedIn) => ((await (await s.request('POST', '/api/tokens', { as, body: { name: 'script' } })).json()) as { token: string; record: { id: string } });
        const roleVia = async (app: typeof s.app, token: string) => {
          const res = await app.request('/api/session', { headers: { authorization: `Bearer ${token}` } });
          return res.status === 200 ? ((await res.json()) as { role: string }).role : res.status;
        };
        const first = await mint(s.as.editor);
        assert.equal(await roleVia(s.app, first.token), 'editor');
        assert.equal((await s.request('PATCH', `/api/members/${editorId}`, { as: s.as.admin, body: { role: 'viewer' } })).status, 200);
        assert.equal(await roleVia(s.app, first.token), 'viewer', 'the demotion applies to the very next request');

        // A second server process on the same database learns of a revocation made here within the bound.
        const elsewhere = createServerApp(s.ctx).app;
        assert.equal(await roleVia(elsewhere, first.token), 'viewer');
        assert.equal((await s.request('DELETE', `/api/tokens/${first.record.id}`, { as: s.as.admin })).status, 204);
        assert.equal(await roleVia(s.app, first.token), 401, 'refused at once where it was revoked');
        await sleep(VERIFIED_TOKEN_TTL_MS + 100);
        assert.equal(await roleVia(elsewhere, first.token), 401, 'and within two seconds everywhere else');

        // The demotion ended the editor's sessions: sign in again to mint another token.
        const second = await mint(await s.login('editor@riverside.example'));
        assert.equal(await roleVia(s.app, second.token), 'viewer');
        assert.equal((await s.request('DELETE', `/api/members/${editorId}`, { as: s.as.admin })).status, 204);
        assert.equal(await roleVia(s.app, second.token), 401, 'a removed member’s token stops at once');
      } finally {
        await s.cleanup();
      }
    });

    test('logging in never adopts a planted session id (no session fixation), and logout ends the session', async () => {
      const s = await testServer(engine);
      try {
        const planted = 'attacker-chosen-value';
        const res = await s.request('POST', '/api/auth/login', { body: { email: 'viewer@riverside.example', password: PASSWORD }, headers: { cookie: `bedside_session=${planted}` } });
        const cookie = cookieFrom(res)!;
        assert.notEqual(cookie, planted);
        const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
        const who = { cookie, csrf, userId: '' };
        assert.equal((await s.request('GET', '/api/session', { as: who })).status, 200);
        assert.equal((await s.request('POST', '/api/auth/logout', { as: who })).status, 204);
        assert.equal((await s.request('GET', '/api/session', { as: who })).status, 401);
      } finally {
        await s.cleanup();
      }
    });

    test('a role change or removal takes effect at once, and the last owner cannot be demoted', async () => {
      const s = await testServer(engine);
      try {
        const demote = await s.request('PATCH', `/api/members/${s.ownerId}`, { as: s.as.owner, body: { role: 'admin' } });
        assert.equal(demote.status, 409);
        assert.equal(((await demote.json()) as { error: { code: string } }).error.code, 'LAST_OWNER');
        const editorId = s.as.editor.userId;
        assert.equal((await s.request('PATCH', `/api/members/${editorId}`, { as: s.as.admin, body: { role: 'viewer' } })).status, 200);
        assert.equal((await s.request('GET', '/api/session', { as: s.as.editor })).status, 401, 'old session ended');
        const relogin = await s.login('editor@riverside.example');
        const session = (await (await s.request('GET', '/api/session', { as: relogin })).json()) as { role: string };
        assert.equal(session.role, 'viewer');
        const adminCannotMakeOwner = await s.request('PATCH', `/api/members/${editorId}`, { as: s.as.admin, body: { role: 'owner' } });
        assert.equal(adminCannotMakeOwner.status, 403);
      } finally {
        await s.cleanup();
      }
    });

    test('channel credentials are checked with the network, encrypted at rest and never returned', async () => {
      const s = await testServer(engine);
      try {
        const account = await net.account(`enc${engine.slice(0, 2)}`);
        const appPassword = await net.appPassword(account);
        const refused = await s.request('POST', '/api/channels', { as: s.as.admin, body: { network: 'bluesky', handle: account.handle, credentials: { appPassword: 'wrong-wrong-wrong-wrong', serviceUrl: net.pdsUrl } } });
        assert.equal(refused.status, 400);
        assert.equal(((await refused.json()) as { error: { field: string } }).error.field, 'credentials');
        const res = await s.request('POST', '/api/channels', { as: s.as.admin, body: { network: 'bluesky', handle: account.handle, credentials: { appPassword, serviceUrl: net.pdsUrl } } });
        assert.equal(res.status, 201);
        const text = await res.text();
        assert.ok(!text.includes(appPassword));
        assert.equal(JSON.parse(text).primary, true, 'the first channel is the primary one');
        const row = await s.ctx.storage.db.selectFrom('channels').select(['id', 'credentials_encrypted']).executeTakeFirstOrThrow();
        assert.ok(!row.credentials_encrypted.includes(appPassword));
        const opened = JSON.parse(s.ctx.secrets.open(row.credentials_encrypted, `channel:${row.id}`)) as Record<string, string>;
        assert.equal(opened.appPassword, appPassword);
        assert.ok(opened.session, 'the session tokens are stored too, sealed');
        assert.throws(() => s.ctx.secrets.open(row.credentials_encrypted, 'channel:another-id'), /cannot be opened/);
        const dup = await s.request('POST', '/api/channels', { as: s.as.admin, body: { network: 'bluesky', handle: account.handle, credentials: { appPassword, serviceUrl: net.pdsUrl } } });
        assert.equal(dup.status, 409);
        const list = await (await s.request('GET', '/api/channels', { as: s.as.viewer })).text();
        assert.ok(!list.includes('credentials') && !list.includes(appPassword));
      } finally {
        await s.cleanup();
      }
    });

    test('every change above lands in the audit log, which stays intact', async () => {
      const s = await testServer(engine);
      try {
        await s.request('PATCH', '/api/workspace', { as: s.as.owner, body: { timeZone: 'America/Denver' } });
        const page = (await (await s.request('GET', '/api/audit?limit=100', { as: s.as.reviewer })).json()) as { entries: Array<{ action: string; details: Record<string, unknown> }> };
        const actions = page.entries.map((e) => e.action);
        for (const a of ['workspace.created', 'member.added', 'session.started', 'workspace.updated']) assert.ok(actions.includes(a), `${a} in ${actions.join(',')}`);
        const verify = (await (await s.request('GET', '/api/audit/verify', { as: s.as.owner })).json()) as { intact: boolean; entries: number };
        assert.equal(verify.intact, true);
        assert.equal(verify.entries, page.entries.length);
      } finally {
        await s.cleanup();
      }
    });
  });
}

describe('bad input', () => {
  test('malformed requests get 400 naming the field; unknown routes 404; all as {error: {code, message, field?}}', async () => {
    const s = await testServer('sqlite');
    try {
      const missing = await s.request('POST', '/api/members', { as: s.as.owner, body: { email: 'x@riverside.example', role: 'viewer' } });
      assert.equal(missing.status, 400);
      const m = (await missing.json()) as { error: { code: string; field: string; message: string } };
      assert.equal(m.error.code, 'INVALID_REQUEST');
      assert.equal(m.error.field, 'displayName');
      const badRole = await s.request('POST', '/api/members', { as: s.as.owner, body: { email: 'x@riverside.example', displayName: 'X', role: 'superuser' } });
      assert.equal(((await badRole.json()) as { error: { field: string } }).error.field, 'role');
      const badZone = await s.request('PATCH', '/api/workspace', { as: s.as.owner, body: { timeZone: 'Mars/Olympus' } });
      assert.equal(badZone.status, 400);
      assert.equal(((await badZone.json()) as { error: { field: string } }).error.field, 'timeZone');
      const notJson = await s.request('POST', '/api/auth/login', { body: '{"email": ' });
      assert.equal(notJson.status, 400);
      assert.equal(((await notJson.json()) as { error: { code: string } }).error.code, 'INVALID_REQUEST');
      const badParam = await s.request('DELETE', '/api/channels/not-a-uuid', { as: s.as.owner });
      assert.equal(((await badParam.json()) as { error: { field: string } }).error.field, 'id');
      const unknown = await s.request('GET', '/api/nothing-here', { as: s.as.owner });
      assert.equal(unknown.status, 404);
      assert.equal(((await unknown.json()) as { error: { code: string } }).error.code, 'NOT_FOUND');
      const doc = (await (await s.request('GET', '/api/openapi.json')).json()) as { paths: Record<string, unknown> };
      for (const r of s.routes) assert.ok(doc.paths[r.path.replace(/\{(\w+)\}/g, '{$1}')], `${r.path} in the OpenAPI document`);
    } finally {
      await s.cleanup();
    }
  });

  test('logs carry no passwords, tokens, cookies or credentials', async () => {
    const { ctx, cleanup } = await testContext('sqlite');
    const lines: string[] = [];
    ctx.logger = pino({ level: 'debug' }, new Writable({ write: (chunk, _e, cb) => (lines.push(String(chunk)), cb()) }));
    try {
      const { app } = createServerApp(ctx);
      const token = (await issueSetupToken(ctx))!;
      const secretPassword = 'Tr0ub4dor&3-unique-secret';
      const res = await app.request('/api/setup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, workspaceName: 'W', timeZone: 'UTC', email: 'a@b.example', displayName: 'A', password: secretPassword }) });
      const cookie = cookieFrom(res)!;
      await app.request('/api/session', { headers: { cookie: `bedside_session=${cookie}` } });
      await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'a@b.example', password: 'wrong-' + secretPassword }) });
      const all = lines.join('');
      assert.ok(lines.length >= 3, 'requests were logged');
      for (const secret of [secretPassword, token, cookie]) assert.ok(!all.includes(secret), 'a secret reached the log');
    } finally {
      await cleanup();
    }
  });
});
