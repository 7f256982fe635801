import { randomUUID, createHash } from 'node:crypto';
import type { AppContext, Actor } from './context.ts';
import { auditActor, requirePermission } from './context.ts';
import { OperationError } from './errors.ts';
import { appendAudit } from '../storage/audit-log.ts';
import {
  findInboxItem,
  insertNote,
  insertSavedReply,
  listInbox,
  listNotes,
  listSavedReplies,
  reviewSavedReply,
  updateInboxItem,
  type InboxItem,
  type InboxPageItem,
  type InboxQuery,
  type InboxStatus,
  type SavedReply,
} from '../storage/inbox.ts';
import { conversationOf, type Mention } from '../storage/mentions.ts';
import { findMembership } from '../storage/users.ts';
import { openChannelSession } from './channels.ts';
import { ConnectorError } from '../connectors/index.ts';
import { analyzeMessage, responsePlaybook, type OrgProfile, type PhiFinding, type ResponsePlaybook } from '../safety/index.ts';
import { storedPlaybookKind } from './ingest-analysis.ts';
import { workspaceProfile } from './workspace-profile.ts';
import { slaPolicyOf } from './ingest.ts';
import { compileSlaPolicy } from '../domain/inbox/index.ts';

/** Reply text that offers the healthcare-correct next step without confirming anything. */
export const COMPLIANT_REPLY =
  'Thank you for reaching out. We want to help, and we can’t discuss personal health details here. Please contact our patient relations team directly so we can follow up privately.';

export async function inbox(ctx: AppContext, actor: Actor, query: InboxQuery): Promise<InboxPageItem[]> {
  requirePermission(actor, 'workspace.read');
  const items = await listInbox(ctx.storage.db, actor.workspaceId, query);
  await withCurrentPlaybooks(ctx, actor.workspaceId, items.map((i) => i.mention));
  return items;
}

/**
 * A stored mention names its playbook by kind (ingest-analysis.ts); the whole playbook is built
 * here from the workspace's profile as it is now: the on-call person to escalate to is today's.
 * Fills the mentions' analyses in place (they are the caller's, parsed for this answer).
 */
async function withCurrentPlaybooks(ctx: AppContext, workspaceId: string, mentions: Array<{ analysis: unknown }>): Promise<void> {
  let profile: OrgProfile | undefined;
  for (const m of mentions) {
    const kind = storedPlaybookKind(m.analysis);
    if (kind === null) continue;
    profile ??= await workspaceProfile(ctx, workspaceId);
    (m.analysis as { playbook: ResponsePlaybook }).playbook = responsePlaybook(kind, profile);
  }
}

async function load(ctx: AppContext, actor: Actor, id: string): Promise<InboxItem> {
  const item = await findInboxItem(ctx.storage.db, actor.workspaceId, id);
  if (!item) throw new OperationError('NOT_FOUND', `no inbox item ${id}`, { field: 'id' });
  await withCurrentPlaybooks(ctx, actor.workspaceId, [item.mention]);
  return item;
}

export async function inboxItem(ctx: AppContext, actor: Actor, id: string): Promise<InboxItem & { conversation: Mention[]; notes: Awaited<ReturnType<typeof listNotes>> }> {
  requirePermission(actor, 'workspace.read');
  const item = await load(ctx, actor, id);
  const conversation = await conversationOf(ctx.storage.db, actor.workspaceId, item.mention);
  await withCurrentPlaybooks(ctx, actor.workspaceId, conversation);
  return { ...item, conversation, notes: await listNotes(ctx.storage.db, id) };
}

/**
 * What each action does. `to: null` returns to new or assigned; `keep` leaves the status alone.
 * mark_urgent and not_urgent are a person's triage overriding the engine's: the item moves to the
 * urgent rank (on the around-the-clock urgent target) or to the ordinary queue (business hours),
 * which is also how a "possibly urgent" conversation leaves its lane once someone has read it.
 */
const TRANSITIONS: Record<'assign' | 'move_offline' | 'hide' | 'close' | 'reopen' | 'mark_urgent' | 'not_urgent', { from: InboxStatus[]; to: InboxStatus | null | 'keep'; urgent?: boolean }> = {
  assign: { from: ['new', 'assigned'], to: 'assigned' },
  move_offline: { from: ['new', 'assigned'], to: 'moved_offline' },
  hide: { from: ['new', 'assigned', 'replied', 'moved_offline', 'closed'], to: 'hidden' },
  close: { from: ['new', 'assigned', 'replied', 'moved_offline', 'hidden'], to: 'closed' },
  reopen: { from: ['replied', 'moved_offline', 'hidden', 'closed'], to: null },
  mark_urgent: { from: ['new', 'assigned'], to: 'keep', urgent: true },
  not_urgent: { from: ['new', 'assigned'], to: 'keep', urgent: false },
};

