import { sql, type Kysely } from 'kysely';

/**
 * The index by status holds only settled items (replied, moved offline, hidden, closed): open ones
 * are in the open queue's own index already (0004), so every item that arrives was written to two
 * indexes in the same order. Pages by open status read the queue index, by other statuses this one
 * (storage/inbox.ts writes each page's filter so that the engine can tell which applies).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index inbox_items_status`.execute(db);
  await db.schema
    .createIndex('inbox_items_settled_status')
    .on('inbox_items')
    .columns(['workspace_id', 'status', 'priority', 'due_at', 'id'])
    .where(sql.ref('status'), 'not in', ['new', 'assigned'])
    .execute();
}
