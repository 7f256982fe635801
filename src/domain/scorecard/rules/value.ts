/**
 * Value: promotional share of the posts of the last 30 days (all channels) against the target.
 * score = 100 when share ≤ target, falling linearly to 0 at 3 × target.
 */
import type { WorkspaceHistory } from '../history.ts';
import { percent, postsToRestore, valueTypeOf } from '../value-type.ts';
import { VALUE_TYPES, type ValueType } from '../types.ts';
import { notEnoughData, plural, scored, share, type FigureValue, type RuleScore } from './rule-score.ts';

export const VALUE_MIN_POSTS = 5;

const TYPE_LABEL: Record<ValueType, string> = {
  educational: 'educational',
  community: 'community',
  patient_story: 'patient story',
  event: 'event',
  news: 'news',
  promotional: 'promotional',
};

export function valueScore(history: WorkspaceHistory): RuleScore {
  const target = history.promotionalTarget;
  const days = history.valueDays;
  const posts = history.postsWithin(days);
  const counts: Record<ValueType, number> = { educational: 0, community: 0, patient_story: 0, event: 0, news: 0, promotional: 0 };
  let guessed = 0;
  for (const post of posts) {
    counts[valueTypeOf(post)]++;
    if (post.valueType === undefined) guessed++;
  }
  const total = posts.length;
  const figures: Record<string, FigureValue> = { [`postsLast${days}Days`]: total, promotionalTarget: target };
  for (const type of VALUE_TYPES) figures[type] = counts[type];
  figures.classifiedFromText = guessed;
  if (total < VALUE_MIN_POSTS) {
    return notEnoughData(
      'value',
      `at least ${VALUE_MIN_POSTS} posts in the last ${days} days to judge the mix (${total} so far)`,
      `Publish ${VALUE_MIN_POSTS - total} more post(s), mostly tips, community news and patient stories.`,
      figures,
    );
  }
  const promo = counts.promotional;
  const promoShare = promo / total;
  figures.promotionalShare = share(promoShare);
  const score = promoShare <= target ? 100 : (100 * (3 * target - promoShare)) / (2 * target);
  const leastUsed = (['patient_story', 'educational', 'community', 'event', 'news'] as const).reduce((a, b) => (counts[b] < counts[a] ? b : a));
  if (promoShare > target) {
    const needed = postsToRestore(promo, total, target);
    return scored(
      'value',
      score,
      figures,
      `${promo} of ${total} posts in the last ${days} days were promotional (${percent(promoShare)}), over the target of ${percent(target)}.`,
      `Make the next ${plural(needed, 'post')} non-promotional — start with a ${TYPE_LABEL[leastUsed]} post (${counts[leastUsed]} in ${days} days) — to bring promotion back to ${percent(target)}.`,
    );
  }
  const headroom = Math.floor(target * (total + 1) + 1e-9) - promo;
  return scored(
    'value',
    score,
    figures,
    `${promo} of ${total} posts in the last ${days} days were promotional (${percent(promoShare)}), within the target of ${percent(target)}.`,
    counts[leastUsed] === 0
      ? `No ${TYPE_LABEL[leastUsed]} post in ${days} days: plan one this week.`
      : `Mix on target (${headroom > 0 ? `room for ${plural(headroom, 'more promotional post')}` : 'no room for another promotional post yet'}); fewest posts are ${TYPE_LABEL[leastUsed]} (${counts[leastUsed]}): plan one this week.`,
  );
}
