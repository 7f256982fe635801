import { CompiledQuery, sql, type Insertable, type RawBuilder, type Selectable } from 'kysely';
import type { Database } from './schema.ts';
import { PREPARED_STATEMENT_MARK, isPostgres, type DbOrTrx } from './engine.ts';
import { analysisColumns, toMention, type Mention } from './mentions.ts';
import { compiledInsertSql } from './compiled-inserts.ts';
import { inboxPriority } from '../domain/inbox/index.ts';

export const INBOX_STATUSES = ['new', 'assigned', 'replied', 'moved_offline', 'hidden', 'closed'] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];
export const OPEN_STATUSES: InboxStatus[] = ['new', 'assigned'];

export interface InboxItem {
  id: string;
  status: InboxStatus;
  urgent: boolean;
  possiblyUrgent: boolean;
  dueAt: string;
  receivedAt: string;
  assigneeId: string | null;
  channelId: string | null;
  firstResponseAt: string | null;
  firstResponseBy: string | null;
  replyUri: string | null;
  mention: Mention;
}

type Row = Selectable<Database['inbox_items']> & { m: Selectable<Database['mentions']> };

type ItemColumns = Pick<Selectable<Database['inbox_items']>, 'id' | 'status' | 'priority' | 'due_at' | 'received_at' | 'assignee_id' | 'channel_id' | 'first_response_at' | 'first_response_by'>;

/** The item's own fields, shared by the full item and the inbox page's. */
function itemFields(r: ItemColumns): Omit<InboxItem, 'replyUri' | 'mention'> {
  return {
    id: r.id,
    status: r.status as InboxStatus,
    urgent: Number(r.priority) === 0,
    possiblyUrgent: Number(r.priority) === 1,
    dueAt: r.due_at,
    receivedAt: r.received_at,
    assigneeId: r.assignee_id,
    channelId: r.channel_id,
    firstResponseAt: r.first_response_at,
    firstResponseBy: r.first_response_by,
  };
}

function toItem(r: Row): InboxItem {
  return { ...itemFields(r), replyUri: r.reply_uri, mention: toMention(r.m) };
}

/** Columns of the SQLite multi-row insert, every one a parameter, in this order. */
const INSERT_COLUMNS = ['id', 'workspace_id', 'mention_id', 'channel_id', 'status', 'priority', 'due_at', 'assignee_id', 'received_at', 'first_response_at', 'first_response_by', 'reply_uri', 'updated_at'] as const;

function inboxInsertSql(db: DbOrTrx, rows: number): string {
  return compiledInsertSql(db, 'inbox_items', rows, (n) => {
    // Every column a parameter (null compiles to a placeholder too), in INSERT_COLUMNS order.
    const placeholder = Object.fromEntries(INSERT_COLUMNS.map((c) => [c, null])) as unknown as Insertable<Database['inbox_items']>;
    return db
      .insertInto('inbox_items')
      .values(Array.from({ length: n }, () => placeholder))
      .onConflict((oc) => oc.column('mention_id').doNothing())
      .compile().sql;
  });
}

/** PostgreSQL: the whole batch as one array per column. */
const PG_INSERT = `${PREPARED_STATEMENT_MARK} insert into inbox_items (${INSERT_COLUMNS.join(', ')})
  select u.id, u.workspace_id, u.mention_id, u.channel_id, 'new', u.priority, u.due_at, null, u.received_at, null, null, null, $8::timestamptz
  from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::timestamptz[], $7::timestamptz[]) as u(id, workspace_id, mention_id, channel_id, priority, due_at, received_at)
  on conflict (mention_id) do nothing`;

type NewInboxItem = { id: string; workspaceId: string; mentionId: string; channelId: string | null; urgent: boolean; possiblyUrgent?: boolean; dueAt: string; receivedAt: string };

export async function insertInboxItems(db: DbOrTrx, items: NewInboxItem[]): Promise<void> {
  if (items.length === 0) return;
  if (isPostgres(db)) {
    for (let i = 0; i < items.length; i += 5000) {
      const chunk = items.slice(i, i + 5000);
      const columns = [chunk.map((it) => it.id), chunk.map((it) => it.workspaceId), chunk.map((it) => it.mentionId), chunk.map((it) => it.channelId), chunk.map((it) => inboxPriority(it)), chunk.map((it) => it.dueAt), chunk.map((it) => it.receivedAt)];
      await db.executeQuery(CompiledQuery.raw(PG_INSERT, [...columns, new Date().toISOString()]));
    }
    return;
  }
  for (let i = 0; i < items.length; i += 200) {
    const now = new Date().toISOString();
    const chunk = items.slice(i, i + 200);
    // Values in INSERT_COLUMNS order, row after row, as the compiled SQL expects them.
    const values: unknown[] = [];
    for (const it of chunk) values.push(it.id, it.workspaceId, it.mentionId, it.channelId, 'new', inboxPriority(it), it.dueAt, null, it.receivedAt, null, null, null, now);
    await db.executeQuery(CompiledQuery.raw(inboxInsertSql(db, chunk.length), values));
  }
}

