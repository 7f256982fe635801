import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

export type EngineName = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type DbOrTrx = Kysely<Database> | Transaction<Database>;

/**
 * Whether `db` talks to PostgreSQL. Hot batch writes there send one array per column (unnest):
 * one fixed statement instead of a placeholder per value, which PostgreSQL parses and binds
 * faster (bench/ingest: an inbox row 32 -> 23 µs, a stored-id lookup 12 -> 7 µs).
 */
export function isPostgres(db: DbOrTrx): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

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

/**
 * A timestamptz as PostgreSQL prints it in a UTC session ("2026-03-01 09:30:00.123456+00") → the
 * ISO string `new Date(v).toISOString()` gives (milliseconds, truncated), by slicing: a page of 50
 * inbox items parses 200 of these. Anything else (another zone, BC, infinity) goes through Date.
 */
export function pgTimestamptzToIso(v: string): string {
  const n = v.length;
  const utc = n >= 22 && v.charCodeAt(n - 3) === 43 && v.charCodeAt(n - 2) === 48 && v.charCodeAt(n - 1) === 48 && v.charCodeAt(10) === 32 && v.charCodeAt(0) !== 48;
  if (utc && n === 22) return `${v.slice(0, 10)}T${v.slice(11, 19)}.000Z`;
  if (utc && n <= 29 && v.charCodeAt(19) === 46) return `${v.slice(0, 10)}T${v.slice(11, 19)}.${`${v.slice(20, n - 3)}00`.slice(0, 3)}Z`;
  return new Date(v).toISOString();
}

/** PostgreSQL values come back in the same shapes SQLite gives: ISO strings and numbers. */
function pgTypeParser(oid: number, format?: string): (value: string) => unknown {
  if (oid === PG_TIMESTAMPTZ) return pgTimestamptzToIso;
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
  cachePreparedStatements(raw);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  return { db, engine: 'sqlite', location: file, close: () => db.destroy() };
}

const MAX_CACHED_SQLITE_STATEMENTS = 500;

/**
 * Kysely's SQLite driver prepares every query afresh; parsing and planning a 200-row insert costs
 * more than running it. A statement is kept per SQL text (oldest dropped first past the bound) and
 * run again with new parameters; one still being iterated (a streamed select) is left alone and
 * a fresh one prepared beside it. SQLite re-prepares a kept statement itself after a schema change.
 */
export function cachePreparedStatements(raw: SqliteDatabase.Database): void {
  const prepare = raw.prepare.bind(raw);
  const cache = new Map<string, SqliteDatabase.Statement>();
  raw.prepare = ((source: string) => {
    const kept = cache.get(source);
    if (kept && !kept.busy) return kept;
    const statement = prepare(source);
    if (!kept) {
      if (cache.size >= MAX_CACHED_SQLITE_STATEMENTS) cache.delete(cache.keys().next().value!);
      cache.set(source, statement);
    }
    return statement;
  }) as typeof raw.prepare;
}

/**
 * SQL that starts with this comment is prepared once per PostgreSQL connection (a named statement:
 * later runs skip parsing and, once PostgreSQL settles on a generic plan, planning). For the few
 * hot reads whose text has a bounded number of shapes; everything else stays unnamed.
 */
export const PREPARED_STATEMENT_MARK = '/* prepared */';
const MAX_PREPARED_SHAPES = 200;
const preparedNames = new Map<string, string>();

function statementName(text: string): string | undefined {
  let name = preparedNames.get(text);
  if (name === undefined && preparedNames.size < MAX_PREPARED_SHAPES) {
    name = `bedside_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
    preparedNames.set(text, name);
  }
  return name;
}

function prepareMarkedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  // Every other call (query objects, cursors, callbacks) passes through untouched.
  const named = (...args: unknown[]): unknown => {
    const [text, values, ...rest] = args;
    const name = typeof text === 'string' && text.startsWith(PREPARED_STATEMENT_MARK) ? statementName(text) : undefined;
    return name ? query({ name, text, values }, ...rest) : query(...args);
  };
  client.query = named as typeof client.query;
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
  pool.on('connect', prepareMarkedStatements);
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
