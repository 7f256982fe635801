/**
 * Session and request-forgery defences, as an attacker would probe them: planted session ids,
 * replayed cookies after logout, state changes without (or with someone else's) CSRF token,
 * requests from another site, and the flags on the session cookie.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES } from '../testing/engines.ts';
import { testServer, cookieFrom, PASSWORD, type SignedIn, type TestServer } from '../testing/server.ts';
import { createServerApp } from './app.ts';
import { secretHash } from '../security/tokens.ts';

async function errorCode(res: Response): Promise<string> {
  return ((await res.json()) as { error: { code: string } }).error.code;
}

async function loginWith(s: TestServer, email: string, headers: Record<string, string> = {}): Promise<{ res: Response; who: SignedIn }> {
  const res = await s.request('POST', '/api/auth/login', { body: { email, password: PASSWORD }, headers });
  assert.equal(res.status, 200, await res.clone().text());
  const json = (await res.clone().json()) as { csrfToken: string; userId: string };
  return { res, who: { cookie: cookieFrom(res)!, csrf: json.csrfToken, userId: json.userId } };
}

const rename = (s: TestServer, options: Parameters<TestServer['request']>[2]) => s.request('PATCH', '/api/workspace', { body: { name: 'Renamed' }, ...options });

for (const engine of ENGINES) {
  describe(`session security on ${engine}`, () => {
    test('session fixation: a planted id never becomes a session, and a planted real session is ended by the victim’s login', async () => {
      const s = await testServer(engine);
      try {
        const planted = 'attacker-chosen-session-id-0123456789';
        assert.equal((await s.request('GET', '/api/session', { headers: { cookie: `bedside_session=${planted}` } })).status, 401, 'an unknown id is no session');
        const { who } = await loginWith(s, 'viewer@riverside.example', { cookie: `bedside_session=${planted}` });
        assert.notEqual(who.cookie, planted);
        assert.equal((await s.request('GET', '/api/session', { headers: { cookie: `bedside_session=${planted}` } })).status, 401);

        // The attacker's own valid session, planted in the victim's browser before the victim logs in.
        const attacker = await s.login('editor@riverside.example');
        const { who: victim } = await loginWith(s, 'admin@riverside.example', { cookie: `bedside_session=${attacker.cookie}` });
        assert.notEqual(victim.cookie, attacker.cookie, 'the login issues a new id');
        assert.notEqual(victim.csrf, attacker.csrf, 'and a new CSRF token');
        assert.equal((await s.request('GET', '/api/session', { as: attacker })).status, 401, 'the planted session no longer exists');
        const session = (await (await s.request('GET', '/api/session', { as: victim })).json()) as { role: string };
        assert.equal(session.role, 'admin');

        const stored = await s.ctx.storage.db.selectFrom('sessions').select('id').execute();
        assert.ok(stored.every((r) => r.id !== victim.cookie), 'session ids are stored hashed');
        assert.ok(stored.some((r) => r.id === secretHash(victim.cookie)));
      } finally {
        await s.cleanup();
      }
    });

    test('logout ends the session on the server: the old cookie and its CSRF token are refused afterwards', async () => {
      const s = await testServer(engine);
      try {
        const who = await s.login('admin@riverside.example');
        const out = await s.request('POST', '/api/auth/logout', { as: who });
        assert.equal(out.status, 204);
        assert.match(out.headers.get('set-cookie') ?? '', /bedside_session=;.*Max-Age=0/i, 'the browser is told to drop the cookie');
        assert.equal(await s.ctx.storage.db.selectFrom('sessions').select('id').where('id', '=', secretHash(who.cookie)).executeTakeFirst(), undefined);
        // A copy of the cookie kept by an attacker (or a browser that ignored the deletion).
        const replayGet = await s.request('GET', '/api/session', { as: who });
        assert.equal(replayGet.status, 401);
        const replayWrite = await rename(s, { as: who });
        assert.equal(replayWrite.status, 401);
        const again = await s.login('admin@riverside.example');
        assert.equal((await rename(s, { as: { ...again, csrf: who.csrf } })).status, 403, 'the old CSRF token does not fit the new session');
      } finally {
        await s.cleanup();
      }
    });

    test('CSRF: a cookie-authenticated change needs its own session’s token; reads do not; an API token needs none', async () => {
      const s = await testServer(engine);
      try {
        const admin = s.as.admin;
        const missing = await rename(s, { as: admin, csrf: null });
        assert.equal(missing.status, 403);
        assert.equal(await errorCode(missing), 'CSRF_FAILED');
        assert.equal((await rename(s, { as: admin, csrf: '' })).status, 403);
        assert.equal((await rename(s, { as: admin, csrf: 'guessed-token' })).status, 403);
        assert.equal((await rename(s, { as: admin, csrf: s.as.owner.csrf })).status, 403, 'another session’s token');
        for (const method of ['POST', 'PUT', 'DELETE'] as const) {
          const res = await s.request(method, '/api/tokens', { as: admin, csrf: null, body: { name: 'x' } });
          assert.equal(res.status, 403, `${method} without the token`);
        }
        assert.equal((await s.request('GET', '/api/workspace', { as: admin, csrf: null })).status, 200, 'a read needs no token');
        assert.equal((await rename(s, { as: admin })).status, 200, 'with the token');

        const { token } = (await (await s.request('POST', '/api/tokens', { as: admin, body: { name: 'script' } })).json()) as { token: string };
        assert.equal((await rename(s, { bearer: token })).status, 200, 'an API token is no ambient credential: no CSRF token needed');
        // Nothing changed by the refused requests: the audit log holds exactly the two renames.
        const renames = await s.ctx.storage.db.selectFrom('audit_log').select('action').where('action', '=', 'workspace.updated').execute();
        assert.equal(renames.length, 2);
      } finally {
        await s.cleanup();
      }
    });

    test('a write from another site is refused by its Origin, even with the cookie and the right token; the own origin and BEDSIDE_PUBLIC_URL pass', async () => {
      const s = await testServer(engine);
      try {
        const owner = s.as.owner;
        const evil = await rename(s, { as: owner, headers: { origin: 'https://evil.example' } });
        assert.equal(evil.status, 403);
        assert.equal(await errorCode(evil), 'CSRF_FAILED');
        assert.equal((await rename(s, { as: owner, headers: { origin: 'null' } })).status, 403, 'a sandboxed page');
        assert.equal((await rename(s, { as: owner, headers: { origin: 'http://localhost.evil.example' } })).status, 403);
        assert.equal((await rename(s, { as: owner, headers: { origin: 'http://localhost' } })).status, 200, 'the same host');
        assert.equal((await rename(s, { as: owner })).status, 200, 'no Origin: not a browser’s cross-site request');
        // A cross-site login would sign the victim into the attacker's account (login CSRF).
        const crossLogin = await s.request('POST', '/api/auth/login', { body: { email: 'viewer@riverside.example', password: PASSWORD }, headers: { origin: 'https://evil.example' } });
        assert.equal(crossLogin.status, 403);
        assert.equal(cookieFrom(crossLogin), undefined, 'no session cookie handed out');

        const behindProxy = createServerApp(s.ctx, { publicUrl: 'https://bedside.hospital.example' }).app;
        const viaProxy = await behindProxy.request('/api/workspace', {
          method: 'PATCH',
          headers: { host: '127.0.0.1:3000', origin: 'https://bedside.hospital.example', cookie: `bedside_session=${owner.cookie}`, 'x-csrf-token': owner.csrf, 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'Via the proxy' }),
        });
        assert.equal(viaProxy.status, 200, 'the public URL is our origin behind a TLS proxy');
      } finally {
        await s.cleanup();
      }
    });
  });
}

describe('the session cookie', () => {
  test('is HttpOnly, SameSite=Lax, scoped to / and expires; Secure when BEDSIDE_PUBLIC_URL is https, not on plain http', async () => {
    const s = await testServer('sqlite');
    try {
      const { res } = await loginWith(s, 'editor@riverside.example');
      const plain = res.headers.get('set-cookie')!;
      assert.match(plain, /HttpOnly/);
      assert.match(plain, /SameSite=Lax/);
      assert.match(plain, /Path=\//);
      assert.match(plain, /Max-Age=\d+/);
      assert.doesNotMatch(plain, /Secure/, 'a Secure cookie would never come back over plain http');
      assert.doesNotMatch(plain, /Domain=/, 'host-only: not shared with sibling subdomains');

      const { app } = createServerApp(s.ctx, { publicUrl: 'https://bedside.hospital.example' });
      const secure = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'editor@riverside.example', password: PASSWORD }) });
      assert.equal(secure.status, 200);
      const flags = secure.headers.get('set-cookie')!;
      assert.match(flags, /Secure/);
      assert.match(flags, /HttpOnly/);
      assert.match(flags, /SameSite=Lax/);
      const body = await secure.text();
      assert.ok(!body.includes(cookieFrom(secure)!), 'the session id is only in the cookie, never in a body script could read');
    } finally {
      await s.cleanup();
    }
  });
});
