/**
 * VADER's compound score, as vader-sentiment computes it, without its tokeniser's cost.
 *
 * The library builds, for every message, a dictionary of each word glued to each of 17
 * punctuation marks (34 strings per word) only to strip one leading or trailing mark from each
 * token; that was ~40% of the safety engine's time per message. Here the same tokens come from
 * a direct check, and each word's valence stays the library's (its exported static helpers).
 * Its last two steps, but_check and the compound, are redone here with the same arithmetic in
 * the same order (the library splices arrays and counts marks with replace(), slow on long
 * posts), and a message without any valenced word scores 0 at once. The numbers are the
 * library's to the last digit — vader.test.ts compares them on thousands of texts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import vader from 'vader-sentiment';

const analyzer = vader.SentimentIntensityAnalyzer;

// The library's punctuation list and the characters its REGEX_REMOVE_PUNCTUATION removes.
const PUNCTUATION_MARKS = ['.', '!', '?', ',', ';', ':', '-', "'", '"', '!!', '!!!', '??', '???', '?!?', '!?!', '?!?!', '!?!?'];
const EDGE_MARK = new Set(PUNCTUATION_MARKS.flatMap((m) => [m.charCodeAt(0), m.charCodeAt(m.length - 1)]));
const REMOVED = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;
const ALL_CAPS = /^[^a-z]*[A-Z]+[^a-z]*$/;

/** The library's SentiText.words_and_emoticons: tokens longer than one character, one edge mark stripped. */
export function wordsAndEmoticons(text: string): string[] {
  let words: Set<string> | null = null;
  const tokens = text.split(/\s/).filter((t) => t.length > 1);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    // Every mark starts and ends with one of these: a token without one at either edge keeps its form.
    if (!EDGE_MARK.has(token.charCodeAt(0)) && !EDGE_MARK.has(token.charCodeAt(token.length - 1))) continue;
    words ??= new Set(text.replace(REMOVED, '').split(/\s/).filter((w) => w.length > 1));
    for (const mark of PUNCTUATION_MARKS) {
      if (token.startsWith(mark) && words.has(token.slice(mark.length))) {
        tokens[i] = token.slice(mark.length);
        break;
      }
      if (token.endsWith(mark) && words.has(token.slice(0, -mark.length))) {
        tokens[i] = token.slice(0, -mark.length);
        break;
      }
    }
  }
  return tokens;
}

// The lexicon's words, from the data file the package ships beside its code: a word outside it
// scores nothing, so it needs no lookup at all (most tokens of a message: names, numbers, links).
const LEXICON_WORDS = lexiconWords();

function lexiconWords(): Set<string> | null {
  const file = join(dirname(createRequire(import.meta.url).resolve('vader-sentiment/package.json')), 'vader_lexicon.txt');
  if (!existsSync(file)) return null; // then every word is asked of the library, below
  return new Set(readFileSync(file, 'utf8').split('\n').map((line) => line.split('\t')[0]!).filter(Boolean));
}

// Lexicon words the library scores as nothing on their own: the boosters ("very", "extremely")
// it skips. Learnt from the library itself, one word at a time, so none of its lists is
// repeated here; bounded, in case the lexicon file is missing and every word is asked.
const silentWord = new Map<string, boolean>();
const MAX_REMEMBERED_WORDS = 50_000;

function isSilent(lower: string): boolean {
  if (LEXICON_WORDS !== null && !LEXICON_WORDS.has(lower)) return true;
  let silent = silentWord.get(lower);
  if (silent === undefined) {
    silent = analyzer.polarity_scores(lower).compound === 0;
    if (silentWord.size >= MAX_REMEMBERED_WORDS) silentWord.clear();
    silentWord.set(lower, silent);
  }
  return silent;
}

/** The library's polarity_scores(text).compound. */
export function vaderCompound(text: string): number {
  const words = wordsAndEmoticons(text);
  // As the library: "kind of" and boosters carry no valence of their own; neither does a word
  // outside the lexicon, so both are pushed as 0 without asking the lexicon.
  const speaks: boolean[] = new Array<boolean>(words.length);
  let anySpeaks = false;
  for (let i = 0; i < words.length; i++) {
    const lower = words[i]!.toLowerCase();
    speaks[i] = !((lower === 'kind' && i < words.length - 1 && words[i + 1]!.toLowerCase() === 'of') || isSilent(lower));
    if (speaks[i]) anySpeaks = true;
  }
  // No word can carry valence: every sentiment is 0, so the library's sum and compound are 0.
  if (!anySpeaks) return 0;
  let caps = 0;
  for (const w of words) if (ALL_CAPS.test(w)) caps++;
  const sentiText = { text, words_and_emoticons: words, is_cap_diff: words.length - caps > 0 && words.length - caps < words.length };
  let sentiments: number[] = [];
  for (let i = 0; i < words.length; i++) {
    if (speaks[i]) sentiments = analyzer.sentiment_valence(0, sentiText, words[i]!, i, sentiments);
    else sentiments.push(0);
  }
  // No word carried valence after all: the same 0, whatever "but" and the punctuation do.
  if (sentiments.every((v) => v === 0)) return 0;
  butCheck(words, sentiments);
  return compoundOf(sentiments, text);
}

/**
 * The library's but_check, in place: before the first "but" (or "BUT") valence is halved, after it
 * raised by half. The library replaces each entry with two splices, quadratic on a long post.
 */
function butCheck(words: string[], sentiments: number[]): void {
  let but = words.indexOf('but');
  if (but === -1) but = words.indexOf('BUT');
  if (but === -1) return;
  for (let i = 0; i < sentiments.length; i++) {
    if (i < but) sentiments[i] = 0.5 * sentiments[i]!;
    else if (i > but) sentiments[i] = 1.5 * sentiments[i]!;
  }
}

/**
 * The compound of the library's score_valence, computed as it does (same operations, same
 * order), with its "!" and "?" counts taken by a loop instead of a replace() over the text.
 */
function compoundOf(sentiments: number[], text: string): number {
  let sum = 0;
  for (let i = 0; i < sentiments.length; i++) sum += sentiments[i]!;
  let exclamations = 0;
  let questions = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 33) exclamations++;
    else if (c === 63) questions++;
  }
  // amplify_ep + amplify_qm
  const emphasis = 0.292 * Math.min(exclamations, 4) + (questions > 1 ? (questions <= 3 ? 0.18 * questions : 0.96) : 0);
  if (sum > 0) sum += emphasis;
  else if (sum < 0) sum -= emphasis;
  // normalize(), alpha 15
  let norm = sum / Math.sqrt(sum * sum + 15);
  if (norm < -1) norm = -1;
  else if (norm > 1) norm = 1;
  return parseFloat(norm.toFixed(4));
}
