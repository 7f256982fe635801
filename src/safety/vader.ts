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
import vader, { type SentiText } from 'vader-sentiment';

const analyzer = vader.SentimentIntensityAnalyzer;

// The library's punctuation list and the characters its REGEX_REMOVE_PUNCTUATION removes.
const PUNCTUATION_MARKS = ['.', '!', '?', ',', ';', ':', '-', "'", '"', '!!', '!!!', '??', '???', '?!?', '!?!', '?!?!', '!?!?'];
const EDGE_MARK = new Set(PUNCTUATION_MARKS.flatMap((m) => [m.charCodeAt(0), m.charCodeAt(m.length - 1)]));
const REMOVED = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

/** The library's SentiText.words_and_emoticons: tokens longer than one character, one edge mark stripped. */
export function wordsAndEmoticons(text: string): string[] {
  // text.split(/\s/) without the regular expression: this runs on every message.
  const tokens: string[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !isSpace(text.charCodeAt(i))) continue;
    if (i - start > 1) tokens.push(text.slice(start, i));
    start = i + 1;
  }
  const isWord = wordTest(text);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    // Every mark starts and ends with one of these: a token without one at either edge keeps its form.
    if (!EDGE_MARK.has(token.charCodeAt(0)) && !EDGE_MARK.has(token.charCodeAt(token.length - 1))) continue;
    for (const mark of PUNCTUATION_MARKS) {
      if (token.startsWith(mark) && isWord(token.slice(mark.length))) {
        tokens[i] = token.slice(mark.length);
        break;
      }
      if (token.endsWith(mark) && isWord(token.slice(0, -mark.length))) {
        tokens[i] = token.slice(0, -mark.length);
        break;
      }
    }
  }
  return tokens;
}

/**
 * The library keeps a mark's removal when the rest is a word of the text without punctuation.
 * Returned unnamed: under tsx (esbuild's keepNames) a named closure costs a defineProperty per message.
 */
function wordTest(text: string): (rest: string) => boolean {
  let words: Set<string> | null = null;
  return (rest) => {
    // The usual case, "Saturday?": the rest has no punctuation, so it is this very token without its marks.
    if (rest.length > 1 && !hasRemovedMark(rest)) return true;
    words ??= new Set(text.replace(REMOVED, '').split(/\s/).filter((w) => w.length > 1));
    return words.has(rest);
  };
}

/** Whether `s` holds a character REMOVED takes out (ASCII punctuation). */
function hasRemovedMark(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) return true;
  }
  return false;
}

/** What /\s/ matches, by UTF-16 unit. */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The library's is_upper_python (/^[^a-z]*[A-Z]+[^a-z]*$/) without a regular expression: no a-z, some A-Z. */
function isAllCaps(word: string): boolean {
  let upper = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) upper = true;
  }
  return upper;
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
  const lowers: string[] = new Array<string>(words.length);
  let anySpeaks = false;
  for (let i = 0; i < words.length; i++) lowers[i] = words[i]!.toLowerCase();
  for (let i = 0; i < words.length; i++) {
    const lower = lowers[i]!;
    speaks[i] = !((lower === 'kind' && i < words.length - 1 && lowers[i + 1] === 'of') || isSilent(lower));
    if (speaks[i]) anySpeaks = true;
  }
  // No word can carry valence: every sentiment is 0, so the library's sum and compound are 0.
  if (!anySpeaks) return 0;
  let caps = 0;
  for (const w of words) if (isAllCaps(w)) caps++;
  const sentiText = { text, words_and_emoticons: words, is_cap_diff: words.length - caps > 0 && words.length - caps < words.length };
  const sentiments: number[] = [];
  for (let i = 0; i < words.length; i++) {
    if (speaks[i]) valenceAt(sentiText, lowers, i, sentiments);
    else sentiments.push(0);
  }
  // No word carried valence after all: the same 0, whatever "but" and the punctuation do.
  if (sentiments.every((v) => v === 0)) return 0;
  butCheck(words, sentiments);
  return compoundOf(sentiments, text);
}

