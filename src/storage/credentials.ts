import type { DbOrTrx } from './engine.ts';

/** Sessions, API tokens, setup links and login throttling: the stored side of authentication. */

export interface SessionRecord {
  id: string;
  workspaceId: string;
  userId: string;
  csrfToken: string;
  expiresAt: string;
}

export async function insertSession(db: DbOrTrx, s: SessionRecord): Promise<void> {
  const now = new Date().toISOString();
  await db
    .insertInto('sessions')
    .values({ id: s.id, workspace_id: s.workspaceId, user_id: s.userId, csrf_token: s.csrfToken, created_at: now, expires_at: s.expiresAt, last_seen_at: now })
    .execute();
}

export async function findSession(db: DbOrTrx, id: string): Promise<SessionRecord | undefined> {
  const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  return row && { id: row.id, workspaceId: row.workspace_id, userId: row.user_id, csrfToken: row.csrf_token, expiresAt: row.expires_at };
}

/**
 * The session with its user's role in the session's workspace (null when no longer a member):
 * every cookie-authenticated request asks this, so it is one query.
 */
export async function findSessionWithRole(db: DbOrTrx, id: string): Promise<(SessionRecord & { role: string | null }) | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .leftJoin('memberships as m', (j) => j.onRef('m.workspace_id', '=', 's.workspace_id').onRef('m.user_id', '=', 's.user_id'))
    .select(['s.id', 's.workspace_id', 's.user_id', 's.csrf_token', 's.expires_at', 'm.role'])
    .where('s.id', '=', id)
    .executeTakeFirst();
  return row && { id: row.id, workspaceId: row.workspace_id, userId: row.user_id, csrfToken: row.csrf_token, expiresAt: row.expires_at, role: row.role };
}

export async function touchSession(db: DbOrTrx, id: string, expiresAt: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: new Date().toISOString(), expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: DbOrTrx, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: DbOrTrx, workspaceId: string, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();
}

export interface ApiTokenRecord {
  id: string;
  workspaceId: string;
  userId: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export async function insertApiToken(db: DbOrTrx, t: Omit<ApiTokenRecord, 'createdAt' | 'lastUsedAt' | 'revokedAt'> & { tokenHash: string }): Promise<void> {
  await db
    .insertInto('api_tokens')
    .values({
      id: t.id,
      workspace_id: t.workspaceId,
      user_id: t.userId,
      name: t.name,
      token_hash: t.tokenHash,
      prefix: t.prefix,
      created_at: new Date().toISOString(),
      last_used_at: null,
      expires_at: t.expiresAt,
      revoked_at: null,
    })
    .execute();
}

type TokenRow = { id: string; workspace_id: string; user_id: string; name: string; prefix: string; created_at: string; last_used_at: string | null; expires_at: string | null; revoked_at: string | null };

function toToken(r: TokenRow): ApiTokenRecord {
  return { id: r.id, workspaceId: r.workspace_id, userId: r.user_id, name: r.name, prefix: r.prefix, createdAt: r.created_at, lastUsedAt: r.last_used_at, expiresAt: r.expires_at, revokedAt: r.revoked_at };
}

export async function findApiTokenByHash(db: DbOrTrx, tokenHash: string): Promise<ApiTokenRecord | undefined> {
  const row = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  return row && toToken(row);
}

/**
 * The token with its owner's role in the token's workspace (null when no longer a member) and
 * whether the owner is disabled: every API-token request asks this, so it is one query.
 */
export async function findApiTokenWithOwner(db: DbOrTrx, tokenHash: string): Promise<(ApiTokenRecord & { role: string | null; ownerUsable: boolean }) | undefined> {
  const row = await db
    .selectFrom('api_tokens as t')
    .leftJoin('memberships as m', (j) => j.onRef('m.workspace_id', '=', 't.workspace_id').onRef('m.user_id', '=', 't.user_id'))
    .leftJoin('users as u', 'u.id', 't.user_id')
    .selectAll('t')
    .select(['m.role', 'u.id as owner_id', 'u.disabled_at as owner_disabled_at'])
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row && { ...toToken(row), role: row.role, ownerUsable: row.owner_id !== null && row.owner_disabled_at === null };
}

export async function listApiTokens(db: DbOrTrx, workspaceId: string, userId?: string): Promise<ApiTokenRecord[]> {
  let q = db.selectFrom('api_tokens').selectAll().where('workspace_id', '=', workspaceId);
  if (userId) q = q.where('user_id', '=', userId);
  return (await q.orderBy('created_at').execute()).map(toToken);
}

export async function findApiToken(db: DbOrTrx, workspaceId: string, id: string): Promise<ApiTokenRecord | undefined> {
  const row = await db.selectFrom('api_tokens').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  return row && toToken(row);
}

export async function revokeApiToken(db: DbOrTrx, id: string): Promise<void> {
  await db.updateTable('api_tokens').set({ revoked_at: new Date().toISOString() }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

export async function markApiTokenUsed(db: DbOrTrx, id: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: new Date().toISOString() }).where('id', '=', id).execute();
}

export async function insertSetupToken(db: DbOrTrx, tokenHash: string, expiresAt: string): Promise<void> {
  await db.insertInto('setup_tokens').values({ token_hash: tokenHash, created_at: new Date().toISOString(), expires_at: expiresAt, used_at: null }).execute();
}

/** Marks a setup token used, atomically: true only for the one caller that used it first. */
export async function consumeSetupToken(db: DbOrTrx, tokenHash: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('setup_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface ThrottleState {
  failures: number;
  windowStartedAt: string;
  lockedUntil: string | null;
}

export async function readThrottle(db: DbOrTrx, key: string): Promise<ThrottleState | undefined> {
  const row = await db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
  return row && { failures: row.failures, windowStartedAt: row.window_started_at, lockedUntil: row.locked_until };
}

export async function writeThrottle(db: DbOrTrx, key: string, state: ThrottleState): Promise<void> {
  await db
    .insertInto('login_throttle')
    .values({ key, failures: state.failures, window_started_at: state.windowStartedAt, locked_until: state.lockedUntil })
    .onConflict((oc) => oc.column('key').doUpdateSet({ failures: state.failures, window_started_at: state.windowStartedAt, locked_until: state.lockedUntil }))
    .execute();
}

export async function clearThrottle(db: DbOrTrx, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
