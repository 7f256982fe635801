import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { audienceCounts, weeklyEngagedAudience } from './audience.ts';
import { buildCalendar } from '../calendar/index.ts';
import { cadenceVsPlan } from './cadence.ts';
import { buildHistory, NOW, PLAN, ZONE } from './constructed-histories.ts';
import { POST_DETAIL_DAYS, scorecardWeeks } from './history.ts';
import { masteryCheck } from './mastery.ts';
import { QUALITY_AUDIENCE } from './rules/quality.ts';
import { scorecard, scorecardWithMastery } from './scorecard.ts';
import type { ScorecardInput } from './types.ts';

const DAY = 86_400_000;

/**
 * What storage hands the scorecard instead of every row: posts with text and metrics for the
 * detailed window only, the rest as bare instants (no ids), the 90-day audience counted per person
 * and the engaged people per scorecard week from the week tracking began.
 */
function asAggregates(input: ScorecardInput, now = NOW): ScorecardInput {
  const detailFrom = Date.parse(now) - POST_DETAIL_DAYS * DAY;
  const since = input.interactionsSince ?? now;
  const weeks = scorecardWeeks(now, input.zone);
  const counted = weeklyEngagedAudience(input.interactions, input.zone, weeks[0]?.from ?? now, now);
  const perWeek = new Map(counted.map((w) => [w.weekStart, w.engagedPeople]));
  const { engaged, loyal } = audienceCounts(input.interactions, now, QUALITY_AUDIENCE.days, QUALITY_AUDIENCE.minInteractions);
  return {
    ...input,
    posts: input.posts.filter((p) => Date.parse(p.publishedAt) > detailFrom),
    postTimeline: input.posts.map((p) => ({ channelId: p.channelId, publishedAt: p.publishedAt })),
    interactions: [],
    audienceWindow: { ...QUALITY_AUDIENCE, engaged, loyal },
    weeklyAudience: weeks.filter((w) => w.from >= since).map((w) => ({ weekStart: w.weekStart, engagedPeople: perWeek.get(w.weekStart) ?? 0 })),
  };
}

describe('the scorecard from storage aggregates', () => {
  const histories: Array<[string, ScorecardInput]> = [
    ['a year on plan with a growing audience', buildHistory({ weeks: 52, audience: (w) => 300 + 4 * w })],
    ['two years with a silence and a past outage', buildHistory({ weeks: 104, silentDays: 12, outageFromDaysAgo: 200, outageToDaysAgo: 150 })],
    ['a falling audience, promotion over target', buildHistory({ weeks: 40, audience: (w) => 700 - 9 * w, typeOf: (i) => (i % 3 === 0 ? 'promotional' : 'educational') })],
    ['six weeks: not enough data for the trends', buildHistory({ weeks: 6 })],
  ];
  for (const [name, full] of histories) {
    it(`scores exactly as from every row: ${name}`, () => {
      const aggregated = asAggregates(full);
      assert.ok(aggregated.posts.length < full.posts.length || full.posts.length < 30, 'older posts reach the scorecard as instants only');
      assert.deepEqual(scorecard(aggregated, NOW), scorecard(full, NOW));
      assert.deepEqual(masteryCheck(aggregated, NOW), masteryCheck(full, NOW));
      assert.deepEqual(scorecardWithMastery(aggregated, NOW), { scorecard: scorecard(full, NOW), mastery: masteryCheck(full, NOW) });
    });
  }

  it('the audience window storage counted is what Quality reports, whatever the raw interactions say', () => {
    const input = { ...asAggregates(buildHistory({ weeks: 30 })), audienceWindow: { ...QUALITY_AUDIENCE, engaged: 1000, loyal: 250 } };
    const quality = scorecard(input, NOW).rules.find((r) => r.rule === 'quality');
    assert.equal(quality?.figures.engagedAudience90Days, 1000);
    assert.equal(quality?.figures.loyalCore90Days, 250);
    assert.equal(quality?.figures.loyalShare, 0.25);
  });

  it('scorecard weeks are the complete local Monday weeks, a DST week 167 hours long', () => {
    const weeks = scorecardWeeks(NOW, ZONE);
    assert.equal(weeks.length, 156);
    const last = weeks[weeks.length - 1]!;
    assert.deepEqual(last, { weekStart: '2026-03-09', from: '2026-03-09T04:00:00.000Z', to: '2026-03-16T04:00:00.000Z' });
    const dst = weeks[weeks.length - 2]!;
    assert.deepEqual(dst, { weekStart: '2026-03-02', from: '2026-03-02T05:00:00.000Z', to: '2026-03-09T04:00:00.000Z' });
  });
});