/**
 * The library's sentiment_valence for a word of the lexicon (pushed onto `sentiments`), without
 * the work it repeats for every such word (each of the three words before it lower-cased and
 * looked up twice, its negation list copied and searched for each, a regular expression built per
 * call: ~3 µs a word). Each step is the library's, taken only where it can change the valence;
 * what a word is (its valence, a booster, a negation) is learnt from the library one word at a
 * time. A booster before the word, or the word in capitals among others, is left to the library.
 */
function valenceAt(sentiText: SentiText, lowers: string[], index: number, sentiments: number[]): void {
  const words = sentiText.words_and_emoticons;
  const item = words[index]!;
  if (sentiText.is_cap_diff && isAllCaps(item)) {
    analyzer.sentiment_valence(0, sentiText, item, index, sentiments);
    return;
  }
  // The words the library's loop looks at: up to three before, those outside the lexicon.
  const first = Math.max(0, index - 3);
  for (let p = first; p < index; p++) {
    if (!inLexicon(lowers[p]!) && isBooster(words[p]!)) {
      analyzer.sentiment_valence(0, sentiText, item, index, sentiments);
      return;
    }
  }
  let valence = lexiconValence(lowers[index]!);
  for (let start = 0; start < 3 && index > start; start++) {
    const p = index - (start + 1);
    if (inLexicon(lowers[p]!)) continue;
    // No booster: scalar_inc_dec gives 0, and valence + 0 is valence. never_check changes the
    // valence only on a negation or "never so/this"; idioms_check is the library's own.
    if (neverCheckApplies(words, start, index)) valence = analyzer.never_check(valence, words, start, index);
    if (start === 2) valence = analyzer.idioms_check(valence, words, index);
  }
  sentiments.push(analyzer.least_check(valence, words, index));
}

/** The conditions under which the library's never_check multiplies the valence (it returns it unchanged otherwise). */
function neverCheckApplies(words: string[], start: number, index: number): boolean {
  if (start === 0) return isNegation(words[index - 1]!);
  if (start === 1) return (words[index - 2] === 'never' && soOrThis(words[index - 1])) || isNegation(words[index - 2]!);
  return (words[index - 3] === 'never' && soOrThis(words[index - 2])) || soOrThis(words[index - 1]) || isNegation(words[index - 3]!);
}

function soOrThis(w: string | undefined): boolean {
  return w === 'so' || w === 'this';
}

// What the library makes of single words, asked once per word (bounded, as silentWord above).
const valenceOfWord = new Map<string, number>();
const negationWord = new Map<string, boolean>();
const boosterWord = new Map<string, boolean>();

function remember<T>(map: Map<string, T>, word: string, value: T): T {
  if (map.size >= MAX_REMEMBERED_WORDS) map.clear();
  map.set(word, value);
  return value;
}

/** The lexicon's valence of a lower-cased word, NaN when it is not in the lexicon. */
function lexiconValence(lower: string): number {
  if (LEXICON_WORDS !== null && !LEXICON_WORDS.has(lower)) return NaN;
  const known = valenceOfWord.get(lower);
  if (known !== undefined) return known;
  // Given NaN, the library keeps it unless the word is in its lexicon; alone (index 0), nothing else applies.
  const [valence] = analyzer.sentiment_valence(NaN, { text: lower, words_and_emoticons: [lower], is_cap_diff: false }, lower, 0, []);
  return remember(valenceOfWord, lower, valence!);
}

function inLexicon(lower: string): boolean {
  return !Number.isNaN(lexiconValence(lower));
}

/** The library's negated([word]): a negation word, or one with "n't" (as written: case counts). */
function isNegation(word: string): boolean {
  const known = negationWord.get(word);
  if (known !== undefined) return known;
  return remember(negationWord, word, analyzer.never_check(1, [word, word], 0, 1) !== 1);
}

/**
 * A word (outside the lexicon) whose scalar_inc_dec is not 0: before "good", with capitals
 * counting, the library's valence differs from what its negation and "least" checks alone make.
 */
function isBooster(word: string): boolean {
  const known = boosterWord.get(word);
  if (known !== undefined) return known;
  const words = [word, 'good'];
  const alone = analyzer.least_check(analyzer.never_check(lexiconValence('good'), words, 0, 1), words, 1);
  const [withWord] = analyzer.sentiment_valence(0, { text: words.join(' '), words_and_emoticons: words, is_cap_diff: true }, 'good', 1, []);
  return remember(boosterWord, word, withWord !== alone);
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
