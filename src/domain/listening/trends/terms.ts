/**
 * The terms a mention is about: lowercase Unicode words without stop words, hashtags kept
 * as they are ('#flushot'), and pairs of adjacent content words ('wait time'). Links and
 * @handles are dropped; punctuation and dropped words break pairs, so "side effects of the
 * vaccine" gives 'side effects' but never 'effects vaccine'.
 */
import { instantMs } from '../../calendar/local-time.ts';
import { STOP_WORDS } from './stop-words.ts';
import { TrendsError } from './trends-error.ts';

/** What the listening trends read of a mention; storage's Mention fits as is. */
export interface TrendMention {
  id: string;
  text: string;
  createdAt: string;
}

export type TermKind = 'word' | 'hashtag' | 'bigram';

export interface TermOptions {
  /** More words to ignore, e.g. the hospital's own name and handle. */
  extraStopWords?: readonly string[];
}

const LINK = /\b(?:https?:\/\/|www\.)\S+/giu;
const HANDLE = /(^|[^\p{L}\p{M}\p{N}_])@[\p{L}\p{M}\p{N}_.-]+/gu;
const TOKEN = /#[\p{L}\p{M}\p{N}_]+|[\p{L}\p{M}\p{N}]+(?:['-][\p{L}\p{M}\p{N}]+)*/gu;
const DIGITS = /^[\p{N}'-]+$/u;
// Characters between two tokens that do not break a pair: spaces only.
const SPACES = /^\s*$/u;
// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
const ASCII = /^[\x00-\x7f]*$/;
// A pair that holds this share of a word's mentions stands for the word.
const SUBSUMED_SHARE = 0.8;

export function termKind(term: string): TermKind {
  return term.startsWith('#') ? 'hashtag' : term.includes(' ') ? 'bigram' : 'word';
}

/** Lowercased, NFKC-normalised text with curly apostrophes straightened. */
export function normaliseText(text: string): string {
  // ASCII is its own NFKC form and holds no curly apostrophe: most mentions skip both passes.
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKC').replace(/[\u2018\u2019\u02bc]/gu, "'").toLowerCase();
}

/** A filter for content words: not a stop word, not a number, at least two characters. */
export function contentWordFilter(options: TermOptions = {}): (word: string) => boolean {
  const extra = new Set((options.extraStopWords ?? []).map((w) => normaliseText(w).replace(/^[#@]/u, '')));
  return (word) => !STOP_WORDS.has(word) && !extra.has(word) && !DIGITS.test(word) && atLeastTwoCharacters(word);
}

// Characters, not UTF-16 units: three units hold at least two characters, two may be one surrogate pair.
function atLeastTwoCharacters(word: string): boolean {
  if (word.length >= 3) return true;
  if (word.length < 2) return false;
  const first = word.charCodeAt(0);
  return !(first >= 0xd800 && first <= 0xdbff);
}

/**
 * Tokenises texts with one set of options (its filters built once) and remembers the tokens of each
 * mention's texts, so the trend lists of one read (top terms, top questions) tokenise a text of a
 * mention once however many of them read it.
 */
export interface MentionTokenizer {
  /** tokenize(text, options) for a text of mention `mentionId` (its whole text or one of its sentences). */
  tokens(mentionId: string, text: string): ReadonlyArray<string | null>;
  isContent(word: string): boolean;
}

export function mentionTokenizer(options: TermOptions = {}): MentionTokenizer {
  const isContent = contentWordFilter(options);
  const extraTags = extraTagsOf(options);
  // Per mention, the texts of it tokenised so far: keyed by mention, so two mentions with the same
  // text are two texts to read (no shortcut for copies).
  const memo = new Map<string, Array<{ text: string; tokens: Array<string | null> }>>();
  return {
    isContent,
    tokens(mentionId, text) {
      const known = memo.get(mentionId);
      const hit = known?.find((k) => k.text === text);
      if (hit !== undefined) return hit.tokens;
      const tokens = tokensOf(text, isContent, extraTags);
      if (known === undefined) memo.set(mentionId, [{ text, tokens }]);
      else known.push({ text, tokens });
      return tokens;
    },
  };
}

function extraTagsOf(options: TermOptions): Set<string> {
  return new Set((options.extraStopWords ?? []).map((w) => `#${normaliseText(w).replace(/^[#@]/u, '')}`));
}

/**
 * The content words and hashtags of `text` in order, with `null` where a pair must not span
 * (punctuation, a link, a handle, a dropped word).
 */
export function tokenize(text: string, options: TermOptions = {}): Array<string | null> {
  return tokensOf(text, contentWordFilter(options), extraTagsOf(options));
}

function tokensOf(text: string, isContent: (word: string) => boolean, extraTags: ReadonlySet<string>): Array<string | null> {
  let cleaned = normaliseText(text);
  // Lowercased already: a text without these holds no link, one without '@' no handle.
  if (cleaned.includes('http') || cleaned.includes('www.')) cleaned = cleaned.replace(LINK, ' | ');
  if (cleaned.includes('@')) cleaned = cleaned.replace(HANDLE, '$1 | ');
  const out: Array<string | null> = [];
  let last = 0;
  for (const m of cleaned.matchAll(TOKEN)) {
    // Only spaces between two tokens keep a pair; most gaps are one space.
    if (m.index !== last && !(m.index === last + 1 && cleaned.charCodeAt(last) === 32) && !SPACES.test(cleaned.slice(last, m.index))) out.push(null);
    last = m.index + m[0].length;
    const raw = m[0];
    if (raw.charCodeAt(0) === 35 /* # */) {
      out.push(null); // a hashtag stands alone: it is a term, not half of a pair
      if ([...raw].length > 2 && !DIGITS.test(raw.slice(1)) && !extraTags.has(raw)) out.push(raw);
      continue;
    }
    const word = raw.endsWith("'s") ? raw.slice(0, -2) : raw;
    out.push(isContent(word) ? word : null);
  }
  return out;
}

/** The distinct terms of `text`: words, hashtags and adjacent word pairs. */
export function mentionTerms(text: string, options: TermOptions = {}): Set<string> {
  return termsOfTokens(tokenize(text, options));
}

/** The distinct terms of a text's tokens (see `tokenize`). */
export function termsOfTokens(tokens: ReadonlyArray<string | null>): Set<string> {
  const terms = new Set<string>();
  let previous: string | null = null;
  for (const token of tokens) {
    if (token === null) {
      previous = null;
      continue;
    }
    terms.add(token);
    if (token.startsWith('#')) {
      previous = null;
      continue;
    }
    if (previous !== null) terms.add(`${previous} ${token}`);
    previous = token;
  }
  return terms;
}

/**
 * Drops a word when a pair containing it accounts for nearly all of its mentions
 * ('flu' 10, 'flu shot' 9 → only 'flu shot'), so a ranking does not list one topic three times.
 */
export function withoutSubsumedWords<T extends { term: string }>(ranked: readonly T[], countOf: (t: T) => number): T[] {
  const counts = new Map(ranked.map((t) => [t.term, countOf(t)]));
  const subsumed = new Set<string>();
  for (const t of ranked) {
    if (termKind(t.term) !== 'bigram') continue;
    for (const word of t.term.split(' ')) {
      const wordCount = counts.get(word);
      if (wordCount !== undefined && countOf(t) >= SUBSUMED_SHARE * wordCount) subsumed.add(word);
    }
  }
  return ranked.filter((t) => !subsumed.has(t.term));
}

/** Parsed creation times, validated; mentions are trusted otherwise. */
export function mentionTimes(mentions: readonly TrendMention[]): number[] {
  return mentions.map((m, i) => {
    const ms = instantMs(m.createdAt);
    if (Number.isNaN(ms)) {
      throw new TrendsError('INVALID_INSTANT', `mention ${m.id}: createdAt "${String(m.createdAt)}" is not an ISO instant with Z or an offset`, {
        field: `mentions[${i}].createdAt`,
        mentionId: m.id,
      });
    }
    return ms;
  });
}

export function requireInstant(value: string, field: string): number {
  const ms = instantMs(value);
  if (Number.isNaN(ms)) throw new TrendsError('INVALID_INSTANT', `${field} "${String(value)}" is not an ISO instant with Z or an offset`, { field });
  return ms;
}

/** Up to `n` mention ids, most recent first (ties by id), for showing examples. */
export function recentIds(items: ReadonlyArray<{ id: string; at: number }>, n = 3): string[] {
  // The n first in that order, picked in one pass: a frequent term has thousands of mentions to sort otherwise.
  const best: Array<{ id: string; at: number }> = [];
  for (const item of items) {
    if (best.length === n && !isBefore(item, best[n - 1]!)) continue;
    let k = best.length === n ? n - 1 : best.length;
    while (k > 0 && isBefore(item, best[k - 1]!)) {
      best[k] = best[k - 1]!;
      k--;
    }
    best[k] = item;
  }
  return best.map((i) => i.id);
}

function isBefore(a: { id: string; at: number }, b: { id: string; at: number }): boolean {
  return a.at > b.at || (a.at === b.at && a.id < b.id);
}
