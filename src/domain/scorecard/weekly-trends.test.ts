import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { weeklyTrends } from './weekly-trends.ts';
import { patienceScore } from './rules/patience.ts';
import { WorkspaceHistory } from './history.ts';
import { buildHistory, emptyWorkspace, NOW, seeded } from './constructed-histories.ts';

describe('weeklyTrends', () => {
  it('a new workspace has no weeks, no trend and no top posts', () => {
    const t = weeklyTrends(emptyWorkspace(), NOW);
    assert.deepEqual(t.weeks, []);
    assert.equal(t.audience.direction, null);
    assert.match(t.audience.notEnoughData ?? '', /8 weeks/);
    assert.deepEqual(t.topPosts, []);
  });

  it('a rising audience: one point per complete local week, the band the Patience rule judges last week by, carried back along the line', () => {
    const random = seeded(7);
    const input = buildHistory({ weeks: 20, audience: (w) => 300 + 5 * w + (random() - 0.5) * 20 });
    const t = weeklyTrends(input, NOW);
    assert.equal(t.weeks.length, 20);
    assert.ok(t.weeks.every((w) => /^\d{4}-\d\d-\d\d$/.test(w.weekStart) && w.audience !== null && w.posts === 2));
    assert.equal(t.audience.direction, 'increasing');
    const last = t.weeks[t.weeks.length - 1]!;
    const figures = patienceScore(new WorkspaceHistory(input, NOW)).figures;
    assert.equal(Math.round(last.low!), figures.normalRangeLow);
    assert.equal(Math.round(last.high!), figures.normalRangeHigh);
    const first = t.weeks[0]!;
    assert.ok(first.expected! < last.expected!, 'the trend line rises');
    assert.ok(Math.abs(last.high! - last.low! - (first.high! - first.low!)) < 0.2, 'the band keeps its width');
  });

  it('weeks in an outage are unknown (null), never zero', () => {
    const input = buildHistory({ weeks: 16, outageFromDaysAgo: 40, outageToDaysAgo: 20 });
    const t = weeklyTrends(input, NOW);
    const unknown = t.weeks.filter((w) => w.audience === null);
    assert.ok(unknown.length >= 2, `outage weeks: ${unknown.length}`);
    assert.ok(unknown.every((w) => w.posts === null));
    assert.ok(!t.weeks.some((w) => w.audience === 0));
  });

  it('top posts are the most engaged of the last 90 days, with unavailable metrics left out', () => {
    const input = buildHistory({ weeks: 20 });
    const posts = input.posts.map((p, i) => (i === input.posts.length - 3 ? { ...p, metrics: { likes: 90, reposts: 5, replies: 9, quotes: 1 } } : i === input.posts.length - 1 ? { ...p, metrics: { unavailable: 'post deleted' } } : p));
    const t = weeklyTrends({ ...input, posts }, NOW);
    assert.equal(t.topPosts.length, 5);
    assert.equal(t.topPosts[0]!.id, posts[posts.length - 3]!.id);
    assert.equal(t.topPosts[0]!.engagements, 105);
    assert.equal(t.topPosts[0]!.replies, 10);
    assert.ok(!t.topPosts.some((p) => p.id === posts[posts.length - 1]!.id));
  });
});
