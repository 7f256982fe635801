import type { Kysely } from 'kysely';
import type { EngineName } from '../engine.ts';
import { columnTypes } from './column-types.ts';

export async function up(db: Kysely<unknown>, engine: EngineName): Promise<void> {
  const t = columnTypes(engine);
  // Images attached to posts, kept in the database so a backup holds everything.
  await db.schema
    .createTable('media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('data', t.binary, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
}
