/**
 * What the statistical layer sees in a message: hashed word unigrams and bigrams, character
 * 3–5-grams inside words (robust to typos, slang and inflection) and the rule signals by name.
 * Hashing keeps the model a fixed size with no vocabulary file; collisions are rare at 2^18.
 */

export const FEATURE_BITS = 18;
const MASK = (1 << FEATURE_BITS) - 1;

/** Longer texts are featurised on their opening, which carries intent and tone (and keeps the engine fast). */
const MAX_FEATURE_CHARS = 1200;

/** A sparse feature vector: parallel arrays of hashed indices and values. */
export interface FeatureVector {
  indices: Int32Array;
  values: Float32Array;
}

/** Named signals from the rules, lexicons and VADER: each becomes one feature with its value. */
export type Signals = Record<string, number>;

const TOKEN = /[\p{L}\p{N}]+|\p{Extended_Pictographic}|[?!$@#]/gu;

/** Lower-cased words with apostrophes dropped ("can't" → "cant") and digits folded to 0. */
export function tokenize(text: string): string[] {
  const normal = text
    .slice(0, MAX_FEATURE_CHARS)
    .toLowerCase()
    .replace(/['’‘]/g, '')
    .replace(/\d/g, '0');
  return normal.match(TOKEN) ?? [];
}

const FNV_OFFSET = 0x811c9dc5;

function fnv(seed: number, s: string): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function fnvRange(seed: number, s: string, start: number, end: number): number {
  let h = seed;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// One seed per feature family, so "w:er" and "c:er" land in different buckets.
const WORD_SEED = fnv(FNV_OFFSET, 'w:');
const BIGRAM_SEED = fnv(FNV_OFFSET, 'b:');
const CHAR_SEED = fnv(FNV_OFFSET, 'c:');
const SIGNAL_SEED = fnv(FNV_OFFSET, 's:');

/** The bucket of a named signal (exported for tests and for reading a model's weights). */
export function signalIndex(name: string): number {
  return fnv(SIGNAL_SEED, name) & MASK;
}

/**
 * Word and character features are each scaled to unit length, so a long post does not outweigh a
 * short one; signals keep their own values and so weigh like a whole family on their own.
 */
export function featurize(text: string, signals: Signals): FeatureVector {
  const words = new Map<number, number>();
  const chars = new Map<number, number>();
  const tokens = tokenize(text);
  let previous = '<s>';
  for (const token of tokens) {
    words.set(fnv(WORD_SEED, token) & MASK, 1);
    words.set(fnv(fnv(fnv(BIGRAM_SEED, previous), ' '), token) & MASK, 1);
    previous = token;
    if (token.length < 2 || token.charCodeAt(0) > 0x2fff) continue;
    const padded = `<${token}>`;
    for (let n = 3; n <= 5; n++) {
      for (let i = 0; i + n <= padded.length; i++) chars.set(fnvRange(CHAR_SEED, padded, i, i + n) & MASK, 1);
    }
  }
  if (tokens.length > 0) words.set(fnv(fnv(fnv(BIGRAM_SEED, previous), ' '), '</s>') & MASK, 1);

  const out = new Map<number, number>();
  addScaled(out, words);
  addScaled(out, chars);
  for (const [name, value] of Object.entries(signals)) {
    if (value !== 0) {
      const i = signalIndex(name);
      out.set(i, (out.get(i) ?? 0) + value);
    }
  }
  const indices = new Int32Array(out.size);
  const values = new Float32Array(out.size);
  let k = 0;
  for (const [i, v] of out) {
    indices[k] = i;
    values[k] = v;
    k++;
  }
  return { indices, values };
}

function addScaled(out: Map<number, number>, family: Map<number, number>): void {
  if (family.size === 0) return;
  const scale = 1 / Math.sqrt(family.size);
  for (const [i, v] of family) out.set(i, (out.get(i) ?? 0) + v * scale);
}
