/**
 * Finds where a JSON text stops being valid JSON. JSON.parse in Node 20 often names no position
 * ("Unexpected token '}'"), and a located error is what lets someone fix a feed or an archive.
 * Iterative (no recursion), so deeply nested input cannot overflow the stack.
 */

export interface JsonSyntaxError {
  /** UTF-16 offset of the first offending character (text.length when the text ends early). */
  offset: number;
  reason: string;
  /** The text ended before the value was complete (a truncated file, usually). */
  endsEarly: boolean;
}

type State = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'afterValue';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in strings: finding them is the point
const PLAIN_RUN = /[^"\\\u0000-\u001f]*/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function describe(char: string | undefined): string {
  if (char === undefined) return 'the end';
  const code = char.charCodeAt(0);
  return code < 0x20 ? `control character U+${code.toString(16).padStart(4, '0').toUpperCase()}` : `'${char}'`;
}

/** Scans a string starting at the opening quote; returns the index after the closing quote, or an error. */
function scanString(text: string, start: number): number | JsonSyntaxError {
  let i = start + 1;
  for (;;) {
    PLAIN_RUN.lastIndex = i;
    PLAIN_RUN.exec(text);
    i = PLAIN_RUN.lastIndex;
    if (i >= text.length) return { offset: text.length, reason: 'a string is not closed', endsEarly: true };
    const char = text[i];
    if (char === '"') return i + 1;
    if (char === '\\') {
      const next = text[i + 1];
      if (next === undefined) return { offset: text.length, reason: 'a string is not closed', endsEarly: true };
      if (next === 'u') {
        HEX4.lastIndex = i + 2;
        if (!HEX4.test(text)) return { offset: i, reason: 'a \\u escape needs four hex digits', endsEarly: i + 6 > text.length };
        i += 6;
      } else if ('"\\/bfnrt'.includes(next)) {
        i += 2;
      } else {
        return { offset: i, reason: `invalid escape \\${next} in a string`, endsEarly: false };
      }
      continue;
    }
    return { offset: i, reason: `${describe(char)} inside a string (must be escaped)`, endsEarly: false };
  }
}

/** undefined when `text` is one valid JSON value (surrounded by whitespace at most). */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const stack: string[] = [];
  let state: State = 'value';
  let i = 0;
  const length = text.length;
  for (;;) {
    while (i < length && isWhitespace(text.charCodeAt(i))) i++;
    if (i >= length) {
      if (state === 'afterValue' && stack.length === 0) return undefined;
      return { offset: length, reason: length === 0 ? 'the text is empty' : 'the JSON ends early', endsEarly: true };
    }
    const char = text[i] as string;
    if (state === 'value' || state === 'valueOrClose') {
      if (state === 'valueOrClose' && char === ']') {
        stack.pop();
        i++;
        state = 'afterValue';
      } else if (char === '{') {
        stack.push('}');
        i++;
        state = 'keyOrClose';
      } else if (char === '[') {
        stack.push(']');
        i++;
        state = 'valueOrClose';
      } else if (char === '"') {
        const end = scanString(text, i);
        if (typeof end !== 'number') return end;
        i = end;
        state = 'afterValue';
      } else if (char === '-' || (char >= '0' && char <= '9')) {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(text)) return { offset: i, reason: 'a malformed number', endsEarly: i + 1 >= length };
        i = NUMBER.lastIndex;
        state = 'afterValue';
      } else {
        const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
        if (literal === undefined) {
          const partial = ['true', 'false', 'null'].some((word) => word.startsWith(text.slice(i)));
          return { offset: i, reason: `unexpected ${describe(char)} where a value should be`, endsEarly: partial };
        }
        i += literal.length;
        state = 'afterValue';
      }
    } else if (state === 'key' || state === 'keyOrClose') {
      if (state === 'keyOrClose' && char === '}') {
        stack.pop();
        i++;
        state = 'afterValue';
        continue;
      }
      if (char !== '"') return { offset: i, reason: `expected a quoted property name, found ${describe(char)}`, endsEarly: false };
      const end = scanString(text, i);
      if (typeof end !== 'number') return end;
      i = end;
      while (i < length && isWhitespace(text.charCodeAt(i))) i++;
      if (i >= length) return { offset: length, reason: 'the JSON ends early', endsEarly: true };
      if (text[i] !== ':') return { offset: i, reason: `expected ':' after a property name, found ${describe(text[i])}`, endsEarly: false };
      i++;
      state = 'value';
    } else {
      const close = stack[stack.length - 1];
      if (close === undefined) return { offset: i, reason: `unexpected ${describe(char)} after the end of the JSON value`, endsEarly: false };
      if (char === ',') {
        i++;
        state = close === ']' ? 'value' : 'key';
      } else if (char === close) {
        stack.pop();
        i++;
      } else {
        return { offset: i, reason: `expected ',' or '${close}', found ${describe(char)}`, endsEarly: false };
      }
    }
  }
}

/** 1-based line and column of a UTF-16 offset in `text`. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}
