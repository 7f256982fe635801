import type { Kysely } from 'kysely';
import type { EngineName } from '../engine.ts';
import { columnTypes } from './column-types.ts';

export async function up(db: Kysely<unknown>, engine: EngineName): Promise<void> {
  const t = columnTypes(engine);
  await db.schema
    .createTable('posting_plans')
    .addColumn('channel_id', 'text', (c) => c.primaryKey().references('channels.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    // JSON: {slots: [{days, time}]} or {rrule}; the zone is the workspace's
    .addColumn('plan', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  // Each worker process says it is alive; /readyz fails when none has for a while (silent misses).
  await db.schema
    .createTable('worker_heartbeats')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('pid', 'integer', (c) => c.notNull())
    .addColumn('started_at', t.timestamp, (c) => c.notNull())
    .addColumn('seen_at', t.timestamp, (c) => c.notNull())
    .execute();
}
