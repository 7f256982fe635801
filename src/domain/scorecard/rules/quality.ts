/**
 * Quality: people talking back, and coming back — never follower counts. Over the last 90 days:
 *   conversation = min(1, (replies + quotes) ÷ all engagements ÷ 0.15)
 *   loyalty      = min(1, loyal core ÷ engaged audience ÷ 0.20)
 *   audience     = 1 / 0.6 / 0.2 when the weekly engaged audience of the last 26 weeks is
 *                  increasing / has no trend / is decreasing (left out, weights renormalised, with
 *                  fewer than 8 known weeks)
 * score = 100 × (0.4 conversation + 0.3 loyalty + 0.3 audience) ÷ (sum of the weights used).
 */
import { conversationDepth, engagementSummary } from '../engagement.ts';
import { knownWeeks, type WorkspaceHistory } from '../history.ts';
import { trend, type Trend } from '../trend.ts';
import { shortDate } from '../time.ts';
import { isUnavailable, type PublishedPost } from '../types.ts';
import { notEnoughData, pct, plural, round1, scored, share, unavailable, type FigureValue, type RuleScore } from './rule-score.ts';

export const QUALITY_DAYS = 90;
export const QUALITY_MIN_POSTS = 5;
export const LOYAL_MIN_INTERACTIONS = 3;
/** The audience window Quality reads: storage may count it (`ScorecardInput.audienceWindow`). */
export const QUALITY_AUDIENCE = { days: QUALITY_DAYS, minInteractions: LOYAL_MIN_INTERACTIONS } as const;
export const AUDIENCE_TREND_WEEKS = 26;
/** More than this many days of outage in the window makes the audience count unreliable. */
export const MAX_OUTAGE_DAYS = 7;
const CONVERSATION_FULL = 0.15;
const LOYAL_FULL = 0.2;
const TREND_CREDIT = { increasing: 1, 'no trend': 0.6, decreasing: 0.2 } as const;

