import type { Kysely } from 'kysely';
import type { EngineName } from '../engine.ts';
import { columnTypes } from './column-types.ts';

export async function up(db: Kysely<unknown>, engine: EngineName): Promise<void> {
  const t = columnTypes(engine);
  // A channel's run of publishing failures (how many, since when): a long enough run pauses the
  // channel instead of dead-lettering its posts one by one; a success or a resume ends the run.
  await db.schema.alterTable('channels').addColumn('publish_failures', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('channels').addColumn('publish_failing_since', t.timestamp).execute();
}
