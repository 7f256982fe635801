/**
 * Focus: share of the last 30 days' posts (all channels) on at least one pillar, less 25 points
 * × the share of pillars left without a post. Drift (fall in on-pillar share against the 60 days
 * before) and the audience's topics against the pillars are reported and drive the next action.
 */
import type { WorkspaceHistory } from '../history.ts';
import { pillarShareCompiled, suggestCompiled } from '../pillars.ts';
import { isUnavailable } from '../types.ts';
import { notEnoughData, pct, plural, scored, share, unavailable, type FigureValue, type RuleScore } from './rule-score.ts';

export const FOCUS_DAYS = 30;
export const FOCUS_MIN_POSTS = 5;
export const DRIFT_FLAG = 0.15;

export function focusScore(history: WorkspaceHistory): RuleScore {
  const pillars = history.pillars;
  if (pillars.length === 0) {
    return notEnoughData(
      'focus',
      'content pillars (none defined yet)',
      'Define 2–4 content pillars in settings, e.g. "heart health", "women\'s health", "community", each with a few keywords.',
    );
  }
  const mix = pillarShareCompiled(history.postsWithin(3 * FOCUS_DAYS), pillars, history.nowMs, FOCUS_DAYS);
  const current = mix.posts;
  const figures: Record<string, FigureValue> = { postsLast30Days: current };
  if (current < FOCUS_MIN_POSTS) {
    return notEnoughData(
      'focus',
      `at least ${FOCUS_MIN_POSTS} posts in the last ${FOCUS_DAYS} days to judge focus (${current} so far)`,
      `Plan the next ${FOCUS_MIN_POSTS - current} post(s) on your pillars: ${pillars.map((p) => p.name).join(', ')}.`,
      figures,
    );
  }
  const onShare = mix.onPillarShare ?? 0;
  const previousShare = mix.previousOnPillarShare;
  const drift = mix.drift;
  const neglectedIds = new Set(mix.perPillar.filter((p) => p.posts === 0).map((p) => p.pillarId));
  const neglected = pillars.filter((p) => neglectedIds.has(p.id));
  const coverage = 1 - neglected.length / pillars.length;
  figures.onPillarShare = share(onShare);
  figures.offPillarPosts = mix.offPillarPostIds.length;
  figures.previous60DaysOnPillarShare = share(previousShare);
  figures.drift = share(drift);
  figures.pillarsWithoutPosts = neglected.length === 0 ? 'none' : neglected.map((p) => p.name).join(', ');
  for (const p of mix.perPillar) figures[`pillar: ${p.name}`] = share(p.share);

  // What the audience talks about that no pillar covers, and neglected pillars the audience cares about.
  const listening = history.input.listening;
  let uncovered: { term: string; count: number } | undefined;
  let wanted: { pillar: string; term: string; count: number } | undefined;
  if (isUnavailable(listening)) figures.audienceOnPillarShare = unavailable(listening.unavailable);
  else {
    let all = 0;
    let on = 0;
    for (const t of listening.topTermsLast30Days) {
      all += t.count;
      const top = suggestCompiled(t.term, pillars)[0];
      if (top === undefined) {
        if (uncovered === undefined || t.count > uncovered.count) uncovered = { term: t.term, count: t.count };
        continue;
      }
      on += t.count;
      const pillar = neglected.find((p) => p.id === top.pillarId);
      if (pillar && (wanted === undefined || t.count > wanted.count)) wanted = { pillar: pillar.name, term: t.term, count: t.count };
    }
    figures.audienceOnPillarShare = all === 0 ? null : share(on / all);
    figures.topUncoveredAudienceTopic = uncovered === undefined ? null : `${uncovered.term} (${uncovered.count} mentions)`;
  }

  const score = 100 * onShare - 25 * (1 - coverage);
  const drifting = drift !== null && drift >= DRIFT_FLAG && previousShare !== null;
  const explanation =
    `${mix.onPillarPosts} of ${current} posts in the last ${FOCUS_DAYS} days were on a pillar (${pct(onShare)})` +
    (neglected.length > 0 ? `; ${plural(neglected.length, 'pillar')} had no post (${neglected.map((p) => p.name).join(', ')})` : '') +
    (drifting ? `; drifting off the pillars (${pct(previousShare)} in the 60 days before)` : '') +
    '.';
  let next: string;
  if (wanted !== undefined) {
    next = `No post on "${wanted.pillar}" in ${FOCUS_DAYS} days while the audience mentioned "${wanted.term}" ${wanted.count} times: plan a post on it this week.`;
  } else if (mix.offPillarPostIds.length / current > 0.2) {
    next = `${mix.offPillarPostIds.length} of ${current} recent posts fit no pillar: tag them if they belong to one, and plan the next posts on ${(neglected[0] ?? pillars[0])?.name ?? 'a pillar'}.`;
  } else if (neglected.length > 0) {
    next = `No post on "${neglected[0]?.name}" in ${FOCUS_DAYS} days: plan one this week.`;
  } else if (uncovered !== undefined && uncovered.count >= 5) {
    next = `The audience mentioned "${uncovered.term}" ${uncovered.count} times and no pillar covers it: answer it in a post or add it to a pillar's keywords.`;
  } else {
    next = `On focus: keep each week's posts on ${pillars.map((p) => p.name).join(', ')}.`;
  }
  return scored('focus', score, figures, explanation, next);
}
