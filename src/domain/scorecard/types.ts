/**
 * What the scorecard reads, in product words. Every collection is something the storage layer
 * can produce with one query (see docs/scorecard.md, "What storage aggregates").
 */
import type { PostingPlan } from '../calendar/index.ts';
import type { BusinessHours, ResponseConversation } from '../inbox/index.ts';
import type { QuestionGroup, TopTerm } from '../listening/trends/index.ts';

export const VALUE_TYPES = ['educational', 'community', 'patient_story', 'event', 'news', 'promotional'] as const;
/** What a post does for its reader (rule "Value"). */
export type ValueType = (typeof VALUE_TYPES)[number];

/** A figure that could not be fetched: shown as "unavailable (reason)", never as zero. */
export interface Unavailable {
  unavailable: string;
}

/** The latest metrics snapshot of a published post, as the network reported it. */
export interface PostMetrics {
  likes: number;
  reposts: number;
  replies: number;
  quotes: number;
  /** Only some networks report impressions; absent means "not reported", not zero. */
  impressions?: number;
  /** The channel's follower count when the post went out: the fallback denominator. */
  followersAtTime?: number;
}

export interface PublishedPost {
  id: string;
  channelId: string;
  /** ISO instant with Z or an offset. */
  publishedAt: string;
  text: string;
  /** Pillars the team confirmed or edited; when absent they are suggested from the text. */
  pillarIds?: readonly string[];
  /** The value type the team confirmed or edited; when absent it is classified from the text. */
  valueType?: ValueType;
  /** Absent when never fetched; `{ unavailable }` when the fetch failed or the post is gone. */
  metrics?: PostMetrics | Unavailable;
  /** Set when the post was deleted on the network: it still went out (cadence, mix), its metrics are gone. */
  deletedAt?: string;
}

export type InteractionKind = 'like' | 'repost' | 'reply' | 'quote' | 'mention' | 'follow';

/** One person doing one thing to the account, e.g. a like or a reply. */
export interface Interaction {
  personId: string;
  /** ISO instant with Z or an offset. */
  at: string;
  kind: InteractionKind;
}

/**
 * When a post went out and where: all the long trends, the plan's streak and "days since the last
 * post" need of the posts older than the detailed window (`POST_DETAIL_DAYS`).
 */
export interface PostInstant {
  /** Absent when storage reads instants only; the calendar then numbers the posts itself. */
  id?: string;
  channelId: string;
  /** ISO instant with Z or an offset. */
  publishedAt: string;
}

/**
 * Engaged people and the loyal core in (now − days, now], follows excluded, as storage counts them
 * (GROUP BY person): the same figures `audienceCounts` computes from raw interactions.
 */
export interface AudienceWindow {
  days: number;
  /** Interactions that make a person part of the loyal core. */
  minInteractions: number;
  engaged: number;
  loyal: number;
}

/** Unique people who interacted in one local week (Monday 00:00 in the workspace's zone). */
export interface WeeklyAudience {
  /** Local date of the week's Monday, 'YYYY-MM-DD'. */
  weekStart: string;
  engagedPeople: number;
}

/** A content pillar of the workspace (rule "Focus"), e.g. "heart health". */
export interface Pillar {
  id: string;
  name: string;
  /** Words and phrases that put a post in the pillar; the name counts as one too. */
  keywords: readonly string[];
}

/** A period a channel was disconnected: what happened in it is unknown, not zero. */
export interface ChannelOutage {
  from: string;
  /** Absent while the channel is still disconnected. */
  to?: string;
  reason?: string;
}

export interface ScorecardChannel {
  id: string;
  /** How messages name it: "Bluesky @mercyhealth.org". */
  name: string;
  /** When Bedside began tracking the channel; nothing before counts as missing. */
  connectedAt: string;
  outages?: readonly ChannelOutage[];
}

/** A post scheduled to go out, for the empty slots ahead. */
export interface ScheduledPost {
  id: string;
  channelId: string;
  at: string;
}

export interface InboxSummary {
  /** Conversations received in the last 30 days at least (older ones are ignored). */
  conversations: readonly ResponseConversation[];
  /** The workspace's first-response target in business minutes (its SLA policy). */
  firstResponseMinutes: number;
  businessHours: BusinessHours;
}

/** What listening found, as listening trends compute it (never the raw mentions). */
export interface ListeningSummary {
  /** Active listening queries. */
  queries: number;
  /** Mentions matched in the last 30 days, and those someone opened, triaged or replied to. */
  mentionsLast30Days: number;
  mentionsReadLast30Days: number;
  /** topQuestions(mentions, now − 7 days, now): the questions asked most, from the mentions asking them. */
  questionsThisWeek: readonly QuestionGroup[];
  /**
   * Mentions of the last 7 days that ask a question (the safety engine's intent), counted by storage
   * over all of them; `questionsThisWeek` may be grouped from the newest of them only. Default: the
   * mentions in `questionsThisWeek`.
   */
  questionMentionsThisWeek?: number;
  /** topTerms(mentions, now − 30 days, now): what the audience talks about. */
  topTermsLast30Days: readonly TopTerm[];
}

export interface ValueTarget {
  /** Highest promotional share of posts allowed; default 0.2. */
  promotionalShare?: number;
  /** Window the mix is measured over; default 30 days. */
  days?: number;
}

export interface ScorecardInput {
  /** The workspace's IANA zone: weeks start Monday 00:00 there, days are its days. */
  zone: string;
  /** The channel the team is mastering first ("start small"). */
  primaryChannelId: string;
  channels: readonly ScorecardChannel[];
  plans: readonly PostingPlan[];
  /**
   * Published posts on the workspace's channels with their text and metrics: at least the last
   * `POST_DETAIL_DAYS` days and the value window when `postTimeline` is given, else as far back as
   * the trends should look (≤ 3 years).
   */
  posts: readonly PublishedPost[];
  /**
   * Every published post as far back as the trends should look (≤ 3 years), instants only: the
   * weekly posting series, the plan's streak and days since the last post. Default: `posts`.
   */
  postTimeline?: readonly PostInstant[];
  scheduledPosts?: readonly ScheduledPost[];
  /**
   * Raw interactions: what `audienceWindow` and `weeklyAudience` are computed from when absent, so
   * at least the last 90 days then. May be empty when both are given.
   */
  interactions: readonly Interaction[];
  /** Engaged people and loyal core of the last 90 days (≥ 3 interactions), counted by storage. */
  audienceWindow?: AudienceWindow;
  /**
   * Interactions are complete from this instant on (what storage loaded them from); default: the
   * earliest one given. Weeks before it are unknown when the weekly audience is computed from them.
   */
  interactionsSince?: string;
  /** Engaged people per local week for the long trends; computed from `interactions` when absent. */
  weeklyAudience?: readonly WeeklyAudience[];
  inbox: InboxSummary | Unavailable;
  listening: ListeningSummary | Unavailable;
  pillars: readonly Pillar[];
  valueTarget?: ValueTarget;
}

export function isUnavailable(value: unknown): value is Unavailable {
  return typeof value === 'object' && value !== null && typeof (value as Unavailable).unavailable === 'string';
}
