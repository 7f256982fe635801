/**
 * The pre-filter on the real engines: SQLite FTS5 (in memory, the migration's tokenizer) and
 * PostgreSQL's to_tsquery('simple', …) against to_tsvector('simple', …) of searchableText.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import pg from 'pg';
import fc from 'fast-check';
import { adminDatabaseUrl } from '../../../testing/engines.ts';
import { parse } from './parser.ts';
import { print } from './print.ts';
import { matches } from './match.ts';
import { toFts5, toTsQuery } from './search-terms.ts';
import { searchableText } from './text-tokens.ts';
import { mentionText, querySyntax, queryTree } from './query-arbitraries.ts';
import type { QueryNode } from './ast.ts';

const sqlite = new Database(':memory:');
sqlite.exec("create virtual table mentions_fts using fts5(text, tokenize='unicode61 remove_diacritics 2')");
let postgres: pg.Client;

before(async () => {
  postgres = new pg.Client({ connectionString: adminDatabaseUrl() });
  await postgres.connect();
});
after(async () => {
  sqlite.close();
  await postgres.end();
});

/** Indexes of `texts` (0-based) the FTS5 expression selects. */
function sqliteCandidates(expression: string, texts: string[]): Set<number> {
  sqlite.exec('delete from mentions_fts');
  const insert = sqlite.prepare('insert into mentions_fts(rowid, text) values (?, ?)');
  texts.forEach((t, i) => insert.run(i + 1, searchableText(t)));
  const rows = sqlite.prepare('select rowid from mentions_fts where mentions_fts match ?').all(expression) as Array<{ rowid: number }>;
  return new Set(rows.map((r) => r.rowid - 1));
}

async function postgresCandidates(expression: string, texts: string[], index: (t: string) => string = searchableText): Promise<Set<number>> {
  const { rows } = await postgres.query<{ i: string }>(
    "select i from unnest($1::text[]) with ordinality as d(t, i) where to_tsvector('simple', t) @@ to_tsquery('simple', $2)",
    [texts.map(index), expression],
  );
  return new Set(rows.map((r) => Number(r.i) - 1));
}

function parsed(query: string): QueryNode {
  const r = parse(query);
  if (!r.ok) assert.fail(`${query}: ${r.error.message}`);
  return r.ast;
}

describe('the pre-filter on SQLite FTS5 and PostgreSQL', () => {
  it('finds every mention the query matches', async () => {
    await fc.assert(
      fc.asyncProperty(queryTree, fc.array(mentionText, { minLength: 1, maxLength: 12 }), async (ast, texts) => {
        const fts = toFts5(ast);
        const ts = toTsQuery(ast);
        assert.equal(fts === null, ts === null);
        if (fts === null || ts === null) return;
        const fromSqlite = sqliteCandidates(fts, texts);
        const fromPostgres = await postgresCandidates(ts, texts);
        texts.forEach((text, i) => {
          if (!matches(ast, { text, author: 'stjude', lang: 'en' })) return;
          assert.ok(fromSqlite.has(i), `FTS5 ${fts} missed ${JSON.stringify(text)} for ${print(ast)}`);
          assert.ok(fromPostgres.has(i), `tsquery ${ts} missed ${JSON.stringify(text)} for ${print(ast)}`);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('never receives a syntax error, whatever the user typed', async () => {
    const hostile = [
      '"NEAR" "AND" "OR" "NOT" (x OR "y*") "col:umn" "a\'b" w\\x "^y" "-z" "{a b}" 日本語 \u201cMC\u201d',
      '"\'); drop table mentions; --" flu',
      "o'reilly \"it's\" \"x:*\" \"a '' b\" \"c \\' d\"",
      '"NEAR(a b, 3)" "a + b" "a : b" "a|b" "a&b" "!a" "x<->y"',
    ];
    const texts = ['flu shot', "O'Reilly it's x"];
    for (const query of hostile) {
      const ast = parsed(query);
      sqliteCandidates(toFts5(ast) ?? '"x"', texts);
      await postgresCandidates(toTsQuery(ast) ?? "'x'", texts);
    }
    await fc.assert(
      fc.asyncProperty(querySyntax(40), async (query) => {
        const r = parse(query);
        if (!r.ok) return;
        sqliteCandidates(toFts5(r.ast) ?? '"x"', texts);
        await postgresCandidates(toTsQuery(r.ast) ?? "'x'", texts);
      }),
      { numRuns: 300 },
    );
  });

  it('needs the index to hold searchableText: PostgreSQL on the raw text misses accented and linked words', async () => {
    const texts = ['Café opens today', 'details at stjude.org/flu-shots'];
    const cafe = toTsQuery(parsed('cafe')) ?? '';
    const stjude = toTsQuery(parsed('stjude')) ?? '';
    assert.deepEqual([...(await postgresCandidates(cafe, texts, (t) => t))], []);
    assert.deepEqual([...(await postgresCandidates(stjude, texts, (t) => t))], []);
    assert.deepEqual([...(await postgresCandidates(cafe, texts))], [0]);
    assert.deepEqual([...(await postgresCandidates(stjude, texts))], [1]);
  });
});
