import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildHistory, emptyWorkspace } from '../scorecard/constructed-histories.ts';
import { trend } from '../scorecard/trend.ts';
import type { ScorecardInput } from '../scorecard/types.ts';
import { at, NASTY, reportInput as input } from './constructed-report.ts';
import { monthlyReport, TABLE_NAMES, type MonthlyReport } from './index.ts';

function tableOf(report: MonthlyReport, name: string) {
  const t = report.tables.find((x) => x.name === name);
  assert.ok(t, `table ${name}`);
  return t;
}

describe('monthly report', () => {
  const report = monthlyReport(input());

  test('covers February in the workspace zone, compared with January', () => {
    assert.equal(report.period.month, '2026-02');
    assert.equal(report.period.from, at('2026-02-01T00:00'));
    assert.equal(report.period.complete, true);
    assert.equal(report.previousPeriod.month, '2026-01');
  });

  test('top posts are ranked by conversation-weighted engagement, replies worth three likes, and say so', () => {
    const posts = report.topPosts.posts;
    assert.equal(report.topPosts.metric, 'conversation-weighted engagements');
    assert.match(report.topPosts.definition, /likes \+ reposts \+ 3 × \(replies \+ quotes\)/);
    assert.deepEqual(
      posts.map((p) => p.qualityPoints),
      [...posts.map((p) => p.qualityPoints)].sort((a, b) => b - a),
    );
    assert.equal(posts[0]!.postId, 'nasty', '60 + 5 + 3 × 8 = 89 points');
    assert.equal(posts[0]!.qualityPoints, 89);
    assert.equal(posts[0]!.engagementRate, 3.7, '73 engagements of 2000 impressions');
    assert.equal(posts[0]!.rateOf, 'impressions');
    const chatty = posts.findIndex((p) => p.postId === 'chatty');
    const liked = posts.findIndex((p) => p.postId === 'liked');
    assert.ok(chatty >= 0 && liked > chatty, '11 replies (33 points) rank above 30 likes');
    assert.equal(report.topPosts.postsInMonth, 8, 'Tuesdays and Thursdays of February 2026');
    assert.equal(report.topPosts.withoutMetrics, 1);
    assert.ok(!posts.some((p) => p.postId === 'fresh'), 'a post without metrics is left out, not ranked as zero');
    assert.equal(posts.find((p) => p.postId === 'chatty')!.url, 'https://bsky.app/profile/mercy.health/post/3abc');
    assert.equal(posts[0]!.url, null, 'a javascript: address never becomes a link');
  });

  test('inbox performance counts every conversation of the month, open ones too, per channel and person', () => {
    const c = report.inbox.current;
    assert.equal(c.total, 6);
    assert.equal(c.needingResponse, 5);
    assert.equal(c.responded, 4);
    assert.equal(c.respondedRate, 0.8);
    assert.equal(c.replied, 3);
    assert.equal(c.movedOffline, 1, 'moved offline is counted apart from replied');
    assert.equal(c.open, 1);
    assert.equal(c.breached, 2, 'answered after 2 h, and the one never answered');
    assert.equal(c.firstResponseMinutes.business.median, 22.5);
    assert.ok(Math.abs(c.firstResponseMinutes.business.p90! - 93) < 1e-9, '10, 15, 30, 120 → 30 + 0.7 × 90');
    assert.equal(report.inbox.previous.total, 1, 'January had one conversation');
    assert.deepEqual(
      report.inbox.perPerson.map((p) => [p.name, p.total, p.responded]),
      [
        ['Ana Lopez', 3, 3],
        ['Ben Okafor', 1, 1],
        ['Unassigned', 2, 0],
      ],
    );
    assert.deepEqual(
      report.inbox.perChannel.map((p) => [p.name, p.total]),
      [
        ['Bluesky @mercy.health', 5],
        ['Listening (no channel)', 1],
      ],
    );
    const summary = tableOf(report, 'inbox_summary');
    assert.deepEqual(summary.rows.find((r) => r[0] === 'Response rate (%)'), ['Response rate (%)', 80, 100]);
    assert.deepEqual(summary.rows.find((r) => r[0] === 'First response median (business min)'), ['First response median (business min)', 23, 20]);
  });

  test('the weekly trend carries the scorecard trend and its noise band along every week', () => {
    const t = report.trend;
    assert.equal(t.weeks.length, 26);
    assert.equal(t.notEnoughData, undefined);
    assert.ok(t.weeks.every((w) => w.low !== null && w.high !== null && w.low < w.high));
    assert.ok(t.weeks.every((w) => w.weekStart < '2026-02-23'), 'the week running over the month end is not complete at its end');
    const again = trend(
      t.weeks.map((w) => ({ periodStart: at(`${w.weekStart}T00:00`), value: w.engagedPeople })),
      'week',
    );
    const last = t.weeks[t.weeks.length - 1]!;
    assert.ok(Math.abs(last.low! - again.band!.low) < 0.1 && Math.abs(last.high! - again.band!.high) < 0.1, 'the band at the last week is the scorecard band');
    assert.equal(t.latestIsNoise, true, 'a ±20 wobble around 400 is noise');
    assert.ok(t.weeks.every((w) => w.posts === 2), 'two posts a week on plan');
  });

  test('a spike in the last week lies outside the band: change, not noise', () => {
    // Week 26 of the history (from Mon 18 Aug 2025) is the week of 16 February, the month's last complete week.
    const spiky = buildHistory({ weeks: 30, audience: (w) => (w === 26 ? 900 : 400 + (w % 3) * 5) });
    const r = monthlyReport(input({ history: spiky, previousHistory: spiky }));
    const last = r.trend.weeks[r.trend.weeks.length - 1]!;
    assert.equal(last.engagedPeople, 900);
    assert.equal(r.trend.latestIsNoise, false);
  });

  test('value mix and pillar share are over the month’s posts', () => {
    const mix = report.valueMix;
    assert.equal(mix.posts, 8);
    assert.equal(mix.types.reduce((s, t) => s + t.posts, 0), 8);
    assert.equal(mix.promotionalTarget, 20);
    assert.equal(mix.classifiedFromText, 8);
    assert.ok(report.pillars.pillars.length === 3);
    assert.equal(report.pillars.posts, 8);
    assert.equal(report.pillars.onPillarPosts + report.pillars.offPillarPosts, 8);
  });

  test('what changed sets the month against the one before, in points for percentages', () => {
    const row = (m: string) => report.whatChanged.find((c) => c.measure === m)!;
    assert.deepEqual([row('Conversations received').previous, row('Conversations received').current, row('Conversations received').change], [1, 6, 5]);
    assert.deepEqual([row('Response rate').previous, row('Response rate').current, row('Response rate').change], [100, 80, -20]);
    assert.equal(row('Response rate').unit, 'percent');
    assert.equal(row('Posts published').current, 8);
    assert.ok(report.whatChanged.some((c) => c.measure === 'Quality score'));
    assert.equal(report.scorecard.rules.length, 7);
  });

  test('every table has a stable name and rows as wide as its columns', () => {
    assert.deepEqual(
      report.tables.map((t) => t.name),
      [...TABLE_NAMES],
    );
    for (const t of report.tables) {
      for (const row of t.rows) assert.equal(row.length, t.columns.length, `${t.name}: ${JSON.stringify(row)}`);
      assert.ok(/^[a-z_]+$/.test(t.name));
    }
    const top = tableOf(report, 'top_posts');
    assert.equal(top.rows[0]![2], NASTY, 'the table holds the raw text: escaping is the renderer’s job');
  });
});

