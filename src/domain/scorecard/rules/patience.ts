/**
 * Patience: the long view, noise told apart from change. Over up to three years of complete local
 * weeks (weeks before tracking or in an outage left out), with at least 12 known weeks:
 *   audience    = 1 / 0.6 / 0.2 when the weekly engaged audience is increasing / has no trend /
 *                 is decreasing (Mann–Kendall, p < 0.05)
 *   persistence = share of the last 12 known weeks with at least one post on the primary channel,
 *                 halved when weekly posting is itself decreasing
 * score = 100 × (0.6 audience + 0.4 persistence).
 */
import { knownWeeks, type WorkspaceHistory } from '../history.ts';
import { trend, type Trend } from '../trend.ts';
import { shortDate, DAY_MS } from '../time.ts';
import { notEnoughData, plural, round1, scored, type FigureValue, type RuleScore } from './rule-score.ts';

export const PATIENCE_MIN_WEEKS = 12;
const TREND_CREDIT = { increasing: 1, 'no trend': 0.6, decreasing: 0.2 } as const;

export function patienceScore(history: WorkspaceHistory): RuleScore {
  const series = history.weekly();
  const audience = knownWeeks(series, series.audience);
  const posting = knownWeeks(series, series.posts);
  const figures: Record<string, FigureValue> = { weeksOfAudienceData: audience.length, weeksOfPostingData: posting.length };
  if (audience.length < PATIENCE_MIN_WEEKS) {
    const missing = PATIENCE_MIN_WEEKS - audience.length;
    const outage = history.currentOutage(history.input.primaryChannelId);
    return notEnoughData(
      'patience',
      `${PATIENCE_MIN_WEEKS} complete weeks of engaged-audience history (${audience.length} so far` +
        (outage ? `; ${history.describeOutage(history.input.primaryChannelId, outage)}` : `; enough after ${shortDate(history.nowMs + missing * 7 * DAY_MS, history.zone)}`) +
        ')',
      outage ? `Reconnect ${history.primaryName} so the weeks count again.` : 'Keep to the plan: the long trend appears after 12 complete weeks; single weeks say little.',
      figures,
    );
  }
  const a = trend(audience, 'week');
  const p = trend(posting, 'week');
  const lastPosting = posting.slice(-PATIENCE_MIN_WEEKS);
  const weeksWithPosts = lastPosting.filter((w) => w.value > 0).length;
  const direction = a.mannKendall?.trend ?? 'no trend';
  const postingFalling = p.mannKendall?.trend === 'decreasing';
  const persistence = (lastPosting.length === 0 ? 0 : weeksWithPosts / lastPosting.length) * (postingFalling ? 0.5 : 1);
  Object.assign(figures, {
    audienceTrend: direction,
    audienceSlopePerWeek: round1(a.slopePerPeriod ?? 0),
    audienceTrendP: a.mannKendall === null ? null : Math.round(a.mannKendall.p * 1000) / 1000,
    latestWeekAudience: a.latest,
    normalRangeLow: a.band === null ? null : Math.max(0, Math.round(a.band.low)),
    normalRangeHigh: a.band === null ? null : Math.round(a.band.high),
    latestWeekIsNoise: a.latestIsNoise === null ? null : a.latestIsNoise ? 'yes' : 'no',
    postingTrend: p.mannKendall?.trend ?? `not enough data (${p.notEnoughData ?? ''})`,
    postsSlopePerWeek: round1(p.slopePerPeriod ?? 0),
    weeksWithPostsOfLast12: weeksWithPosts,
  } satisfies Record<string, FigureValue>);
  const score = 100 * (0.6 * TREND_CREDIT[direction] + 0.4 * persistence);
  const range = a.band === null ? '' : `${Math.max(0, Math.round(a.band.low))}–${Math.round(a.band.high)}`;
  const explanation =
    `Engaged audience ${describeDirection(a)} over ${audience.length} weeks; last week's ${a.latest ?? 0} is ` +
    (a.latestIsNoise ? `within the normal range ${range}, so it is noise, not change.` : `outside the normal range ${range}.`);
  return scored('patience', score, figures, explanation, nextAction(a, postingFalling, weeksWithPosts, lastPosting.length, range));
}

function describeDirection(a: Trend): string {
  const mk = a.mannKendall;
  if (mk === null || mk.trend === 'no trend') return `steady (no trend, p = ${mk === null ? '–' : mk.p.toFixed(2)})`;
  const slope = Math.abs(round1(a.slopePerPeriod ?? 0));
  return `${mk.trend === 'increasing' ? 'rising' : 'falling'} by ${slope} people a week (p ${mk.p < 0.001 ? '< 0.001' : `= ${mk.p.toFixed(3)}`})`;
}

function nextAction(a: Trend, postingFalling: boolean, weeksWithPosts: number, weeks: number, range: string): string {
  const latest = a.latest ?? 0;
  const below = a.band !== null && latest < a.band.low;
  if (below) return `Last week's engaged audience (${latest}) fell below the normal range ${range}: check what changed that week — posts missed, an outage, a reply backlog.`;
  if (a.mannKendall?.trend === 'decreasing') {
    return `The engaged audience has been falling for months, not just a bad week: review the Quality and Value rules and change one thing for the next 8 weeks.`;
  }
  if (postingFalling || weeksWithPosts < weeks) {
    return `Posts went out in ${weeksWithPosts} of the last ${plural(weeks, 'week')}${postingFalling ? ' and posting is tapering off' : ''}: keep a post in every week — trends take months to show.`;
  }
  if (a.band !== null && a.latestIsNoise && latest < (a.band.low + a.band.high) / 2) {
    return `Last week dipped to ${latest}, inside the normal range ${range}: noise, not change — keep to the plan.`;
  }
  return 'Keep to the plan and judge progress on the monthly trend, not on single weeks.';
}
