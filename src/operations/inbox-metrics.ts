import type { AppContext, Actor } from './context.ts';
import { requirePermission } from './context.ts';
import { OperationError } from './errors.ts';
import { conversationsBetween } from '../storage/inbox.ts';
import { RESPONSE_METRIC_GLOSSARY, responseMetrics, type ResponseConversation, type ResponseMetrics } from '../domain/inbox/index.ts';
import { slaPolicyOf } from './ingest.ts';

/** Response metrics of a period over every conversation (open ones too), with their definitions. */
export async function responseReport(ctx: AppContext, actor: Actor, from: Date, to: Date, now = new Date()): Promise<{ metrics: ResponseMetrics; definitions: typeof RESPONSE_METRIC_GLOSSARY }> {
  requirePermission(actor, 'workspace.read');
  if (!(from < to)) throw new OperationError('INVALID_REQUEST', '`from` must be before `to`', { field: 'from' });
  const rows = await conversationsBetween(ctx.storage.db, actor.workspaceId, from.toISOString(), to.toISOString());
  const conversations = toResponseConversations(rows);
  const policy = await slaPolicyOf(ctx, actor.workspaceId);
  const metrics = responseMetrics({ conversations, period: { from: from.toISOString(), to: to.toISOString() }, now: now.toISOString(), businessHours: policy.businessHours });
  return { metrics, definitions: RESPONSE_METRIC_GLOSSARY };
}

/** Stored inbox items as the response metrics read them (shared by the scorecard). */
export function toResponseConversations(rows: Awaited<ReturnType<typeof conversationsBetween>>): ResponseConversation[] {
  return rows.map((r) => ({
    id: r.id,
    channelId: r.channel_id ?? 'listening',
    ...(r.assignee_id ? { assigneeId: r.assignee_id } : {}),
    receivedAt: r.received_at,
    dueAt: r.due_at,
    ...(r.first_response_at ? { firstResponseAt: r.first_response_at } : {}),
    ...(r.first_response_by ? { firstResponseBy: r.first_response_by } : {}),
    ...(['replied', 'moved_offline', 'hidden', 'closed'].includes(r.status) ? { resolution: r.status as ResponseConversation['resolution'] } : {}),
    // Hidden items are noise nobody should answer; everything else that reached the inbox needed an answer.
    needsResponse: r.status !== 'hidden',
  }));
}
