import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { testServer } from '../testing/server.ts';
import { testContext } from '../testing/context.ts';
import { ENGINES } from '../testing/engines.ts';
import { startBlueskyNetwork, type BlueskyTestNetwork } from '../testing/bluesky-network.ts';
import { createWorkspaceWithOwner } from './accounts.ts';
import { scorecardInput, workspaceScorecard } from './scorecard.ts';
import { insertChannel } from '../storage/channels.ts';
import { upsertPlan } from '../storage/posting-plans.ts';
import { insertInteractions } from '../storage/metrics.ts';
import { interactionsSince, publishedPostsSince } from '../storage/scorecard-data.ts';
import { masteryCheck, scorecard } from '../domain/scorecard/index.ts';

let net: BlueskyTestNetwork;
before(async () => {
  net = await startBlueskyNetwork();
});
after(async () => {
  await net?.close();
});

test('a new workspace scores "not enough data" with what is missing; a second channel waits for mastery unless the owner overrides (audited)', async () => {
  const s = await testServer('sqlite');
  try {
    const empty = (await (await s.request('GET', '/api/scorecard', { as: s.as.viewer })).json()) as { scorecard: { rules: Array<{ rule: string; score: number | null; status: string; missing?: string }> } };
    assert.equal(empty.scorecard.rules.length, 7);
    for (const r of empty.scorecard.rules) {
      assert.equal(r.score, null, `${r.rule} has no misleading number`);
      assert.equal(r.status, 'not_enough_data');
      assert.ok(r.missing && r.missing.length > 5, `${r.rule} says what is missing`);
    }

    const first = await net.account('smallfirst');
    const second = await net.account('smallsecond');
    const connect = async (account: typeof first) =>
      s.request('POST', '/api/channels', { as: s.as.admin, body: { network: 'bluesky', handle: account.handle, credentials: { appPassword: await net.appPassword(account), serviceUrl: net.pdsUrl } } });
    assert.equal((await connect(first)).status, 201);
    const refused = await connect(second);
    assert.equal(refused.status, 409);
    assert.match(((await refused.json()) as { error: { message: string } }).error.message, /start small/);
    assert.equal((await s.request('POST', '/api/start-small/override', { as: s.as.admin })).status, 403, 'only the owner may override');
    assert.equal((await s.request('POST', '/api/start-small/override', { as: s.as.owner })).status, 204);
    assert.equal((await connect(second)).status, 201);
    const audit = (await (await s.request('GET', '/api/audit?limit=100', { as: s.as.owner })).json()) as { entries: Array<{ action: string }> };
    assert.ok(audit.entries.some((e) => e.action === 'start_small.overridden'));

    const withChannel = (await (await s.request('GET', '/api/scorecard', { as: s.as.viewer })).json()) as { mastery: { mastered: boolean; checks: unknown[] } };
    assert.equal(withChannel.mastery.mastered, false);
    assert.equal(withChannel.mastery.checks.length, 3);
  } finally {
    await s.cleanup();
  }
});