export type InboxAction = keyof typeof TRANSITIONS;

const ACTION_WORDS: Record<InboxAction, string> = {
  assign: 'assigned',
  move_offline: 'moved offline',
  hide: 'hidden',
  close: 'closed',
  reopen: 'reopened',
  mark_urgent: 'marked urgent',
  not_urgent: 'marked not urgent',
};

/**
 * Changes an item's status (one or many: bulk actions apply the same change to each and report
 * per item). "Moved offline" is a response: it records the first response time like a reply.
 */
export async function actOnItems(
  ctx: AppContext,
  actor: Actor,
  ids: string[],
  action: InboxAction,
  options: { assigneeId?: string | null | undefined } = {},
): Promise<Array<{ id: string; ok: boolean; status?: InboxStatus; error?: string }>> {
  requirePermission(actor, 'inbox.reply');
  if (action === 'assign' && options.assigneeId) {
    if (!(await findMembership(ctx.storage.db, actor.workspaceId, options.assigneeId))) {
      throw new OperationError('INVALID_REQUEST', `no member ${options.assigneeId} to assign to`, { field: 'assigneeId' });
    }
  }
  const results: Array<{ id: string; ok: boolean; status?: InboxStatus; error?: string }> = [];
  const rule = TRANSITIONS[action];
  const sla = rule.urgent === undefined ? null : compileSlaPolicy(await slaPolicyOf(ctx, actor.workspaceId));
  for (const id of ids) {
    try {
      const status = await ctx.storage.db.transaction().execute(async (trx) => {
        const item = await findInboxItem(trx, actor.workspaceId, id);
        if (!item) throw new OperationError('NOT_FOUND', `no inbox item ${id}`);
        if (!rule.from.includes(item.status)) throw new OperationError('CONFLICT', `a ${item.status.replace('_', ' ')} item cannot be ${ACTION_WORDS[action]}`);
        const to: InboxStatus = rule.to === 'keep' ? item.status : (rule.to ?? (item.assigneeId ? 'assigned' : 'new'));
        const now = new Date().toISOString();
        // The response clock restarts on the new rank's own target, from when the message was written.
        const urgent = rule.urgent;
        const triage = sla && urgent !== undefined ? { urgent, dueAt: new Date(sla.dueMs(Date.parse(item.receivedAt), { urgent })).toISOString() } : {};
        await updateInboxItem(trx, id, {
          status: to,
          ...(action === 'assign' ? { assigneeId: options.assigneeId ?? actor.userId } : {}),
          ...(action === 'move_offline' && !item.firstResponseAt ? { firstResponseAt: now, firstResponseBy: actor.userId } : {}),
          ...triage,
        });
        const rank: Record<string, string> = urgent === undefined ? {} : { rankFrom: item.urgent ? 'urgent' : item.possiblyUrgent ? 'possibly_urgent' : 'ordinary', rankTo: urgent ? 'urgent' : 'ordinary' };
        await appendAudit(trx, ctx.storage.engine, { workspaceId: actor.workspaceId, ...auditActor(actor), action: `inbox.${action}`, entityType: 'inbox_item', entityId: id, details: { from: item.status, to, ...rank } });
        return to;
      });
      results.push({ id, ok: true, status });
    } catch (err) {
      if (!(err instanceof OperationError)) throw err;
      results.push({ id, ok: false, error: err.message });
    }
  }
  return results;
}

export async function addNote(ctx: AppContext, actor: Actor, id: string, body: string): Promise<void> {
  requirePermission(actor, 'inbox.reply');
  await ctx.storage.db.transaction().execute(async (trx) => {
    const item = await findInboxItem(trx, actor.workspaceId, id);
    if (!item) throw new OperationError('NOT_FOUND', `no inbox item ${id}`, { field: 'id' });
    await insertNote(trx, { id: randomUUID(), workspaceId: actor.workspaceId, itemId: id, authorId: actor.userId, body: body.trim() });
    await appendAudit(trx, ctx.storage.engine, { workspaceId: actor.workspaceId, ...auditActor(actor), action: 'inbox.note_added', entityType: 'inbox_item', entityId: id, details: {} });
  });
}

export class PhiBlockedError extends OperationError {
  readonly findings: PhiFinding[];
  readonly compliantReply: string;

  constructor(findings: PhiFinding[], compliantReply: string) {
    super('PHI_BLOCKED', `the reply was not sent: ${findings[0]?.message ?? 'it may confirm someone is a patient or repeat their health details'}`, { field: 'text' });
    this.findings = findings;
    this.compliantReply = compliantReply;
    this.details = { findings, compliantReply };
  }
}