export function qualityScore(history: WorkspaceHistory): RuleScore {
  const posts = history.postsWithin(QUALITY_DAYS);
  const depth = conversationDepth(posts);
  const engagement = engagementSummary(posts);
  const figures: Record<string, FigureValue> = {
    postsLast90Days: posts.length,
    postsWithMetrics: depth.postsWithMetrics,
    conversationShare: share(depth.conversationShare),
    conversationsPerPost: depth.conversationsPerPost === null ? null : round1(depth.conversationsPerPost),
    postsWithConversation: share(depth.postsWithConversation),
    medianEngagementRate: describeRates(engagement),
  };
  const missingMetrics = Object.entries(depth.unavailable);
  if (missingMetrics.length > 0) {
    figures.metricsUnavailable = unavailable(missingMetrics.map(([reason, n]) => `${plural(n, 'post')}: ${reason}`).join('; '));
  }

  const primaryId = history.input.primaryChannelId;
  const outageDays = history.outageDaysWithin(primaryId, QUALITY_DAYS);
  const outage = history.outagesOf(primaryId).find((o) => o.to > history.nowMs - QUALITY_DAYS * 86_400_000);
  let audienceNote: string | undefined;
  if (outage !== undefined && outageDays > MAX_OUTAGE_DAYS) {
    audienceNote = `${history.describeOutage(primaryId, outage)}: interactions in that time were not fetched`;
    figures.engagedAudience90Days = unavailable(audienceNote);
    figures.loyalCore90Days = unavailable(audienceNote);
  }
  if (depth.postsWithMetrics < QUALITY_MIN_POSTS) {
    return notEnoughData(
      'quality',
      `engagement metrics for at least ${QUALITY_MIN_POSTS} posts in the last ${QUALITY_DAYS} days (${depth.postsWithMetrics} so far` +
        (missingMetrics.length > 0 ? `; ${missingMetrics.map(([reason, n]) => `${n} ${reason}`).join(', ')}` : '') +
        ')',
      posts.length < QUALITY_MIN_POSTS ? `Publish ${QUALITY_MIN_POSTS - posts.length} more post(s); metrics follow within a day.` : 'Check the metrics job for this channel in Settings → Workers.',
      figures,
    );
  }
  if (audienceNote !== undefined) {
    return notEnoughData('quality', audienceNote, `Reconnect ${history.primaryName} and let a full ${QUALITY_DAYS} days of interactions come in.`, figures);
  }
  const { engaged, loyal } = history.audience(QUALITY_AUDIENCE.days, QUALITY_AUDIENCE.minInteractions);
  figures.engagedAudience90Days = engaged;
  figures.loyalCore90Days = loyal;
  figures.loyalShare = engaged === 0 ? null : share(loyal / engaged);
  const tracked = history.trackedSinceMs(primaryId);
  if (tracked !== undefined && tracked > history.nowMs - QUALITY_DAYS * 86_400_000) {
    figures.audienceWindowNote = `counted since tracking began ${shortDate(tracked, history.zone)}`;
  }

  const series = history.weekly();
  const weeks = knownWeeks(series, series.audience, AUDIENCE_TREND_WEEKS);
  const audienceTrend: Trend = trend(weeks, 'week');
  figures.audienceTrend26Weeks = audienceTrend.mannKendall?.trend ?? `not enough data (${audienceTrend.notEnoughData ?? ''})`;

  const conversation = Math.min(1, (depth.conversationShare ?? 0) / CONVERSATION_FULL);
  const loyalty = engaged === 0 ? 0 : Math.min(1, loyal / engaged / LOYAL_FULL);
  const direction = audienceTrend.mannKendall?.trend;
  const parts: Array<[number, number]> = [
    [0.4, conversation],
    [0.3, loyalty],
  ];
  if (direction !== undefined) parts.push([0.3, TREND_CREDIT[direction]]);
  const weight = parts.reduce((s, [w]) => s + w, 0);
  const score = (100 * parts.reduce((s, [w, v]) => s + w * v, 0)) / weight;

  const explanation =
    `${pct(depth.conversationShare ?? 0)} of engagement was replies or quotes; ${loyal} of ${engaged} engaged people came back ${LOYAL_MIN_INTERACTIONS}+ times in ${QUALITY_DAYS} days` +
    (direction === undefined ? ' (audience trend: not enough weeks yet).' : `; engaged audience ${direction === 'no trend' ? 'steady' : direction} over ${weeks.length} weeks.`);
  let next: string;
  if (direction === 'decreasing') {
    next = `Engaged audience is falling (${round1(audienceTrend.slopePerPeriod ?? 0)} people a week): repeat what drew replies — ${bestPostHint(posts, history)}.`;
  } else if (conversation >= 1 && loyalty >= 1) {
    next = `People talk back and come back: keep replying within the day, and invite the ${loyal} regulars to share their own stories.`;
  } else if (conversation <= loyalty) {
    next = `Only ${pct(depth.conversationShare ?? 0)} of engagement is conversation: end the next 3 posts with a question and reply to every answer — ${bestPostHint(posts, history)}.`;
  } else {
    next = `${engaged - loyal} of ${engaged} engaged people interacted fewer than ${LOYAL_MIN_INTERACTIONS} times: reply to comments by name and follow up on questions so they come back.`;
  }
  return scored('quality', score, figures, explanation, next);
}

function describeRates(s: ReturnType<typeof engagementSummary>): string | null {
  const parts: string[] = [];
  if (s.impressions) parts.push(`${(s.impressions.median * 100).toFixed(1)}% of impressions (${plural(s.impressions.posts, 'post')})`);
  if (s.followers) parts.push(`${(s.followers.median * 100).toFixed(1)}% of followers at the time (${plural(s.followers.posts, 'post')})`);
  if (parts.length === 0) return s.unavailable > 0 ? unavailable(`no post in 90 days has impressions or a follower count`) : null;
  return parts.join('; ');
}

function bestPostHint(posts: readonly PublishedPost[], history: WorkspaceHistory): string {
  let best: PublishedPost | undefined;
  let bestTalk = 0;
  for (const p of posts) {
    const m = p.metrics;
    if (m === undefined || isUnavailable(m)) continue;
    const talk = m.replies + m.quotes;
    if (talk > bestTalk) {
      best = p;
      bestTalk = talk;
    }
  }
  if (best === undefined) return 'ask people about their own experience';
  const excerpt = best.text.length > 60 ? `${best.text.slice(0, 57).trimEnd()}…` : best.text;
  return `your post of ${shortDate(Date.parse(best.publishedAt), history.zone)} ("${excerpt}") drew ${bestTalk} replies and quotes`;
}
