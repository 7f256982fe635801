import { sql, type Selectable } from 'kysely';
import type { Database } from './schema.ts';
import type { DbOrTrx } from './engine.ts';
import type { PostState, TargetState } from '../domain/posts/lifecycle.ts';

export interface PostPart {
  text: string;
  images?: Array<{ mediaId?: string; altText: string }>;
}

export interface RemoteRef {
  uri: string;
  cid?: string;
  url?: string;
}

export interface PostTarget {
  id: string;
  channelId: string;
  state: TargetState;
  jobId: string | null;
  remote: RemoteRef[];
  publishedAt: string | null;
  errorCode: string | null;
  errorMessage: string | null;
}

export interface Post {
  id: string;
  workspaceId: string;
  authorId: string | null;
  state: PostState;
  parts: PostPart[];
  scheduledAt: string | null;
  revision: number;
  approvedBy: string | null;
  approvedAt: string | null;
  createdAt: string;
  updatedAt: string;
  targets: PostTarget[];
}

function toTarget(r: Selectable<Database['post_targets']>): PostTarget {
  return {
    id: r.id,
    channelId: r.channel_id,
    state: r.state as TargetState,
    jobId: r.job_id,
    remote: r.remote ? (JSON.parse(r.remote) as RemoteRef[]) : [],
    publishedAt: r.published_at,
    errorCode: r.error_code,
    errorMessage: r.error_message,
  };
}

function toPost(r: Selectable<Database['posts']>, targets: PostTarget[]): Post {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    authorId: r.author_id,
    state: r.state as PostState,
    parts: JSON.parse(r.parts) as PostPart[],
    scheduledAt: r.scheduled_at,
    revision: Number(r.revision),
    approvedBy: r.approved_by,
    approvedAt: r.approved_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    targets,
  };
}

