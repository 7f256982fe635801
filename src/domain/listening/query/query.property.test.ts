import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from './parser.ts';
import { print } from './print.ts';
import { matches, prepare, type PreparedDoc } from './match.ts';
import { toSearchTerms, type SearchTerm } from './search-terms.ts';
import { mentionText, querySyntax, querySyntaxOfLength, queryTree } from './query-arbitraries.ts';

function checkRefusalShape(query: string): void {
  const r = parse(query);
  if (r.ok) return;
  const width = Array.from(query).length;
  assert.ok(Number.isInteger(r.error.column) && r.error.column >= 1 && r.error.column <= width + 1, `column ${r.error.column} of ${width}`);
  assert.ok(r.error.length >= 0 && r.error.column - 1 + r.error.length <= width, `length ${r.error.length}`);
  assert.ok(r.error.message.length > 0);
}

test('parse never throws and locates its errors inside the query, on arbitrary strings', () => {
  fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), checkRefusalShape), { numRuns: 500 });
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), checkRefusalShape), { numRuns: 300 });
});

test('parse never throws and locates its errors, on strings built from query syntax', () => {
  fc.assert(fc.property(querySyntax(), checkRefusalShape), { numRuns: 1000 });
});

test('parse does not blow up on 1 kB inputs, pathological ones included', () => {
  const pathological = ['('.repeat(1000), ')'.repeat(1000), '"'.repeat(1001), 'NOT '.repeat(250), 'a NEAR/1 '.repeat(110), 'a OR '.repeat(200) + 'a',
    `${'('.repeat(49)}a${' OR b'.repeat(150)}${')'.repeat(49)}`, 'vacc* '.repeat(170), '#'.repeat(1000), 'é'.repeat(1000), 'x'.repeat(1000)];
  const inputs = [...pathological, ...fc.sample(querySyntaxOfLength(400, 1000), 200)];
  const started = performance.now();
  for (const input of inputs) parse(input);
  const total = performance.now() - started;
  // A guard against exponential backtracking (seconds per input), not a benchmark: the whole set
  // takes tens of milliseconds, and the bound leaves room for a busy machine and GC pauses.
  assert.ok(total < 3000, `${inputs.length} parses took ${total.toFixed(0)} ms`);
});

test('a printed query parses back to the same tree', () => {
  fc.assert(
    fc.property(queryTree, (ast) => {
      const text = print(ast);
      const r = parse(text);
      assert.ok(r.ok, `${text}: ${r.ok ? '' : r.error.message}`);
      assert.deepEqual(r.ast, ast, text);
    }),
    { numRuns: 500 },
  );
});

/** The full-text filter as the index would evaluate it, on the unmarked tokens. */
function passesFilter(must: SearchTerm[][], doc: PreparedDoc): boolean {
  const at = (t: SearchTerm, p: number): boolean =>
    t.words.every((w, i) => (t.prefix && i === t.words.length - 1 ? (doc.words[p + i] ?? '').startsWith(w) : doc.words[p + i] === w));
  return must.every((clause) => clause.some((t) => doc.words.some((_, p) => at(t, p))));
}

test('the full-text filter never drops a mention the query matches', () => {
  fc.assert(
    fc.property(queryTree, fc.array(mentionText, { minLength: 1, maxLength: 8 }), (ast, texts) => {
      const { must } = toSearchTerms(ast);
      for (const text of texts) {
        const doc = prepare({ text, author: 'StJude', lang: 'en-US' });
        if (matches(ast, doc)) assert.ok(passesFilter(must, doc), `${print(ast)} on ${JSON.stringify(text)}`);
      }
    }),
    { numRuns: 500 },
  );
});

test('matching a prepared mention agrees with matching the raw one', () => {
  fc.assert(
    fc.property(queryTree, mentionText, (ast, text) => {
      const doc = { text, author: '@stjude', lang: 'pt-BR' };
      assert.equal(matches(ast, prepare(doc)), matches(ast, doc));
    }),
    { numRuns: 200 },
  );
});
