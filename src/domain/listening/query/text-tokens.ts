/**
 * The one tokeniser used for mention text, for query words, and for the text the full-text index
 * holds, so the three always agree. A token is a run of letters, decimal digits, letter-numbers and
 * combining marks that starts with a letter or digit; a `#` or `@` right before it (and not inside a word, so not in
 * `info@stjude.org`) marks it as a hashtag or mention. Text is lowercased, compatibility-decomposed
 * (NFKD: ligatures, full-width forms) and stripped of Latin-style diacritics, so "Café" is "cafe".
 * Apostrophes, hyphens, dots and underscores separate tokens ("covid-19" is "covid", "19"), as in
 * SQLite's unicode61 and PostgreSQL's parser.
 */
export type TokenMark = '' | '#' | '@';

export interface TextTokens {
  /** Normalised token texts, without their mark, in order. */
  words: string[];
  /** The mark each token was written with. */
  marks: TokenMark[];
}

// The mark is only a mark at the start of a word: "a#b" is two plain tokens. "Other" numbers
// (fractions, counting rods) are left out: PostgreSQL's parser does not index them.
const TOKEN = /(?:(?<![\p{L}\p{Nd}\p{Nl}\p{M}])([#@]))?([\p{L}\p{Nd}\p{Nl}][\p{L}\p{Nd}\p{Nl}\p{M}]*)/gu;
const COMBINING_DIACRITICS = /[\u0300-\u036f]/g;

/** Lowercase, NFKD without diacritics, recomposed; final sigma folded so prefixes agree. */
export function normaliseText(text: string): string {
  return text.normalize('NFKD').replace(COMBINING_DIACRITICS, '').toLowerCase().normalize('NFC').replace(/ς/g, 'σ');
}

export function tokenise(text: string): TextTokens {
  const words: string[] = [];
  const marks: TokenMark[] = [];
  for (const m of normaliseText(text).matchAll(TOKEN)) {
    words.push(m[2] ?? '');
    marks.push((m[1] ?? '') as TokenMark);
  }
  return { words, marks };
}

/**
 * The text a full-text index should hold for a mention: its tokens, unmarked, separated by spaces.
 * Indexing this (not the raw text) is what makes toFts5/toTsQuery a safe pre-filter on both engines.
 */
export function searchableText(text: string): string {
  return tokenise(text).words.join(' ');
}

/**
 * Tokens as two strings, for handing them between threads: a structured clone of two strings
 * costs the receiving thread far less than one of an array per token. `searchText` is
 * searchableText(text) (no token holds a space); `marks` has one character per token ('.' for
 * none) and is left out when no token is marked, as for most messages.
 */
export interface PackedTokens {
  searchText: string;
  marks?: string | undefined;
}

export function packTokens(tokens: TextTokens): PackedTokens {
  const searchText = tokens.words.join(' ');
  if (!tokens.marks.some((m) => m !== '')) return { searchText };
  return { searchText, marks: tokens.marks.map((m) => m || '.').join('') };
}

/**
 * packTokens(tokenise(text)), in one pass without the token arrays when the text is ASCII (most
 * mentions): there, normalising is lowercasing, tokens are runs of [a-z0-9], and a token is marked
 * by a # or @ right before it that does not itself follow a letter or digit — what TOKEN matches.
 */
export function packedTokens(text: string): PackedTokens {
  const n = text.length;
  let searchText = '';
  let marks: string | undefined;
  let count = 0;
  let start = -1;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 32;
    if (c >= 128) return packTokens(tokenise(text));
    if (isAsciiWordCode(c)) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    const token = text.slice(start, i).toLowerCase();
    searchText = count === 0 ? token : `${searchText} ${token}`;
    const before = start > 0 ? text.charCodeAt(start - 1) : 0;
    const mark = (before === 35 || before === 64) && !(start > 1 && isAsciiWordCode(text.charCodeAt(start - 2))) ? (before === 35 ? '#' : '@') : '.';
    if (marks !== undefined) marks += mark;
    else if (mark !== '.') marks = '.'.repeat(count) + mark;
    count++;
    start = -1;
  }
  return marks === undefined ? { searchText } : { searchText, marks };
}

function isAsciiWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

export function unpackTokens(packed: PackedTokens): TextTokens {
  const words = packed.searchText === '' ? [] : packed.searchText.split(' ');
  const marks: TokenMark[] = packed.marks === undefined ? new Array<TokenMark>(words.length).fill('') : Array.from(packed.marks, (c) => (c === '.' ? '' : (c as TokenMark)));
  return { words, marks };
}
