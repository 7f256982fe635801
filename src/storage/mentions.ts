import type { Selectable } from 'kysely';
import { CompiledQuery, sql } from 'kysely';
import type { Database } from './schema.ts';
import { isPostgres, type DbOrTrx, type EngineName } from './engine.ts';
import { searchableText } from '../domain/listening/query/index.ts';
import { compiledInsertSql } from './compiled-inserts.ts';

/** A value already written as JSON (by the analysis threads): stored as it is, not written again. */
export class JsonText {
  constructor(readonly json: string) {}
}

export interface NewMention {
  id: string;
  workspaceId: string;
  sourceId: string | null;
  channelId: string | null;
  network: string;
  externalId: string;
  kind: string;
  author: { id?: string | undefined; handle: string; displayName?: string | undefined };
  text: string;
  lang?: string | undefined;
  url?: string | undefined;
  remoteUri?: string | undefined;
  remoteCid?: string | undefined;
  inReplyTo?: string | undefined;
  root?: { uri: string; cid?: string | undefined } | undefined;
  createdAt: string;
  receivedAt: string;
  sentiment: string;
  intents: string[];
  urgent: boolean;
  phiTypes: string[];
  analysis: unknown;
  /** What the full-text index holds, searchableText(text), when the caller has the text's tokens already. */
  searchText?: string | undefined;
}

export type MentionRow = Selectable<Database['mentions']>;

export interface Mention {
  id: string;
  network: string;
  kind: string;
  channelId: string | null;
  author: { id: string | null; handle: string; displayName: string | null };
  text: string;
  lang: string | null;
  url: string | null;
  remote: { uri: string; cid: string | null; root: { uri: string; cid: string | null } | null } | null;
  inReplyTo: string | null;
  createdAt: string;
  receivedAt: string;
  sentiment: string;
  intents: string[];
  urgent: boolean;
  phiTypes: string[];
  analysis: unknown;
}

export function toMention(r: MentionRow): Mention {
  return {
    id: r.id,
    network: r.network,
    kind: r.kind,
    channelId: r.channel_id,
    author: { id: r.author_id, handle: r.author_handle, displayName: r.author_name },
    text: r.text,
    lang: r.lang,
    url: r.url,
    remote: r.remote_uri ? { uri: r.remote_uri, cid: r.remote_cid, root: r.root_uri ? { uri: r.root_uri, cid: r.root_cid } : null } : null,
    inReplyTo: r.in_reply_to,
    createdAt: r.created_at,
    receivedAt: r.received_at,
    sentiment: r.sentiment,
    ...analysisColumns(r.intents, r.urgent, r.phi_types, r.analysis),
  };
}

/** The stored analysis columns as a mention carries them (shared with the inbox page's own row). */
export function analysisColumns(intents: string, urgent: number, phiTypes: string, analysis: string): Pick<Mention, 'intents' | 'urgent' | 'phiTypes' | 'analysis'> {
  return {
    intents: JSON.parse(intents) as string[],
    urgent: Number(urgent) === 1,
    phiTypes: phiTypes ? phiTypes.split(',') : [],
    analysis: JSON.parse(analysis) as unknown,
  };
}

function toRow(m: NewMention): Database['mentions'] {
  return {
    id: m.id,
    workspace_id: m.workspaceId,
    source_id: m.sourceId,
    channel_id: m.channelId,
    network: m.network,
    external_id: m.externalId,
    kind: m.kind,
    author_id: m.author.id ?? null,
    author_handle: m.author.handle,
    author_name: m.author.displayName ?? null,
    text: m.text,
    search_text: m.searchText ?? searchableText(m.text),
    lang: m.lang ?? null,
    url: m.url ?? null,
    remote_uri: m.remoteUri ?? null,
    remote_cid: m.remoteCid ?? null,
    in_reply_to: m.inReplyTo ?? null,
    root_uri: m.root?.uri ?? null,
    root_cid: m.root?.cid ?? null,
    created_at: m.createdAt,
    received_at: m.receivedAt,
    sentiment: m.sentiment,
    intents: JSON.stringify(m.intents),
    urgent: m.urgent ? 1 : 0,
    phi_types: m.phiTypes.join(','),
    analysis: m.analysis instanceof JsonText ? m.analysis.json : JSON.stringify(m.analysis),
  };
}

/** The insert's columns, each a parameter, in this order (every column of a row: see toRow). */
const INSERT_COLUMNS = [
  'id', 'workspace_id', 'source_id', 'channel_id', 'network', 'external_id', 'kind', 'author_id', 'author_handle', 'author_name', 'text', 'search_text', 'lang', 'url',
  'remote_uri', 'remote_cid', 'in_reply_to', 'root_uri', 'root_cid', 'created_at', 'received_at', 'sentiment', 'intents', 'urgent', 'phi_types', 'analysis',
] as const satisfies ReadonlyArray<keyof Database['mentions']>;
// A column added to the table and to toRow but not here would be dropped silently: make it a type error.
const everyColumn: Exclude<keyof Database['mentions'], (typeof INSERT_COLUMNS)[number]> extends never ? true : never = true;
void everyColumn;

