import { randomUUID } from 'node:crypto';
import { IANAZone } from 'luxon';
import type { AppContext, Actor } from './context.ts';
import { auditActor, requirePermission } from './context.ts';
import { OperationError } from './errors.ts';
import { appendAudit } from '../storage/audit-log.ts';
import { insertWorkspace, countWorkspaces } from '../storage/workspaces.ts';
import {
  countOwners,
  deleteMembership,
  findMembership,
  findUserByEmail,
  insertMembership,
  insertUser,
  listMembers,
  updateMembershipRole,
  type Member,
} from '../storage/users.ts';
import { deleteSessionsOfUser, consumeSetupToken, insertSetupToken } from '../storage/credentials.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../security/passwords.ts';
import { newSecret, secretHash } from '../security/tokens.ts';
import type { Role } from '../domain/roles.ts';

export function assertTimeZone(zone: string): void {
  if (!IANAZone.isValidZone(zone)) {
    throw new OperationError('INVALID_REQUEST', `time zone "${zone}" is not an IANA zone name (e.g. America/Chicago)`, { field: 'timeZone' });
  }
}

export function assertPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new OperationError('INVALID_REQUEST', `password must be at least ${MIN_PASSWORD_LENGTH} characters`, { field: 'password' });
  }
}

export interface NewOwner {
  workspaceName: string;
  timeZone: string;
  email: string;
  displayName: string;
  password: string;
}

/**
 * First run: creates a workspace and its owner. Allowed through a one-time setup token (from the
 * start-up banner) or from the CLI on the server itself (`bedside user add --role owner`).
 */
export async function createWorkspaceWithOwner(
  ctx: AppContext,
  input: NewOwner,
  via: { setupToken: string } | { cli: true },
): Promise<{ workspaceId: string; userId: string }> {
  assertTimeZone(input.timeZone);
  assertPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  const workspaceId = randomUUID();
  const userId = randomUUID();
  await ctx.storage.db.transaction().execute(async (trx) => {
    if ('setupToken' in via) {
      const ok = await consumeSetupToken(trx, secretHash(via.setupToken), new Date().toISOString());
      if (!ok) throw new OperationError('UNAUTHENTICATED', 'the setup link is invalid, expired or already used: restart Bedside for a new one, or use `bedside user add --role owner`', { field: 'token' });
    }
    if (await findUserByEmail(trx, input.email)) {
      throw new OperationError('CONFLICT', 'a user with this email already exists', { field: 'email' });
    }
    await insertWorkspace(trx, { id: workspaceId, name: input.workspaceName, timeZone: input.timeZone });
    await insertUser(trx, { id: userId, email: input.email, displayName: input.displayName, passwordHash });
    await insertMembership(trx, { workspaceId, userId, role: 'owner' });
    await appendAudit(trx, ctx.storage.engine, {
      workspaceId,
      actorType: 'cli' in via ? 'cli' : 'system',
      actorId: 'cli' in via ? null : userId,
      action: 'workspace.created',
      entityType: 'workspace',
      entityId: workspaceId,
      afterId: userId,
      details: { via: 'cli' in via ? 'cli' : 'setup_link' },
    });
  });
  return { workspaceId, userId };
}

/** A one-time link for the first owner, printed at start while no workspace exists. */
export async function issueSetupToken(ctx: AppContext, ttlMs = 24 * 60 * 60_000): Promise<string | undefined> {
  if ((await countWorkspaces(ctx.storage.db)) > 0) return undefined;
  const token = newSecret();
  await insertSetupToken(ctx.storage.db, secretHash(token), new Date(Date.now() + ttlMs).toISOString());
  return token;
}

export interface NewMember {
  email: string;
  displayName: string;
  role: Role;
  /** A new user needs a password; an existing user (member of another workspace) keeps theirs. */
  password?: string | undefined;
}

