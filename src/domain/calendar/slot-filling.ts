/**
 * Which post fills which planned slot. A post fills the nearest free planned slot on its
 * channel within a tolerance; pairs are taken closest first, so each post fills at most one
 * slot and each slot holds at most one post, and the answer does not depend on input order.
 */
import { requireInstant } from './posting-plan.ts';

/** A post as the calendar sees it; the posts domain may carry more fields. */
export interface CalendarPost {
  id: string;
  channelId: string;
  /** When it is scheduled or was published: ISO instant with Z or an offset. */
  at: string;
  state: string;
}

/** States that hold a slot in the plan: committed to go out, or gone out. */
export const SLOT_HOLDING_STATES: readonly string[] = ['scheduled', 'publishing', 'published', 'partially_published'];
/** States that count as having posted (gaps, missed slots, streaks). */
export const PUBLISHED_STATES: readonly string[] = ['published', 'partially_published'];

export const DEFAULT_SLOT_TOLERANCE_MINUTES = 90;

export interface SlotRef {
  channelId: string;
  ms: number;
}

interface TimedPost {
  id: string;
  channelId: string;
  ms: number;
}

/** Posts with their instants parsed; throws a CalendarError naming the post and `at` if one is malformed. */
export function timedPosts(posts: readonly CalendarPost[], states: readonly string[]): TimedPost[] {
  return posts
    .filter((p) => states.includes(p.state))
    .map((p) => ({ id: p.id, channelId: p.channelId, ms: requireInstant(p.at, 'at', p.id) }));
}

/** Map from slot index (in `slots`) to the id of the post that fills it. */
export function fillSlots(slots: readonly SlotRef[], posts: readonly TimedPost[], toleranceMinutes: number): Map<number, string> {
  const toleranceMs = toleranceMinutes * 60_000;
  const pairs: Array<{ slot: number; post: TimedPost; distance: number }> = [];
  slots.forEach((slot, i) => {
    for (const post of posts) {
      if (post.channelId !== slot.channelId) continue;
      const distance = Math.abs(post.ms - slot.ms);
      if (distance <= toleranceMs) pairs.push({ slot: i, post, distance });
    }
  });
  pairs.sort(
    (a, b) =>
      a.distance - b.distance ||
      (slots[a.slot]?.ms ?? 0) - (slots[b.slot]?.ms ?? 0) ||
      (a.post.id < b.post.id ? -1 : a.post.id > b.post.id ? 1 : 0),
  );
  const filled = new Map<number, string>();
  const used = new Set<string>();
  for (const { slot, post } of pairs) {
    if (filled.has(slot) || used.has(post.id)) continue;
    filled.set(slot, post.id);
    used.add(post.id);
  }
  return filled;
}
