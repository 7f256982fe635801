/**
 * What a full-text index can pre-filter on for a query, and that filter written for SQLite FTS5
 * and PostgreSQL tsquery. The filter is a superset: every mention that `matches` the query passes
 * it, others may too, so storage must confirm each candidate with `matches`. NEAR, NOT, author:,
 * lang: and the #/@ marks are checked there, not in the index:
 * - NEAR becomes "both sides present";
 * - NOT is dropped (excluding `#flushot` in the index would also drop mentions saying "flushot");
 * - author: and lang: constrain nothing (they are columns, not text).
 * Safe only when the index holds `searchableText(text)`, which splits words exactly as `matches` does.
 */
import type { NearOperand, QueryNode } from './ast.ts';

/** One word (optionally a prefix) or a phrase of unmarked, normalised words. */
export interface SearchTerm {
  words: string[];
  prefix: boolean;
}

/** A conjunction of disjunctions: every inner list must have one term present. Empty: no text filter. */
export interface SearchTerms {
  must: SearchTerm[][];
}

type Clauses = SearchTerm[][];

export function toSearchTerms(ast: QueryNode): SearchTerms {
  return { must: dedupe(clausesOf(ast)) };
}

function clausesOf(node: QueryNode): Clauses {
  switch (node.kind) {
    case 'term':
    case 'phrase':
      return [alternatives(node)];
    case 'near':
      return [alternatives(node.left), alternatives(node.right)];
    case 'author':
    case 'lang':
    case 'not':
      return [];
    case 'and':
      return node.children.flatMap(clausesOf);
    case 'or': {
      // (A1 ∧ A2) ∨ (B1 ∧ B2) implies A1 ∨ B1: one clause per side keeps the filter small and sound.
      const merged: SearchTerm[] = [];
      for (const child of node.children) {
        const clauses = clausesOf(child);
        if (clauses.length === 0) return [];
        const narrowest = clauses.reduce((best, c) => (c.length < best.length ? c : best));
        merged.push(...narrowest);
      }
      return [merged];
    }
  }
}

function alternatives(operand: NearOperand): SearchTerm[] {
  if (operand.kind === 'term') return [{ words: [unmarked(operand.word)], prefix: operand.prefix }];
  if (operand.kind === 'phrase') return [{ words: operand.words.map(unmarked), prefix: false }];
  return operand.children.flatMap(alternatives);
}

const ASTRAL = /[\u{10000}-\u{10FFFF}]/u;
// New Tai Lue vowel signs and Vedic ardhavisargas: Mc in Unicode 6.1, Lo since.
const FTS5_SEPARATOR_LETTERS = /[\u19b0-\u19c9\u1cf2\u1cf3]/;

function unmarked(word: string): string {
  return word.replace(/^[#@]/, '');
}

function dedupe(clauses: Clauses): Clauses {
  const key = (t: SearchTerm): string => `${t.words.join(' ')}${t.prefix ? '*' : ''}`;
  const seen = new Set<string>();
  const out: Clauses = [];
  for (const clause of clauses) {
    const terms = [...new Map(clause.map((t) => [key(t), t])).values()];
    const clauseKey = terms.map(key).sort().join('|');
    if (seen.has(clauseKey)) continue;
    seen.add(clauseKey);
    out.push(terms);
  }
  return out;
}

/**
 * An FTS5 MATCH expression, or null when the query has no text to pre-filter on (scan instead).
 * Every term is a double-quoted string with quotes doubled, so no input can reach FTS5's syntax.
 * Clauses with letters that were combining marks in Unicode 6.1 (FTS5's tables) are left out:
 * FTS5 would read them as separators.
 */
export function toFts5(ast: QueryNode): string | null {
  const must = toSearchTerms(ast).must.filter((clause) => clause.every((t) => t.words.every((w) => !FTS5_SEPARATOR_LETTERS.test(w))));
  if (must.length === 0) return null;
  const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  const term = (t: SearchTerm): string => quote(t.words.join(' ')) + (t.prefix ? '*' : '');
  return must.map((c) => (c.length === 1 ? term(c[0] as SearchTerm) : `(${c.map(term).join(' OR ')})`)).join(' AND ');
}

/**
 * A tsquery for `to_tsquery('simple', $1)` (passed as a bound parameter), or null as for toFts5.
 * Every lexeme is single-quoted with quotes and backslashes escaped; phrases use <->, prefixes :*.
 * Clauses with characters beyond the Basic Multilingual Plane are left out: PostgreSQL's parser
 * classifies letters with the C library, which may not know recent scripts, and drops them.
 */
export function toTsQuery(ast: QueryNode): string | null {
  const must = toSearchTerms(ast).must.filter((clause) => clause.every((t) => t.words.every((w) => !ASTRAL.test(w))));
  if (must.length === 0) return null;
  const lexeme = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  const term = (t: SearchTerm): string => {
    if (t.words.length > 1) return `(${t.words.map(lexeme).join(' <-> ')})`;
    return lexeme(t.words[0] ?? '') + (t.prefix ? ':*' : '');
  };
  return must.map((c) => (c.length === 1 ? term(c[0] as SearchTerm) : `(${c.map(term).join(' | ')})`)).join(' & ');
}
