import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ENGINES } from '../testing/engines.ts';
import { testServer, type TestServer, type SignedIn } from '../testing/server.ts';
import { ROLES, can, type Role } from '../domain/roles.ts';
import { addMember } from '../operations/accounts.ts';
import { connectChannel } from '../operations/channels.ts';
import { createApiToken } from '../operations/auth.ts';
import { approvePost, createPost, schedulePost, submitPost } from '../operations/posts.ts';
import { updateTarget } from '../storage/posts.ts';
import { setChannelStatus } from '../storage/channels.ts';
import { setPostingPlan } from '../operations/calendar.ts';
import { recordMentions } from '../operations/ingest.ts';
import { addHashtag, createQuery } from '../operations/listening.ts';
import { createSavedReply } from '../operations/inbox.ts';
import { overrideStartSmall } from '../operations/scorecard.ts';
import { startBlueskyNetwork, TINY_PNG, type BlueskyTestNetwork } from '../testing/bluesky-network.ts';
import { uploadMedia } from '../operations/media.ts';
import { setAlertSettings } from '../operations/alerts.ts';

const TINY_PNG_BODY = { raw: TINY_PNG };
import type { Actor } from '../operations/context.ts';

let net: BlueskyTestNetwork;

/** A real Bluesky account on the local network, ready to connect as a channel. */
async function blueskyAccount(): Promise<{ handle: string; credentials: Record<string, string> }> {
  const account = await net.account(`c${randomUUID().replace(/-/g, '').slice(0, 10)}`);
  return { handle: account.handle, credentials: { appPassword: await net.appPassword(account), serviceUrl: net.pdsUrl } };
}

const channels = new WeakMap<TestServer, string>();
async function mainChannel(s: TestServer): Promise<string> {
  let id = channels.get(s);
  if (!id) {
    const account = await blueskyAccount();
    id = (await connectChannel(s.ctx, s.ownerActor, { network: 'bluesky', handle: account.handle, credentials: account.credentials })).id;
    channels.set(s, id);
  }
  return id;
}

function editorActor(s: TestServer): Actor {
  return { type: 'user', workspaceId: s.workspaceId, userId: s.as.editor.userId, role: 'editor' };
}

let patientPost: { uri: string; cid: string } | undefined;

/** A fresh inbox item: a real post on the local network, heard as a mention of the main channel. */
async function inboxItem(s: TestServer): Promise<string> {
  const channelId = await mainChannel(s);
  if (!patientPost) {
    const patient = await net.account(`p${randomUUID().replace(/-/g, '').slice(0, 10)}`);
    patientPost = await patient.agent.post({ text: 'What are the visiting hours on the maternity ward?' });
  }
  const externalId = `${patientPost.uri}#${randomUUID()}`;
  await recordMentions(s.ctx, s.workspaceId, { sourceId: null, channelId }, [
    { network: 'bluesky', externalId, kind: 'mention', author: { handle: 'visitor.test' }, text: 'What are the visiting hours on the maternity ward?', remoteUri: patientPost.uri, remoteCid: patientPost.cid, createdAt: new Date().toISOString() },
  ]);
  const row = await s.ctx.storage.db.selectFrom('inbox_items').innerJoin('mentions', 'mentions.id', 'inbox_items.mention_id').select('inbox_items.id').where('mentions.external_id', '=', externalId).executeTakeFirstOrThrow();
  return row.id;
}

