import type { Kysely } from 'kysely';
import type { EngineName } from '../engine.ts';
import { columnTypes } from './column-types.ts';

export async function up(db: Kysely<unknown>, engine: EngineName): Promise<void> {
  const t = columnTypes(engine);
  // Metrics of published posts over time (Postiz keeps none; Bedside keeps every snapshot).
  await db.schema
    .createTable('post_metric_snapshots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('target_id', 'text', (c) => c.notNull().references('post_targets.id').onDelete('cascade'))
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('fetched_at', t.timestamp, (c) => c.notNull())
    .addColumn('likes', 'integer')
    .addColumn('reposts', 'integer')
    .addColumn('replies', 'integer')
    .addColumn('quotes', 'integer')
    // null when the network gives none: unknown, never zero
    .addColumn('impressions', 'integer')
    // set when the figures could not be read (e.g. "deleted on the network"): the counts are null
    .addColumn('unavailable', 'text')
    .execute();
  await db.schema.createIndex('post_metric_snapshots_target').on('post_metric_snapshots').columns(['target_id', 'fetched_at']).execute();
  await db.schema.createIndex('post_metric_snapshots_workspace').on('post_metric_snapshots').columns(['workspace_id', 'fetched_at']).execute();

  // Who interacted with the workspace's accounts, for engaged audience and loyal core.
  await db.schema
    .createTable('interactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('interactions_workspace_external', ['workspace_id', 'external_id'])
    .execute();
  await db.schema.createIndex('interactions_workspace_at').on('interactions').columns(['workspace_id', 'at']).execute();
}
