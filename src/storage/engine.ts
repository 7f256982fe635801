import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

export type EngineName = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type DbOrTrx = Kysely<Database> | Transaction<Database>;

export interface Storage {
  db: Db;
  engine: EngineName;
  /** Where the embedded file lives, or the PostgreSQL URL with its password hidden. */
  location: string;
  close(): Promise<void>;
}

export class StorageError extends Error {}

const PG_TIMESTAMPTZ = 1184;
const PG_TIMESTAMP = 1114;
const PG_INT8 = 20;

/** PostgreSQL values come back in the same shapes SQLite gives: ISO strings and numbers. */
function pgTypeParser(oid: number, format?: string): (value: string) => unknown {
  if (oid === PG_TIMESTAMPTZ) return (v) => new Date(v).toISOString();
  if (oid === PG_TIMESTAMP) return (v) => new Date(`${v.replace(' ', 'T')}Z`).toISOString();
  if (oid === PG_INT8) return (v) => Number(v);
  return pg.types.getTypeParser(oid, format as 'text') as (value: string) => unknown;
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

export async function openStorage(options: { databaseUrl?: string | undefined; dataDir: string }): Promise<Storage> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openSqlite(join(options.dataDir, 'bedside.sqlite'));
}

export function openSqlite(file: string): Storage {
  if (file !== ':memory:') mkdirSync(join(file, '..'), { recursive: true });
  const raw = new SqliteDatabase(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  // The CLI and the server may share the file: wait for a lock rather than fail at once.
  raw.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  return { db, engine: 'sqlite', location: file, close: () => db.destroy() };
}

export async function openPostgres(url: string): Promise<Storage> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5000,
    types: { getTypeParser: pgTypeParser as typeof pg.types.getTypeParser },
  });
  // A pool error (e.g. the server restarting) must not crash the process; queries report it.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => undefined);
    const reason = err instanceof Error ? err.message : String(err);
    throw new StorageError(`cannot connect to PostgreSQL at ${redactUrl(url)}: ${reason}`);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', location: redactUrl(url), close: () => db.destroy() };
}

/**
 * Serialises writers of one logical resource (e.g. a workspace's audit chain) inside a
 * transaction. PostgreSQL takes a transaction-scoped advisory lock; SQLite already runs one
 * write transaction at a time.
 */
export async function lockForTransaction(trx: Transaction<Database>, engine: EngineName, key: string): Promise<void> {
  if (engine === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}

export function nowIso(date: Date = new Date()): string {
  return date.toISOString();
}
