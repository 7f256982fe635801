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
// A pair that holds this share of a word's mentions stands for the word.
const SUBSUMED_SHARE = 0.8;

export function termKind(term: string): TermKind {
  return term.startsWith('#') ? 'hashtag' : term.includes(' ') ? 'bigram' : 'word';
}

/** Lowercased, NFKC-normalised text with curly apostrophes straightened. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').replace(/[\u2018\u2019\u02bc]/gu, "'").toLowerCase();
}

/** A filter for content words: not a stop word, not a number, at least two characters. */
export function contentWordFilter(options: TermOptions = {}): (word: string) => boolean {
  const extra = new Set((options.extraStopWords ?? []).map((w) => normaliseText(w).replace(/^[#@]/u, '')));
  return (word) => !STOP_WORDS.has(word) && !extra.has(word) && !DIGITS.test(word) && [...word].length >= 2;
}

/**
 * The content words and hashtags of `text` in order, with `null` where a pair must not span
 * (punctuation, a link, a handle, a dropped word).
 */
export function tokenize(text: string, options: TermOptions = {}): Array<string | null> {
  const isContent = contentWordFilter(options);
  const extraTags = new Set((options.extraStopWords ?? []).map((w) => `#${normaliseText(w).replace(/^[#@]/u, '')}`));
  const cleaned = normaliseText(text).replace(LINK, ' | ').replace(HANDLE, '$1 | ');
  const out: Array<string | null> = [];
  let last = 0;
  for (const m of cleaned.matchAll(TOKEN)) {
    const gap = cleaned.slice(last, m.index);
    last = m.index + m[0].length;
    if (!SPACES.test(gap)) out.push(null);
    const raw = m[0];
    if (raw.startsWith('#')) {
      out.push(null); // a hashtag stands alone: it is a term, not half of a pair
      if ([...raw].length > 2 && !DIGITS.test(raw.slice(1)) && !extraTags.has(raw)) out.push(raw);
      continue;
    }
    const word = raw.replace(/'s$/u, '');
    out.push(isContent(word) ? word : null);
  }
  return out;
}

/** The distinct terms of `text`: words, hashtags and adjacent word pairs. */
export function mentionTerms(text: string, options: TermOptions = {}): Set<string> {
  const terms = new Set<string>();
  let previous: string | null = null;
  for (const token of tokenize(text, options)) {
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
  return [...items]
    .sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, n)
    .map((i) => i.id);
}
