/**
 * Posting cadence against the plan (rule "Consistency"), built on the calendar: its slot filling
 * (the matching buildCalendar runs) for the share of planned slots filled week by week, and
 * detectGaps for days since the last post, empty slots ahead, missed slots and the streak of full weeks.
 */
import { DEFAULT_SLOT_TOLERANCE_MINUTES, detectGaps, type CalendarPost, type PostingPlan } from '../calendar/index.ts';
// The calendar's own slot expansion and slot filling, in epoch milliseconds: what buildCalendar runs
// before it lays slots out on local days, which the cadence does not need.
import { plannedSlotMs } from '../calendar/posting-plan.ts';
import { fillSlots } from '../calendar/slot-filling.ts';
import { bucketOf, DAY_MS, localDay, periodBoundaries, requireInstant, requireZone } from './time.ts';
import type { ChannelOutage, PostInstant, ScheduledPost } from './types.ts';

export const DEFAULT_CADENCE_WEEKS = 8;
// detectGaps looks back 104 weeks from the start of the current week (and 30 days for missed slots),
// and 14 days ahead for empty slots.
const GAPS_LOOKBACK_DAYS = 105 * 7 + 2;
const UPCOMING_DAYS = 14;

export interface CadenceOptions {
  /** Complete weeks to look back over; default 8. */
  weeks?: number;
  /** When tracking began: weeks before it (or partly before it) are not counted. */
  trackedSince?: string;
  /** Slots inside an outage are unknown and left out of both counts. */
  outages?: readonly ChannelOutage[];
  scheduledPosts?: readonly ScheduledPost[];
}

export interface CadenceWeek {
  /** Local date of the week's Monday. */
  weekStart: string;
  planned: number;
  filled: number;
}

export interface CadenceVsPlan {
  channelId: string;
  /** The complete local weeks counted, oldest first. */
  weeks: CadenceWeek[];
  plannedSlots: number;
  /** Planned slots a published post filled (within the calendar's slot tolerance). */
  filledSlots: number;
  /** filledSlots ÷ plannedSlots over the counted weeks; null when no slot was planned in them. */
  filledShare: number | null;
  /** Planned slots left out because the channel was disconnected then. */
  slotsInOutages: number;
  /** Longest stretch between consecutive planned slots (the counted weeks to 14 days ahead), in days: the silence the plan allows. */
  largestPlannedGapDays: number | null;
  daysSinceLastPost: number | null;
  lastPostAt?: string;
  /** Planned slots in the next 14 days with nothing scheduled (ISO UTC). */
  emptyPlannedSlots: string[];
  /** Planned slots in the past 30 days no published post filled (ISO UTC). */
  missedSlots: string[];
  /** Consecutive complete weeks, newest first, with every planned slot filled. */
  streakWeeks: number;
}

/** How `plan`'s channel kept to its plan over the last complete weeks. */
export function cadenceVsPlan(
  plan: PostingPlan,
  posts: readonly PostInstant[],
  now: string,
  zone: string,
  options: CadenceOptions = {},
): CadenceVsPlan {
  requireZone(zone);
  const nowMs = requireInstant(now, 'now');
  // Only the plan's channel is read (and so validated).
  const postMs = new Float64Array(posts.length);
  for (let i = 0; i < posts.length; i++) {
    const p = posts[i] as PostInstant;
    postMs[i] = p.channelId === plan.channelId ? requireInstant(p.publishedAt, 'publishedAt', p.id) : Number.NaN;
  }
  return cadenceOf(plan, posts, postMs, now, nowMs, zone, options);
}