/** Checks a reply draft with the PHI guard, as the reply box does while typing. */
export async function checkReply(ctx: AppContext, actor: Actor, id: string, text: string): Promise<{ blocked: boolean; findings: PhiFinding[]; compliantReply: string }> {
  requirePermission(actor, 'workspace.read');
  const item = await load(ctx, actor, id);
  const analysis = analyzeMessage({ text, kind: 'draft', replyTo: item.mention.author.handle }, await workspaceProfile(ctx, actor.workspaceId));
  const blocked = analysis.findings.some((f) => f.severity === 'block');
  return { blocked, findings: analysis.findings, compliantReply: await compliantReply(ctx, actor.workspaceId) };
}

async function compliantReply(ctx: AppContext, workspaceId: string): Promise<string> {
  const reviewed = (await listSavedReplies(ctx.storage.db, workspaceId)).find((r) => r.reviewedAt && /patient relations|privately|contact/i.test(r.body));
  return reviewed?.body ?? COMPLIANT_REPLY;
}

/**
 * Replies from the inbox through the channel's connector, after the PHI guard: a reply that would
 * confirm someone is a patient or repeat health details is refused, with the reason and a
 * compliant template. The first response time is recorded.
 */
export async function replyToItem(ctx: AppContext, actor: Actor, id: string, text: string): Promise<InboxItem> {
  requirePermission(actor, 'inbox.reply');
  const item = await load(ctx, actor, id);
  if (!item.channelId || !item.mention.remote) throw new OperationError('CONFLICT', 'this item did not come through a connected channel: answer it where it was posted, then close it', { field: 'id' });
  const check = await checkReply(ctx, actor, id, text);
  if (check.blocked) throw new PhiBlockedError(check.findings.filter((f) => f.severity === 'block'), check.compliantReply);
  const remote = item.mention.remote;
  let published;
  try {
    const { session } = await openChannelSession(ctx, actor.workspaceId, item.channelId);
    published = await session.publish({
      text,
      replyTo: { uri: remote.uri, ...(remote.cid ? { cid: remote.cid } : {}), ...(remote.root ? { root: { uri: remote.root.uri, ...(remote.root.cid ? { cid: remote.root.cid } : {}) } } : {}) },
      // The same reply to the same item is sent once, however often the button is pressed.
      idempotencyKey: `reply:${id}:${createHash('sha256').update(text).digest('hex').slice(0, 16)}`,
    });
  } catch (err) {
    if (err instanceof ConnectorError) {
      throw new OperationError(err.code === 'RATE_LIMITED' ? 'RATE_LIMITED' : 'CONFLICT', `the network did not take the reply: ${err.message}`, { ...(err.retryAfterSeconds ? { retryAfterSeconds: err.retryAfterSeconds } : {}) });
    }
    throw err;
  }
  await ctx.storage.db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    await updateInboxItem(trx, id, { status: 'replied', replyUri: published.uri, ...(item.firstResponseAt ? {} : { firstResponseAt: now, firstResponseBy: actor.userId }) });
    await appendAudit(trx, ctx.storage.engine, { workspaceId: actor.workspaceId, ...auditActor(actor), action: 'inbox.replied', entityType: 'inbox_item', entityId: id, details: { first: !item.firstResponseAt } });
  });
  return load(ctx, actor, id);
}

export async function savedReplies(ctx: AppContext, actor: Actor): Promise<SavedReply[]> {
  requirePermission(actor, 'workspace.read');
  return listSavedReplies(ctx.storage.db, actor.workspaceId);
}

/** A saved reply is written by an editor and reviewed (approved) by a reviewer before the team uses it. */
export async function createSavedReply(ctx: AppContext, actor: Actor, input: { title: string; body: string }): Promise<SavedReply> {
  requirePermission(actor, 'inbox.reply');
  const id = randomUUID();
  await ctx.storage.db.transaction().execute(async (trx) => {
    await insertSavedReply(trx, { id, workspaceId: actor.workspaceId, title: input.title, body: input.body, createdBy: actor.userId });
    await appendAudit(trx, ctx.storage.engine, { workspaceId: actor.workspaceId, ...auditActor(actor), action: 'saved_reply.created', entityType: 'saved_reply', entityId: id, details: {} });
  });
  return (await listSavedReplies(ctx.storage.db, actor.workspaceId)).find((r) => r.id === id)!;
}

export async function approveSavedReply(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'posts.approve');
  await ctx.storage.db.transaction().execute(async (trx) => {
    if (!(await reviewSavedReply(trx, actor.workspaceId, id, actor.userId))) throw new OperationError('NOT_FOUND', `no saved reply ${id}`, { field: 'id' });
    await appendAudit(trx, ctx.storage.engine, { workspaceId: actor.workspaceId, ...auditActor(actor), action: 'saved_reply.reviewed', entityType: 'saved_reply', entityId: id, details: {} });
  });
}
