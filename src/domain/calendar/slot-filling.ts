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
  /** `at` in epoch milliseconds, when the caller has parsed it already (large histories). */
  ms?: number;
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
    .map((p) => ({ id: p.id, channelId: p.channelId, ms: p.ms ?? requireInstant(p.at, 'at', p.id) }));
}

/** Map from slot index (in `slots`) to the id of the post that fills it. */
export function fillSlots(slots: readonly SlotRef[], posts: readonly TimedPost[], toleranceMinutes: number): Map<number, string> {
  const toleranceMs = toleranceMinutes * 60_000;
  // Posts per channel in time order, so each slot looks only at the posts within its tolerance
  // (two years of a busy channel is ~300 slots × 20,000 posts compared pairwise otherwise).
  const byChannel = new Map<string, TimedPost[]>();
  for (const post of posts) {
    const list = byChannel.get(post.channelId);
    if (list) list.push(post);
    else byChannel.set(post.channelId, [post]);
  }
  for (const list of byChannel.values()) list.sort((a, b) => a.ms - b.ms);
  const pairs: Array<{ slot: number; post: TimedPost; distance: number }> = [];
  slots.forEach((slot, i) => {
    const list = byChannel.get(slot.channelId);
    if (!list) return;
    for (let k = firstAtOrAfter(list, slot.ms - toleranceMs); k < list.length && list[k]!.ms <= slot.ms + toleranceMs; k++) {
      const post = list[k]!;
      pairs.push({ slot: i, post, distance: Math.abs(post.ms - slot.ms) });
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

/** Index of the first post at or after `ms` in a time-ordered list (binary search). */
function firstAtOrAfter(list: readonly TimedPost[], ms: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.ms < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