/** cadenceVsPlan over instants already parsed (`postMs[i]` is `posts[i].publishedAt`), zone and now validated. */
export function cadenceOf(
  plan: PostingPlan,
  posts: readonly PostInstant[],
  postMs: ArrayLike<number>,
  now: string,
  nowMs: number,
  zone: string,
  options: CadenceOptions = {},
): CadenceVsPlan {
  const weeksBack = options.weeks ?? DEFAULT_CADENCE_WEEKS;
  // Planned slots from detectGaps' look-back to past its 14 days ahead. A post further than the slot
  // tolerance from every one of them fills none, so only posts near a slot are handed to the calendar:
  // two years of a busy channel are tens of thousands of posts, the slots a few hundred.
  const reach = 2 * DEFAULT_SLOT_TOLERANCE_MINUTES * 60_000;
  const lookBackFrom = nowMs - GAPS_LOOKBACK_DAYS * DAY_MS;
  const gapSlotsFrom = lookBackFrom - reach;
  const gapSlotsTo = nowMs + (UPCOMING_DAYS + 1) * DAY_MS + reach;
  const gapSlots = plannedSlotMs(plan, gapSlotsFrom, gapSlotsTo);
  const published: Array<{ post: CalendarPost; ms: number; i: number }> = [];
  let latest = -1;
  for (let i = 0; i < posts.length; i++) {
    const p = posts[i] as PostInstant;
    if (p.channelId !== plan.channelId) continue;
    const ms = postMs[i] ?? Number.NaN;
    if (ms <= nowMs && (latest < 0 || ms > (postMs[latest] ?? 0))) latest = i;
    if (ms >= lookBackFrom - reach && nearSlot(gapSlots, ms, reach)) published.push({ post: calendarPost(p, i, ms), ms, i });
  }
  // Posts older than detectGaps' look-back fill no slot it counts; only the latest one still
  // matters (how long the channel has been silent).
  const forGaps: CalendarPost[] = [];
  let latestGiven = false;
  for (const e of published) {
    if (e.ms < lookBackFrom) continue;
    forGaps.push(e.post);
    if (e.i === latest) latestGiven = true;
  }
  if (latest >= 0 && !latestGiven) forGaps.push(calendarPost(posts[latest] as PostInstant, latest, postMs[latest] ?? 0));
  for (const s of options.scheduledPosts ?? []) {
    if (s.channelId === plan.channelId) forGaps.push({ id: s.id, channelId: s.channelId, at: s.at, state: 'scheduled' });
  }
  const gaps = detectGaps({ plan, posts: forGaps, now, zone, plannedSlots: { fromMs: gapSlotsFrom, toMs: gapSlotsTo, slots: gapSlots } });

  const boundaries = periodBoundaries(nowMs - weeksBack * 7 * DAY_MS, nowMs, zone, 'week').slice(-(weeksBack + 1));
  const trackedMs = options.trackedSince === undefined ? Number.NEGATIVE_INFINITY : requireInstant(options.trackedSince, 'trackedSince');
  const firstCounted = boundaries.findIndex((b) => b >= trackedMs);
  const counted = firstCounted < 0 ? [] : boundaries.slice(firstCounted);
  const outages = (options.outages ?? []).map((o) => ({
    from: requireInstant(o.from, 'outages.from'),
    to: o.to === undefined ? Number.POSITIVE_INFINITY : requireInstant(o.to, 'outages.to'),
  }));

  const weeks: CadenceWeek[] = counted.slice(0, -1).map((b) => ({ weekStart: localDay(b, zone), planned: 0, filled: 0 }));
  let slotsInOutages = 0;
  const windowStart = counted[0];
  const windowEnd = counted[counted.length - 1];
  // Slots from before the window to two weeks ahead: the plan's longest silence.
  const slots = within(gapSlots, nowMs - (weeksBack + 2) * 7 * DAY_MS, nowMs + 14 * DAY_MS);
  if (windowStart !== undefined && windowEnd !== undefined && windowEnd > windowStart) {
    // The calendar's slot filling over the window, as buildCalendar runs it: slots and posts just
    // outside the window still compete for the slots inside it.
    const tolerance = DEFAULT_SLOT_TOLERANCE_MINUTES * 60_000;
    const windowSlots = within(gapSlots, windowStart - 2 * tolerance, windowEnd + 2 * tolerance).map((ms) => ({ channelId: plan.channelId, ms }));
    const inWindow = published
      .filter((e) => e.ms >= windowStart - DAY_MS && e.ms < windowEnd + DAY_MS)
      .map((e) => ({ id: e.post.id, channelId: e.post.channelId, ms: e.ms }));
    const filledSlots = fillSlots(windowSlots, inWindow, DEFAULT_SLOT_TOLERANCE_MINUTES);
    windowSlots.forEach(({ ms: at }, i) => {
      if (at < windowStart || at >= windowEnd) return;
      if (outages.some((o) => at >= o.from && at < o.to)) {
        slotsInOutages++;
        return;
      }
      const week = weeks[bucketOf(counted, at)];
      if (week === undefined) return;
      week.planned++;
      if (filledSlots.has(i)) week.filled++;
    });
  }
  const planned = weeks.reduce((s, w) => s + w.planned, 0);
  const filled = weeks.reduce((s, w) => s + w.filled, 0);
  return {
    channelId: plan.channelId,
    weeks,
    plannedSlots: planned,
    filledSlots: filled,
    filledShare: planned === 0 ? null : filled / planned,
    slotsInOutages,
    largestPlannedGapDays: largestGapDays(slots, nowMs - weeksBack * 7 * DAY_MS),
    daysSinceLastPost: gaps.daysSinceLastPost,
    ...(gaps.lastPostAt !== undefined ? { lastPostAt: gaps.lastPostAt } : {}),
    emptyPlannedSlots: gaps.emptyPlannedSlots,
    missedSlots: gaps.missedSlots,
    streakWeeks: gaps.streakWeeks,
  };
}

/** Longest stretch between consecutive planned slots from `fromMs` on, in days; null with fewer than 2 slots. */
function largestGapDays(slots: readonly number[], fromMs: number): number | null {
  let largest = 0;
  let previous: number | undefined;
  for (const ms of slots) {
    if (ms < fromMs) continue;
    if (previous !== undefined) largest = Math.max(largest, ms - previous);
    previous = ms;
  }
  return largest === 0 ? null : Math.round((largest / DAY_MS) * 10) / 10;
}

/** The sorted slots in [fromMs, toMs). */
function within(slots: readonly number[], fromMs: number, toMs: number): number[] {
  return slots.filter((ms) => ms >= fromMs && ms < toMs);
}

/** Whether sorted `slots` has one within `reachMs` of `ms`. */
function nearSlot(slots: readonly number[], ms: number, reachMs: number): boolean {
  let lo = 0;
  let hi = slots.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((slots[mid] ?? 0) < ms - reachMs) lo = mid + 1;
    else hi = mid;
  }
  return lo < slots.length && (slots[lo] ?? 0) <= ms + reachMs;
}

/** A post as the calendar takes it; instants without an id are numbered by their place in the timeline. */
function calendarPost(p: PostInstant, i: number, ms: number): CalendarPost {
  return { id: p.id ?? `#${i}`, channelId: p.channelId, at: p.publishedAt, state: 'published', ms };
}
