import { sql, type Selectable } from 'kysely';
import type { Database } from './schema.ts';
import type { DbOrTrx } from './engine.ts';
import { toMention, type Mention } from './mentions.ts';

export const INBOX_STATUSES = ['new', 'assigned', 'replied', 'moved_offline', 'hidden', 'closed'] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];
export const OPEN_STATUSES: InboxStatus[] = ['new', 'assigned'];

export interface InboxItem {
  id: string;
  status: InboxStatus;
  urgent: boolean;
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

function toItem(r: Row): InboxItem {
  return {
    id: r.id,
    status: r.status as InboxStatus,
    urgent: Number(r.priority) === 0,
    dueAt: r.due_at,
    receivedAt: r.received_at,
    assigneeId: r.assignee_id,
    channelId: r.channel_id,
    firstResponseAt: r.first_response_at,
    firstResponseBy: r.first_response_by,
    replyUri: r.reply_uri,
    mention: toMention(r.m),
  };
}

export async function insertInboxItems(
  db: DbOrTrx,
  items: Array<{ id: string; workspaceId: string; mentionId: string; channelId: string | null; urgent: boolean; dueAt: string; receivedAt: string }>,
): Promise<void> {
  for (let i = 0; i < items.length; i += 200) {
    const now = new Date().toISOString();
    await db
      .insertInto('inbox_items')
      .values(
        items.slice(i, i + 200).map((it) => ({
          id: it.id,
          workspace_id: it.workspaceId,
          mention_id: it.mentionId,
          channel_id: it.channelId,
          status: 'new',
          priority: it.urgent ? 0 : 1,
          due_at: it.dueAt,
          assignee_id: null,
          received_at: it.receivedAt,
          first_response_at: null,
          first_response_by: null,
          reply_uri: null,
          updated_at: now,
        })),
      )
      .onConflict((oc) => oc.column('mention_id').doNothing())
      .execute();
  }
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

/** One inbox page: urgent first, then by due time (the partial index inbox_items_open_queue serves the open queue). */
export async function listInbox(db: DbOrTrx, workspaceId: string, q: InboxQuery): Promise<InboxItem[]> {
  let base = db
    .selectFrom('inbox_items as i')
    .innerJoin('mentions as m', 'm.id', 'i.mention_id')
    .selectAll('i')
    .select([
      'm.id as m_id', 'm.workspace_id as m_workspace_id', 'm.source_id as m_source_id', 'm.channel_id as m_channel_id', 'm.network as m_network',
      'm.external_id as m_external_id', 'm.kind as m_kind', 'm.author_id as m_author_id', 'm.author_handle as m_author_handle', 'm.author_name as m_author_name',
      'm.text as m_text', 'm.lang as m_lang', 'm.url as m_url', 'm.remote_uri as m_remote_uri', 'm.remote_cid as m_remote_cid', 'm.in_reply_to as m_in_reply_to',
      'm.root_uri as m_root_uri', 'm.root_cid as m_root_cid', 'm.created_at as m_created_at', 'm.received_at as m_received_at', 'm.sentiment as m_sentiment',
      'm.intents as m_intents', 'm.urgent as m_urgent', 'm.phi_types as m_phi_types', 'm.analysis as m_analysis',
    ])
    .where('i.workspace_id', '=', workspaceId)
    // The open queue is written as the partial index's own predicate (literals, not parameters),
    // so both engines read the page straight off that index.
    .where(sameSet(q.statuses, OPEN_STATUSES) ? sql<boolean>`i.status in ('new', 'assigned')` : sql<boolean>`i.status in (${sql.join(q.statuses)})`);
  if (q.urgentOnly) base = base.where('i.priority', '=', 0);
  if (q.channelId) base = base.where('i.channel_id', '=', q.channelId);
  if (q.assigneeId) base = base.where('i.assignee_id', '=', q.assigneeId);
  if (q.intent) base = base.where('m.intents', 'like', `%"${q.intent.replace(/[%_"]/g, '')}"%`);
  if (q.after) {
    const a = q.after;
    base = base.where((eb) =>
      eb.or([
        eb('i.priority', '>', a.priority),
        eb.and([eb('i.priority', '=', a.priority), eb('i.due_at', '>', a.dueAt)]),
        eb.and([eb('i.priority', '=', a.priority), eb('i.due_at', '=', a.dueAt), eb('i.id', '>', a.id)]),
      ]),
    );
  }
  const rows = await base.orderBy('i.priority').orderBy('i.due_at').orderBy('i.id').limit(q.limit).execute();
  return rows.map((r) => {
    const m = Object.fromEntries(Object.entries(r).filter(([k]) => k.startsWith('m_')).map(([k, v]) => [k.slice(2), v])) as Selectable<Database['mentions']>;
    return toItem({ ...(r as unknown as Selectable<Database['inbox_items']>), m });
  });
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
  change: Partial<{ status: InboxStatus; assigneeId: string | null; firstResponseAt: string; firstResponseBy: string | null; replyUri: string }>,
): Promise<void> {
  await db
    .updateTable('inbox_items')
    .set({
      ...(change.status !== undefined ? { status: change.status } : {}),
      ...(change.assigneeId !== undefined ? { assignee_id: change.assigneeId } : {}),
      ...(change.firstResponseAt !== undefined ? { first_response_at: change.firstResponseAt } : {}),
      ...(change.firstResponseBy !== undefined ? { first_response_by: change.firstResponseBy } : {}),
      ...(change.replyUri !== undefined ? { reply_uri: change.replyUri } : {}),
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
