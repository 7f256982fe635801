import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { audienceCounts, engagedAudience, loyalCore, weeklyEngagedAudience } from './audience.ts';
import { conversationDepth, engagementRate, engagementSummary } from './engagement.ts';
import { responseWithinTarget } from './response.ts';
import type { Interaction } from './types.ts';

const NOW = '2026-03-19T16:00:00Z';

describe('engagementRate', () => {
  it('divides by impressions where the network reports them, and says so', () => {
    const r = engagementRate({ metrics: { likes: 30, reposts: 5, replies: 4, quotes: 1, impressions: 2000, followersAtTime: 900 } });
    assert.deepEqual(r, { rate: 0.02, engagements: 40, denominator: 'impressions', label: 'of impressions' });
  });

  it('falls back to followers at the time, labelled, when there are no impressions', () => {
    const r = engagementRate({ metrics: { likes: 9, reposts: 0, replies: 1, quotes: 0, followersAtTime: 500 } });
    assert.deepEqual(r, { rate: 0.02, engagements: 10, denominator: 'followers', label: 'of followers at the time' });
  });

  it('is unavailable with the reason — never zero — when metrics could not be fetched or the post is gone', () => {
    assert.deepEqual(engagementRate({ metrics: { unavailable: 'rate limited by the network' } }), { unavailable: 'rate limited by the network' });
    assert.deepEqual(engagementRate({ deletedAt: '2026-03-01T00:00:00Z' }), { unavailable: 'deleted on the network before metrics were fetched' });
    assert.ok('unavailable' in engagementRate({ metrics: { likes: 1, reposts: 0, replies: 0, quotes: 0 } }));
  });

  it('medians are kept apart by denominator', () => {
    const s = engagementSummary([
      { metrics: { likes: 10, reposts: 0, replies: 0, quotes: 0, impressions: 1000 } },
      { metrics: { likes: 30, reposts: 0, replies: 0, quotes: 0, impressions: 1000 } },
      { metrics: { likes: 5, reposts: 0, replies: 0, quotes: 0, followersAtTime: 100 } },
      { metrics: { unavailable: 'deleted on the network' } },
    ]);
    assert.deepEqual(s, { impressions: { median: 0.02, posts: 2 }, followers: { median: 0.05, posts: 1 }, unavailable: 1 });
  });
});

describe('conversationDepth', () => {
  it('counts replies and quotes against all engagement and per post, leaving unavailable posts out of the denominators', () => {
    const d = conversationDepth([
      { metrics: { likes: 80, reposts: 10, replies: 8, quotes: 2, impressions: 5000 } },
      { metrics: { likes: 20, reposts: 0, replies: 0, quotes: 0 } },
      { metrics: { unavailable: 'deleted on the network' } },
    ]);
    assert.equal(d.postsWithMetrics, 2);
    assert.equal(d.conversationShare, 10 / 120);
    assert.equal(d.conversationsPerPost, 5);
    assert.equal(d.postsWithConversation, 0.5);
    assert.deepEqual(d.unavailable, { 'deleted on the network': 1 });
  });
});

describe('engaged audience and loyal core', () => {
  const at = (daysAgo: number): string => new Date(Date.parse(NOW) - daysAgo * 86_400_000).toISOString();
  const interactions: Interaction[] = [
    { personId: 'ann', at: at(1), kind: 'like' },
    { personId: 'ann', at: at(20), kind: 'reply' },
    { personId: 'ann', at: at(80), kind: 'quote' },
    { personId: 'bob', at: at(2), kind: 'like' },
    { personId: 'bob', at: at(3), kind: 'follow' }, // following is not engaging
    { personId: 'bob', at: at(4), kind: 'follow' },
    { personId: 'cy', at: at(91), kind: 'reply' }, // outside 90 days
    { personId: 'dee', at: at(5), kind: 'follow' },
  ];

  it('counts unique people who interacted in 90 days, follows excluded', () => {
    assert.equal(engagedAudience(interactions, NOW), 2);
    assert.deepEqual(audienceCounts(interactions, NOW), { engaged: 2, loyal: 1, interactions: 4, days: 90 });
  });

  it('the loyal core are those with at least 3 interactions', () => {
    assert.equal(loyalCore(interactions, NOW), 1);
    assert.equal(loyalCore(interactions, NOW, 90, 4), 0);
  });

  it('weekly engaged audience counts people per local Monday-start week, DST weeks included', () => {
    // Week of Monday 2 March and week of 9 March (clocks changed Sunday 8 March in New York).
    const list: Interaction[] = [
      { personId: 'a', at: '2026-03-02T05:00:00Z', kind: 'like' }, // Monday 00:00 EST: first instant of that week
      { personId: 'a', at: '2026-03-04T15:00:00Z', kind: 'reply' },
      { personId: 'b', at: '2026-03-09T03:59:00Z', kind: 'like' }, // Sunday 8 March 23:59 EDT: still the first week
      { personId: 'c', at: '2026-03-09T04:00:00Z', kind: 'like' }, // Monday 9 March 00:00 EDT
    ];
    const weeks = weeklyEngagedAudience(list, 'America/New_York', '2026-03-02T05:00:00Z', NOW);
    assert.deepEqual(weeks, [
      { weekStart: '2026-03-02', engagedPeople: 2 },
      { weekStart: '2026-03-09', engagedPeople: 1 },
    ]);
  });
});

describe('responseWithinTarget', () => {
  it('counts answered-by-due over answered or overdue, leaving out conversations that can still be answered in time', () => {
    const now = Date.parse(NOW);
    const iso = (minutesAgo: number): string => new Date(now - minutesAgo * 60_000).toISOString();
    const r = responseWithinTarget(
      [
        { id: '1', channelId: 'x', receivedAt: iso(300), dueAt: iso(240), firstResponseAt: iso(280), needsResponse: true },
        { id: '2', channelId: 'x', receivedAt: iso(300), dueAt: iso(240), firstResponseAt: iso(200), needsResponse: true }, // late
        { id: '3', channelId: 'x', receivedAt: iso(300), dueAt: iso(240), needsResponse: true }, // overdue
        { id: '4', channelId: 'x', receivedAt: iso(10), dueAt: iso(-50), needsResponse: true }, // not due yet
        { id: '5', channelId: 'x', receivedAt: iso(300), dueAt: iso(240), needsResponse: false },
      ],
      now - 30 * 86_400_000,
      now,
    );
    assert.deepEqual(r, { decided: 3, onTime: 1, rate: 1 / 3 });
  });
});
