/**
 * Responses within target, on top of the inbox's response metrics: the share of conversations
 * needing a response that got one by their due time. Conversations still open and not yet due
 * are left out: they can still be answered in time.
 */
import { responseMetrics, type ResponseConversation, type ResponseMetrics } from '../inbox/index.ts';
import { DAY_MS, requireInstant } from './time.ts';
import type { InboxSummary } from './types.ts';

export interface ResponseWithinTarget {
  /** Conversations needing a response that were answered or are past due. */
  decided: number;
  /** Of decided, those answered at or before their due time. */
  onTime: number;
  /** onTime ÷ decided; null when nothing was decided. */
  rate: number | null;
}

export function responseWithinTarget(conversations: readonly ResponseConversation[], from: number, now: number, channelId?: string): ResponseWithinTarget {
  let decided = 0;
  let onTime = 0;
  for (const c of conversations) {
    if (!c.needsResponse || (channelId !== undefined && c.channelId !== channelId)) continue;
    const received = requireInstant(c.receivedAt, 'receivedAt', c.id);
    if (received < from || received >= now) continue;
    const due = requireInstant(c.dueAt, 'dueAt', c.id);
    const answered = c.firstResponseAt === undefined ? undefined : requireInstant(c.firstResponseAt, 'firstResponseAt', c.id);
    const respondedBy = answered !== undefined && answered <= now ? answered : undefined;
    if (respondedBy === undefined && now <= due) continue;
    decided++;
    if (respondedBy !== undefined && respondedBy <= due) onTime++;
  }
  return { decided, onTime, rate: decided === 0 ? null : onTime / decided };
}

/** The inbox's response metrics for the `days` days before now. */
export function recentResponseMetrics(inbox: InboxSummary, now: string, days: number): ResponseMetrics {
  const nowMs = requireInstant(now, 'now');
  return responseMetrics({
    conversations: inbox.conversations,
    period: { from: new Date(nowMs - days * DAY_MS).toISOString(), to: new Date(nowMs + 1).toISOString() },
    now,
    businessHours: inbox.businessHours,
  });
}