/** Where the next page starts: the queue position of a page's last item. */
export function pageCursor(item: Pick<InboxItem, 'urgent' | 'possiblyUrgent' | 'dueAt' | 'id'>): NonNullable<InboxQuery['after']> {
  return { priority: inboxPriority(item), dueAt: item.dueAt, id: item.id };
}

export interface InboxQuery {
  statuses: InboxStatus[];
  urgentOnly?: boolean | undefined;
  channelId?: string | undefined;
  assigneeId?: string | undefined;
  intent?: string | undefined;
  limit: number;
  /** Keyset cursor: the last item of the previous page. */
  after?: { priority: number; dueAt: string; id: string } | undefined;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** A mention as an inbox page lists it: no thread or network references (the conversation view reads those). */
export type ListedMention = Omit<Mention, 'channelId' | 'lang' | 'remote' | 'inReplyTo' | 'receivedAt'>;
/** An item as an inbox page lists it. */
export type InboxPageItem = Omit<InboxItem, 'replyUri' | 'mention'> & { mention: ListedMention };

/** The columns a page reads: what the list shows and nothing else. */
interface PageRow {
  id: string;
  status: string;
  priority: number;
  due_at: string;
  received_at: string;
  assignee_id: string | null;
  channel_id: string | null;
  first_response_at: string | null;
  first_response_by: string | null;
  m_id: string;
  m_network: string;
  m_kind: string;
  m_author_id: string | null;
  m_author_handle: string;
  m_author_name: string | null;
  m_text: string;
  m_url: string | null;
  m_created_at: string;
  m_sentiment: string;
  m_intents: string;
  m_urgent: number;
  m_phi_types: string;
  m_analysis: string;
}

const PREPARED = sql.raw(PREPARED_STATEMENT_MARK);
const PAGE_COLUMNS = sql.raw(
  [
    // Named with `as`: a page of open and settled items together is a union, ordered by these names.
    ...['id', 'status', 'priority', 'due_at', 'received_at', 'assignee_id', 'channel_id', 'first_response_at', 'first_response_by'].map((c) => `i.${c} as ${c}`),
    ...['id', 'network', 'kind', 'author_id', 'author_handle', 'author_name', 'text', 'url', 'created_at', 'sentiment', 'intents', 'urgent', 'phi_types', 'analysis'].map((c) => `m.${c} as m_${c}`),
  ].join(', '),
);

/** The page row as an item: field by field, no per-row key walking. */
function pageItem(r: PageRow): InboxPageItem {
  return {
    ...itemFields(r),
    mention: {
      id: r.m_id,
      network: r.m_network,
      kind: r.m_kind,
      author: { id: r.m_author_id, handle: r.m_author_handle, displayName: r.m_author_name },
      text: r.m_text,
      url: r.m_url,
      createdAt: r.m_created_at,
      sentiment: r.m_sentiment,
      ...analysisColumns(r.m_intents, r.m_urgent, r.m_phi_types, r.m_analysis),
    },
  };
}

/**
 * One inbox page: urgent first, then by due time (the partial index inbox_items_open_queue serves
 * open items, inbox_items_settled_status the others; then 50 mentions by primary key). The busiest
 * read of the API, so: one SQL template rather than the query builder (whose compile cost per
 * request was larger than the query's own), prepared once per PostgreSQL connection, and only the
 * columns a page shows.
 */
export async function listInbox(db: DbOrTrx, workspaceId: string, q: InboxQuery): Promise<InboxPageItem[]> {
  const { rows } = await inboxPageQuery(workspaceId, q).execute(db);
  return rows.map(pageItem);
}

/** The SQL of an inbox page (exported for its query-plan tests). */
export function inboxPageQuery(workspaceId: string, q: InboxQuery): RawBuilder<PageRow> {
  const filters: RawBuilder<unknown>[] = [sql`i.workspace_id = ${workspaceId}`];
  if (q.urgentOnly) filters.push(sql`i.priority = 0`);
  if (q.channelId) filters.push(sql`i.channel_id = ${q.channelId}`);
  if (q.assigneeId) filters.push(sql`i.assignee_id = ${q.assigneeId}`);
  if (q.intent) filters.push(sql`m.intents like ${`%"${q.intent.replace(/[%_"]/g, '')}"%`}`);
  if (q.after) {
    const a = q.after;
    filters.push(sql`(i.priority > ${a.priority} or (i.priority = ${a.priority} and i.due_at > ${a.dueAt}) or (i.priority = ${a.priority} and i.due_at = ${a.dueAt} and i.id > ${a.id}))`);
  }
  const select = (status: RawBuilder<unknown>) => sql`select ${PAGE_COLUMNS} from inbox_items as i inner join mentions as m on m.id = i.mention_id where ${sql.join([...filters, status], sql` and `)}`;
  // Each status filter carries its index's own predicate (literals, not parameters), so both
  // engines can tell which partial index holds the items; open and settled statuses together
  // read both, merged in queue order.
  const open = OPEN_STATUSES.filter((s) => q.statuses.includes(s));
  const settled = INBOX_STATUSES.filter((s) => !OPEN_STATUSES.includes(s) && q.statuses.includes(s));
  const parts: RawBuilder<unknown>[] = [];
  if (open.length > 0) parts.push(select(sameSet(open, OPEN_STATUSES) ? sql`i.status in ('new', 'assigned')` : sql`i.status in ('new', 'assigned') and i.status in (${sql.join(open)})`));
  if (settled.length > 0) parts.push(select(sql`i.status not in ('new', 'assigned') and i.status in (${sql.join(settled)})`));
  if (parts.length === 0) parts.push(select(sql`i.status in (${sql.join(q.statuses)})`));
  return parts.length === 1
    ? sql<PageRow>`${PREPARED} ${parts[0]} order by i.priority, i.due_at, i.id limit ${q.limit}`
    : sql<PageRow>`${PREPARED} ${sql.join(parts, sql` union all `)} order by priority, due_at, id limit ${q.limit}`;
}

