import { findJsonSyntaxError, positionOf } from '../connectors/feeds/json-syntax.ts';
import { ImportError } from './types.ts';

export interface ArrayElement {
  value: unknown;
  /** 1-based position of the element's first character. */
  line: number;
  column: number;
}

export interface JsonArrayOptions {
  /** What may stand before the "[" (X archives: "window.YTD.tweets.part0 = "). Plain JSON arrays always pass. */
  prefix?: RegExp;
  /** Largest element, in characters, held in memory at once. Default 10 MB. */
  maxElementChars?: number;
}

type Phase = 'prefix' | 'beforeElement' | 'firstElementOrEnd' | 'element' | 'afterElement' | 'end';

const MAX_PREFIX = 1024;
const MAX_DEPTH = 512;
const OPEN_TO_CLOSE: Record<number, number> = { 0x7b: 0x7d, 0x5b: 0x5d };

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0xfeff;
}

function show(char: string): string {
  const code = char.charCodeAt(0);
  return code < 0x20 ? `U+${code.toString(16).padStart(4, '0').toUpperCase()}` : `'${char}'`;
}

/**
 * Streams the elements of one big top-level JSON array, one element in memory at a time, each with
 * the line and column it starts at. A syntax error anywhere is thrown as an ImportError located to
 * the character: elements are cut by a bracket/string scanner, then JSON.parse'd (and, if that
 * fails, scanned again to find where).
 */
export async function* jsonArrayElements(chunks: AsyncIterable<string>, options: JsonArrayOptions = {}): AsyncGenerator<ArrayElement> {
  const maxElementChars = options.maxElementChars ?? 10 * 1024 * 1024;
  let phase: Phase = 'prefix';
  let line = 1;
  let column = 1;
  let prefix = '';
  // The element being cut out.
  let parts: string[] = [];
  let partChars = 0;
  let startLine = 0;
  let startColumn = 0;
  let closers: number[] = [];
  let scalar = false;
  let inString = false;
  let escaped = false;

  const syntax = (reason: string, at = { line, column }): ImportError => new ImportError('SYNTAX', reason, at);

  const finish = (text: string): ArrayElement => {
    try {
      return { value: JSON.parse(text), line: startLine, column: startColumn };
    } catch (cause) {
      const found = findJsonSyntaxError(text);
      const at = positionOf(text, found?.offset ?? text.length);
      const position = at.line === 1 ? { line: startLine, column: startColumn + at.column - 1 } : { line: startLine + at.line - 1, column: at.column };
      throw new ImportError('SYNTAX', `${found?.reason ?? (cause as Error).message} (in the element starting at line ${startLine})`, { ...position, cause });
    }
  };

  for await (const chunk of chunks) {
    let sliceStart = phase === 'element' ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const code = chunk.charCodeAt(i);
      switch (phase) {
        case 'prefix':
          if (code === 0x5b) {
            if (options.prefix !== undefined && !options.prefix.test(prefix) && prefix.trim() !== '') {
              throw syntax(`the file does not start the expected way (found ${JSON.stringify(prefix.trim().slice(0, 60))} before the "[")`, { line: 1, column: 1 });
            }
            if (options.prefix === undefined && prefix.replace(/^\uFEFF/, '').trim() !== '') throw syntax('expected a JSON array', { line: 1, column: 1 });
            phase = 'firstElementOrEnd';
          } else {
            prefix += chunk[i];
            if (prefix.length > MAX_PREFIX) throw syntax('no JSON array "[" near the start of the file', { line: 1, column: 1 });
          }
          break;
        case 'firstElementOrEnd':
        case 'beforeElement':
          if (isWhitespace(code)) break;
          if (code === 0x5d && phase === 'firstElementOrEnd') {
            phase = 'end';
            break;
          }
          if (code === 0x5d || code === 0x2c) throw syntax(`expected an element, found ${show(chunk[i] as string)}`);
          phase = 'element';
          startLine = line;
          startColumn = column;
          parts = [];
          partChars = 0;
          sliceStart = i;
          closers = [];
          inString = code === 0x22;
          escaped = false;
          scalar = !inString && OPEN_TO_CLOSE[code] === undefined;
          if (!inString && !scalar) closers.push(OPEN_TO_CLOSE[code] as number);
          break;
        case 'element': {
          let done = false;
          let include = true;
          if (inString) {
            // A raw line break cannot be in a JSON string: an unbalanced quote; cut here so the damage is located on its line.
            if (code === 0x0a) done = true;
            else if (escaped) escaped = false;
            else if (code === 0x5c) escaped = true;
            else if (code === 0x22) {
              inString = false;
              done = closers.length === 0 && !scalar;
            }
          } else if (scalar) {
            if (code === 0x2c || code === 0x5d || isWhitespace(code)) {
              done = true;
              include = false;
            }
          } else if (code === 0x22) {
            inString = true;
          } else if (code === 0x7b || code === 0x5b) {
            closers.push(OPEN_TO_CLOSE[code] as number);
            if (closers.length > MAX_DEPTH) throw syntax(`the element starting at line ${startLine} is nested more than ${MAX_DEPTH} deep`);
          } else if (code === 0x7d || code === 0x5d) {
            // A mismatched bracket ends the element too: JSON.parse then locates the damage.
            if (closers.pop() !== code) closers = [];
            done = closers.length === 0;
          }
          if (done) {
            const end = include ? i + 1 : i;
            parts.push(chunk.slice(sliceStart, end));
            sliceStart = -1;
            const text = parts.join('');
            parts = [];
            yield finish(text);
            phase = 'afterElement';
            if (!include) {
              i--; // the delimiter is read again as what follows the element
              continue;
            }
          } else if (partChars + (i - sliceStart) > maxElementChars) {
            throw new ImportError('TOO_LARGE', `the element starting here is larger than ${maxElementChars} characters`, { line: startLine, column: startColumn });
          }
          break;
        }
        case 'afterElement':
          if (isWhitespace(code)) break;
          if (code === 0x2c) phase = 'beforeElement';
          else if (code === 0x5d) phase = 'end';
          else throw syntax(`expected ',' or ']' after the element starting at line ${startLine}, found ${show(chunk[i] as string)}`);
          break;
        case 'end':
          if (!isWhitespace(code) && code !== 0x3b) throw syntax(`unexpected ${show(chunk[i] as string)} after the end of the array`);
          break;
      }
      if (code === 0x0a) {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    if (phase === 'element' && sliceStart !== -1) {
      parts.push(chunk.slice(sliceStart));
      partChars += chunk.length - sliceStart;
      if (partChars > maxElementChars) {
        throw new ImportError('TOO_LARGE', `the element starting here is larger than ${maxElementChars} characters`, { line: startLine, column: startColumn });
      }
    }
  }
  if (phase === 'element' && scalar && !inString) {
    yield finish(parts.join(''));
    phase = 'afterElement';
  }
  if ((phase as Phase) !== 'end') {
    const what = phase === 'prefix' ? 'before any JSON array' : phase === 'element' ? `inside the element starting at line ${startLine}` : 'before the array is closed';
    throw new ImportError('TRUNCATED', `the file ends early, ${what} (truncated file?)`, { line, column });
  }
}
