import { Migrator, sql, type MigrationProvider } from 'kysely';
import type { Storage } from './engine.ts';
import { StorageError } from './engine.ts';
import { KNOWN_MIGRATIONS, migrationsFor } from './migrations/index.ts';

const TABLE = 'bedside_migration';

export interface MigrationReport {
  applied: string[];
  current: string | undefined;
}

async function appliedNames(storage: Storage): Promise<string[]> {
  try {
    const result = await sql<{ name: string }>`select name from ${sql.table(TABLE)} order by name`.execute(storage.db);
    return result.rows.map((r) => r.name);
  } catch {
    return []; // no table yet: a new database
  }
}

/**
 * Brings the schema up to this code's version. Refuses, with one clear line, a database that
 * was migrated by a newer Bedside: running old code on it could corrupt what the new code wrote.
 */
export async function migrate(storage: Storage): Promise<MigrationReport> {
  const known = new Set(KNOWN_MIGRATIONS);
  const unknown = (await appliedNames(storage)).filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new StorageError(
      `the database at ${storage.location} has schema version ${unknown[unknown.length - 1]}, newer than this Bedside ` +
        `(which knows up to ${KNOWN_MIGRATIONS[KNOWN_MIGRATIONS.length - 1]}): upgrade Bedside or point it at another database`,
    );
  }
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(storage.engine) };
  const migrator = new Migrator({
    db: storage.db,
    provider,
    migrationTableName: TABLE,
    migrationLockTableName: `${TABLE}_lock`,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new StorageError(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  const all = await appliedNames(storage);
  return { applied, current: all[all.length - 1] };
}
