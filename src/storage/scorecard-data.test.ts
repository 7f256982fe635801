import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ENGINES, freshStorage } from '../testing/engines.ts';
import { audienceCounts, scorecardWeeks, weeklyEngagedAudience, type Interaction } from '../domain/scorecard/index.ts';
import { insertWorkspace } from './workspaces.ts';
import { insertUser } from './users.ts';
import { insertChannel } from './channels.ts';
import { insertInteractions } from './metrics.ts';
import { audienceWindowCounts, engagedPeoplePerPeriod, interactionsSince, publishedPostTimeline } from './scorecard-data.ts';
import type { Db } from './engine.ts';

const NOW = '2026-03-19T16:00:00.000Z';
const ZONE = 'America/New_York';
const DAY = 86_400_000;

async function workspaceWithChannel(db: Db): Promise<{ workspaceId: string; channelId: string }> {
  const workspaceId = randomUUID();
  const channelId = randomUUID();
  await insertWorkspace(db, { id: workspaceId, name: 'Mercy', timeZone: ZONE });
  await insertChannel(db, { id: channelId, workspaceId, network: 'bluesky', handle: `${channelId}.example`, displayName: null, credentialsSealed: 'x', primary: true });
  return { workspaceId, channelId };
}

/** A seeded mix: 40 people over 200 days, follows among them, some exactly on window edges. */
function interactionsFor(seed: number): Interaction[] {
  const kinds = ['like', 'repost', 'reply', 'quote', 'mention', 'follow'] as const;
  const out: Interaction[] = [];
  let x = seed;
  const next = (): number => (x = (x * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  for (let i = 0; i < 600; i++) {
    out.push({ personId: `did:plc:p${Math.floor(next() * 40)}`, at: new Date(Date.parse(NOW) - Math.floor(next() * 200 * DAY)).toISOString(), kind: kinds[Math.floor(next() * kinds.length)]! });
  }
  // On the edges of the 90-day window (from is exclusive, now inclusive) and of a week.
  out.push({ personId: 'did:plc:edge-from', at: new Date(Date.parse(NOW) - 90 * DAY).toISOString(), kind: 'like' });
  out.push({ personId: 'did:plc:edge-now', at: NOW, kind: 'reply' });
  out.push({ personId: 'did:plc:edge-week', at: '2026-03-09T04:00:00.000Z', kind: 'like' });
  return out;
}

for (const engine of ENGINES) {
  describe(`scorecard aggregates on ${engine}`, () => {
    test('the audience window and the engaged people per week match what the domain counts from the rows', async () => {
      const { storage, cleanup } = await freshStorage(engine);
      try {
        const db = storage.db;
        const { workspaceId, channelId } = await workspaceWithChannel(db);
        const other = await workspaceWithChannel(db);
        const mine = interactionsFor(7);
        await insertInteractions(db, workspaceId, channelId, mine.map((it, i) => ({ externalId: `e${i}`, ...it })));
        // Another workspace's people never count here.
        await insertInteractions(db, other.workspaceId, other.channelId, interactionsFor(11).map((it, i) => ({ externalId: `o${i}`, ...it })));

        const from = new Date(Date.parse(NOW) - 90 * DAY).toISOString();
        const counted = await audienceWindowCounts(db, engine, workspaceId, from, NOW, 90, 3);
        const expected = audienceCounts(mine, NOW, 90, 3);
        assert.deepEqual(counted, { days: 90, minInteractions: 3, engaged: expected.engaged, loyal: expected.loyal });
        assert.ok(expected.loyal > 0 && expected.loyal < expected.engaged, 'the data has loyal and occasional people');

        const weeks = scorecardWeeks(NOW, ZONE);
        const perWeek = await engagedPeoplePerPeriod(db, engine, workspaceId, [...weeks.map((w) => w.from), weeks[weeks.length - 1]!.to]);
        const reference = weeklyEngagedAudience(mine, ZONE, weeks[0]!.from, NOW);
        assert.deepEqual(perWeek, reference.map((w) => w.engagedPeople));
        assert.equal(perWeek.length, 156);
        assert.ok(perWeek.filter((n) => n > 0).length >= 25, 'about 29 weeks have people');

        const rows = await interactionsSince(db, engine, workspaceId, from);
        assert.ok(rows.every((r) => r.kind !== 'follow' && r.at >= from));
        assert.deepEqual(await audienceWindowCounts(db, engine, randomUUID(), from, NOW, 90, 3), { days: 90, minInteractions: 3, engaged: 0, loyal: 0 });
        assert.deepEqual(await engagedPeoplePerPeriod(db, engine, workspaceId, [weeks[0]!.from]), []);
      } finally {
        await cleanup();
      }
    });

    test('the post timeline holds every published post since the date, on its channel, as ISO instants', async () => {
      const { storage, cleanup } = await freshStorage(engine);
      try {
        const db = storage.db;
        const { workspaceId, channelId } = await workspaceWithChannel(db);
        const second = randomUUID();
        await insertChannel(db, { id: second, workspaceId, network: 'mastodon', handle: 'mercy@social.example', displayName: null, credentialsSealed: 'x', primary: false });
        const userId = randomUUID();
        await insertUser(db, { id: userId, email: `${userId}@example.org`, displayName: 'Ana', passwordHash: null });
        const expected: Array<{ channelId: string; publishedAt: string }> = [];
        for (let i = 0; i < 30; i++) {
          const at = new Date(Date.parse(NOW) - i * 13 * DAY - 1234).toISOString();
          const state = i % 10 === 9 ? 'failed' : 'published';
          const onChannel = i % 3 === 0 ? second : channelId;
          const postId = randomUUID();
          await db.insertInto('posts').values({ id: postId, workspace_id: workspaceId, author_id: userId, state, parts: JSON.stringify([{ text: `post ${i}` }]), scheduled_at: at, revision: 1, approved_by: null, approved_at: null, idempotency_key: null, created_at: at, updated_at: at }).execute();
          await db.insertInto('post_targets').values({ id: randomUUID(), workspace_id: workspaceId, post_id: postId, channel_id: onChannel, state, job_id: null, remote: '[]', published_at: state === 'published' ? at : null, error_code: null, error_message: null, updated_at: at }).execute();
          if (state === 'published' && i * 13 < 300) expected.push({ channelId: onChannel, publishedAt: at });
        }
        const timeline = await publishedPostTimeline(db, engine, workspaceId, new Date(Date.parse(NOW) - 300 * DAY).toISOString());
        const order = (a: { channelId: string; publishedAt: string }, b: { channelId: string; publishedAt: string }): number => a.publishedAt.localeCompare(b.publishedAt);
        assert.deepEqual([...timeline].sort(order), expected.sort(order));
        assert.deepEqual(await publishedPostTimeline(db, engine, randomUUID(), '2020-01-01T00:00:00.000Z'), []);
      } finally {
        await cleanup();
      }
    });
  });
}
