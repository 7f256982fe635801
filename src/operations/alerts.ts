/**
 * Urgent alerts (src/domain/alerts): the workspace's webhook, kept sealed like channel
 * credentials (a Slack or Teams webhook address is itself the secret), and the delivery of one
 * alert per urgent conversation, run as a durable job so a failed call is tried again.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../storage/schema.ts';
import type { DbOrTrx } from '../storage/engine.ts';
import type { AppContext, Actor } from './context.ts';
import { auditActor, requirePermission } from './context.ts';
import { OperationError } from './errors.ts';
import { appendAudit } from '../storage/audit-log.ts';
import { findWorkspace, updateWorkspace, type WorkspaceSettings } from '../storage/workspaces.ts';
import { findInboxItem } from '../storage/inbox.ts';
import { findUser } from '../storage/users.ts';
import { alertPayload, shouldAlert, webhookUrlProblem, ALERT_SCOPES, type AlertFacts, type AlertRank, type AlertScope } from '../domain/alerts/urgent-alert.ts';
import { onCallContact } from '../safety/profile.ts';
import { workspaceProfile } from './workspace-profile.ts';
import { ALERT_KIND, type AlertJobPayload } from '../jobs/handlers/alert-kind.ts';

/** How the alert settings are stored in workspaces.settings.alerts. */
interface StoredAlerts {
  sealedWebhook: string;
  /** The webhook's host, to show which service it goes to without showing the secret path. */
  host: string;
  scope: AlertScope;
}

/** What the settings page shows: never the address itself. */
export interface AlertSettings {
  configured: boolean;
  host: string | null;
  scope: AlertScope;
}

const WEBHOOK_TIMEOUT_MS = 10_000;

function storedAlerts(settings: WorkspaceSettings): StoredAlerts | null {
  const a = settings.alerts as Partial<StoredAlerts> | undefined;
  return a && typeof a.sealedWebhook === 'string' && typeof a.host === 'string' && ALERT_SCOPES.includes(a.scope as AlertScope) ? (a as StoredAlerts) : null;
}

export async function alertSettings(ctx: AppContext, actor: Actor): Promise<AlertSettings> {
  requirePermission(actor, 'workspace.read');
  const ws = await findWorkspace(ctx.storage.db, actor.workspaceId);
  if (!ws) throw new OperationError('NOT_FOUND', 'workspace not found');
  const stored = storedAlerts(ws.settings);
  return {
    configured: stored !== null,
    host: stored?.host ?? null,
    scope: stored?.scope ?? 'urgent',
  };
}

/**
 * Sets the webhook (a string), removes it (null) or keeps it and changes only the scope (left
 * out). Audited with the host, never the address.
 */
export async function setAlertSettings(ctx: AppContext, actor: Actor, change: { webhookUrl?: string | null | undefined; scope?: AlertScope | undefined }): Promise<AlertSettings> {
  requirePermission(actor, 'workspace.manage');
  if (change.scope !== undefined && !ALERT_SCOPES.includes(change.scope)) throw new OperationError('INVALID_REQUEST', `scope must be one of ${ALERT_SCOPES.join(', ')}`, { field: 'scope' });
  let sealed: Pick<StoredAlerts, 'sealedWebhook' | 'host'> | undefined;
  if (typeof change.webhookUrl === 'string') {
    const url = change.webhookUrl.trim();
    const problem = webhookUrlProblem(url);
    if (problem) throw new OperationError('INVALID_REQUEST', problem, { field: 'webhookUrl' });
    sealed = { sealedWebhook: ctx.secrets.seal(url, `alerts:${actor.workspaceId}`), host: new URL(url).host };
  }
  const alerts = await ctx.storage.db.transaction().execute(async (trx) => {
    const ws = await findWorkspace(trx, actor.workspaceId);
    if (!ws) throw new OperationError('NOT_FOUND', 'workspace not found');
    const { alerts: _previous, ...rest } = ws.settings;
    const previous = storedAlerts(ws.settings);
    const kept = change.webhookUrl === undefined ? previous : null;
    if (change.webhookUrl === undefined && !kept) throw new OperationError('INVALID_REQUEST', 'Enter the webhook address', { field: 'webhookUrl' });
    const next: StoredAlerts | null = change.webhookUrl === null ? null : { ...(sealed ?? kept!), scope: change.scope ?? previous?.scope ?? 'urgent' };
    await updateWorkspace(trx, actor.workspaceId, { settings: next ? { ...rest, alerts: next } : rest });
    await appendAudit(trx, ctx.storage.engine, {
      workspaceId: actor.workspaceId,
      ...auditActor(actor),
      action: next ? 'alerts.configured' : 'alerts.removed',
      entityType: 'workspace',
      entityId: actor.workspaceId,
      details: next ? { host: next.host, scope: next.scope } : {},
    });
    return next;
  });
  return { configured: alerts !== null, host: alerts?.host ?? null, scope: alerts?.scope ?? 'urgent' };
}

