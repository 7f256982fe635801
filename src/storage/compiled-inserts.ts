import type { DbOrTrx } from './engine.ts';

/**
 * SQL texts of the hot multi-row inserts, per dialect, statement and row count, built by Kysely
 * once: building and compiling a 200-row insert for every batch of an import cost several µs a
 * row on the storing thread (bench/ingest), more than SQLite took to run it. Imports use few row
 * counts (full chunks and a last one); the oldest shape goes first past the bound.
 */
const texts = new Map<string, string>();
const MAX_SHAPES = 128;

export function compiledInsertSql(db: DbOrTrx, statement: string, rows: number, build: (rows: number) => string): string {
  const key = `${db.getExecutor().adapter.constructor.name}:${statement}:${rows}`;
  let text = texts.get(key);
  if (text === undefined) {
    text = build(rows);
    if (texts.size >= MAX_SHAPES) texts.delete(texts.keys().next().value!);
    texts.set(key, text);
  }
  return text;
}