export async function insertPost(
  db: DbOrTrx,
  p: { id: string; workspaceId: string; authorId: string | null; parts: PostPart[]; idempotencyKey?: string | undefined; channelIds: string[]; targetIds: string[] },
): Promise<void> {
  const now = new Date().toISOString();
  await db
    .insertInto('posts')
    .values({
      id: p.id,
      workspace_id: p.workspaceId,
      author_id: p.authorId,
      state: 'draft',
      parts: JSON.stringify(p.parts),
      scheduled_at: null,
      revision: 1,
      approved_by: null,
      approved_at: null,
      idempotency_key: p.idempotencyKey ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  for (const [i, channelId] of p.channelIds.entries()) {
    await db
      .insertInto('post_targets')
      .values({ id: p.targetIds[i]!, workspace_id: p.workspaceId, post_id: p.id, channel_id: channelId, state: 'pending', job_id: null, remote: null, published_at: null, error_code: null, error_message: null, updated_at: now })
      .execute();
  }
}

export async function findPostIdByIdempotencyKey(db: DbOrTrx, workspaceId: string, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('posts').select('id').where('workspace_id', '=', workspaceId).where('idempotency_key', '=', key).executeTakeFirst();
  return row?.id;
}

export async function findPost(db: DbOrTrx, workspaceId: string, id: string): Promise<Post | undefined> {
  const row = await db.selectFrom('posts').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const targets = await db.selectFrom('post_targets').selectAll().where('post_id', '=', id).orderBy('id').execute();
  return toPost(row, targets.map(toTarget));
}

export interface PostListQuery {
  states?: PostState[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  /** Keyset cursor: the (updated_at, id) of the last row of the previous page. */
  after?: { updatedAt: string; id: string } | undefined;
}

export async function listPosts(db: DbOrTrx, workspaceId: string, q: PostListQuery): Promise<Post[]> {
  let query = db.selectFrom('posts').selectAll().where('workspace_id', '=', workspaceId);
  if (q.states?.length) query = query.where('state', 'in', q.states);
  if (q.from) query = query.where('scheduled_at', '>=', q.from);
  if (q.to) query = query.where('scheduled_at', '<', q.to);
  if (q.after) {
    const after = q.after;
    query = query.where((eb) => eb.or([eb('updated_at', '<', after.updatedAt), eb.and([eb('updated_at', '=', after.updatedAt), eb('id', '<', after.id)])]));
  }
  const rows = await query.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
  if (rows.length === 0) return [];
  const targets = await db.selectFrom('post_targets').selectAll().where('post_id', 'in', rows.map((r) => r.id)).orderBy('id').execute();
  return rows.map((r) => toPost(r, targets.filter((t) => t.post_id === r.id).map(toTarget)));
}

export async function updatePostRow(
  db: DbOrTrx,
  id: string,
  change: Partial<{ state: PostState; parts: PostPart[]; scheduledAt: string | null; approvedBy: string | null; approvedAt: string | null; bumpRevision: boolean }>,
  currentRevision: number,
): Promise<void> {
  await db
    .updateTable('posts')
    .set({
      ...(change.state !== undefined ? { state: change.state } : {}),
      ...(change.parts !== undefined ? { parts: JSON.stringify(change.parts) } : {}),
      ...(change.scheduledAt !== undefined ? { scheduled_at: change.scheduledAt } : {}),
      ...(change.approvedBy !== undefined ? { approved_by: change.approvedBy } : {}),
      ...(change.approvedAt !== undefined ? { approved_at: change.approvedAt } : {}),
      revision: change.bumpRevision ? currentRevision + 1 : currentRevision,
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .execute();
}

export async function updateTarget(
  db: DbOrTrx,
  id: string,
  change: Partial<{ state: TargetState; jobId: string | null; remote: RemoteRef[]; publishedAt: string | null; errorCode: string | null; errorMessage: string | null }>,
): Promise<void> {
  await db
    .updateTable('post_targets')
    .set({
      ...(change.state !== undefined ? { state: change.state } : {}),
      ...(change.jobId !== undefined ? { job_id: change.jobId } : {}),
      ...(change.remote !== undefined ? { remote: JSON.stringify(change.remote) } : {}),
      ...(change.publishedAt !== undefined ? { published_at: change.publishedAt } : {}),
      ...(change.errorCode !== undefined ? { error_code: change.errorCode } : {}),
      ...(change.errorMessage !== undefined ? { error_message: change.errorMessage } : {}),
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .execute();
}

export async function findTarget(db: DbOrTrx, id: string): Promise<(PostTarget & { postId: string; workspaceId: string }) | undefined> {
  const row = await db.selectFrom('post_targets').selectAll().where('id', '=', id).executeTakeFirst();
  return row && { ...toTarget(row), postId: row.post_id, workspaceId: row.workspace_id };
}

export async function insertAttempt(db: DbOrTrx, a: { id: string; workspaceId: string; targetId: string; revision: number }): Promise<void> {
  await db
    .insertInto('publish_attempts')
    .values({ id: a.id, workspace_id: a.workspaceId, target_id: a.targetId, revision: a.revision, started_at: new Date().toISOString(), finished_at: null, outcome: null, error_code: null })
    .execute();
}

export async function finishAttempt(db: DbOrTrx, id: string, outcome: 'published' | 'failed' | 'retry' | 'reconciled', errorCode: string | null = null): Promise<void> {
  await db.updateTable('publish_attempts').set({ outcome, error_code: errorCode, finished_at: new Date().toISOString() }).where('id', '=', id).execute();
}

/** Attempts whose outcome was never written: the process died around the network call. */
export async function unknownAttempts(db: DbOrTrx, targetId: string): Promise<number> {
  const row = await db
    .selectFrom('publish_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('target_id', '=', targetId)
    .where('outcome', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Takes a target's row lock (PostgreSQL) for the rest of the transaction: two tries of one publish
 * job (one presumed lost) then claim and settle it one after the other, never over each other.
 */
export async function lockTarget(db: DbOrTrx, targetId: string): Promise<void> {
  await db.updateTable('post_targets').set({ state: sql`state` }).where('id', '=', targetId).execute();
}

/**
 * Tries that may have reached the network: unknown ones (the process died) and those cut off by a
 * failure after which the server may still have acted (a timeout, a reset connection, a 5xx).
 * Only a rate-limited try is known to have done nothing.
 */
export async function uncertainAttempts(db: DbOrTrx, targetId: string): Promise<number> {
  const row = await db
    .selectFrom('publish_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('target_id', '=', targetId)
    .where((eb) => eb.or([eb('outcome', 'is', null), eb.and([eb('outcome', '=', 'retry'), eb('error_code', '!=', 'RATE_LIMITED')])]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function resolveUnknownAttempts(db: DbOrTrx, targetId: string, outcome: 'reconciled' | 'failed'): Promise<void> {
  await db.updateTable('publish_attempts').set({ outcome, finished_at: new Date().toISOString() }).where('target_id', '=', targetId).where('outcome', 'is', null).execute();
}

export async function insertComment(db: DbOrTrx, c: { id: string; workspaceId: string; postId: string; authorId: string | null; body: string }): Promise<void> {
  await db.insertInto('post_comments').values({ id: c.id, workspace_id: c.workspaceId, post_id: c.postId, author_id: c.authorId, body: c.body, created_at: new Date().toISOString() }).execute();
}

export async function listComments(db: DbOrTrx, postId: string): Promise<Array<{ id: string; authorId: string | null; body: string; createdAt: string }>> {
  const rows = await db.selectFrom('post_comments').selectAll().where('post_id', '=', postId).orderBy('created_at').execute();
  return rows.map((r) => ({ id: r.id, authorId: r.author_id, body: r.body, createdAt: r.created_at }));
}

/** Channel targets still waiting although their post was due before `dueBefore` (all workspaces). */
export async function overdueTargets(db: DbOrTrx, dueBefore: string): Promise<number> {
  const row = await db
    .selectFrom('post_targets')
    .innerJoin('posts', 'posts.id', 'post_targets.post_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('post_targets.state', 'in', ['scheduled', 'publishing', 'unconfirmed'])
    .where('posts.scheduled_at', '<', dueBefore)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