describe('cadence over a long timeline', () => {
  it('fills the slots of each week as the calendar view does: late, early, doubled and missing posts', () => {
    const input = buildHistory({ weeks: 20 });
    // Shift posts by up to ±100 minutes (some beyond the 90-minute tolerance), drop every seventh, double every fifth.
    const posts = input.posts.flatMap((p, i) => {
      if (i % 7 === 3) return [];
      const at = new Date(Date.parse(p.publishedAt) + (((i * 37) % 201) - 100) * 60_000).toISOString();
      const moved = { ...p, publishedAt: at };
      return i % 5 === 0 ? [moved, { ...moved, id: `${p.id}-again`, publishedAt: new Date(Date.parse(at) + 30 * 60_000).toISOString() }] : [moved];
    });
    const cadence = cadenceVsPlan(PLAN, posts, NOW, ZONE, { weeks: 8 });
    const from = Date.parse(`${cadence.weeks[0]!.weekStart}T04:00:00Z`) + 3_600_000; // Monday 00:00 EST
    const to = Date.parse('2026-03-16T04:00:00Z'); // Monday 00:00 EDT
    const days = buildCalendar({ plans: [PLAN], posts: posts.map((p) => ({ id: p.id, channelId: p.channelId, at: p.publishedAt, state: 'published' })), from: new Date(from).toISOString(), to: new Date(to).toISOString(), zone: ZONE });
    const slots = days.flatMap((d) => d.slots);
    assert.equal(cadence.plannedSlots, slots.length);
    assert.equal(cadence.filledSlots, slots.filter((s) => s.filledBy !== undefined).length);
    assert.ok(cadence.filledSlots < cadence.plannedSlots && cadence.filledSlots > cadence.plannedSlots / 2, 'some slots missed, most filled');
  });

  it('posts far from every planned slot fill nothing, and the latest of them still ends the silence', () => {
    const input = buildHistory({ weeks: 60, silentDays: 9 });
    const onPlan = cadenceVsPlan(PLAN, input.posts, NOW, ZONE, { weeks: 8 });
    // Two years of posts at 03:00 local every day: none is within the 90-minute tolerance of a 10:00 slot.
    const offSlot = Array.from({ length: 730 }, (_, d) => ({ channelId: PLAN.channelId, publishedAt: new Date(Date.parse('2026-03-18T07:00:00Z') - d * DAY).toISOString() }));
    const both = cadenceVsPlan(PLAN, [...offSlot, ...input.posts], NOW, ZONE, { weeks: 8 });
    assert.deepEqual(
      { weeks: both.weeks, filled: both.filledSlots, missed: both.missedSlots, streak: both.streakWeeks, empty: both.emptyPlannedSlots },
      { weeks: onPlan.weeks, filled: onPlan.filledSlots, missed: onPlan.missedSlots, streak: onPlan.streakWeeks, empty: onPlan.emptyPlannedSlots },
    );
    assert.equal(onPlan.daysSinceLastPost, 9);
    assert.equal(both.daysSinceLastPost, 1);
    assert.equal(both.lastPostAt, '2026-03-18T07:00:00.000Z');
  });
});
