/**
 * The weekly engaged audience up to the end of the month, with the trend test and the noise band
 * the scorecard uses (trend.ts): the band is the Theil–Sen line ± 3 robust standard deviations,
 * drawn along every week so a dip inside it reads as noise.
 */
import { knownWeeks, WorkspaceHistory } from '../scorecard/history.ts';
import { localDay, DAY_MS } from '../scorecard/time.ts';
import { trend, type TrendDirection } from '../scorecard/trend.ts';
import type { ScorecardInput } from '../scorecard/types.ts';

/** As many weeks as the Quality rule's audience trend reads. */
export const TREND_WEEKS = 26;

export interface TrendWeek {
  /** Local date of the week's Monday. */
  weekStart: string;
  engagedPeople: number;
  /** The normal range for that week; null without a trend. */
  low: number | null;
  high: number | null;
  /** Posts on the primary channel that week; null where unknown. */
  posts: number | null;
}

export interface WeeklyTrendSection {
  measure: string;
  weeks: TrendWeek[];
  direction: TrendDirection | null;
  /** Theil–Sen slope, people per week. */
  slopePerWeek: number | null;
  /** Mann–Kendall two-sided p. */
  p: number | null;
  /** The last week lies inside its normal range: noise, not change. */
  latestIsNoise: boolean | null;
  notEnoughData?: string;
}

export function weeklyTrendSection(history: ScorecardInput, asOf: string): WeeklyTrendSection {
  const measure = 'engaged people per week (unique people who liked, reposted, replied, quoted or mentioned; primary channel)';
  const base = { measure, direction: null, slopePerWeek: null, p: null, latestIsNoise: null };
  if (!history.channels.some((c) => c.id === history.primaryChannelId)) {
    return { ...base, weeks: [], notEnoughData: 'no channel is connected yet' };
  }
  const series = new WorkspaceHistory(history, asOf).weekly();
  const points = knownWeeks(series, series.audience, TREND_WEEKS);
  const indexOf = new Map(series.boundaries.map((b, i) => [new Date(b).toISOString(), i]));
  const t = trend(points, 'week');
  const first = points.length > 0 ? Date.parse(points[0]!.periodStart) : 0;
  const lastX = points.length > 0 ? Math.round((Date.parse(points[points.length - 1]!.periodStart) - first) / DAY_MS / 7) : 0;
  const weeks = points.map((pt) => {
    const start = Date.parse(pt.periodStart);
    const posts = series.posts[indexOf.get(pt.periodStart) ?? -1];
    let low: number | null = null;
    let high: number | null = null;
    if (t.band !== null && t.slopePerPeriod !== null) {
      // trend() gives the band at the last week; the line runs back at the same slope, same width.
      const back = t.slopePerPeriod * (lastX - Math.round((start - first) / DAY_MS / 7));
      low = round1(t.band.low - back);
      high = round1(t.band.high - back);
    }
    return { weekStart: localDay(start, history.zone), engagedPeople: pt.value, low, high, posts: posts === undefined || Number.isNaN(posts) ? null : posts };
  });
  return {
    measure,
    weeks,
    direction: t.mannKendall?.trend ?? null,
    slopePerWeek: t.slopePerPeriod === null ? null : round1(t.slopePerPeriod),
    p: t.mannKendall === null ? null : Math.round(t.mannKendall.p * 1000) / 1000,
    latestIsNoise: t.latestIsNoise,
    ...(t.notEnoughData !== undefined ? { notEnoughData: `${t.notEnoughData} (complete weeks of engaged-audience data up to the end of the month)` } : {}),
  };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
