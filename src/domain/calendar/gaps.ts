/**
 * Consistency gaps for one channel's plan: how long since the last post, upcoming planned slots
 * with nothing scheduled, past slots nothing was published for, and the run of full weeks.
 */
import { DateTime } from 'luxon';
import { CalendarError } from './calendar-error.ts';
import { floatingToUtcMs, isValidZone, toIsoUtc, utcToFloatingMs } from './local-time.ts';
import { plannedSlotMs, requireInstant, type PostingPlan } from './posting-plan.ts';
import {
  DEFAULT_SLOT_TOLERANCE_MINUTES,
  PUBLISHED_STATES,
  SLOT_HOLDING_STATES,
  fillSlots,
  timedPosts,
  type CalendarPost,
} from './slot-filling.ts';

export interface GapInput {
  plan: PostingPlan;
  /** Posts of any channel and state; only the plan's channel counts. */
  posts: readonly CalendarPost[];
  now: string;
  /** The workspace's IANA zone: days and Monday-start weeks are counted in it. */
  zone: string;
  slotToleranceMinutes?: number;
  /**
   * The plan's slots (plannedSlotMs) over [fromMs, toMs), when the caller has expanded them already:
   * used for the windows it covers (two years back, two weeks ahead), which are expanded otherwise.
   */
  plannedSlots?: { fromMs: number; toMs: number; slots: readonly number[] };
}

export interface GapReport {
  /** Whole local days between the last published post and today; null if nothing was published. */
  daysSinceLastPost: number | null;
  lastPostAt?: string;
  /** Planned slots in the next 14 days with nothing scheduled (ISO UTC). */
  emptyPlannedSlots: string[];
  /** Planned slots in the past 30 days that no published post filled (ISO UTC). */
  missedSlots: string[];
  /** Consecutive complete weeks, newest first, in which every planned slot was filled by a published post. */
  streakWeeks: number;
}

const UPCOMING_DAYS = 14;
const LOOKBACK_DAYS = 30;
const STREAK_LOOKBACK_WEEKS = 104;
const WEEK_MS = 7 * 86_400_000;

export function detectGaps(input: GapInput): GapReport {
  const { plan, zone } = input;
  if (!isValidZone(zone)) {
    throw new CalendarError('INVALID_ZONE', `zone "${String(zone)}" is not an IANA zone name (e.g. America/Chicago)`, { field: 'zone' });
  }
  const nowMs = requireInstant(input.now, 'now');
  const tolerance = input.slotToleranceMinutes ?? DEFAULT_SLOT_TOLERANCE_MINUTES;
  const toleranceMs = tolerance * 60_000;
  const now = DateTime.fromMillis(nowMs, { zone });
  const posts = input.posts.filter((p) => p.channelId === plan.channelId);
  const published = timedPosts(posts, PUBLISHED_STATES).filter((p) => p.ms <= nowMs);

  const last = published.reduce<number | undefined>((max, p) => (max === undefined || p.ms > max ? p.ms : max), undefined);
  const daysSinceLastPost =
    last === undefined
      ? null
      : Math.round(now.startOf('day').diff(DateTime.fromMillis(last, { zone }).startOf('day'), 'days').days);

  const upcomingEnd = now.plus({ days: UPCOMING_DAYS }).toMillis();
  const upcoming = slotsBetween(input, nowMs - 2 * toleranceMs, upcomingEnd + 2 * toleranceMs);
  const upcomingFilled = fillSlots(upcoming, timedPosts(posts, SLOT_HOLDING_STATES), tolerance);
  const emptyPlannedSlots = upcoming
    .filter((slot, i) => slot.ms >= nowMs && slot.ms < upcomingEnd && !upcomingFilled.has(i))
    .map((slot) => toIsoUtc(slot.ms));

  // One matching over the whole look-back, so a post is never counted for two slots.
  const weekStarts = localWeekStarts(now.startOf('week').toMillis(), zone, STREAK_LOOKBACK_WEEKS);
  const historyStart = Math.min(weekStarts[STREAK_LOOKBACK_WEEKS] ?? nowMs, now.minus({ days: LOOKBACK_DAYS }).toMillis());
  const history = slotsBetween(input, historyStart - 2 * toleranceMs, nowMs + 2 * toleranceMs);
  const historyFilled = fillSlots(history, published, tolerance);

  // A slot is missed once its tolerance has passed: a late post may still fill it before then.
  const missedFrom = now.minus({ days: LOOKBACK_DAYS }).toMillis();
  const missedSlots = history
    .filter((slot, i) => slot.ms >= missedFrom && slot.ms + toleranceMs < nowMs && !historyFilled.has(i))
    .map((slot) => toIsoUtc(slot.ms));

  // Week k back is [weekStarts[k], weekStarts[k - 1]); the slots are in time order, so one walk
  // from the newest visits each slot once.
  let streakWeeks = 0;
  let j = history.length - 1;
  for (let k = 1; k <= STREAK_LOOKBACK_WEEKS; k++) {
    const start = weekStarts[k] ?? Number.NEGATIVE_INFINITY;
    const end = weekStarts[k - 1] ?? Number.NEGATIVE_INFINITY;
    while (j >= 0 && (history[j]?.ms ?? 0) >= end) j--;
    let planned = 0;
    let full = true;
    for (; j >= 0 && (history[j]?.ms ?? 0) >= start; j--) {
      planned++;
      if (!historyFilled.has(j)) full = false;
    }
    if (planned === 0) continue; // a week the plan has no slots in neither counts nor breaks
    if (!full) break;
    streakWeeks++;
  }

  return {
    daysSinceLastPost,
    ...(last !== undefined ? { lastPostAt: toIsoUtc(last) } : {}),
    emptyPlannedSlots,
    missedSlots,
    streakWeeks,
  };
}

/**
 * `currentWeekStart` (Monday 00:00 local) and the `weeks` Mondays before it, newest first: stepped
 * in wall-clock time and converted with the calendar's rules (a midnight in a gap moves forward by
 * the gap, as luxon does), one cached offset lookup per week instead of a luxon DateTime each.
 */
function localWeekStarts(currentWeekStart: number, zone: string, weeks: number): number[] {
  const floating = utcToFloatingMs(currentWeekStart, zone);
  const starts = [currentWeekStart];
  for (let k = 1; k <= weeks; k++) starts.push(floatingToUtcMs(floating - k * WEEK_MS, zone));
  return starts;
}

function slotsBetween(input: GapInput, fromMs: number, toMs: number): Array<{ channelId: string; ms: number }> {
  const { plan, plannedSlots: given } = input;
  // A plan's slots in a range do not depend on the range they were expanded over: a covering expansion is sliced.
  const slots = given !== undefined && given.fromMs <= fromMs && given.toMs >= toMs ? given.slots.filter((ms) => ms >= fromMs && ms < toMs) : plannedSlotMs(plan, fromMs, toMs);
  return slots.map((ms) => ({ channelId: plan.channelId, ms }));
}
