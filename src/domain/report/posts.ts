/**
 * The month's posts: the top posts by engagement quality, the value mix and the pillar share, all
 * over the posts published in the report period (any channel).
 */
import { DateTime } from 'luxon';
import { engagementRate, engagementsOf } from '../scorecard/engagement.ts';
import { compilePillars, pillarsOf } from '../scorecard/pillars.ts';
import { DEFAULT_PROMOTIONAL_TARGET, valueTypeOf } from '../scorecard/value-type.ts';
import { isUnavailable, VALUE_TYPES, type Pillar, type PostMetrics, type PublishedPost, type ValueType } from '../scorecard/types.ts';
import type { ReportPeriod } from './period.ts';

/** Replies and quotes count this many times a like or a repost: people saying something back. */
export const CONVERSATION_WEIGHT = 3;
export const TOP_POSTS = 10;
const EXCERPT_CHARS = 120;

export const ENGAGEMENT_QUALITY_METRIC = 'conversation-weighted engagements';
export const ENGAGEMENT_QUALITY_DEFINITION =
  `Quality points = likes + reposts + ${CONVERSATION_WEIGHT} × (replies + quotes), from the latest metrics of each post published in the month. ` +
  'Replies and quotes weigh more because a person talking back is worth more than a tap. Ties go to the post with more replies and quotes. ' +
  'The engagement rate (engagements ÷ impressions where the network reports them, else ÷ followers at the time) is shown beside it, labelled; ' +
  'it is not used for the ranking because most networks report no impressions, and rates of different denominators cannot be compared.';

/** Posts published in [period.from, period.asOf], oldest first. */
export function postsInPeriod(posts: readonly PublishedPost[], period: ReportPeriod): PublishedPost[] {
  const from = Date.parse(period.from);
  const to = Date.parse(period.asOf);
  return posts
    .filter((p) => {
      const at = Date.parse(p.publishedAt);
      return at >= from && at <= to;
    })
    .sort((a, b) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt));
}

export function qualityPoints(m: PostMetrics): number {
  return m.likes + m.reposts + CONVERSATION_WEIGHT * (m.replies + m.quotes);
}

export interface TopPost {
  rank: number;
  postId: string;
  channelId: string;
  /** Local 'YYYY-MM-DD HH:mm' in the workspace's zone. */
  published: string;
  excerpt: string;
  qualityPoints: number;
  conversations: number;
  likes: number;
  reposts: number;
  replies: number;
  quotes: number;
  /** Engagement rate in percent; null when the network gives no denominator. */
  engagementRate: number | null;
  /** What the rate is of: 'impressions' or 'followers at the time'. */
  rateOf: string | null;
  /** The post on the network, when it is known. */
  url: string | null;
}

export interface TopPostsSection {
  metric: string;
  definition: string;
  postsInMonth: number;
  /** Posts of the month without metrics (not fetched yet, deleted, unavailable): left out of the ranking. */
  withoutMetrics: number;
  posts: TopPost[];
  notEnoughData?: string;
}

/** The month's posts with metrics, best first by quality points (ids only: links are looked up for these). */
export function rankedPosts(posts: readonly PublishedPost[], period: ReportPeriod, limit = TOP_POSTS): Array<PublishedPost & { metrics: PostMetrics }> {
  const withMetrics = postsInPeriod(posts, period).filter((p): p is PublishedPost & { metrics: PostMetrics } => p.metrics !== undefined && !isUnavailable(p.metrics));
  return withMetrics
    .sort((a, b) => qualityPoints(b.metrics) - qualityPoints(a.metrics) || b.metrics.replies + b.metrics.quotes - (a.metrics.replies + a.metrics.quotes) || Date.parse(a.publishedAt) - Date.parse(b.publishedAt))
    .slice(0, limit);
}

export function topPostsSection(posts: readonly PublishedPost[], period: ReportPeriod, links: Readonly<Record<string, string>>): TopPostsSection {
  const inMonth = postsInPeriod(posts, period);
  const ranked = rankedPosts(posts, period);
  const withoutMetrics = inMonth.length - inMonth.filter((p) => p.metrics !== undefined && !isUnavailable(p.metrics)).length;
  const section: TopPostsSection = {
    metric: ENGAGEMENT_QUALITY_METRIC,
    definition: ENGAGEMENT_QUALITY_DEFINITION,
    postsInMonth: inMonth.length,
    withoutMetrics,
    posts: ranked.map((p, i) => {
      const rate = engagementRate(p);
      const m = p.metrics;
      return {
        rank: i + 1,
        postId: p.id,
        channelId: p.channelId,
        published: DateTime.fromMillis(Date.parse(p.publishedAt), { zone: period.zone }).toFormat('yyyy-MM-dd HH:mm'),
        excerpt: excerpt(p.text),
        qualityPoints: qualityPoints(m),
        conversations: m.replies + m.quotes,
        likes: m.likes,
        reposts: m.reposts,
        replies: m.replies,
        quotes: m.quotes,
        engagementRate: 'rate' in rate ? percent(rate.rate) : null,
        rateOf: 'rate' in rate ? rate.label.replace(/^of /u, '') : null,
        url: safeLink(links[p.id]),
      };
    }),
  };
  if (inMonth.length === 0) section.notEnoughData = `no posts were published in ${period.label}`;
  else if (ranked.length === 0) section.notEnoughData = `none of the ${inMonth.length} posts of ${period.label} has engagement metrics yet (metrics are fetched within a day of publishing)`;
  return section;
}

