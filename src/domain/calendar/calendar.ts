/**
 * The calendar view model: each day of a range in the workspace's zone, with its planned slots
 * (filled or empty) and its posts, so a week or month view can show the holes in the plan.
 */
import { DateTime } from 'luxon';
import { CalendarError } from './calendar-error.ts';
import { isValidZone, localDate, toIsoUtc } from './local-time.ts';
import { plannedSlotMs, requireInstant, type PostingPlan } from './posting-plan.ts';
import {
  DEFAULT_SLOT_TOLERANCE_MINUTES,
  SLOT_HOLDING_STATES,
  fillSlots,
  timedPosts,
  type CalendarPost,
  type SlotRef,
} from './slot-filling.ts';

export interface CalendarSlot {
  channelId: string;
  /** ISO UTC instant of the planned slot. */
  at: string;
  /** Id of the scheduled or published post that fills this slot; absent when the slot is empty. */
  filledBy?: string;
}

export interface CalendarDay<P extends CalendarPost = CalendarPost> {
  /** Local date in the workspace's zone. */
  date: string; // 'YYYY-MM-DD'
  slots: CalendarSlot[];
  /** Every post in the range on this local day, any state, sorted by time. */
  posts: P[];
}

export interface CalendarInput<P extends CalendarPost = CalendarPost> {
  plans: readonly PostingPlan[];
  posts: readonly P[];
  /** UTC range [from, to), ISO instants. */
  from: string;
  to: string;
  /** The workspace's IANA zone: decides which local day a slot or post falls on. */
  zone: string;
  slotToleranceMinutes?: number;
}

/** Days from the local date of `from` to the local date of the last instant before `to`. */
export function buildCalendar<P extends CalendarPost>(input: CalendarInput<P>): CalendarDay<P>[] {
  const { zone } = input;
  if (!isValidZone(zone)) {
    throw new CalendarError('INVALID_ZONE', `zone "${String(zone)}" is not an IANA zone name (e.g. America/Chicago)`, { field: 'zone' });
  }
  const fromMs = requireInstant(input.from, 'from');
  const toMs = requireInstant(input.to, 'to');
  if (toMs <= fromMs) throw new CalendarError('INVALID_RANGE', 'the range is empty or ends before it starts (to ≤ from)', { field: 'to' });
  const tolerance = input.slotToleranceMinutes ?? DEFAULT_SLOT_TOLERANCE_MINUTES;
  const toleranceMs = tolerance * 60_000;

  // Slots and posts just outside the range still compete for the slots inside it.
  const slots: SlotRef[] = input.plans.flatMap((plan) =>
    plannedSlotMs(plan, fromMs - 2 * toleranceMs, toMs + 2 * toleranceMs).map((ms) => ({ channelId: plan.channelId, ms })),
  );
  slots.sort((a, b) => a.ms - b.ms || (a.channelId < b.channelId ? -1 : a.channelId > b.channelId ? 1 : 0));
  const filled = fillSlots(slots, timedPosts(input.posts, SLOT_HOLDING_STATES), tolerance);

  const days = new Map<string, CalendarDay<P>>();
  for (
    let day = DateTime.fromMillis(fromMs, { zone }).startOf('day');
    day.toMillis() < toMs;
    day = day.plus({ days: 1 }).startOf('day')
  ) {
    days.set(day.toFormat('yyyy-MM-dd'), { date: day.toFormat('yyyy-MM-dd'), slots: [], posts: [] });
  }
  slots.forEach((slot, i) => {
    if (slot.ms < fromMs || slot.ms >= toMs) return;
    const filledBy = filled.get(i);
    days.get(localDate(slot.ms, zone))?.slots.push({
      channelId: slot.channelId,
      at: toIsoUtc(slot.ms),
      ...(filledBy !== undefined ? { filledBy } : {}),
    });
  });
  const inRange = input.posts
    .map((post) => ({ post, ms: requireInstant(post.at, 'at', post.id) }))
    .filter(({ ms }) => ms >= fromMs && ms < toMs)
    .sort((a, b) => a.ms - b.ms);
  for (const { post, ms } of inRange) days.get(localDate(ms, zone))?.posts.push(post);
  return [...days.values()];
}
