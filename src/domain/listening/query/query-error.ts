/** Why a listening query was refused, and where: the UI and CLI underline `length` characters from `column`. */
export type QueryErrorCode =
  | 'EMPTY_QUERY'
  | 'TOO_LONG'
  | 'TOO_COMPLEX'
  | 'UNBALANCED_PAREN'
  | 'UNTERMINATED_QUOTE'
  | 'MISSING_OPERAND'
  | 'BAD_NEAR'
  | 'UNKNOWN_FIELD'
  | 'BAD_FIELD_VALUE'
  | 'BAD_WILDCARD'
  | 'EMPTY_TERM'
  | 'UNSUPPORTED_SYNTAX'
  | 'ONLY_NOT';

export interface QueryError {
  code: QueryErrorCode;
  message: string;
  /** 1-based, counted in Unicode code points (an emoji is one column). */
  column: number;
  /** Code points to underline; 0 only for an empty query. */
  length: number;
}

/** Builds an error from code-unit offsets into `query`, converting them to code-point columns. */
export function queryError(code: QueryErrorCode, message: string, query: string, start: number, end: number): QueryError {
  const column = codePoints(query.slice(0, start)) + 1;
  return { code, message, column, length: codePoints(query.slice(start, Math.max(start, end))) };
}

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

const WINDOW = 72;

/**
 * The message, then the query with a caret line under the error, for a terminal or a monospace
 * box. Long queries are shown as a window around the error; control characters print as spaces.
 */
export function format(error: QueryError, query: string): string {
  const chars = Array.from(query, (c) => (/[\p{Cc}\p{Zl}\p{Zp}]/u.test(c) ? ' ' : c));
  const at = Math.min(Math.max(error.column - 1, 0), chars.length);
  const len = Math.max(1, error.length);
  let from = 0;
  let to = chars.length;
  if (chars.length > WINDOW) {
    from = Math.max(0, Math.min(at - Math.floor(WINDOW / 3), chars.length - WINDOW));
    to = Math.min(chars.length, from + WINDOW);
  }
  const before = from > 0 ? '…' : '';
  const after = to < chars.length ? '…' : '';
  const shown = before + chars.slice(from, to).join('') + after;
  const caretLen = Math.max(1, Math.min(len, to - at));
  const caret = ' '.repeat(before.length + at - from) + '^'.repeat(caretLen);
  return `${error.message} (column ${error.column})\n  ${shown}\n  ${caret}`;
}
