import type { FeedItem } from './types.ts';

/**
 * The items not seen before, in feed order, each id once (feeds repeat items across polls and,
 * now and then, within one document). Storing the ids is the caller's job.
 */
export function newItems(items: readonly FeedItem[], seenIds: ReadonlySet<string>): FeedItem[] {
  const taken = new Set<string>();
  return items.filter((item) => {
    if (seenIds.has(item.id) || taken.has(item.id)) return false;
    taken.add(item.id);
    return true;
  });
}
