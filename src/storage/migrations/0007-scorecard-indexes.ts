import type { Kysely } from 'kysely';
import type { EngineName } from '../engine.ts';

export async function up(db: Kysely<unknown>, _engine: EngineName): Promise<void> {
  // The scorecard reads a workspace's published posts newest first: straight off this index, no sort.
  await db.schema.createIndex('post_targets_published').on('post_targets').columns(['workspace_id', 'state', 'published_at']).execute();
  // The scorecard reads years of interactions (who, when, what): the index holds every column it
  // reads, so no table row is visited. It leads with (workspace_id, at), so it replaces that index.
  await db.schema.createIndex('interactions_workspace_at_person').on('interactions').columns(['workspace_id', 'at', 'kind', 'person_id']).execute();
  await db.schema.dropIndex('interactions_workspace_at').execute();
}
