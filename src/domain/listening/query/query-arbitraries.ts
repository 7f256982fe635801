/** Test support: fast-check generators of valid query trees and of mention texts over one vocabulary. */
import fc from 'fast-check';
import type { NearOperand, PhraseNode, QueryNode, TermNode } from './ast.ts';

// Already normalised, so a printed tree parses back to itself; includes operator-like words.
const WORDS = ['flu', 'shot', 'clinic', 'covid', '19', 'cafe', 'and', 'or', 'not', 'near', 'грипп', '日本語', '#flushot', '@stjude', '#flu'];
const PREFIXES = ['vacc', 'cli', 'fl', '#flu', 'гри', 'sho'];

const term: fc.Arbitrary<TermNode> = fc.oneof(
  fc.constantFrom(...WORDS).map((word): TermNode => ({ kind: 'term', word, prefix: false })),
  fc.constantFrom(...PREFIXES).map((word): TermNode => ({ kind: 'term', word, prefix: true })),
);
const phrase: fc.Arbitrary<PhraseNode> = fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 3 }).map((words) => ({ kind: 'phrase', words }));
const simple = fc.oneof(term, phrase);
const nearOperand: fc.Arbitrary<NearOperand> = fc.oneof(
  simple,
  fc.array(simple, { minLength: 2, maxLength: 3 }).map((children): NearOperand => ({ kind: 'or', children })),
);

const { node } = fc.letrec<{ node: QueryNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    term,
    phrase,
    fc
      .record({ kind: fc.constant('near' as const), left: nearOperand, right: nearOperand, distance: fc.integer({ min: 0, max: 5 }), ordered: fc.boolean() })
      .map((near): QueryNode => ({ ...near })),
    fc.constantFrom('stjude', 'nurse@mastodon.social').map((handle): QueryNode => ({ kind: 'author', handle })),
    fc.constantFrom('en', 'pt-br').map((code): QueryNode => ({ kind: 'lang', code })),
    fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((children): QueryNode => ({ kind: 'and', children })),
    fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((children): QueryNode => ({ kind: 'or', children })),
    tie('node').map((child): QueryNode => ({ kind: 'not', child })),
  ),
}));

function looksForSomething(n: QueryNode): boolean {
  if (n.kind === 'not') return false;
  if (n.kind === 'and') return n.children.some(looksForSomething);
  if (n.kind === 'or') return n.children.every(looksForSomething);
  return true;
}

/** Trees the parser accepts: not NOT-only. */
export const queryTree: fc.Arbitrary<QueryNode> = node.filter(looksForSomething);

const PIECES = ['Flu', 'flu,', 'FLU', '#FluShot', '#flu', 'shot', 'shots', 'Clinic', 'clinic.', 'café', 'CAFE', 'covid-19', 'COVID', '@StJude', 'stjude',
  'vaccinated', 'Vacc', 'and', 'or', 'not', 'near', 'Грипп', 'гриппа', '日本語', '🙏', 'x', "nurse's", 'info@stjude.org', 'fl'];

/** Mention texts: vocabulary pieces, mostly space-separated, sometimes glued by punctuation. */
export const mentionText: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(' ', ' ', ' ', '\n', '-', '')), { maxLength: 25 })
  .map((parts) => parts.map(([p, sep]) => p + sep).join(''));

const QUERY_PIECES = ['flu', 'Shot', ' ', ' ', '(', ')', '"', '\u201c', 'AND', 'OR', 'NOT', 'NEAR/3', 'NEAR/', 'NEAR/2f', 'near/1', 'author:', '@x', 'lang:en',
  'site:', '#tag', '*', 'vacc*', '-', '&&', 'é', '🙏', ':', '\t', '\\', "'", 'ǅ', '\u0301', '\ud800', '^', '{', '}', 'NEAR(', ',', '+'];

/** Strings made of query syntax, mostly invalid: for fuzzing the parser and the index escaping. */
export function querySyntax(maxPieces = 120): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...QUERY_PIECES), { maxLength: maxPieces }).map((p) => p.join(''));
}

/** Exactly `pieces` pieces of query syntax cut to `chars` code units. */
export function querySyntaxOfLength(pieces: number, chars: number): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...QUERY_PIECES), { minLength: pieces, maxLength: pieces }).map((p) => p.join('').slice(0, chars));
}