export async function addMember(ctx: AppContext, actor: Actor, input: NewMember): Promise<Member> {
  requirePermission(actor, 'members.manage');
  if (input.role === 'owner') requirePermission(actor, 'members.grant_owner');
  if (input.password !== undefined) assertPassword(input.password);
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  return ctx.storage.db.transaction().execute(async (trx) => {
    let user = await findUserByEmail(trx, input.email);
    if (!user) {
      if (passwordHash === null) throw new OperationError('INVALID_REQUEST', 'a new user needs a password', { field: 'password' });
      await insertUser(trx, { id: randomUUID(), email: input.email, displayName: input.displayName, passwordHash });
      user = (await findUserByEmail(trx, input.email))!;
    }
    if (await findMembership(trx, actor.workspaceId, user.id)) {
      throw new OperationError('CONFLICT', 'this person is already a member of the workspace', { field: 'email' });
    }
    await insertMembership(trx, { workspaceId: actor.workspaceId, userId: user.id, role: input.role });
    await appendAudit(trx, ctx.storage.engine, {
      workspaceId: actor.workspaceId,
      ...auditActor(actor),
      action: 'member.added',
      entityType: 'user',
      entityId: user.id,
      details: { role: input.role },
    });
    return (await listMembers(trx, actor.workspaceId)).find((m) => m.userId === user.id)!;
  });
}

export async function changeMemberRole(ctx: AppContext, actor: Actor, userId: string, role: Role): Promise<Member> {
  requirePermission(actor, 'members.manage');
  return ctx.storage.db.transaction().execute(async (trx) => {
    const current = await findMembership(trx, actor.workspaceId, userId);
    if (!current) throw new OperationError('NOT_FOUND', `no member ${userId} in this workspace`, { field: 'userId' });
    if (role === 'owner' || current.role === 'owner') requirePermission(actor, 'members.grant_owner');
    if (current.role === 'owner' && role !== 'owner' && (await countOwners(trx, actor.workspaceId)) <= 1) {
      throw new OperationError('LAST_OWNER', 'a workspace keeps at least one owner: make someone else owner first', { field: 'role' });
    }
    await updateMembershipRole(trx, actor.workspaceId, userId, role);
    // A role change takes effect at once: open sessions are ended.
    await deleteSessionsOfUser(trx, actor.workspaceId, userId);
    await appendAudit(trx, ctx.storage.engine, {
      workspaceId: actor.workspaceId,
      ...auditActor(actor),
      action: 'member.role_changed',
      entityType: 'user',
      entityId: userId,
      details: { from: current.role, to: role },
    });
    return (await listMembers(trx, actor.workspaceId)).find((m) => m.userId === userId)!;
  });
}

export async function removeMember(ctx: AppContext, actor: Actor, userId: string): Promise<void> {
  requirePermission(actor, 'members.manage');
  await ctx.storage.db.transaction().execute(async (trx) => {
    const current = await findMembership(trx, actor.workspaceId, userId);
    if (!current) throw new OperationError('NOT_FOUND', `no member ${userId} in this workspace`, { field: 'userId' });
    if (current.role === 'owner') {
      requirePermission(actor, 'members.grant_owner');
      if ((await countOwners(trx, actor.workspaceId)) <= 1) {
        throw new OperationError('LAST_OWNER', 'the last owner cannot be removed', { field: 'userId' });
      }
    }
    await deleteMembership(trx, actor.workspaceId, userId);
    await deleteSessionsOfUser(trx, actor.workspaceId, userId);
    await appendAudit(trx, ctx.storage.engine, {
      workspaceId: actor.workspaceId,
      ...auditActor(actor),
      action: 'member.removed',
      entityType: 'user',
      entityId: userId,
      details: { role: current.role },
    });
  });
}

export async function members(ctx: AppContext, actor: Actor): Promise<Member[]> {
  requirePermission(actor, 'workspace.read');
  return listMembers(ctx.storage.db, actor.workspaceId);
}
