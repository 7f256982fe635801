/** The queue: "add to queue" puts a post in the channel's next planned slot nothing fills yet. */
import { plannedSlotMs, requireInstant, type PostingPlan } from './posting-plan.ts';
import { toIsoUtc } from './local-time.ts';
import { DEFAULT_SLOT_TOLERANCE_MINUTES, SLOT_HOLDING_STATES, fillSlots, timedPosts, type CalendarPost } from './slot-filling.ts';

export interface NextFreeSlotOptions {
  /** A slot sooner than this after now is too close to review and publish. Default 5. */
  leadMinutes?: number;
  slotToleranceMinutes?: number;
  /** How far ahead to look before giving up. Default 90 days. */
  horizonDays?: number;
}

/** ISO UTC instant of the first planned slot at or after now + lead that no post fills, or null. */
export function nextFreeSlot(
  plan: PostingPlan,
  posts: readonly CalendarPost[],
  now: string,
  opts: NextFreeSlotOptions = {},
): string | null {
  const nowMs = requireInstant(now, 'now');
  const tolerance = opts.slotToleranceMinutes ?? DEFAULT_SLOT_TOLERANCE_MINUTES;
  const earliest = nowMs + (opts.leadMinutes ?? 5) * 60_000;
  // Start early enough that slots just before `earliest` claim the posts nearest to them.
  const windowStart = earliest - 2 * tolerance * 60_000;
  const windowEnd = nowMs + (opts.horizonDays ?? 90) * 86_400_000;
  const slots = plannedSlotMs(plan, windowStart, windowEnd).map((ms) => ({ channelId: plan.channelId, ms }));
  const channelPosts = posts.filter((p) => p.channelId === plan.channelId);
  const filled = fillSlots(slots, timedPosts(channelPosts, SLOT_HOLDING_STATES), tolerance);
  const index = slots.findIndex((slot, i) => slot.ms >= earliest && !filled.has(i));
  const slot = slots[index];
  return slot ? toIsoUtc(slot.ms) : null;
}
