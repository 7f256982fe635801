/**
 * Constructed workspace histories with known answers, for the scorecard's tests: a hospital
 * posting on plan (Tue and Thu 10:05 in New York) for a given number of weeks, with the mix,
 * audience, silences and outages each test asks for. Deterministic: no clock, no randomness
 * beyond a seeded generator.
 */
import { DateTime } from 'luxon';
import type { ResponseConversation } from '../inbox/index.ts';
import { officeHours } from '../inbox/index.ts';
import type { WeeklyPostingPlan } from '../calendar/index.ts';
import type { Interaction, ListeningSummary, Pillar, PublishedPost, ScorecardInput, ValueType, WeeklyAudience } from './types.ts';

export const ZONE = 'America/New_York';
/** Thursday 19 March 2026, 12:00 EDT: eleven days after clocks went forward. */
export const NOW = '2026-03-19T16:00:00Z';
export const PRIMARY = 'bluesky-main';

export const PILLARS: Pillar[] = [
  { id: 'heart', name: 'heart health', keywords: ['heart', 'cardiology', 'blood pressure'] },
  { id: 'women', name: "women's health", keywords: ['mammogram', 'pregnancy', 'prenatal'] },
  { id: 'community', name: 'community', keywords: ['volunteer', 'neighbours', 'food bank'] },
];

export const TEXTS: Record<ValueType, string> = {
  educational: '5 tips to lower your blood pressure and protect your heart this winter.',
  patient_story: 'Meet Maria: after her heart surgery she is back in the garden. Her story of recovery.',
  community: 'Thank you to our volunteers who packed 500 care kits for the food bank.',
  event: 'Join us Saturday at 9am for free mammogram screenings at the Westside clinic.',
  news: 'Mercy Heart Center named a top 50 cardiology program for the third year.',
  promotional: 'Book now: 20% off heart health check-ups this month only.',
};

/** A small seeded generator (mulberry32), so "noise" is the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface HistoryOptions {
  /** Complete weeks of history before the current week (tracking begins on that Monday). */
  weeks: number;
  /** The value type of post i; default a healthy rotation with 1 promotion in 10. */
  typeOf?: (i: number) => ValueType;
  /** Engaged people in week w (0 = first week); default steady 400. */
  audience?: (w: number) => number;
  /** No posts in the last `silentDays` days. */
  silentDays?: number;
  /** The primary channel was disconnected from this many days ago … */
  outageFromDaysAgo?: number;
  /** … until this many days ago (absent: still disconnected). */
  outageToDaysAgo?: number;
  /** Give engaged audience as weekly aggregates instead of raw interactions (the storage shape). */
  aggregateAudience?: boolean;
  /** The moment the history runs up to; default NOW. */
  now?: string;
  /** Override parts of the input. */
  overrides?: Partial<ScorecardInput>;
}

const HEALTHY_ROTATION: ValueType[] = ['educational', 'patient_story', 'community', 'educational', 'event', 'news', 'educational', 'community', 'patient_story', 'promotional'];

export const PLAN: WeeklyPostingPlan = { channelId: PRIMARY, zone: ZONE, slots: [{ days: ['TU', 'TH'], time: '10:00' }] };