export interface MonthPostFigures {
  posts: number;
  postsWithMetrics: number;
  engagements: number;
  /** (replies + quotes) ÷ engagements, percent; null without engagements. */
  conversationShare: number | null;
}

export function monthPostFigures(posts: readonly PublishedPost[], period: ReportPeriod): MonthPostFigures {
  const inMonth = postsInPeriod(posts, period);
  let withMetrics = 0;
  let engagements = 0;
  let conversation = 0;
  for (const p of inMonth) {
    if (p.metrics === undefined || isUnavailable(p.metrics)) continue;
    withMetrics++;
    engagements += engagementsOf(p.metrics);
    conversation += p.metrics.replies + p.metrics.quotes;
  }
  return { posts: inMonth.length, postsWithMetrics: withMetrics, engagements, conversationShare: engagements === 0 ? null : percent(conversation / engagements) };
}

export interface ValueMixSection {
  /** Posts published in the month: the denominator of every share. */
  posts: number;
  types: Array<{ type: ValueType; label: string; posts: number; share: number }>;
  /** Promotional share in percent; null without posts. */
  promotionalShare: number | null;
  /** The workspace's highest promotional share, percent. */
  promotionalTarget: number;
  /** Posts whose type was guessed from the text rather than set by the team. */
  classifiedFromText: number;
  notEnoughData?: string;
}

export const VALUE_TYPE_LABELS: Record<ValueType, string> = {
  educational: 'Educational',
  community: 'Community',
  patient_story: 'Patient story',
  event: 'Event',
  news: 'News',
  promotional: 'Promotional',
};

export function valueMixSection(posts: readonly PublishedPost[], period: ReportPeriod, promotionalTarget = DEFAULT_PROMOTIONAL_TARGET): ValueMixSection {
  const inMonth = postsInPeriod(posts, period);
  const counts = new Map<ValueType, number>(VALUE_TYPES.map((t) => [t, 0]));
  let guessed = 0;
  for (const p of inMonth) {
    if (p.valueType === undefined) guessed++;
    const type = valueTypeOf(p);
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  const n = inMonth.length;
  const section: ValueMixSection = {
    posts: n,
    types: VALUE_TYPES.map((type) => ({ type, label: VALUE_TYPE_LABELS[type], posts: counts.get(type) ?? 0, share: n === 0 ? 0 : percent((counts.get(type) ?? 0) / n) })),
    promotionalShare: n === 0 ? null : percent((counts.get('promotional') ?? 0) / n),
    promotionalTarget: percent(promotionalTarget),
    classifiedFromText: guessed,
  };
  if (n === 0) section.notEnoughData = `no posts were published in ${period.label}`;
  return section;
}

export interface PillarSection {
  posts: number;
  onPillarPosts: number;
  /** Posts on at least one pillar ÷ posts, percent; null without posts or pillars. */
  onPillarShare: number | null;
  /** A post may sit on several pillars (a tie), so the shares can add up to more than 100. */
  pillars: Array<{ pillarId: string; name: string; posts: number; share: number }>;
  offPillarPosts: number;
  notEnoughData?: string;
}

export function pillarSection(posts: readonly PublishedPost[], pillars: readonly Pillar[], period: ReportPeriod): PillarSection {
  const inMonth = postsInPeriod(posts, period);
  const compiled = compilePillars(pillars);
  const perPillar = new Map(compiled.map((p) => [p.id, 0]));
  let on = 0;
  for (const p of inMonth) {
    const ids = pillarsOf(p, compiled).filter((id) => perPillar.has(id));
    if (ids.length > 0) on++;
    for (const id of ids) perPillar.set(id, (perPillar.get(id) ?? 0) + 1);
  }
  const n = inMonth.length;
  const section: PillarSection = {
    posts: n,
    onPillarPosts: on,
    onPillarShare: n === 0 || compiled.length === 0 ? null : percent(on / n),
    pillars: compiled.map((p) => ({ pillarId: p.id, name: p.name, posts: perPillar.get(p.id) ?? 0, share: n === 0 ? 0 : percent((perPillar.get(p.id) ?? 0) / n) })),
    offPillarPosts: n - on,
  };
  if (compiled.length === 0) section.notEnoughData = 'no content pillars are set yet (Settings → Pillars)';
  else if (n === 0) section.notEnoughData = `no posts were published in ${period.label}`;
  return section;
}

/** A share (0–1) as a percentage with one decimal. */
export function percent(share: number): number {
  return Math.round(share * 1000) / 10;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS - 1).trimEnd()}…` : flat;
}

/** Only http(s) addresses become links: a stored "javascript:" URL must never reach an href. */
export function safeLink(url: string | undefined): string | null {
  if (url === undefined) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}
