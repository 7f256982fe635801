import type { Selectable } from 'kysely';
import type { Database } from './schema.ts';
import type { DbOrTrx } from './engine.ts';

export type WorkspaceRow = Selectable<Database['workspaces']>;

export interface Workspace {
  id: string;
  name: string;
  timeZone: string;
  settings: WorkspaceSettings;
  createdAt: string;
}

/** Settings that later issues extend (SLAs, business hours, approval rule…). */
export interface WorkspaceSettings {
  approvalRequired: boolean;
  /** The organisation's own details for the PHI guard (see src/safety/profile.ts). */
  profile?: unknown;
  /** Response-time targets and business hours (see src/domain/inbox/sla.ts). */
  sla?: unknown;
  /** Content pillars (Focus): [{id, name, keywords}], at most five. */
  pillars?: unknown;
  /** Promotional share target over a window (Value), default 20% over 30 days. */
  valueTarget?: unknown;
  /** Urgent alerts: the sealed webhook and its scope (src/operations/alerts.ts); never sent to clients. */
  alerts?: unknown;
}

export const DEFAULT_SETTINGS: WorkspaceSettings = { approvalRequired: true };

export function toWorkspace(row: WorkspaceRow): Workspace {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    settings: { ...DEFAULT_SETTINGS, ...(JSON.parse(row.settings) as Partial<WorkspaceSettings>) },
    createdAt: row.created_at,
  };
}

export async function insertWorkspace(db: DbOrTrx, workspace: { id: string; name: string; timeZone: string }): Promise<void> {
  const now = new Date().toISOString();
  await db
    .insertInto('workspaces')
    .values({ id: workspace.id, name: workspace.name, time_zone: workspace.timeZone, settings: JSON.stringify(DEFAULT_SETTINGS), created_at: now, updated_at: now })
    .execute();
}

export async function findWorkspace(db: DbOrTrx, id: string): Promise<Workspace | undefined> {
  const row = await db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toWorkspace(row);
}

export async function updateWorkspace(
  db: DbOrTrx,
  id: string,
  change: { name?: string | undefined; timeZone?: string | undefined; settings?: WorkspaceSettings | undefined },
): Promise<void> {
  await db
    .updateTable('workspaces')
    .set({
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.timeZone !== undefined ? { time_zone: change.timeZone } : {}),
      ...(change.settings !== undefined ? { settings: JSON.stringify(change.settings) } : {}),
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .execute();
}

export async function countWorkspaces(db: DbOrTrx): Promise<number> {
  const row = await db.selectFrom('workspaces').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listWorkspaces(db: DbOrTrx): Promise<Workspace[]> {
  return (await db.selectFrom('workspaces').selectAll().orderBy('created_at').execute()).map(toWorkspace);
}
