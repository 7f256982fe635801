import type { Selectable } from 'kysely';
import type { Database } from './schema.ts';
import type { DbOrTrx } from './engine.ts';
import type { Role } from '../domain/roles.ts';

export type UserRow = Selectable<Database['users']>;

export interface Member {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  joinedAt: string;
  disabled: boolean;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: DbOrTrx, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
}

export async function findUser(db: DbOrTrx, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: DbOrTrx, user: { id: string; email: string; displayName: string; passwordHash: string | null }): Promise<void> {
  const now = new Date().toISOString();
  await db
    .insertInto('users')
    .values({ id: user.id, email: normaliseEmail(user.email), display_name: user.displayName, password_hash: user.passwordHash, created_at: now, updated_at: now, disabled_at: null })
    .execute();
}

export async function setPasswordHash(db: DbOrTrx, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, updated_at: new Date().toISOString() }).where('id', '=', userId).execute();
}

export async function countUsers(db: DbOrTrx): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertMembership(db: DbOrTrx, m: { workspaceId: string; userId: string; role: Role }): Promise<void> {
  await db.insertInto('memberships').values({ workspace_id: m.workspaceId, user_id: m.userId, role: m.role, created_at: new Date().toISOString() }).execute();
}

export async function findMembership(db: DbOrTrx, workspaceId: string, userId: string): Promise<{ role: Role } | undefined> {
  const row = await db.selectFrom('memberships').select('role').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();
  return row && { role: row.role as Role };
}

export async function membershipsOf(db: DbOrTrx, userId: string): Promise<Array<{ workspaceId: string; role: Role }>> {
  const rows = await db.selectFrom('memberships').select(['workspace_id', 'role']).where('user_id', '=', userId).orderBy('created_at').execute();
  return rows.map((r) => ({ workspaceId: r.workspace_id, role: r.role as Role }));
}

export async function updateMembershipRole(db: DbOrTrx, workspaceId: string, userId: string, role: Role): Promise<void> {
  await db.updateTable('memberships').set({ role }).where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();
}

export async function deleteMembership(db: DbOrTrx, workspaceId: string, userId: string): Promise<void> {
  await db.deleteFrom('memberships').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();
}

export async function countOwners(db: DbOrTrx, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listMembers(db: DbOrTrx, workspaceId: string): Promise<Member[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email', 'users.display_name', 'users.disabled_at', 'memberships.role', 'memberships.created_at'])
    .where('memberships.workspace_id', '=', workspaceId)
    .orderBy('memberships.created_at')
    .execute();
  return rows.map((r) => ({ userId: r.id, email: r.email, displayName: r.display_name, role: r.role as Role, joinedAt: r.created_at, disabled: r.disabled_at !== null }));
}
