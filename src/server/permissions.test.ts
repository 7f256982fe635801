import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ENGINES } from '../testing/engines.ts';
import { testServer, type TestServer, type SignedIn } from '../testing/server.ts';
import { ROLES, can, type Role } from '../domain/roles.ts';
import { addMember } from '../operations/accounts.ts';
import { connectChannel } from '../operations/channels.ts';
import { createApiToken } from '../operations/auth.ts';

/**
 * A valid request for every authenticated route, built fresh for each call (so a DELETE has
 * something of its own to delete). A route without a fixture fails the walk: new routes must
 * join it.
 */
type Fixture = (s: TestServer, who: SignedIn, role: Role) => Promise<{ path: string; body?: unknown; as?: SignedIn }>;

const FIXTURES: Record<string, Fixture> = {
  'POST /api/auth/logout': async (s, _who, role) => ({ path: '/api/auth/logout', as: await s.login(role === 'owner' ? 'owner@riverside.example' : `${role}@riverside.example`) }),
  'GET /api/session': async () => ({ path: '/api/session' }),
  'GET /api/workspace': async () => ({ path: '/api/workspace' }),
  'PATCH /api/workspace': async () => ({ path: '/api/workspace', body: { name: 'Riverside Regional Medical Center' } }),
  'GET /api/audit': async () => ({ path: '/api/audit?limit=5' }),
  'GET /api/audit/verify': async () => ({ path: '/api/audit/verify' }),
  'GET /api/members': async () => ({ path: '/api/members' }),
  'POST /api/members': async () => ({ path: '/api/members', body: { email: `${randomUUID()}@riverside.example`, displayName: 'New Person', role: 'viewer', password: 'a long enough password' } }),
  'PATCH /api/members/{userId}': async (s) => {
    const m = await addMember(s.ctx, s.ownerActor, { email: `${randomUUID()}@riverside.example`, displayName: 'Target', role: 'viewer', password: 'a long enough password' });
    return { path: `/api/members/${m.userId}`, body: { role: 'editor' } };
  },
  'DELETE /api/members/{userId}': async (s) => {
    const m = await addMember(s.ctx, s.ownerActor, { email: `${randomUUID()}@riverside.example`, displayName: 'Target', role: 'viewer', password: 'a long enough password' });
    return { path: `/api/members/${m.userId}` };
  },
  'GET /api/tokens': async () => ({ path: '/api/tokens' }),
  'POST /api/tokens': async () => ({ path: '/api/tokens', body: { name: 'reporting script' } }),
  'DELETE /api/tokens/{id}': async (s, who, role) => {
    const { record } = await createApiToken(s.ctx, { type: 'user', workspaceId: s.workspaceId, userId: who.userId, role }, { name: 'to revoke' });
    return { path: `/api/tokens/${record.id}` };
  },
  'GET /api/channels': async () => ({ path: '/api/channels' }),
  'POST /api/channels': async () => ({ path: '/api/channels', body: { network: 'bluesky', handle: `${randomUUID().slice(0, 8)}.bsky.social`, credentials: { appPassword: 'abcd-efgh-ijkl-mnop' } } }),
  'DELETE /api/channels/{id}': async (s) => {
    const ch = await connectChannel(s.ctx, s.ownerActor, { network: 'bluesky', handle: `${randomUUID().slice(0, 8)}.bsky.social`, credentials: { appPassword: 'x' } });
    return { path: `/api/channels/${ch.id}` };
  },
};

for (const engine of ENGINES) {
  describe(`permissions on ${engine}`, () => {
    test('every API route × every role answers 2xx when the role may, 403 when not, 401 without a session', async () => {
      const s = await testServer(engine);
      try {
        const walked: string[] = [];
        for (const route of s.routes.filter((r) => r.access !== 'public')) {
          const key = `${route.method} ${route.path}`;
          const fixture = FIXTURES[key];
          assert.ok(fixture, `no permission fixture for ${key}: add one`);
          for (const role of ROLES) {
            const who = s.as[role];
            const req = await fixture(s, who, role);
            const res = await s.request(route.method, req.path, { as: req.as ?? who, body: req.body });
            const allowed = route.access === 'member' || can(role, route.access);
            const text = await res.text();
            if (allowed) assert.ok(res.status >= 200 && res.status < 300, `${key} as ${role}: expected 2xx, got ${res.status} ${text}`);
            else {
              assert.equal(res.status, 403, `${key} as ${role}: expected 403, got ${res.status} ${text}`);
              assert.equal(JSON.parse(text).error.code, 'FORBIDDEN');
            }
            walked.push(`${key} ${role} ${res.status}`);
          }
          const anonymous = await fixture(s, s.as.owner, 'owner');
          const res = await s.request(route.method, anonymous.path, { body: anonymous.body });
          assert.equal(res.status, 401, `${key} without a session`);
        }
        assert.equal(walked.length, s.routes.filter((r) => r.access !== 'public').length * ROLES.length);
      } finally {
        await s.cleanup();
      }
    });
  });
}
