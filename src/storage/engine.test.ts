import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'kysely';
import { freshStorage } from '../testing/engines.ts';
import SqliteDatabase from 'better-sqlite3';
import { cachePreparedStatements, pgTimestamptzToIso } from './engine.ts';

/** How PostgreSQL prints a timestamptz in a UTC session: trailing zeros of the microseconds dropped. */
function pgText(ms: number, micros: number): string {
  const base = new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
  const frac = String(micros).padStart(6, '0').replace(/0+$/, '');
  return `${base}${frac ? `.${frac}` : ''}+00`;
}

describe('PostgreSQL timestamps', () => {
  test('the sliced fast path gives exactly what Date gives, for any UTC instant and any microseconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('1000-01-01T00:00:00Z'), max: Date.parse('9999-12-31T23:59:59Z') }), fc.integer({ min: 0, max: 999_999 }), (ms, micros) => {
        const text = pgText(Math.floor(ms / 1000) * 1000, micros);
        assert.equal(pgTimestamptzToIso(text), new Date(text).toISOString());
      }),
      { numRuns: 5000 },
    );
  });

  test('other zones and forms are left to Date', () => {
    for (const text of ['2026-03-01 10:00:00+01', '2026-03-01 10:00:00.25+05:30', '2026-03-01 10:00:00.123456-08']) {
      assert.equal(pgTimestamptzToIso(text), new Date(text).toISOString());
    }
    assert.throws(() => pgTimestamptzToIso('0099-01-01 00:00:00+00 BC'), RangeError, 'as before: not a date JavaScript can hold');
  });

  test('a value read back from PostgreSQL is the ISO string of the instant stored, to the millisecond', async () => {
    const { storage, cleanup } = await freshStorage('postgres');
    try {
      const { rows } = await sql<{ a: string; b: string; c: string }>`select ${'2026-03-29 01:30:00.123456+00'}::timestamptz as a, ${'2026-10-25T02:00:00.5Z'}::timestamptz as b, ${'2026-01-01T00:00:00Z'}::timestamptz as c`.execute(storage.db);
      assert.deepEqual(rows[0], { a: '2026-03-29T01:30:00.123Z', b: '2026-10-25T02:00:00.500Z', c: '2026-01-01T00:00:00.000Z' });
    } finally {
      await cleanup();
    }
  });
});

describe('SQLite statement cache', () => {
  test('the same SQL runs on one prepared statement; one still being iterated is not reused', () => {
    const raw = new SqliteDatabase(':memory:');
    try {
      cachePreparedStatements(raw);
      raw.exec('create table t (n integer)');
      const insert = 'insert into t (n) values (?)';
      assert.equal(raw.prepare(insert), raw.prepare(insert));
      for (let n = 1; n <= 3; n++) raw.prepare(insert).run(n);
      const select = 'select n from t order by n';
      const seen: number[][] = [];
      for (const row of raw.prepare(select).iterate() as IterableIterator<{ n: number }>) {
        // The kept statement is busy in the outer loop: a fresh one answers the inner read.
        seen.push([row.n, (raw.prepare(select).all() as Array<{ n: number }>).length]);
      }
      assert.deepEqual(seen, [[1, 3], [2, 3], [3, 3]]);
    } finally {
      raw.close();
    }
  });

});