/** The scope of the workspace's alerts, or null when none are set: read once per ingested batch. */
export async function alertScopeOf(db: DbOrTrx, workspaceId: string): Promise<AlertScope | null> {
  const ws = await findWorkspace(db, workspaceId);
  return ws ? (storedAlerts(ws.settings)?.scope ?? null) : null;
}

/**
 * Enqueues the alerts of new inbox items that should raise one, inside the caller's transaction
 * (the item and its alerts are recorded together): one at once, and one for the item's due time
 * that goes out only if nobody has answered by then (a webhook message scrolls away at 3 a.m.; an
 * unanswered crisis must not). Idempotency keys make it one of each per item.
 */
export async function enqueueAlerts(
  ctx: AppContext,
  trx: Transaction<Database>,
  workspaceId: string,
  scope: AlertScope,
  items: Array<{ id: string; rank: AlertRank; dueAt: string }>,
  now = Date.now(),
): Promise<number> {
  let queued = 0;
  for (const item of items) {
    if (!shouldAlert(scope, item.rank)) continue;
    await ctx.queue.enqueue<AlertJobPayload>({ kind: ALERT_KIND, payload: { workspaceId, itemId: item.id, stage: 'arrival' }, idempotencyKey: `alert:${item.id}`, workspaceId }, { trx });
    queued++;
    // Already past due on arrival (an older message): the first alert is the only one.
    const due = Date.parse(item.dueAt);
    if (due > now) {
      await ctx.queue.enqueue<AlertJobPayload>(
        { kind: ALERT_KIND, payload: { workspaceId, itemId: item.id, stage: 'overdue' }, runAt: new Date(due), idempotencyKey: `alert-overdue:${item.id}`, workspaceId },
        { trx },
      );
      queued++;
    }
  }
  return queued;
}

/** What came of one alert: sent (with the receiver's HTTP status), or skipped and why. */
export type AlertOutcome =
  | { sent: true; status: number }
  | {
      sent: false;
      reason: 'no_webhook' | 'already_handled' | 'item_gone' | 'out_of_scope';
    };

/** The webhook answered with an error status (retried when it is 408, 429 or 5xx). */
export class WebhookStatusError extends Error {
  constructor(
    readonly status: number,
    message = `the webhook answered HTTP ${status}`,
  ) {
    super(message);
  }
}

/** A webhook that answered with an error no retry fixes (404, 403, 410…): the job stops. */
export class AlertRejectedError extends WebhookStatusError {
  override readonly name = 'AlertRejectedError';
}

/** The workspace's webhook, ready to send to, with what every alert from it says; null when none is set. */
async function alertTarget(ctx: AppContext, workspaceId: string, publicUrl: string | undefined) {
  const ws = await findWorkspace(ctx.storage.db, workspaceId);
  const stored = ws ? storedAlerts(ws.settings) : null;
  if (!ws || !stored) return null;
  const base = publicUrl?.replace(/\/+$/, '');
  return {
    scope: stored.scope,
    common: { workspaceName: ws.name, timeZone: ws.timeZone, onCall: onCallContact(await workspaceProfile(ctx, ws.id))?.name ?? null },
    link: (path: string): string | null => (base ? `${base}${path}` : null),
    send: (facts: AlertFacts): Promise<number> => postWebhook(ctx.secrets.open(stored.sealedWebhook, `alerts:${ws.id}`), alertPayload(facts)),
  };
}

