/**
 * Counts a text the way each network counts it, and finds where it runs over a limit.
 * Offsets are UTF-16 (JavaScript string indices), so the UI can highlight them directly.
 */
import twitter from 'twitter-text';
import type { ParseTweetOptions } from 'twitter-text';
import type { TextCounting } from '../../connectors/types.ts';
import type { TextSpan } from './types.ts';

export interface TextMeasure {
  length: number;
  limit: number;
  /** Negative when over the limit. */
  remaining: number;
  /** The part of the text past the limit, when there is one. */
  overflow?: TextSpan;
}

/** A run of text that counts as `weight` towards the length. */
interface WeightedPiece {
  start: number;
  end: number;
  weight: number;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// twitter-text exports its configs at runtime, but @types/twitter-text does not declare them.
const twitterDefaults = (twitter as unknown as { configs: { defaults: ParseTweetOptions } }).configs.defaults;

export function countLength(text: string, counting: TextCounting): number {
  if (counting.kind === 'twitter_weighted') return twitter.parseTweet(text).weightedLength;
  return sumWeights(weightedPieces(text, counting));
}

export function measureText(text: string, counting: TextCounting, limit: number): TextMeasure {
  const length = countLength(text, counting);
  const measure: TextMeasure = { length, limit, remaining: limit - length };
  if (length <= limit) return measure;
  const start = counting.kind === 'twitter_weighted' ? twitterOverflowStart(text, limit) : piecesOverflowStart(weightedPieces(text, counting), limit);
  return { ...measure, overflow: { start, end: text.length } };
}

function weightedPieces(text: string, counting: Exclude<TextCounting, { kind: 'twitter_weighted' }>): WeightedPiece[] {
  if (counting.kind === 'graphemes') return graphemePieces(text, 0, text.length);
  return mastodonPieces(text, counting.urlLength);
}

function graphemePieces(text: string, from: number, to: number): WeightedPiece[] {
  const pieces: WeightedPiece[] = [];
  for (const { segment, index } of graphemes.segment(text.slice(from, to))) {
    pieces.push({ start: from + index, end: from + index + segment.length, weight: 1 });
  }
  return pieces;
}

/**
 * Mastodon (app/validators/status_length_validator.rb) replaces every URL it would link with a
 * fixed-length placeholder, shortens a remote mention @user@domain to @user, then counts grapheme
 * clusters. URLs are found with twitter-text's extractor without protocol-less URLs, as Mastodon does.
 */
function mastodonPieces(text: string, urlLength: number): WeightedPiece[] {
  const entities = withoutOverlaps([
    ...twitter.extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: false }).map(({ indices: [start, end] }) => ({ start, end, weight: urlLength })),
    ...remoteMentions(text),
  ]);
  const pieces: WeightedPiece[] = [];
  let cursor = 0;
  for (const entity of entities) {
    pieces.push(...graphemePieces(text, cursor, entity.start), entity);
    cursor = entity.end;
  }
  pieces.push(...graphemePieces(text, cursor, text.length));
  return pieces;
}

// Mastodon's Account::MENTION_RE: a username, then optionally @ and a domain; not after a word, "=" or "/".
const MENTION = /(?<![=/\p{L}\p{M}\p{N}_])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(@[\p{L}\p{M}\p{N}_]+(?:[.-]+[\p{L}\p{M}\p{N}_]+)*)?/giu;
// twitter-text's end_mention_match: a mention followed by another @ or a "://" is not one.
const NOT_A_MENTION_AFTER = /^(?:[@＠]|:\/\/)/u;

function remoteMentions(text: string): WeightedPiece[] {
  const pieces: WeightedPiece[] = [];
  for (const match of text.matchAll(MENTION)) {
    const [whole, username = '', domain] = match;
    const start = match.index;
    if (domain === undefined || NOT_A_MENTION_AFTER.test(text.slice(start + whole.length))) continue;
    pieces.push({ start, end: start + whole.length, weight: 1 + username.length });
  }
  return pieces;
}

function withoutOverlaps(entities: WeightedPiece[]): WeightedPiece[] {
  const kept: WeightedPiece[] = [];
  for (const entity of [...entities].sort((a, b) => a.start - b.start)) {
    const previous = kept.at(-1);
    if (previous === undefined || entity.start >= previous.end) kept.push(entity);
  }
  return kept;
}

function sumWeights(pieces: WeightedPiece[]): number {
  return pieces.reduce((sum, piece) => sum + piece.weight, 0);
}

function piecesOverflowStart(pieces: WeightedPiece[], limit: number): number {
  let counted = 0;
  for (const piece of pieces) {
    counted += piece.weight;
    if (counted > limit) return piece.start;
  }
  return pieces.at(-1)?.end ?? 0;
}

function twitterOverflowStart(text: string, limit: number): number {
  // validRangeEnd is the last UTF-16 index (inclusive) that fits in maxWeightedTweetLength.
  const { validRangeEnd } = twitter.parseTweet(text, { ...twitterDefaults, maxWeightedTweetLength: limit });
  return Math.min(validRangeEnd + 1, text.length);
}
