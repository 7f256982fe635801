import { randomUUID } from 'node:crypto';
import type { AppContext, Actor } from './context.ts';
import { auditActor, requirePermission } from './context.ts';
import { OperationError } from './errors.ts';
import { appendAudit } from '../storage/audit-log.ts';
import { findUserByEmail, membershipsOf } from '../storage/users.ts';
import type { Role } from '../domain/roles.ts';
import {
  clearThrottle,
  deleteSession,
  findApiToken,
  findApiTokenWithOwner,
  findSessionWithRole,
  insertApiToken,
  insertSession,
  listApiTokens,
  markApiTokenUsed,
  readThrottle,
  revokeApiToken,
  touchSession,
  writeThrottle,
  type ApiTokenRecord,
} from '../storage/credentials.ts';
import { dummyPasswordHash, verifyPassword } from '../security/passwords.ts';
import { API_TOKEN_PREFIX, newSecret, secretHash } from '../security/tokens.ts';

export const SESSION_IDLE_MS = 12 * 60 * 60_000;
/** Failed logins allowed per email (and per address) in a window before a lock-out. */
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60_000;
export const LOGIN_LOCK_MS = 15 * 60_000;

export interface StartedSession {
  /** The cookie value: shown once, stored only as its hash. */
  cookie: string;
  csrfToken: string;
  workspaceId: string;
  userId: string;
  expiresAt: string;
}

async function checkThrottle(ctx: AppContext, keys: string[], now: Date): Promise<void> {
  for (const key of keys) {
    const state = await readThrottle(ctx.storage.db, key);
    if (state?.lockedUntil && new Date(state.lockedUntil) > now) {
      const retryAfterSeconds = Math.ceil((new Date(state.lockedUntil).getTime() - now.getTime()) / 1000);
      throw new OperationError('RATE_LIMITED', `too many failed logins: try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`, { retryAfterSeconds });
    }
  }
}

async function recordFailure(ctx: AppContext, keys: string[], now: Date): Promise<void> {
  for (const key of keys) {
    const state = await readThrottle(ctx.storage.db, key);
    const fresh = !state || now.getTime() - new Date(state.windowStartedAt).getTime() > LOGIN_WINDOW_MS;
    const failures = fresh ? 1 : state.failures + 1;
    await writeThrottle(ctx.storage.db, key, {
      failures,
      windowStartedAt: fresh ? now.toISOString() : state.windowStartedAt,
      lockedUntil: failures >= LOGIN_MAX_FAILURES ? new Date(now.getTime() + LOGIN_LOCK_MS).toISOString() : null,
    });
  }
}

/**
 * Email + password → a new session (a fresh id every time: no session fixation). Failures are
 * counted per email and per client address; the same message whether the email exists or not.
 */
export async function login(
  ctx: AppContext,
  input: { email: string; password: string; workspaceId?: string | undefined; clientAddress: string },
): Promise<StartedSession> {
  const now = new Date();
  const keys = [`email:${input.email.trim().toLowerCase()}`, `addr:${input.clientAddress}`];
  await checkThrottle(ctx, keys, now);
  const user = await findUserByEmail(ctx.storage.db, input.email);
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await dummyPasswordHash()));
  if (!user || !ok || user.disabled_at) {
    await recordFailure(ctx, keys, now);
    throw new OperationError('UNAUTHENTICATED', 'email or password is wrong');
  }
  const memberships = await membershipsOf(ctx.storage.db, user.id);
  const membership = input.workspaceId ? memberships.find((m) => m.workspaceId === input.workspaceId) : memberships[0];
  if (!membership) throw new OperationError('FORBIDDEN', 'this account belongs to no workspace (or not to the one asked for)', { field: 'workspaceId' });
  await clearThrottle(ctx.storage.db, keys[0]!);
  const cookie = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS).toISOString();
  await ctx.storage.db.transaction().execute(async (trx) => {
    await insertSession(trx, { id: secretHash(cookie), workspaceId: membership.workspaceId, userId: user.id, csrfToken, expiresAt });
    await appendAudit(trx, ctx.storage.engine, {
      workspaceId: membership.workspaceId,
      actorType: 'user',
      actorId: user.id,
      action: 'session.started',
      entityType: 'session',
      details: {},
    });
  });
  return { cookie, csrfToken, workspaceId: membership.workspaceId, userId: user.id, expiresAt };
}

