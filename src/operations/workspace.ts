import type { AppContext, Actor } from './context.ts';
import { auditActor, requirePermission } from './context.ts';
import { OperationError } from './errors.ts';
import { assertTimeZone } from './accounts.ts';
import { appendAudit, listAudit, verifyAudit, type AuditVerification } from '../storage/audit-log.ts';
import { findWorkspace, updateWorkspace, type Workspace, type WorkspaceSettings } from '../storage/workspaces.ts';
import type { AuditEntry } from '../domain/audit-chain.ts';
import { parseOrgProfile } from '../safety/index.ts';
import { validateSlaPolicy, type SlaPolicy } from '../domain/inbox/index.ts';
import { forgetWorkspaceProfile } from './workspace-profile.ts';

export async function workspaceOf(ctx: AppContext, actor: Actor): Promise<Workspace> {
  requirePermission(actor, 'workspace.read');
  const ws = await findWorkspace(ctx.storage.db, actor.workspaceId);
  if (!ws) throw new OperationError('NOT_FOUND', 'workspace not found');
  return withoutSecrets(ws);
}

/** The workspace as clients see it: the sealed alert webhook stays on the server (GET /api/workspace/alerts describes it). */
function withoutSecrets(ws: Workspace): Workspace {
  const { alerts: _sealed, ...settings } = ws.settings;
  return { ...ws, settings };
}

export async function changeWorkspace(
  ctx: AppContext,
  actor: Actor,
  change: { name?: string | undefined; timeZone?: string | undefined; settings?: Partial<WorkspaceSettings> | undefined },
): Promise<Workspace> {
  requirePermission(actor, 'workspace.manage');
  if (change.timeZone !== undefined) assertTimeZone(change.timeZone);
  if (change.settings?.profile !== undefined) {
    const parsed = parseOrgProfile(change.settings.profile);
    if (!parsed.ok) throw new OperationError('INVALID_REQUEST', `organisation profile: ${parsed.problems[0]}`, { field: `settings.profile.${parsed.problems[0]?.split(':')[0] ?? ''}` });
  }
  if (change.settings?.sla !== undefined) {
    const [issue] = validateSlaPolicy(change.settings.sla as SlaPolicy);
    if (issue) throw new OperationError('INVALID_REQUEST', `response-time targets: ${issue.message}`, { field: `settings.sla.${issue.field}` });
  }
  forgetWorkspaceProfile(actor.workspaceId);
  return ctx.storage.db.transaction().execute(async (trx) => {
    const before = await findWorkspace(trx, actor.workspaceId);
    if (!before) throw new OperationError('NOT_FOUND', 'workspace not found');
    const settings = change.settings ? { ...before.settings, ...change.settings } : undefined;
    await updateWorkspace(trx, actor.workspaceId, { name: change.name, timeZone: change.timeZone, settings });
    const changed = [change.name !== undefined && 'name', change.timeZone !== undefined && 'timeZone', ...Object.keys(change.settings ?? {})].filter(Boolean).join(',');
    await appendAudit(trx, ctx.storage.engine, {
      workspaceId: actor.workspaceId,
      ...auditActor(actor),
      action: 'workspace.updated',
      entityType: 'workspace',
      entityId: actor.workspaceId,
      details: { fields: changed },
    });
    return withoutSecrets((await findWorkspace(trx, actor.workspaceId))!);
  });
}

export async function auditEntries(ctx: AppContext, actor: Actor, page: { beforeSeq?: number | undefined; limit: number }): Promise<AuditEntry[]> {
  requirePermission(actor, 'audit.read');
  return listAudit(ctx.storage.db, actor.workspaceId, page);
}

export async function verifyWorkspaceAudit(ctx: AppContext, actor: Actor): Promise<AuditVerification> {
  requirePermission(actor, 'audit.read');
  const [result] = await verifyAudit(ctx.storage.db, actor.workspaceId);
  return result ?? { workspaceId: actor.workspaceId, entries: 0, problem: null };
}
