/**
 * Decides whether a mention matches a parsed query, in memory. Prepare the mention once and match
 * it against every query of the workspace: lookups are by token, not by scanning the text.
 */
import type { NearNode, NearOperand, PhraseNode, QueryNode, TermNode } from './ast.ts';
import { tokenise, type TextTokens, type TokenMark } from './text-tokens.ts';

/** What a query looks at in a mention. `lang` may be several tags (Bluesky posts carry a list). */
export interface ListenedText {
  text: string;
  author?: string | undefined;
  lang?: string | readonly string[] | undefined;
}

export interface PreparedDoc {
  readonly prepared: true;
  readonly words: readonly string[];
  readonly marks: readonly TokenMark[];
  /** Token positions by token text. */
  readonly positions: ReadonlyMap<string, readonly number[]>;
  readonly author: string | undefined;
  readonly langs: readonly string[];
}

/** `tokens`: tokenise(doc.text), when the caller has it already (ingest also indexes the words). */
export function prepare(doc: ListenedText, tokens: TextTokens = tokenise(doc.text)): PreparedDoc {
  const { words, marks } = tokens;
  const positions = new Map<string, number[]>();
  words.forEach((w, i) => {
    const list = positions.get(w);
    if (list) list.push(i);
    else positions.set(w, [i]);
  });
  const langs = doc.lang === undefined ? [] : typeof doc.lang === 'string' ? [doc.lang] : [...doc.lang];
  return {
    prepared: true,
    words,
    marks,
    positions,
    author: doc.author === undefined ? undefined : normaliseHandle(doc.author),
    langs: langs.map((l) => l.trim().toLowerCase().replace(/_/g, '-')),
  };
}

/** Handles compare case-insensitively and without the leading @. */
export function normaliseHandle(handle: string): string {
  return handle.trim().replace(/^@+/, '').toLowerCase();
}

export function matches(ast: QueryNode, doc: ListenedText | PreparedDoc): boolean {
  return evaluate(ast, 'prepared' in doc ? doc : prepare(doc));
}

function evaluate(node: QueryNode, doc: PreparedDoc): boolean {
  switch (node.kind) {
    case 'term':
      return termPositions(node, doc).length > 0;
    case 'phrase':
      return phraseStarts(node, doc).length > 0;
    case 'near':
      return nearMatches(node, doc);
    case 'author':
      return doc.author === node.handle;
    case 'lang':
      return doc.langs.some((l) => l === node.code || l.startsWith(`${node.code}-`));
    case 'and':
      return node.children.every((c) => evaluate(c, doc));
    case 'or':
      return node.children.some((c) => evaluate(c, doc));
    case 'not':
      return !evaluate(node.child, doc);
  }
}

/** A query word `#flu` only matches the hashtag; `flu` matches the word, #flu and @flu. */
function splitMark(word: string): { mark: TokenMark; text: string } {
  const first = word[0];
  return first === '#' || first === '@' ? { mark: first, text: word.slice(1) } : { mark: '', text: word };
}

function termPositions(term: TermNode, doc: PreparedDoc): number[] {
  const { mark, text } = splitMark(term.word);
  const found: number[] = [];
  if (term.prefix) {
    for (const [w, ps] of doc.positions) if (w.startsWith(text)) found.push(...ps);
    found.sort((a, b) => a - b);
  } else {
    found.push(...(doc.positions.get(text) ?? []));
  }
  return mark === '' ? found : found.filter((p) => doc.marks[p] === mark);
}

function wordAt(word: string, doc: PreparedDoc, p: number): boolean {
  const { mark, text } = splitMark(word);
  return doc.words[p] === text && (mark === '' || doc.marks[p] === mark);
}

function phraseStarts(phrase: PhraseNode, doc: PreparedDoc): number[] {
  const [first, ...rest] = phrase.words;
  if (first === undefined) return [];
  return termPositions({ kind: 'term', word: first, prefix: false }, doc).filter((p) => rest.every((w, i) => wordAt(w, doc, p + i + 1)));
}

/** Occurrences as inclusive token spans. */
interface Occurrence {
  start: number;
  end: number;
}

function occurrences(operand: NearOperand, doc: PreparedDoc): Occurrence[] {
  if (operand.kind === 'term') return termPositions(operand, doc).map((p) => ({ start: p, end: p }));
  if (operand.kind === 'phrase') return phraseStarts(operand, doc).map((p) => ({ start: p, end: p + operand.words.length - 1 }));
  return operand.children.flatMap((c) => occurrences(c, doc));
}

/**
 * At most `distance` words between two non-overlapping occurrences, either order unless `ordered`.
 * For each left occurrence, only the nearest right occurrence after it (and before it) can qualify,
 * found by binary search, so long mentions stay O(n log n).
 */
function nearMatches(node: NearNode, doc: PreparedDoc): boolean {
  const left = occurrences(node.left, doc);
  if (left.length === 0) return false;
  const right = occurrences(node.right, doc);
  if (right.length === 0) return false;
  const byStart = right.map((o) => o.start).sort((a, b) => a - b);
  const byEnd = right.map((o) => o.end).sort((a, b) => a - b);
  for (const a of left) {
    const after = byStart[firstAtLeast(byStart, a.end + 1)];
    if (after !== undefined && after - a.end - 1 <= node.distance) return true;
    if (node.ordered) continue;
    const before = byEnd[firstAtLeast(byEnd, a.start) - 1];
    if (before !== undefined && a.start - before - 1 <= node.distance) return true;
  }
  return false;
}

function firstAtLeast(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
