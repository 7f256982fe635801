import { sql, type Kysely } from 'kysely';
import type { EngineName } from '../engine.ts';
import { columnTypes } from './column-types.ts';

export async function up(db: Kysely<unknown>, engine: EngineName): Promise<void> {
  const t = columnTypes(engine);
  // Unique people per completed scorecard week [week_from, week_to): a completed week's count only
  // changes when an interaction of that week arrives late, so the scorecard keeps it here instead of
  // recounting three years of interactions on every read. Inserting interactions deletes the rows of
  // their weeks; the scorecard read recounts what is missing.
  await db.schema
    .createTable('weekly_engaged_people')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('week_from', t.timestamp, (c) => c.notNull())
    .addColumn('week_to', t.timestamp, (c) => c.notNull())
    .addColumn('engaged_people', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('weekly_engaged_people_pk', ['workspace_id', 'week_from', 'week_to'])
    .execute();
  // The scorecard counts this week's questions (mentions whose safety-engine intents include
  // 'question') and reads the newest of them: an index of those mentions only, a small share of all.
  // Queries must spell the predicate as a literal, as here, for either engine to use it.
  await sql`create index mentions_questions on mentions (workspace_id, created_at) where intents like '%"question"%'`.execute(db);
}