for (const engine of ENGINES) {
  test(`on ${engine}, the scorecard read as aggregates equals the scorecard over every post and interaction row`, async () => {
    const { ctx, cleanup } = await testContext(engine, { secretKey: randomBytes(32).toString('base64') });
    try {
      const zone = 'America/Chicago';
      const now = new Date('2026-03-19T17:00:00.000Z');
      const { workspaceId, userId } = await createWorkspaceWithOwner(ctx, { workspaceName: 'Mercy', timeZone: zone, email: 'o@mercy.example', displayName: 'O', password: 'a long enough password' }, { cli: true });
      const db = ctx.storage.db;
      const channelId = randomUUID();
      await insertChannel(db, { id: channelId, workspaceId, network: 'bluesky', handle: 'mercy.bsky.social', displayName: null, credentialsSealed: 'x', primary: true });
      await db.updateTable('channels').set({ created_at: new Date(now.getTime() - 400 * 86_400_000).toISOString() }).where('id', '=', channelId).execute();
      await upsertPlan(db, workspaceId, channelId, { slots: [{ days: ['TU', 'TH'], time: '10:00' }] });
      // A year on plan (Tue and Thu 10:05 local, one Thursday in six missed), with metrics; texts vary by type.
      const texts = ['5 tips to lower your blood pressure', 'Book now: 20% off check-ups', 'Meet Maria: her story of recovery', 'Join us Saturday at 9am for the health fair'];
      let i = 0;
      for (let day = DateTime.fromJSDate(now, { zone }).minus({ days: 365 }).startOf('day'); day.toMillis() < now.getTime(); day = day.plus({ days: 1 })) {
        if ((day.weekday !== 2 && day.weekday !== 4) || (day.weekday === 4 && day.weekNumber % 6 === 0)) continue;
        const at = day.set({ hour: 10, minute: 5 }).toUTC().toISO()!;
        if (Date.parse(at) >= now.getTime()) continue;
        const postId = randomUUID();
        const targetId = randomUUID();
        await db.insertInto('posts').values({ id: postId, workspace_id: workspaceId, author_id: userId, state: 'published', parts: JSON.stringify([{ text: texts[i % texts.length] }, { text: 'thread part' }]), scheduled_at: at, revision: 1, approved_by: null, approved_at: null, idempotency_key: null, created_at: at, updated_at: at }).execute();
        await db.insertInto('post_targets').values({ id: targetId, workspace_id: workspaceId, post_id: postId, channel_id: channelId, state: 'published', job_id: null, remote: '[]', published_at: at, error_code: null, error_message: null, updated_at: at }).execute();
        await db.insertInto('post_metric_snapshots').values({ id: randomUUID(), workspace_id: workspaceId, target_id: targetId, channel_id: channelId, fetched_at: at, likes: 10 + (i % 7), reposts: 2, replies: i % 4, quotes: 1, impressions: 900, unavailable: null }).execute();
        i++;
      }
      // 30 weeks of interactions from a growing crowd; every fifth one a follow (never counted).
      const kinds = ['like', 'reply', 'repost', 'quote', 'follow'];
      const interactions = Array.from({ length: 3000 }, (_, k) => ({ externalId: `i${k}`, personId: `did:plc:p${k % (60 + Math.floor(k / 30))}`, kind: kinds[k % 5]!, at: new Date(now.getTime() - (k / 3000) * 210 * 86_400_000).toISOString() }));
      await insertInteractions(db, workspaceId, channelId, interactions);

      const input = await scorecardInput(ctx, workspaceId, now, { interactionDays: 0 });
      assert.ok(input.posts.length < i && input.postTimeline?.length === i, 'older posts are read as instants only');
      assert.equal(input.interactions.length, 0);
      const since = new Date(now.getTime() - 3 * 366 * 86_400_000).toISOString();
      const rows = {
        ...input,
        posts: await publishedPostsSince(db, ctx.storage.engine, workspaceId, since),
        postTimeline: undefined,
        interactions: await interactionsSince(db, ctx.storage.engine, workspaceId, since),
        audienceWindow: undefined,
        weeklyAudience: undefined,
      };
      const owner = { type: 'user' as const, workspaceId, userId, role: 'owner' as const };
      const result = await workspaceScorecard(ctx, owner, now);
      assert.deepEqual(result, { scorecard: scorecard(rows, now.toISOString()), mastery: masteryCheck(rows, now.toISOString()) });
      const byRule = Object.fromEntries(result.scorecard.rules.map((r) => [r.rule, r]));
      assert.equal(byRule.quality?.status, 'ok', 'Quality is scored from the audience window');
      assert.equal(byRule.patience?.status, 'ok', 'Patience is scored from the weekly audience');
      assert.equal(byRule.consistency?.status, 'ok');
      assert.ok(Number(byRule.quality?.figures.engagedAudience90Days) > 0);
      // Tracking began 400 days ago, mid-week: the 56 complete weeks after it count, those before the first interaction as 0.
      assert.equal(byRule.patience?.figures.weeksOfAudienceData, 56);

      // A like from a newcomer in a completed week, fetched late: that week's stored count is
      // cleared and the next read counts them; other weeks keep their counts.
      const weekly = new Map(input.weeklyAudience?.map((w) => [w.weekStart, w.engagedPeople]));
      await insertInteractions(db, workspaceId, channelId, [{ externalId: 'late', personId: 'did:plc:newcomer', kind: 'like', at: '2026-02-04T18:00:00.000Z' }]);
      const later = await scorecardInput(ctx, workspaceId, now, { interactionDays: 0 });
      for (const w of later.weeklyAudience ?? []) assert.equal(w.engagedPeople, (weekly.get(w.weekStart) ?? 0) + (w.weekStart === '2026-02-02' ? 1 : 0), w.weekStart);
    } finally {
      await cleanup();
    }
  });
}