test('an empty workspace gives a valid report that says what is missing, with no misleading zero', () => {
  const empty = emptyWorkspace();
  const r = monthlyReport(input({ month: '2026-03', history: empty, previousHistory: empty, conversations: [], people: {}, postLinks: {} }));
  assert.equal(r.period.complete, false, 'March is running on 19 March');
  assert.equal(r.scorecard.overall, null);
  assert.ok(r.scorecard.rules.every((rule) => rule.score === null && rule.missing));
  assert.equal(r.topPosts.posts.length, 0);
  assert.match(r.topPosts.notEnoughData!, /no posts were published in March 2026/);
  assert.match(r.inbox.notEnoughData!, /no conversations/);
  assert.match(r.trend.notEnoughData!, /8 weeks of data needed/);
  assert.match(r.pillars.notEnoughData!, /no content pillars/);
  assert.equal(r.missing.length, 6);
  assert.equal(r.inbox.current.respondedRate, null);
  const changed = r.whatChanged.find((c) => c.measure === 'Response rate')!;
  assert.equal(changed.current, null, 'nothing needed a response: no rate, not 0%');
  assert.equal(changed.change, null);
  assert.equal(r.tables.length, TABLE_NAMES.length);
  for (const name of ['top_posts', 'weekly_trend', 'value_mix', 'pillar_share', 'inbox_by_channel']) {
    const t = r.tables.find((x) => x.name === name)!;
    assert.equal(t.rows.length, 0, name);
    assert.ok(t.empty && t.empty.length > 5, `${name} says why it is empty`);
  }
});

test('a workspace with no channel yet still reports', () => {
  const none: ScorecardInput = { ...emptyWorkspace(), primaryChannelId: '', channels: [] };
  const r = monthlyReport(input({ month: '2026-02', history: none, previousHistory: none, conversations: [] }));
  assert.match(r.trend.notEnoughData!, /no channel/);
});
