import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { ENGINES, freshStorage } from '../../testing/engines.ts';
import { up } from './0012-inbox-status-index-settled-only.ts';

async function inboxIndexes(db: Kysely<unknown>, engine: string): Promise<string[]> {
  const query =
    engine === 'sqlite'
      ? sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'inbox_items' and name not like 'sqlite_%' order by name`
      : sql<{ name: string }>`select indexname as name from pg_indexes where tablename = 'inbox_items' and indexname like 'inbox_items_%' and indexname not like '%_pkey' and indexname not like '%_key' order by indexname`;
  return (await query.execute(db)).rows.map((r) => r.name);
}

for (const engine of ENGINES) {
  describe(`0012 inbox status index, settled items only, on ${engine}`, () => {
    test('the index by status of every item gives way to one of settled items; the open queue keeps its own', async () => {
      const { storage, cleanup } = await freshStorage(engine);
      try {
        const db = storage.db as unknown as Kysely<unknown>;
        assert.deepEqual(await inboxIndexes(db, engine), ['inbox_items_open_queue', 'inbox_items_received', 'inbox_items_settled_status']);
        // As a database from before the migration has it.
        await sql`drop index inbox_items_settled_status`.execute(db);
        await sql`create index inbox_items_status on inbox_items (workspace_id, status, priority, due_at, id)`.execute(db);
        await up(db);
        assert.deepEqual(await inboxIndexes(db, engine), ['inbox_items_open_queue', 'inbox_items_received', 'inbox_items_settled_status']);
      } finally {
        await cleanup();
      }
    });
  });
}
