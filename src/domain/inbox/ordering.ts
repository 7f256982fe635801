/**
 * The order of the inbox queue: urgent items jump it, then the "possibly urgent" lane (messages
 * triage could not rule out as a crisis), and the rest are worked by due time.
 */
import { instantMs } from '../calendar/local-time.ts';

export interface QueuedInboxItem {
  id: string;
  /** Emergency, self-harm and other items triage marked for immediate attention. */
  urgent: boolean;
  /** Not urgent, but close enough that a person should read it before the ordinary queue. */
  possiblyUrgent?: boolean;
  dueAt: string;
  receivedAt: string;
}

export const INBOX_ORDER_DESCRIPTION =
  'Urgent items (emergency, self-harm) first; then possibly urgent ones; then by first-response due time, soonest first; ' +
  'then by arrival, oldest first; then by id so the order is stable.';

/** Comparator for Array.prototype.sort implementing INBOX_ORDER_DESCRIPTION. */
export function compareInboxItems(a: QueuedInboxItem, b: QueuedInboxItem): number {
  return (
    inboxPriority(a) - inboxPriority(b) ||
    compareInstants(a.dueAt, b.dueAt) ||
    compareInstants(a.receivedAt, b.receivedAt) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The stored rank of an item in the queue: 0 urgent, 1 possibly urgent, 2 the rest. */
export function inboxPriority(item: { urgent: boolean; possiblyUrgent?: boolean | undefined }): 0 | 1 | 2 {
  return item.urgent ? 0 : item.possiblyUrgent ? 1 : 2;
}

/** A sorted copy of `items` in inbox order. */
export function sortInbox<T extends QueuedInboxItem>(items: readonly T[]): T[] {
  return [...items].sort(compareInboxItems);
}

// An unreadable time sorts last rather than throwing inside a sort.
function compareInstants(a: string, b: string): number {
  const x = sortable(a);
  const y = sortable(b);
  return x === y ? 0 : x < y ? -1 : 1;
}

function sortable(iso: string): number {
  const ms = instantMs(iso);
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}
