/**
 * Test support: a fresh, migrated database on each engine. Storage, jobs, auth and audit tests
 * run once per engine through `forEachEngine`. PostgreSQL comes from TEST_DATABASE_URL (default:
 * the local server with trust auth); each test gets its own database, dropped afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openSqlite, openPostgres, type Storage, type EngineName } from '../storage/engine.ts';
import { migrate } from '../storage/migrate.ts';

export const ENGINES: EngineName[] = ['sqlite', 'postgres'];

export function adminDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export interface TestDatabase {
  engine: EngineName;
  /** DATABASE_URL for child processes (PostgreSQL), or undefined on SQLite. */
  databaseUrl: string | undefined;
  /** BEDSIDE_DATA_DIR for child processes. */
  dataDir: string;
  open(): Promise<Storage>;
  drop(): Promise<void>;
}

export async function createTestDatabase(engine: EngineName): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bedside-test-'));
  if (engine === 'sqlite') {
    return {
      engine,
      databaseUrl: undefined,
      dataDir,
      open: async () => openSqlite(join(dataDir, 'bedside.sqlite')),
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `bedside_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminDatabaseUrl() });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(`PostgreSQL for tests is not reachable at ${adminDatabaseUrl()} (set TEST_DATABASE_URL): ${(err as Error).message}`);
  }
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminDatabaseUrl());
  url.pathname = `/${name}`;
  return {
    engine,
    databaseUrl: url.toString(),
    dataDir,
    open: () => openPostgres(url.toString()),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminDatabaseUrl() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A migrated storage on a fresh database, and a cleanup that closes and drops it. */
export async function freshStorage(engine: EngineName): Promise<{ storage: Storage; database: TestDatabase; cleanup: () => Promise<void> }> {
  const database = await createTestDatabase(engine);
  const storage = await database.open();
  await migrate(storage);
  return {
    storage,
    database,
    cleanup: async () => {
      await storage.close();
      await database.drop();
    },
  };
}