export async function findInboxItem(db: DbOrTrx, workspaceId: string, id: string): Promise<InboxItem | undefined> {
  const row = await db.selectFrom('inbox_items').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const m = await db.selectFrom('mentions').selectAll().where('id', '=', row.mention_id).executeTakeFirstOrThrow();
  return toItem({ ...row, m });
}

export async function updateInboxItem(
  db: DbOrTrx,
  id: string,
  change: Partial<{ status: InboxStatus; assigneeId: string | null; firstResponseAt: string; firstResponseBy: string | null; replyUri: string; urgent: boolean; dueAt: string }>,
): Promise<void> {
  await db
    .updateTable('inbox_items')
    .set({
      ...(change.status !== undefined ? { status: change.status } : {}),
      ...(change.assigneeId !== undefined ? { assignee_id: change.assigneeId } : {}),
      ...(change.firstResponseAt !== undefined ? { first_response_at: change.firstResponseAt } : {}),
      ...(change.firstResponseBy !== undefined ? { first_response_by: change.firstResponseBy } : {}),
      ...(change.replyUri !== undefined ? { reply_uri: change.replyUri } : {}),
      // A person's triage: urgent, or the ordinary queue (never back into the engine's "possibly" lane).
      ...(change.urgent !== undefined ? { priority: inboxPriority({ urgent: change.urgent }) } : {}),
      ...(change.dueAt !== undefined ? { due_at: change.dueAt } : {}),
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .execute();
}

export async function insertNote(db: DbOrTrx, n: { id: string; workspaceId: string; itemId: string; authorId: string | null; body: string }): Promise<void> {
  await db.insertInto('inbox_notes').values({ id: n.id, workspace_id: n.workspaceId, item_id: n.itemId, author_id: n.authorId, body: n.body, created_at: new Date().toISOString() }).execute();
}

export async function listNotes(db: DbOrTrx, itemId: string): Promise<Array<{ id: string; authorId: string | null; body: string; createdAt: string }>> {
  const rows = await db.selectFrom('inbox_notes').selectAll().where('item_id', '=', itemId).orderBy('created_at').execute();
  return rows.map((r) => ({ id: r.id, authorId: r.author_id, body: r.body, createdAt: r.created_at }));
}

export interface SavedReply {
  id: string;
  title: string;
  body: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

export async function insertSavedReply(db: DbOrTrx, r: { id: string; workspaceId: string; title: string; body: string; createdBy: string | null }): Promise<void> {
  await db.insertInto('saved_replies').values({ id: r.id, workspace_id: r.workspaceId, title: r.title, body: r.body, reviewed_by: null, reviewed_at: null, created_by: r.createdBy, created_at: new Date().toISOString() }).execute();
}

export async function reviewSavedReply(db: DbOrTrx, workspaceId: string, id: string, reviewerId: string | null): Promise<boolean> {
  const r = await db.updateTable('saved_replies').set({ reviewed_by: reviewerId, reviewed_at: new Date().toISOString() }).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function listSavedReplies(db: DbOrTrx, workspaceId: string): Promise<SavedReply[]> {
  const rows = await db.selectFrom('saved_replies').selectAll().where('workspace_id', '=', workspaceId).orderBy('title').execute();
  return rows.map((r) => ({ id: r.id, title: r.title, body: r.body, reviewedBy: r.reviewed_by, reviewedAt: r.reviewed_at }));
}

/** Every conversation of a period, for response metrics (open ones too). */
export async function conversationsBetween(db: DbOrTrx, workspaceId: string, from: string, to: string) {
  return db
    .selectFrom('inbox_items')
    .select(['id', 'channel_id', 'assignee_id', 'received_at', 'due_at', 'first_response_at', 'first_response_by', 'status', 'priority'])
    .where('workspace_id', '=', workspaceId)
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .limit(200_000)
    .execute();
}