function mentionInsertSql(db: DbOrTrx, rows: number): string {
  return compiledInsertSql(db, 'mentions', rows, (n) => {
    const placeholder = Object.fromEntries(INSERT_COLUMNS.map((c) => [c, null])) as unknown as Database['mentions'];
    return db
      .insertInto('mentions')
      .values(Array.from({ length: n }, () => placeholder))
      .onConflict((oc) => oc.columns(['workspace_id', 'network', 'external_id']).doNothing())
      .returning('id')
      .compile().sql;
  });
}

/** Inserts mentions not seen before (by network id); returns the ids actually inserted. */
export async function insertNewMentions(db: DbOrTrx, mentions: NewMention[]): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (let i = 0; i < mentions.length; i += 200) {
    const chunk = mentions.slice(i, i + 200);
    // Values in INSERT_COLUMNS order, row after row, as the compiled SQL expects them.
    const values: unknown[] = [];
    for (const m of chunk) {
      const row = toRow(m);
      for (const c of INSERT_COLUMNS) values.push(row[c]);
    }
    const { rows } = await db.executeQuery<{ id: string }>(CompiledQuery.raw(mentionInsertSql(db, chunk.length), values));
    for (const r of rows) inserted.add(r.id);
  }
  return inserted;
}

/** Which of these network ids a workspace has already stored (for skipping work on re-delivered items). */
export async function storedExternalIds(db: DbOrTrx, workspaceId: string, items: Array<{ network: string; externalId: string }>): Promise<Set<string>> {
  const stored = new Set<string>();
  const byNetwork = new Map<string, string[]>();
  for (const { network, externalId } of items) {
    const ids = byNetwork.get(network);
    if (ids) ids.push(externalId);
    else byNetwork.set(network, [externalId]);
  }
  // PostgreSQL takes the ids as one array; SQLite as a list of placeholders (at most 500 a query).
  const pg = isPostgres(db);
  const step = pg ? 5000 : 500;
  for (const [network, ids] of byNetwork) {
    for (let i = 0; i < ids.length; i += step) {
      const some = ids.slice(i, i + step);
      const rows = await db
        .selectFrom('mentions')
        .select('external_id')
        .where('workspace_id', '=', workspaceId)
        .where('network', '=', network)
        .where('external_id', pg ? '=' : 'in', pg ? sql<string>`any(${some}::text[])` : some)
        .execute();
      for (const r of rows) stored.add(`${network}\u0000${r.external_id}`);
    }
  }
  return stored;
}

export async function findMention(db: DbOrTrx, workspaceId: string, id: string): Promise<Mention | undefined> {
  const row = await db.selectFrom('mentions').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  return row && toMention(row);
}

/** The conversation around a mention: what it answers and what answers it, by remote URI. */
export async function conversationOf(db: DbOrTrx, workspaceId: string, mention: Mention): Promise<Mention[]> {
  const root = mention.remote?.root?.uri ?? mention.remote?.uri;
  if (!root) return [mention];
  const rows = await db
    .selectFrom('mentions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where((eb) => eb.or([eb('root_uri', '=', root), eb('remote_uri', '=', root)]))
    .orderBy('created_at')
    .limit(200)
    .execute();
  return rows.map(toMention);
}

/**
 * Full-text candidates for a search: SQLite FTS5 MATCH or PostgreSQL tsquery, newest first.
 * The expression must come from the query language's escaping (toFts5 / toTsQuery).
 */
export async function searchMentionIds(
  db: DbOrTrx,
  engine: EngineName,
  workspaceId: string,
  expression: string,
  page: { limit: number; before?: string | undefined },
): Promise<string[]> {
  if (engine === 'sqlite') {
    const rows = await sql<{ id: string }>`
      select m.id from mentions_fts f join mentions m on m.rowid = f.rowid
      where mentions_fts match ${expression} and m.workspace_id = ${workspaceId}
      ${page.before ? sql`and m.created_at < ${page.before}` : sql``}
      order by m.created_at desc limit ${page.limit}`.execute(db);
    return rows.rows.map((r) => r.id);
  }
  const rows = await sql<{ id: string }>`
    select id from mentions
    where workspace_id = ${workspaceId} and tsv @@ to_tsquery('simple', ${expression})
    ${page.before ? sql`and created_at < ${page.before}` : sql``}
    order by created_at desc limit ${page.limit}`.execute(db);
  return rows.rows.map((r) => r.id);
}

export async function mentionsByIds(db: DbOrTrx, ids: string[]): Promise<Mention[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('mentions').selectAll().where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, toMention(r)]));
  return ids.map((id) => byId.get(id)).filter((m): m is Mention => m !== undefined);
}

export async function recentMentions(db: DbOrTrx, workspaceId: string, from: string, to: string, limit = 50_000): Promise<Array<{ id: string; text: string; createdAt: string }>> {
  const rows = await db
    .selectFrom('mentions')
    .select(['id', 'text', 'created_at'])
    .where('workspace_id', '=', workspaceId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, text: r.text, createdAt: r.created_at }));
}
