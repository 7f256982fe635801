import { sql, type Kysely } from 'kysely';
import type { EngineName } from '../engine.ts';
import { columnTypes } from './column-types.ts';

export async function up(db: Kysely<unknown>, engine: EngineName): Promise<void> {
  const t = columnTypes(engine);

  // Where mentions come from: a channel's notifications, a listening query's search, a feed.
  await db.schema
    .createTable('sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('cursor', 'text')
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('health', 'text', (c) => c.notNull())
    .addColumn('health_reason', 'text')
    .addColumn('last_run_at', t.timestamp)
    .addColumn('last_ok_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('sources_workspace_kind_ref', ['workspace_id', 'kind', 'ref'])
    .execute();

  await db.schema
    .createTable('mentions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('source_id', 'text')
    .addColumn('channel_id', 'text')
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('author_handle', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    // The words the query language sees (lowercased, accents and URL punctuation split): what is indexed.
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('lang', 'text')
    .addColumn('url', 'text')
    .addColumn('remote_uri', 'text')
    .addColumn('remote_cid', 'text')
    .addColumn('in_reply_to', 'text')
    .addColumn('root_uri', 'text')
    .addColumn('root_cid', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('received_at', t.timestamp, (c) => c.notNull())
    .addColumn('sentiment', 'text', (c) => c.notNull())
    .addColumn('intents', 'text', (c) => c.notNull())
    .addColumn('urgent', 'integer', (c) => c.notNull())
    .addColumn('phi_types', 'text', (c) => c.notNull())
    .addColumn('analysis', 'text', (c) => c.notNull())
    .addUniqueConstraint('mentions_workspace_network_external', ['workspace_id', 'network', 'external_id'])
    .execute();
  await db.schema.createIndex('mentions_workspace_created').on('mentions').columns(['workspace_id', 'created_at']).execute();
  await db.schema.createIndex('mentions_workspace_remote').on('mentions').columns(['workspace_id', 'remote_uri']).execute();

  // Full-text search over mention text, one index per engine.
  if (engine === 'sqlite') {
    await sql`create virtual table mentions_fts using fts5(search_text, content='mentions', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3')`.execute(db);
    await sql`create trigger mentions_fts_insert after insert on mentions begin insert into mentions_fts(rowid, search_text) values (new.rowid, new.search_text); end`.execute(db);
    await sql`create trigger mentions_fts_delete after delete on mentions begin insert into mentions_fts(mentions_fts, rowid, search_text) values ('delete', old.rowid, old.search_text); end`.execute(db);
    await sql`create trigger mentions_fts_update after update of search_text on mentions begin insert into mentions_fts(mentions_fts, rowid, search_text) values ('delete', old.rowid, old.search_text); insert into mentions_fts(rowid, search_text) values (new.rowid, new.search_text); end`.execute(db);
  } else {
    await sql`alter table mentions add column tsv tsvector generated always as (to_tsvector('simple', search_text)) stored`.execute(db);
    await sql`create index mentions_tsv on mentions using gin (tsv)`.execute(db);
  }

  await db.schema
    .createTable('inbox_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('mention_id', 'text', (c) => c.notNull().unique().references('mentions.id').onDelete('cascade'))
    .addColumn('channel_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    // 0 = urgent (emergency, self-harm): first in the queue
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('due_at', t.timestamp, (c) => c.notNull())
    .addColumn('assignee_id', 'text')
    .addColumn('received_at', t.timestamp, (c) => c.notNull())
    .addColumn('first_response_at', t.timestamp)
    .addColumn('first_response_by', 'text')
    .addColumn('reply_uri', 'text')
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  // The inbox page: open items of a workspace, urgent first, then by due time. The partial index
  // holds only open items in queue order, so the default page is read straight off it.
  await db.schema
    .createIndex('inbox_items_open_queue')
    .on('inbox_items')
    .columns(['workspace_id', 'priority', 'due_at', 'id'])
    .where(sql.ref('status'), 'in', ['new', 'assigned'])
    .execute();
  // Other filters (replied, closed…) and metrics by period.
  await db.schema.createIndex('inbox_items_status').on('inbox_items').columns(['workspace_id', 'status', 'priority', 'due_at', 'id']).execute();
  await db.schema.createIndex('inbox_items_received').on('inbox_items').columns(['workspace_id', 'received_at']).execute();

  await db.schema
    .createTable('inbox_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('inbox_items.id').onDelete('cascade'))
    .addColumn('author_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inbox_notes_item').on('inbox_notes').columns(['item_id', 'created_at']).execute();

  await db.schema
    .createTable('saved_replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', t.timestamp)
    .addColumn('created_by', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('listening_queries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('query_matches')
    .addColumn('query_id', 'text', (c) => c.notNull().references('listening_queries.id').onDelete('cascade'))
    .addColumn('mention_id', 'text', (c) => c.notNull().references('mentions.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('matched_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('query_matches_pk', ['query_id', 'mention_id'])
    .execute();
}