export function buildHistory(options: HistoryOptions): ScorecardInput {
  const now = DateTime.fromISO(options.now ?? NOW, { zone: ZONE });
  const start = now.startOf('week').minus({ weeks: options.weeks });
  const silentFrom = options.silentDays === undefined ? Number.POSITIVE_INFINITY : now.minus({ days: options.silentDays }).toMillis();
  const typeOf = options.typeOf ?? ((i: number) => HEALTHY_ROTATION[i % HEALTHY_ROTATION.length] ?? 'educational');
  const audienceOf = options.audience ?? (() => 400);
  const outageFrom = options.outageFromDaysAgo === undefined ? undefined : now.minus({ days: options.outageFromDaysAgo });
  const outageTo = options.outageToDaysAgo === undefined ? undefined : now.minus({ days: options.outageToDaysAgo });
  const inOutage = (ms: number): boolean =>
    outageFrom !== undefined && ms >= outageFrom.toMillis() && (outageTo === undefined || ms < outageTo.toMillis());

  const posts: PublishedPost[] = [];
  for (let day = start; day < now; day = day.plus({ days: 1 })) {
    if (day.weekday !== 2 && day.weekday !== 4) continue;
    const at = day.set({ hour: 10, minute: 5 });
    if (at >= now || at.toMillis() >= silentFrom || inOutage(at.toMillis())) continue;
    const i = posts.length;
    const type = typeOf(i);
    posts.push({
      id: `post-${i}`,
      channelId: PRIMARY,
      publishedAt: at.toUTC().toISO() ?? '',
      text: TEXTS[type],
      metrics: { likes: 20, reposts: 3, replies: 4, quotes: 1, impressions: 1000 },
    });
  }

  const interactions: Interaction[] = [];
  const weekly: WeeklyAudience[] = [];
  for (let w = 0; w < options.weeks; w++) {
    const monday = start.plus({ weeks: w });
    const people = Math.max(0, Math.round(audienceOf(w)));
    if (inOutage(monday.toMillis()) || inOutage(monday.plus({ days: 6 }).toMillis())) continue;
    weekly.push({ weekStart: monday.toFormat('yyyy-MM-dd'), engagedPeople: people });
    if (options.aggregateAudience) continue;
    const wednesday = monday.plus({ days: 2, hours: 12 }).toUTC().toISO() ?? '';
    for (let k = 0; k < people; k++) interactions.push({ personId: `person-${k}`, at: wednesday, kind: k % 5 === 0 ? 'reply' : 'like' });
  }

  const conversations: ResponseConversation[] = [];
  for (let d = 1; d <= 28; d += 3) {
    const received = now.minus({ days: d }).set({ hour: 11, minute: 0 });
    if (received.weekday > 5) continue;
    conversations.push({
      id: `conv-${d}`,
      channelId: PRIMARY,
      receivedAt: received.toUTC().toISO() ?? '',
      dueAt: received.plus({ minutes: 60 }).toUTC().toISO() ?? '',
      firstResponseAt: received.plus({ minutes: 25 }).toUTC().toISO() ?? '',
      firstResponseBy: 'ana',
      resolution: 'replied',
      needsResponse: true,
    });
  }

  const listening: ListeningSummary = {
    queries: 2,
    mentionsLast30Days: 120,
    mentionsReadLast30Days: 114,
    questionsThisWeek: [],
    topTermsLast30Days: [
      { term: 'blood pressure', kind: 'bigram', count: 14, examples: [] },
      { term: 'parking', kind: 'word', count: 9, examples: [] },
    ],
  };

  return {
    zone: ZONE,
    primaryChannelId: PRIMARY,
    channels: [
      {
        id: PRIMARY,
        name: 'Bluesky @mercy.health',
        connectedAt: start.toUTC().toISO() ?? '',
        ...(outageFrom !== undefined
          ? { outages: [{ from: outageFrom.toUTC().toISO() ?? '', ...(outageTo ? { to: outageTo.toUTC().toISO() ?? '' } : {}), reason: 'app password revoked' }] }
          : {}),
      },
    ],
    plans: [PLAN],
    posts,
    interactions: options.aggregateAudience ? [] : interactions,
    interactionsSince: start.toUTC().toISO() ?? '',
    ...(options.aggregateAudience ? { weeklyAudience: weekly } : {}),
    inbox: { conversations, firstResponseMinutes: 60, businessHours: officeHours(ZONE) },
    listening,
    pillars: PILLARS,
    ...options.overrides,
  };
}

/** A workspace that has just been created: one channel connected today and nothing else. */
export function emptyWorkspace(): ScorecardInput {
  return {
    zone: ZONE,
    primaryChannelId: PRIMARY,
    channels: [{ id: PRIMARY, name: 'Bluesky @mercy.health', connectedAt: NOW }],
    plans: [],
    posts: [],
    interactions: [],
    inbox: { conversations: [], firstResponseMinutes: 60, businessHours: officeHours(ZONE) },
    listening: { queries: 0, mentionsLast30Days: 0, mentionsReadLast30Days: 0, questionsThisWeek: [], topTermsLast30Days: [] },
    pillars: [],
  };
}