export async function logout(ctx: AppContext, cookie: string): Promise<void> {
  await deleteSession(ctx.storage.db, secretHash(cookie));
}

export interface SessionActor extends Actor {
  csrfToken: string;
}

/** The actor behind a session cookie, or undefined when it is unknown, expired or no longer a member. */
export async function actorFromSession(ctx: AppContext, cookie: string): Promise<SessionActor | undefined> {
  const id = secretHash(cookie);
  const session = await findSessionWithRole(ctx.storage.db, id);
  const now = new Date();
  if (!session) return undefined;
  if (new Date(session.expiresAt) <= now) {
    await deleteSession(ctx.storage.db, id);
    return undefined;
  }
  if (!session.role) return undefined;
  // Slide the idle expiry, at most once a minute per session.
  if (new Date(session.expiresAt).getTime() - now.getTime() < SESSION_IDLE_MS - 60_000) {
    await touchSession(ctx.storage.db, id, new Date(now.getTime() + SESSION_IDLE_MS).toISOString());
  }
  return { type: 'user', workspaceId: session.workspaceId, userId: session.userId, role: session.role as Role, csrfToken: session.csrfToken, credentialId: id.slice(0, 12) };
}

/** The actor behind an API token ("Authorization: Bearer bsd_…"): the token's owner's current role. */
export async function actorFromApiToken(ctx: AppContext, token: string): Promise<Actor | undefined> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return undefined;
  const record = await findApiTokenWithOwner(ctx.storage.db, secretHash(token));
  if (!record || record.revokedAt || (record.expiresAt && new Date(record.expiresAt) <= new Date())) return undefined;
  if (!record.role || !record.ownerUsable) return undefined;
  if (!record.lastUsedAt || Date.now() - new Date(record.lastUsedAt).getTime() > 60_000) await markApiTokenUsed(ctx.storage.db, record.id);
  return { type: 'api_token', workspaceId: record.workspaceId, userId: record.userId, role: record.role as Role, credentialId: record.id };
}

export async function createApiToken(
  ctx: AppContext,
  actor: Actor,
  input: { name: string; expiresAt?: string | undefined },
): Promise<{ token: string; record: ApiTokenRecord }> {
  requirePermission(actor, 'workspace.read');
  if (!actor.userId) throw new OperationError('FORBIDDEN', 'API tokens belong to a person: log in as one');
  const token = newSecret(API_TOKEN_PREFIX);
  const id = randomUUID();
  await ctx.storage.db.transaction().execute(async (trx) => {
    await insertApiToken(trx, { id, workspaceId: actor.workspaceId, userId: actor.userId!, name: input.name, prefix: token.slice(0, 10), expiresAt: input.expiresAt ?? null, tokenHash: secretHash(token) });
    await appendAudit(trx, ctx.storage.engine, { workspaceId: actor.workspaceId, ...auditActor(actor), action: 'api_token.created', entityType: 'api_token', entityId: id, details: {} });
  });
  const record = (await findApiToken(ctx.storage.db, actor.workspaceId, id))!;
  return { token, record };
}

/** Everyone sees and revokes their own tokens; admins see and revoke everyone's. */
export async function apiTokens(ctx: AppContext, actor: Actor): Promise<ApiTokenRecord[]> {
  requirePermission(actor, 'workspace.read');
  const all = actor.role === 'owner' || actor.role === 'admin';
  return listApiTokens(ctx.storage.db, actor.workspaceId, all ? undefined : (actor.userId ?? ''));
}

export async function revokeToken(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'workspace.read');
  const record = await findApiToken(ctx.storage.db, actor.workspaceId, id);
  const mayRevokeOthers = actor.role === 'owner' || actor.role === 'admin';
  if (!record || (record.userId !== actor.userId && !mayRevokeOthers)) {
    throw new OperationError('NOT_FOUND', `no API token ${id}`, { field: 'id' });
  }
  await ctx.storage.db.transaction().execute(async (trx) => {
    await revokeApiToken(trx, id);
    await appendAudit(trx, ctx.storage.engine, { workspaceId: actor.workspaceId, ...auditActor(actor), action: 'api_token.revoked', entityType: 'api_token', entityId: id, details: {} });
  });
}
