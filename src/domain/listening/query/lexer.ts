/**
 * Splits a query into parentheses, "quoted phrases" and bare words, with code-unit offsets.
 * Classifying words (operators, fields, terms) is the parser's job.
 */
import { queryError, type QueryError } from './query-error.ts';

export interface WordLexeme {
  type: 'word';
  text: string;
  start: number;
  end: number;
}

export type Lexeme =
  | { type: 'lparen'; start: number; end: number }
  | { type: 'rparen'; start: number; end: number }
  | { type: 'phrase'; text: string; start: number; end: number }
  | WordLexeme;

// Curly quotes pasted from a word processor count as quotes.
const QUOTES = new Set(['"', '\u201c', '\u201d', '\u201e']);
const SPACE = /\s/u;

export function lex(query: string): { ok: true; lexemes: Lexeme[] } | { ok: false; error: QueryError } {
  const lexemes: Lexeme[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i] ?? '';
    if (SPACE.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      lexemes.push(c === '(' ? { type: 'lparen', start: i, end: i + 1 } : { type: 'rparen', start: i, end: i + 1 });
      i++;
    } else if (QUOTES.has(c)) {
      let close = i + 1;
      while (close < query.length && !QUOTES.has(query[close] ?? '')) close++;
      if (close >= query.length) {
        return { ok: false, error: queryError('UNTERMINATED_QUOTE', 'this quote is never closed: add a " at the end of the phrase', query, i, i + 1) };
      }
      lexemes.push({ type: 'phrase', text: query.slice(i + 1, close), start: i, end: close + 1 });
      i = close + 1;
    } else {
      const start = i;
      while (i < query.length) {
        const d = query[i] ?? '';
        if (SPACE.test(d) || d === '(' || d === ')' || QUOTES.has(d)) break;
        i++;
      }
      lexemes.push({ type: 'word', text: query.slice(start, i), start, end: i });
    }
  }
  return { ok: true, lexemes };
}

/** Pairs parentheses before parsing, so an unclosed one is reported where it opens. */
export function checkParentheses(query: string, lexemes: Lexeme[]): QueryError | undefined {
  const open: Lexeme[] = [];
  for (const l of lexemes) {
    if (l.type === 'lparen') open.push(l);
    else if (l.type === 'rparen' && open.pop() === undefined) {
      return queryError('UNBALANCED_PAREN', "unbalanced parenthesis: this ')' has no matching '('", query, l.start, l.end);
    }
  }
  const unclosed = open.at(-1);
  if (unclosed) return queryError('UNBALANCED_PAREN', "unbalanced parenthesis: this '(' is never closed", query, unclosed.start, unclosed.end);
  return undefined;
}
