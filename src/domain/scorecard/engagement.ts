/**
 * Per-post engagement and conversation depth (rule "Quality"). Engagements are likes + reposts +
 * replies + quotes. Conversation is replies + quotes: people saying something back, which is
 * worth more than a tap on a heart.
 */
import { isUnavailable, type PostMetrics, type PublishedPost } from './types.ts';

export type EngagementDenominator = 'impressions' | 'followers';

export type EngagementRate =
  | {
      /** engagements ÷ denominator (0–1, may exceed 1 on a viral follower-based post). */
      rate: number;
      engagements: number;
      denominator: EngagementDenominator;
      /** "of impressions" or "of followers at the time": always shown with the rate. */
      label: string;
    }
  | { unavailable: string };

/**
 * Engagement rate of one post: engagements ÷ impressions where the network reports impressions,
 * else ÷ the channel's followers when the post went out (labelled so the two are never mixed up);
 * unavailable (with the reason) when the metrics were not fetched or the post is gone.
 */
export function engagementRate(post: Pick<PublishedPost, 'metrics' | 'deletedAt'>): EngagementRate {
  const m = post.metrics;
  if (m === undefined) return { unavailable: post.deletedAt !== undefined ? 'deleted on the network before metrics were fetched' : 'metrics not fetched yet' };
  if (isUnavailable(m)) return { unavailable: m.unavailable };
  const engagements = engagementsOf(m);
  if (m.impressions !== undefined && m.impressions > 0) {
    return { rate: engagements / m.impressions, engagements, denominator: 'impressions', label: 'of impressions' };
  }
  if (m.followersAtTime !== undefined && m.followersAtTime > 0) {
    return { rate: engagements / m.followersAtTime, engagements, denominator: 'followers', label: 'of followers at the time' };
  }
  return { unavailable: 'the network reports neither impressions nor a follower count for this post' };
}

export function engagementsOf(m: PostMetrics): number {
  return m.likes + m.reposts + m.replies + m.quotes;
}

export interface ConversationDepth {
  /** Posts with metrics: the denominator of the per-post figures. */
  postsWithMetrics: number;
  /** Posts whose metrics are unavailable, and why (reason → count). */
  unavailable: Record<string, number>;
  replies: number;
  quotes: number;
  engagements: number;
  /** (replies + quotes) ÷ posts with metrics; null without such posts. */
  conversationsPerPost: number | null;
  /** (replies + quotes) ÷ all engagements; null without engagements. */
  conversationShare: number | null;
  /** Posts with at least one reply or quote ÷ posts with metrics; null without such posts. */
  postsWithConversation: number | null;
}

/** Conversation depth over `posts` (pass the window you mean; no time filter here). */
export function conversationDepth(posts: readonly Pick<PublishedPost, 'metrics' | 'deletedAt'>[]): ConversationDepth {
  let n = 0;
  let replies = 0;
  let quotes = 0;
  let engagements = 0;
  let withConversation = 0;
  const unavailable: Record<string, number> = {};
  for (const post of posts) {
    const m = post.metrics;
    if (m === undefined || isUnavailable(m)) {
      const reason = m === undefined ? (post.deletedAt !== undefined ? 'deleted on the network' : 'metrics not fetched yet') : m.unavailable;
      unavailable[reason] = (unavailable[reason] ?? 0) + 1;
      continue;
    }
    n++;
    replies += m.replies;
    quotes += m.quotes;
    engagements += engagementsOf(m);
    if (m.replies + m.quotes > 0) withConversation++;
  }
  return {
    postsWithMetrics: n,
    unavailable,
    replies,
    quotes,
    engagements,
    conversationsPerPost: n === 0 ? null : (replies + quotes) / n,
    conversationShare: engagements === 0 ? null : (replies + quotes) / engagements,
    postsWithConversation: n === 0 ? null : withConversation / n,
  };
}

export interface EngagementSummary {
  /** Median rate per denominator over posts that have it; each with the number of posts behind it. */
  impressions: { median: number; posts: number } | null;
  followers: { median: number; posts: number } | null;
  unavailable: number;
}

/** Median engagement rates, kept apart by denominator (a rate of impressions is not one of followers). */
export function engagementSummary(posts: readonly Pick<PublishedPost, 'metrics' | 'deletedAt'>[]): EngagementSummary {
  const byImpressions: number[] = [];
  const byFollowers: number[] = [];
  let unavailable = 0;
  for (const post of posts) {
    const r = engagementRate(post);
    if ('unavailable' in r) unavailable++;
    else if (r.denominator === 'impressions') byImpressions.push(r.rate);
    else byFollowers.push(r.rate);
  }
  return { impressions: medianOf(byImpressions), followers: medianOf(byFollowers), unavailable };
}

function medianOf(values: number[]): { median: number; posts: number } | null {
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  const median = values.length % 2 === 1 ? (values[mid] ?? 0) : ((values[mid - 1] ?? 0) + (values[mid] ?? 0)) / 2;
  return { median, posts: values.length };
}