/** A post by the editor, moved to the given point of its life. */
async function postIn(s: TestServer, stage: 'draft' | 'in_review' | 'approved' | 'scheduled'): Promise<string> {
  const editor = editorActor(s);
  const { post } = await createPost(s.ctx, editor, { parts: [{ text: 'Flu shot clinic Saturday 9–1 #FluSeason' }], channelIds: [await mainChannel(s)] });
  if (stage === 'draft') return post.id;
  await submitPost(s.ctx, editor, post.id);
  if (stage === 'in_review') return post.id;
  await approvePost(s.ctx, { type: 'user', workspaceId: s.workspaceId, userId: s.as.reviewer.userId, role: 'reviewer' }, post.id);
  if (stage === 'approved') return post.id;
  await schedulePost(s.ctx, editor, post.id, new Date(Date.now() + 86_400_000));
  return post.id;
}

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
  'GET /api/workspace/alerts': async () => ({ path: '/api/workspace/alerts' }),
  'PUT /api/workspace/alerts': async () => ({ path: '/api/workspace/alerts', body: { webhookUrl: 'https://hooks.example.org/services/T0/B0/abc', scope: 'urgent' } }),
  // A test alert to a receiver that is not there: the route answers 200 with what went wrong.
  'POST /api/workspace/alerts/test': async (s) => {
    await setAlertSettings(s.ctx, s.ownerActor, { webhookUrl: 'http://127.0.0.1:9/hooks/none' });
    return { path: '/api/workspace/alerts/test' };
  },
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
  'POST /api/channels': async () => {
    const account = await blueskyAccount();
    return { path: '/api/channels', body: { network: 'bluesky', handle: account.handle, credentials: account.credentials } };
  },
  'DELETE /api/channels/{id}': async (s) => {
    const account = await blueskyAccount();
    const ch = await connectChannel(s.ctx, s.ownerActor, { network: 'bluesky', handle: account.handle, credentials: account.credentials });
    return { path: `/api/channels/${ch.id}` };
  },
  'POST /api/channels/{id}/resume': async (s) => {
    const account = await blueskyAccount();
    const ch = await connectChannel(s.ctx, s.ownerActor, { network: 'bluesky', handle: account.handle, credentials: account.credentials });
    await setChannelStatus(s.ctx.storage.db, s.workspaceId, ch.id, 'paused', 'publishing paused after 3 failures in a row');
    return { path: `/api/channels/${ch.id}/resume`, body: {} };
  },
  'GET /api/posts': async () => ({ path: '/api/posts?limit=5&state=draft,scheduled' }),
  'POST /api/posts': async (s) => ({ path: '/api/posts', body: { parts: [{ text: 'Heart health month starts Monday' }], channelIds: [await mainChannel(s)] } }),
  'GET /api/posts/{id}': async (s) => ({ path: `/api/posts/${await postIn(s, 'draft')}` }),
  'PATCH /api/posts/{id}': async (s) => ({ path: `/api/posts/${await postIn(s, 'draft')}`, body: { parts: [{ text: 'Edited text' }] } }),
  'POST /api/posts/{id}/submit': async (s) => ({ path: `/api/posts/${await postIn(s, 'draft')}/submit` }),
  'POST /api/posts/{id}/approve': async (s) => ({ path: `/api/posts/${await postIn(s, 'in_review')}/approve`, body: {} }),
  'POST /api/posts/{id}/request-changes': async (s) => ({ path: `/api/posts/${await postIn(s, 'in_review')}/request-changes`, body: { comment: 'Please add the clinic hours' } }),
  'POST /api/posts/{id}/schedule': async (s) => ({ path: `/api/posts/${await postIn(s, 'approved')}/schedule`, body: { scheduledAt: new Date(Date.now() + 86_400_000).toISOString() } }),
  'POST /api/posts/{id}/unschedule': async (s) => ({ path: `/api/posts/${await postIn(s, 'scheduled')}/unschedule` }),
  'POST /api/posts/{id}/cancel': async (s) => ({ path: `/api/posts/${await postIn(s, 'draft')}/cancel` }),
  'POST /api/posts/{id}/retry': async (s) => {
    const id = await postIn(s, 'scheduled');
    const target = (await s.ctx.storage.db.selectFrom('post_targets').select('id').where('post_id', '=', id).executeTakeFirstOrThrow()).id;
    await updateTarget(s.ctx.storage.db, target, { state: 'failed', errorCode: 'TRANSIENT', errorMessage: 'network kept failing' });
    return { path: `/api/posts/${id}/retry`, body: { targetId: target } };
  },
  'POST /api/posts/{id}/comments': async (s) => ({ path: `/api/posts/${await postIn(s, 'in_review')}/comments`, body: { comment: 'Looks good to me' } }),
  'GET /api/channels/{id}/plan': async (s) => ({ path: `/api/channels/${await mainChannel(s)}/plan` }),
  'PUT /api/channels/{id}/plan': async (s) => ({ path: `/api/channels/${await mainChannel(s)}/plan`, body: { slots: [{ days: ['TU', 'TH', 'SA'], time: '10:00' }] } }),
  'GET /api/channels/{id}/next-slot': async (s) => {
    const id = await mainChannel(s);
    await setPostingPlan(s.ctx, s.ownerActor, id, { slots: [{ days: ['MO', 'WE', 'FR'], time: '09:30' }] });
    return { path: `/api/channels/${id}/next-slot` };
  },
  'GET /api/calendar': async () => ({ path: `/api/calendar?from=${new Date().toISOString()}&to=${new Date(Date.now() + 7 * 86_400_000).toISOString()}` }),
  'GET /api/consistency': async () => ({ path: '/api/consistency' }),
  'GET /api/inbox': async () => ({ path: '/api/inbox?limit=10' }),
  'GET /api/inbox/{id}': async (s) => ({ path: `/api/inbox/${await inboxItem(s)}` }),
  'POST /api/inbox/actions': async (s) => ({ path: '/api/inbox/actions', body: { ids: [await inboxItem(s)], action: 'close' } }),
  'POST /api/inbox/{id}/notes': async (s) => ({ path: `/api/inbox/${await inboxItem(s)}/notes`, body: { body: 'Called back, all good' } }),
  'POST /api/inbox/{id}/reply-check': async (s) => ({ path: `/api/inbox/${await inboxItem(s)}/reply-check`, body: { text: 'Visiting hours are 8am to 8pm every day.' } }),
  'POST /api/inbox/{id}/reply': async (s) => ({ path: `/api/inbox/${await inboxItem(s)}/reply`, body: { text: `Visiting hours are 8am to 8pm every day. (${randomUUID().slice(0, 6)})` } }),
  'GET /api/saved-replies': async () => ({ path: '/api/saved-replies' }),
  'POST /api/saved-replies': async () => ({ path: '/api/saved-replies', body: { title: 'Move offline', body: 'Please call our patient relations team so we can help privately.' } }),
  'POST /api/saved-replies/{id}/review': async (s) => ({ path: `/api/saved-replies/${(await createSavedReply(s.ctx, editorActor(s), { title: 'Hours', body: 'We are open 8 to 8.' })).id}/review` }),
  'GET /api/inbox-metrics': async () => ({ path: `/api/inbox-metrics?from=${new Date(Date.now() - 86_400_000).toISOString()}&to=${new Date().toISOString()}` }),
  'GET /api/listening/queries': async () => ({ path: '/api/listening/queries' }),
  'POST /api/listening/validate': async () => ({ path: '/api/listening/validate', body: { query: '(flu OR vaccine' } }),
  'POST /api/listening/queries': async () => ({ path: '/api/listening/queries', body: { name: 'Flu season', query: '("flu shot" OR vaccin*) NOT job' } }),
  'DELETE /api/listening/queries/{id}': async (s) => ({ path: `/api/listening/queries/${(await createQuery(s.ctx, s.ownerActor, { name: 'tmp', query: 'parking' })).id}` }),
  'GET /api/listening/queries/{id}/mentions': async (s) => ({ path: `/api/listening/queries/${(await createQuery(s.ctx, s.ownerActor, { name: 'hours', query: 'visiting hours' })).id}/mentions` }),
  'GET /api/mentions/search': async () => ({ path: `/api/mentions/search?q=${encodeURIComponent('visiting NEAR/2 hours')}` }),
  'GET /api/listening/topics': async () => ({ path: `/api/listening/topics?from=${new Date(Date.now() - 7 * 86_400_000).toISOString()}&to=${new Date().toISOString()}` }),
  'GET /api/sources': async () => ({ path: '/api/sources' }),
  'POST /api/sources/feeds': async () => ({ path: '/api/sources/feeds', body: { url: `http://127.0.0.1:9/${randomUUID()}.xml` } }),
  'POST /api/sources/hashtags': async () => ({ path: '/api/sources/hashtags', body: { tag: `#FluShot${randomUUID().slice(0, 8).replace(/-/g, '_')}` } }),
  'DELETE /api/sources/{id}': async (s) => ({ path: `/api/sources/${(await addHashtag(s.ctx, s.ownerActor, `tmp${randomUUID().slice(0, 8)}`)).id}` }),
  'GET /api/scorecard': async () => ({ path: '/api/scorecard' }),
  'GET /api/scorecard/trends': async () => ({ path: '/api/scorecard/trends' }),
  'POST /api/start-small/override': async () => ({ path: '/api/start-small/override' }),
  'GET /api/reports/monthly': async () => ({ path: '/api/reports/monthly' }),
  'GET /api/reports/monthly/tables/{table}': async () => ({ path: '/api/reports/monthly/tables/top_posts.csv' }),
  'POST /api/media': async () => ({ path: '/api/media', body: TINY_PNG_BODY }),
  'GET /api/media/{id}': async (s) => ({ path: `/api/media/${(await uploadMedia(s.ctx, s.ownerActor, TINY_PNG)).id}` }),
  'POST /api/composer/check': async (s) => ({ path: '/api/composer/check', body: { parts: [{ text: 'Join us #hearthealth' }], channelIds: [await mainChannel(s)] } }),
};

before(async () => {
  net = await startBlueskyNetwork();
});
after(async () => {
  await net?.close();
});

for (const engine of ENGINES) {
  describe(`permissions on ${engine}`, () => {
    test('every API route × every role answers 2xx when the role may, 403 when not, 401 without a session', async () => {
      const s = await testServer(engine);
      try {
        // Many channels are connected below: lift the one-channel start (tested on its own).
        await overrideStartSmall(s.ctx, s.ownerActor);
        const walked: string[] = [];
        for (const route of s.routes.filter((r) => r.access !== 'public')) {
          const key = `${route.method} ${route.path}`;
          const fixture = FIXTURES[key];
          assert.ok(fixture, `no permission fixture for ${key}: add one`);
          for (const role of ROLES) {
            const who = s.as[role];
            const req = await fixture(s, who, role);
            const res = await s.request(route.method, req.path, { as: req.as ?? who, body: req.body });
            const allowed = route.access === 'member' || (route.access !== 'public' && can(role, route.access));
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