/**
 * Sends the alert for one inbox item, unless the webhook was removed, the conversation was
 * already answered or closed, or it is no longer in the alert's scope (a person marked it not
 * urgent first). Throws on a failure worth retrying (network error, timeout, 429, 5xx).
 */
export async function deliverAlert(ctx: AppContext, payload: AlertJobPayload, publicUrl: string | undefined = ctx.publicUrl): Promise<AlertOutcome> {
  const target = await alertTarget(ctx, payload.workspaceId, publicUrl);
  if (!target) return { sent: false, reason: 'no_webhook' };
  const item = await findInboxItem(ctx.storage.db, payload.workspaceId, payload.itemId);
  if (!item) return { sent: false, reason: 'item_gone' };
  if (item.status !== 'new' && item.status !== 'assigned') return { sent: false, reason: 'already_handled' };
  const rank: AlertRank | null = item.urgent ? 'urgent' : item.possiblyUrgent ? 'possibly_urgent' : null;
  if (!rank || !shouldAlert(target.scope, rank)) return { sent: false, reason: 'out_of_scope' };
  const overdue = payload.stage === 'overdue';
  // The overdue alert is about the first response: a reply counts even when the item stays open.
  if (overdue && item.firstResponseAt !== null) return { sent: false, reason: 'already_handled' };
  const status = await target.send({
    ...target.common,
    itemId: item.id,
    rank,
    intent: rank !== 'urgent' ? null : item.mention.intents.includes('self_harm') ? 'self_harm' : 'emergency',
    network: item.mention.network,
    receivedAt: item.receivedAt,
    dueAt: item.dueAt,
    link: target.link(`/inbox/${item.id}`),
    ...(overdue ? { overdue: { assignee: item.assigneeId ? ((await findUser(ctx.storage.db, item.assigneeId))?.display_name ?? null) : null } } : {}),
  });
  return { sent: true, status };
}

/** Sends a test alert now (the settings page's button): the receiver's status, or why it failed. */
export async function sendTestAlert(ctx: AppContext, actor: Actor, publicUrl: string | undefined = ctx.publicUrl): Promise<{ ok: boolean; status: number | null; error: string | null }> {
  requirePermission(actor, 'workspace.manage');
  const target = await alertTarget(ctx, actor.workspaceId, publicUrl);
  if (!target) throw new OperationError('CONFLICT', 'No webhook is set: save one first', { field: 'webhookUrl' });
  const now = Date.now();
  try {
    const status = await target.send({
      ...target.common,
      itemId: 'test',
      rank: 'urgent',
      intent: 'emergency',
      network: 'bluesky',
      receivedAt: new Date(now).toISOString(),
      dueAt: new Date(now + 15 * 60_000).toISOString(),
      link: target.link('/inbox'),
      test: true,
    });
    return { ok: true, status, error: null };
  } catch (err) {
    return { ok: false, status: err instanceof WebhookStatusError ? err.status : null, error: err instanceof Error ? err.message : String(err) };
  }
}

/** POSTs the payload; the error names the status or the network failure, never the address (it is the secret). */
async function postWebhook(url: string, body: unknown): Promise<number> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      redirect: 'error',
    });
  } catch (err) {
    const reason = err instanceof Error ? (err.cause as { code?: string; message?: string } | undefined) : undefined;
    const cause = err instanceof Error && err.name === 'TimeoutError' ? `no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s` : (reason?.code ?? reason?.message ?? (err instanceof Error ? err.name : 'unknown error'));
    throw new Error(`the webhook could not be reached (${cause})`);
  }
  await res.body?.cancel().catch(() => undefined);
  if (res.ok) return res.status;
  if (res.status === 429 || res.status >= 500 || res.status === 408) throw new WebhookStatusError(res.status);
  throw new AlertRejectedError(res.status, `the webhook refused the alert with HTTP ${res.status}: check the address in Settings`);
}
