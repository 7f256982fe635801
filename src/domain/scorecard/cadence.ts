/**
 * Posting cadence against the plan (rule "Consistency"), built on the calendar: its slot filling
 * (buildCalendar) for the share of planned slots filled week by week, and detectGaps for days since
 * the last post, empty slots ahead, missed slots and the streak of full weeks.
 */
import { DEFAULT_SLOT_TOLERANCE_MINUTES, buildCalendar, detectGaps, plannedSlots, type CalendarPost, type PostingPlan } from '../calendar/index.ts';
import { bucketOf, DAY_MS, localDay, periodBoundaries, requireInstant, requireZone } from './time.ts';
import type { ChannelOutage, PublishedPost, ScheduledPost } from './types.ts';

export const DEFAULT_CADENCE_WEEKS = 8;
// detectGaps looks back 104 weeks from the start of the current week (and 30 days for missed slots).
const GAPS_LOOKBACK_DAYS = 105 * 7 + 2;

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
  posts: readonly PublishedPost[],
  now: string,
  zone: string,
  options: CadenceOptions = {},
): CadenceVsPlan {
  requireZone(zone);
  const nowMs = requireInstant(now, 'now');
  const weeksBack = options.weeks ?? DEFAULT_CADENCE_WEEKS;
  const published: Array<{ post: CalendarPost; ms: number }> = [];
  let latest: { post: CalendarPost; ms: number } | undefined;
  for (const p of posts) {
    if (p.channelId !== plan.channelId) continue;
    const ms = requireInstant(p.publishedAt, 'publishedAt', p.id);
    const entry = { post: { id: p.id, channelId: p.channelId, at: p.publishedAt, state: 'published', ms }, ms };
    if (ms <= nowMs && (latest === undefined || ms > latest.ms)) latest = entry;
    published.push(entry);
  }
  // Posts older than detectGaps' look-back fill no slot it counts; only the latest one still
  // matters (how long the channel has been silent).
  const lookBackFrom = nowMs - GAPS_LOOKBACK_DAYS * DAY_MS;
  const forGaps: CalendarPost[] = published.filter((e) => e === latest || e.ms >= lookBackFrom).map((e) => e.post);
  for (const s of options.scheduledPosts ?? []) {
    if (s.channelId === plan.channelId) forGaps.push({ id: s.id, channelId: s.channelId, at: s.at, state: 'scheduled' });
  }
  const gaps = detectGaps({ plan, posts: forGaps, now, zone });

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
  // Slots from before the window to two weeks ahead: the plan's longest silence, and which posts
  // can fill a slot at all (buildCalendar places every post it is given on a local day, which costs).
  const slots = plannedSlots(plan, new Date(nowMs - (weeksBack + 2) * 7 * DAY_MS).toISOString(), new Date(nowMs + 14 * DAY_MS).toISOString()).map((x) => Date.parse(x));
  if (windowStart !== undefined && windowEnd !== undefined && windowEnd > windowStart) {
    const reach = 2 * DEFAULT_SLOT_TOLERANCE_MINUTES * 60_000;
    const inWindow = published
      .filter((e) => e.ms >= windowStart - DAY_MS && e.ms < windowEnd + DAY_MS && nearSlot(slots, e.ms, reach))
      .map((e) => e.post);
    const days = buildCalendar({ plans: [plan], posts: inWindow, from: new Date(windowStart).toISOString(), to: new Date(windowEnd).toISOString(), zone });
    for (const day of days) {
      for (const slot of day.slots) {
        const at = Date.parse(slot.at);
        if (outages.some((o) => at >= o.from && at < o.to)) {
          slotsInOutages++;
          continue;
        }
        const week = weeks[bucketOf(counted, at)];
        if (week === undefined) continue;
        week.planned++;
        if (slot.filledBy !== undefined) week.filled++;
      }
    }
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
