/**
 * VADER's compound score, as vader-sentiment computes it, without its tokeniser's cost.
 *
 * The library builds, for every message, a dictionary of each word glued to each of 17
 * punctuation marks (34 strings per word) only to strip one leading or trailing mark from each
 * token; that was ~40% of the safety engine's time per message. Here the same tokens come from
 * a direct check, and the scoring itself stays the library's (its exported static helpers), so
 * the numbers are the library's to the last digit — vader.test.ts compares them on thousands of
 * texts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import vader from 'vader-sentiment';

const analyzer = vader.SentimentIntensityAnalyzer;

// The library's punctuation list and the characters its REGEX_REMOVE_PUNCTUATION removes.
const PUNCTUATION_MARKS = ['.', '!', '?', ',', ';', ':', '-', "'", '"', '!!', '!!!', '??', '???', '?!?', '!?!', '?!?!', '!?!?'];
const REMOVED = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;
const ALL_CAPS = /^[^a-z]*[A-Z]+[^a-z]*$/;

/** The library's SentiText.words_and_emoticons: tokens longer than one character, one edge mark stripped. */
export function wordsAndEmoticons(text: string): string[] {
  const words = new Set(text.replace(REMOVED, '').split(/\s/).filter((w) => w.length > 1));
  const tokens = text.split(/\s/).filter((t) => t.length > 1);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
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
  let caps = 0;
  for (const w of words) if (ALL_CAPS.test(w)) caps++;
  const sentiText = { text, words_and_emoticons: words, is_cap_diff: words.length - caps > 0 && words.length - caps < words.length };
  let sentiments: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const lower = words[i]!.toLowerCase();
    // As the library: "kind of" and boosters carry no valence of their own; neither does a word
    // outside the lexicon, so both are pushed as 0 without asking the lexicon.
    if ((lower === 'kind' && i < words.length - 1 && words[i + 1]!.toLowerCase() === 'of') || isSilent(lower)) {
      sentiments.push(0);
      continue;
    }
    sentiments = analyzer.sentiment_valence(0, sentiText, words[i]!, i, sentiments);
  }
  sentiments = analyzer.but_check(words, sentiments);
  return analyzer.score_valence(sentiments, text).compound;
}
