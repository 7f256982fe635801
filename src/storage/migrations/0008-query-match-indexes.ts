import type { Kysely } from 'kysely';
import type { EngineName } from '../engine.ts';

export async function up(db: Kysely<unknown>, _engine: EngineName): Promise<void> {
  // A workspace's matches (per query, newest mentions first; the scorecard's matched count) were a
  // scan of every workspace's matches: this index holds every column those reads take.
  await db.schema.createIndex('query_matches_workspace').on('query_matches').columns(['workspace_id', 'query_id', 'mention_id']).execute();
  // Which queries matched a mention (joins from mentions and the inbox), and the cascade when a
  // mention is deleted: the primary key leads with query_id, so both scanned the table.
  await db.schema.createIndex('query_matches_mention').on('query_matches').columns(['mention_id']).execute();
}
