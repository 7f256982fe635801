/**
 * The series behind the Patience rule, for charts: the weekly engaged audience and posts of the
 * primary channel (unknown weeks stay null, never 0), the Theil–Sen line through the audience with
 * its noise band (line ± 3σ, the same band the rule judges the latest week by, carried back along
 * the line), and the posts that drew the most engagement in the last 90 days.
 */
import { engagementsOf } from './engagement.ts';
import { knownWeeks, WorkspaceHistory } from './history.ts';
import { localDay, DAY_MS } from './time.ts';
import { trend, type TrendDirection } from './trend.ts';
import { isUnavailable, type ScorecardInput } from './types.ts';

export interface TrendWeek {
  /** Local date of the week's Monday in the workspace zone, 'YYYY-MM-DD'. */
  weekStart: string;
  /** Engaged people that week; null when unknown (before tracking, in an outage). */
  audience: number | null;
  /** Posts on the primary channel that week; null when unknown. */
  posts: number | null;
  /** The trend line and its noise band at that week; null before 8 known weeks. */
  expected: number | null;
  low: number | null;
  high: number | null;
}

export interface TopPost {
  id: string;
  channelId: string;
  publishedAt: string;
  text: string;
  engagements: number;
  replies: number;
}

export interface WeeklyTrends {
  zone: string;
  weeks: TrendWeek[];
  audience: { direction: TrendDirection | null; slopePerWeek: number | null; p: number | null; notEnoughData?: string };
  topPosts: TopPost[];
}

const TOP_POSTS_DAYS = 90;
const TOP_POSTS = 5;
const round1 = (x: number): number => Math.round(x * 10) / 10;

export function weeklyTrends(input: ScorecardInput, now: string): WeeklyTrends {
  const history = new WorkspaceHistory(input, now);
  const series = history.weekly();
  const weeks = series.audience.length;
  const fromKnown = (values: Float64Array, w: number): number | null => {
    const v = values[w] ?? Number.NaN;
    return Number.isNaN(v) ? null : v;
  };
  let first = 0;
  while (first < weeks && fromKnown(series.audience, first) === null && fromKnown(series.posts, first) === null) first++;

  const audienceTrend = trend(knownWeeks(series, series.audience), 'week');
  let lastKnown = -1;
  for (let w = weeks - 1; w >= 0; w--) {
    if (fromKnown(series.audience, w) !== null) {
      lastKnown = w;
      break;
    }
  }
  const band = audienceTrend.band;
  const slope = audienceTrend.slopePerPeriod;
  const mid = band === null ? null : (band.low + band.high) / 2;
  const half = band === null ? null : (band.high - band.low) / 2;

  const out: TrendWeek[] = [];
  for (let w = first; w < weeks; w++) {
    const expected = mid === null || slope === null || lastKnown < 0 ? null : mid - slope * (lastKnown - w);
    out.push({
      weekStart: localDay(series.boundaries[w] ?? 0, history.zone),
      audience: fromKnown(series.audience, w),
      posts: fromKnown(series.posts, w),
      expected: expected === null ? null : round1(Math.max(0, expected)),
      low: expected === null || half === null ? null : round1(Math.max(0, expected - half)),
      high: expected === null || half === null ? null : round1(expected + half),
    });
  }

  const since = history.nowMs - TOP_POSTS_DAYS * DAY_MS;
  const topPosts: TopPost[] = [];
  input.posts.forEach((p, i) => {
    const at = history.postMs[i] ?? 0;
    if (at <= since || at > history.nowMs || p.metrics === undefined || isUnavailable(p.metrics) || p.deletedAt !== undefined) return;
    topPosts.push({ id: p.id, channelId: p.channelId, publishedAt: p.publishedAt, text: p.text, engagements: engagementsOf(p.metrics), replies: p.metrics.replies + p.metrics.quotes });
  });
  topPosts.sort((a, b) => b.engagements - a.engagements || b.replies - a.replies || b.publishedAt.localeCompare(a.publishedAt));

  return {
    zone: history.zone,
    weeks: out,
    audience: {
      direction: audienceTrend.mannKendall?.trend ?? null,
      slopePerWeek: slope === null ? null : round1(slope),
      p: audienceTrend.mannKendall === null ? null : Math.round(audienceTrend.mannKendall.p * 1000) / 1000,
      ...(audienceTrend.notEnoughData ? { notEnoughData: audienceTrend.notEnoughData } : {}),
    },
    topPosts: topPosts.slice(0, TOP_POSTS),
  };
}
