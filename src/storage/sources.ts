import { sql, type Selectable } from 'kysely';
import type { Database } from './schema.ts';
import { isPostgres, type DbOrTrx } from './engine.ts';

export type SourceKind = 'channel_notifications' | 'query_search' | 'feed' | 'mastodon_hashtag';

export interface Source {
  id: string;
  workspaceId: string;
  kind: SourceKind;
  ref: string;
  cursor: string | null;
  etag: string | null;
  lastModified: string | null;
  health: 'ok' | 'unhealthy';
  healthReason: string | null;
  lastRunAt: string | null;
  lastOkAt: string | null;
}

function toSource(r: Selectable<Database['sources']>): Source {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    kind: r.kind as SourceKind,
    ref: r.ref,
    cursor: r.cursor,
    etag: r.etag,
    lastModified: r.last_modified,
    health: r.health as Source['health'],
    healthReason: r.health_reason,
    lastRunAt: r.last_run_at,
    lastOkAt: r.last_ok_at,
  };
}

export async function ensureSource(db: DbOrTrx, s: { id: string; workspaceId: string; kind: SourceKind; ref: string }): Promise<Source> {
  await db
    .insertInto('sources')
    .values({ id: s.id, workspace_id: s.workspaceId, kind: s.kind, ref: s.ref, cursor: null, etag: null, last_modified: null, health: 'ok', health_reason: null, last_run_at: null, last_ok_at: null, created_at: new Date().toISOString() })
    .onConflict((oc) => oc.columns(['workspace_id', 'kind', 'ref']).doNothing())
    .execute();
  const row = await db.selectFrom('sources').selectAll().where('workspace_id', '=', s.workspaceId).where('kind', '=', s.kind).where('ref', '=', s.ref).executeTakeFirstOrThrow();
  return toSource(row);
}

export async function findSource(db: DbOrTrx, id: string): Promise<Source | undefined> {
  const row = await db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toSource(row);
}

export async function listSources(db: DbOrTrx, workspaceId: string): Promise<Source[]> {
  return (await db.selectFrom('sources').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at').execute()).map(toSource);
}

export async function deleteSource(db: DbOrTrx, workspaceId: string, kind: SourceKind, ref: string): Promise<void> {
  await db.deleteFrom('sources').where('workspace_id', '=', workspaceId).where('kind', '=', kind).where('ref', '=', ref).execute();
}

/** A successful run: the new cursor (never cleared by an empty page) and health ok. */
export async function markSourceOk(db: DbOrTrx, id: string, change: { cursor?: string | null | undefined; etag?: string | null | undefined; lastModified?: string | null | undefined }): Promise<void> {
  const now = new Date().toISOString();
  await db
    .updateTable('sources')
    .set({
      ...(change.cursor ? { cursor: change.cursor } : {}),
      ...(change.etag !== undefined ? { etag: change.etag } : {}),
      ...(change.lastModified !== undefined ? { last_modified: change.lastModified } : {}),
      health: 'ok',
      health_reason: null,
      last_run_at: now,
      last_ok_at: now,
    })
    .where('id', '=', id)
    .execute();
}

export async function markSourceUnhealthy(db: DbOrTrx, id: string, reason: string): Promise<void> {
  await db.updateTable('sources').set({ health: 'unhealthy', health_reason: reason.slice(0, 500), last_run_at: new Date().toISOString() }).where('id', '=', id).execute();
}

export interface ListeningQuery {
  id: string;
  name: string;
  query: string;
  createdAt: string;
}

export async function insertQuery(db: DbOrTrx, q: { id: string; workspaceId: string; name: string; query: string; createdBy: string | null }): Promise<void> {
  const now = new Date().toISOString();
  await db.insertInto('listening_queries').values({ id: q.id, workspace_id: q.workspaceId, name: q.name, query: q.query, created_by: q.createdBy, created_at: now, updated_at: now }).execute();
}

export async function listQueries(db: DbOrTrx, workspaceId: string): Promise<ListeningQuery[]> {
  const rows = await db.selectFrom('listening_queries').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, query: r.query, createdAt: r.created_at }));
}

export async function deleteQuery(db: DbOrTrx, workspaceId: string, id: string): Promise<boolean> {
  const r = await db.deleteFrom('listening_queries').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export async function insertMatches(db: DbOrTrx, workspaceId: string, matches: Array<{ queryId: string; mentionId: string }>): Promise<void> {
  if (matches.length === 0) return;
  const now = new Date().toISOString();
  if (isPostgres(db)) {
    // One array per column (see isPostgres).
    await sql`insert into query_matches (query_id, mention_id, workspace_id, matched_at)
      select u.query_id, u.mention_id, ${workspaceId}, ${now}::timestamptz from unnest(${matches.map((m) => m.queryId)}::text[], ${matches.map((m) => m.mentionId)}::text[]) as u(query_id, mention_id)
      on conflict (query_id, mention_id) do nothing`.execute(db);
    return;
  }
  for (let i = 0; i < matches.length; i += 300) {
    await db
      .insertInto('query_matches')
      .values(matches.slice(i, i + 300).map((m) => ({ query_id: m.queryId, mention_id: m.mentionId, workspace_id: workspaceId, matched_at: now })))
      .onConflict((oc) => oc.columns(['query_id', 'mention_id']).doNothing())
      .execute();
  }
}

export async function matchedMentionIds(db: DbOrTrx, workspaceId: string, queryId: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('query_matches')
    .innerJoin('mentions', 'mentions.id', 'query_matches.mention_id')
    .select('mentions.id')
    .where('query_matches.workspace_id', '=', workspaceId)
    .where('query_matches.query_id', '=', queryId)
    .orderBy('mentions.created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}
