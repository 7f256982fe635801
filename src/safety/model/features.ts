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

/** A signal's name with its bucket, hashed once: messageSignals sets these rather than building names per message. */
export interface Signal {
  readonly name: string;
  readonly index: number;
}

const interned = new Map<string, Signal>();

/** The signal of a name (one object per name, made on first use). */
export function signal(name: string): Signal {
  let s = interned.get(name);
  if (s === undefined) {
    s = { name, index: signalIndex(name) };
    // As for signalIndices below: a fixed vocabulary, the bound only guards against misuse.
    if (interned.size >= 10_000) interned.clear();
    interned.set(name, s);
  }
  return s;
}

/** The signals named `${prefix}${key}`, each made once: a family with one varying part (an intent, a kind). */
export class SignalFamily {
  private readonly members = new Map<string, Signal>();
  private readonly subfamilies = new Map<string, SignalFamily>();

  constructor(readonly prefix: string) {}

  of(key: string): Signal {
    let s = this.members.get(key);
    if (s === undefined) {
      s = signal(this.prefix + key);
      this.members.set(key, s);
    }
    return s;
  }

  /** The family `${prefix}${key}:`, for names with two varying parts. */
  sub(key: string): SignalFamily {
    let f = this.subfamilies.get(key);
    if (f === undefined) {
      f = new SignalFamily(`${this.prefix}${key}:`);
      this.subfamilies.set(key, f);
    }
    return f;
  }
}

/**
 * One message's signals, in the order first set, each name once (setting it again replaces its
 * value where it stands): what a Signals record's keys and values give, without a dictionary-mode
 * object whose keys are built and hashed per message. featurize adds them in this order.
 */
export class SignalList {
  readonly signals: Signal[] = [];
  readonly values: number[] = [];

  set(s: Signal, value = 1): void {
    const k = this.indexOf(s);
    if (k >= 0) this.values[k] = value;
    else {
      this.signals.push(s);
      this.values.push(value);
    }
  }

  /** Whether `s` is set to a truthy value, as `record[name]` would read. */
  has(s: Signal): boolean {
    const k = this.indexOf(s);
    return k >= 0 && Boolean(this.values[k]);
  }

  /** The record form (for reading and tests). */
  toRecord(): Signals {
    const record: Signals = {};
    for (let k = 0; k < this.signals.length; k++) record[this.signals[k]!.name] = this.values[k]!;
    return record;
  }

  private indexOf(s: Signal): number {
    const signals = this.signals;
    for (let k = 0; k < signals.length; k++) if (signals[k] === s || signals[k]!.name === s.name) return k;
    return -1;
  }
}

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

// One seed per feature family, so "w:er" and "c:er" land in different buckets.
const WORD_SEED = fnv(FNV_OFFSET, 'w:');
const BIGRAM_SEED = fnv(FNV_OFFSET, 'b:');
const CHAR_SEED = fnv(FNV_OFFSET, 'c:');
const SIGNAL_SEED = fnv(FNV_OFFSET, 's:');

const signalIndices = new Map<string, number>();

/** The bucket of a named signal (exported for tests and for reading a model's weights). */
export function signalIndex(name: string): number {
  let index = signalIndices.get(name);
  if (index === undefined) {
    index = fnv(SIGNAL_SEED, name) & MASK;
    // Signal names come from a small fixed vocabulary; the bound only guards against misuse.
    if (signalIndices.size >= 10_000) signalIndices.clear();
    signalIndices.set(name, index);
  }
  return index;
}

/**
 * Word and character features are each scaled to unit length, so a long post does not outweigh a
 * short one; signals keep their own values and so weigh like a whole family on their own.
 * Indices come out in first-seen order: words, then characters, then signals.
 */
export function featurize(text: string, signals: Signals | SignalList): FeatureVector {
  const tokens = tokenize(text);
  const out = OUT_FEATURES;
  out.clear();
  // The bigram hash continues from "b:<previous> ", so each word's prefix is hashed once.
  let bigramPrefix = START_BIGRAM;
  for (const token of tokens) {
    out.add(fnv(WORD_SEED, token) & MASK);
    out.add(fnv(bigramPrefix, token) & MASK);
    bigramPrefix = fnv(fnv(BIGRAM_SEED, token), ' ');
  }
  if (tokens.length > 0) out.add(fnv(bigramPrefix, '</s>') & MASK);

  // Each family adds 1/sqrt(its distinct count) per feature; where families share an index the
  // values add up, words first, as the Map this replaced did.
  const wordCount = out.size;
  if (wordCount > 0) {
    const scale = 1 / Math.sqrt(wordCount);
    for (let k = 0; k < wordCount; k++) out.values[k] = 0 + scale;
  }
  // Character grams go straight into `out` after every word (so in the same order as when they
  // were gathered in a set of their own first), each slot marked the first time one reaches it:
  // the marks count the distinct grams, and each marked slot takes the scale once.
  let charCount = 0;
  for (const token of tokens) {
    if (token.length < 2 || token.charCodeAt(0) > 0x2fff) continue;
    charCount += addCharGrams(out, token);
  }
  if (charCount > 0) {
    const scale = 1 / Math.sqrt(charCount);
    const values = out.values;
    const marked = out.marked;
    for (let k = 0; k < out.size; k++) if (marked[k] !== 0) values[k] = values[k]! + scale;
  }
  if (signals instanceof SignalList) {
    const list = signals.signals;
    const listValues = signals.values;
    for (let k = 0; k < list.length; k++) {
      const value = listValues[k]!;
      if (value !== 0) {
        const slot = out.add(list[k]!.index);
        out.values[slot] = out.values[slot]! + value;
      }
    }
  } else {
    for (const name in signals) {
      const value = signals[name]!;
      if (value !== 0) {
        const slot = out.add(signalIndex(name));
        out.values[slot] = out.values[slot]! + value;
      }
    }
  }
  return { indices: out.order.slice(0, out.size), values: Float32Array.from(out.values.subarray(0, out.size)) };
}

const START_BIGRAM = fnv(fnv(BIGRAM_SEED, '<s>'), ' ');
const PADDED = new Int32Array(64);

/**
 * Character 3–5-grams of "<token>", by length then position, hashed from a reused code buffer,
 * added to `out` with their slots marked; returns how many slots were marked anew.
 */
function addCharGrams(out: OrderedIndexSet, token: string): number {
  let marked = 0;
  const length = token.length + 2;
  const codes = length <= PADDED.length ? PADDED : new Int32Array(length);
  codes[0] = 60; // '<'
  for (let q = 0; q < token.length; q++) codes[q + 1] = token.charCodeAt(q);
  codes[length - 1] = 62; // '>'
  for (let n = 3; n <= 5; n++) {
    for (let i = 0; i + n <= length; i++) {
      let h = CHAR_SEED;
      for (let p = i; p < i + n; p++) {
        h ^= codes[p]!;
        h = Math.imul(h, 0x01000193);
      }
      if (out.mark(out.add((h >>> 0) & MASK))) marked++;
    }
  }
  return marked;
}

/**
 * Distinct feature indices in first-seen order, each with a value: what a Map<number, number>
 * gives, over reused typed arrays (an open-addressing table), since Map insertion was most of
 * featurize's time. One instance per role, reused by every call (featurize is synchronous).
 */
class OrderedIndexSet {
  /** Open-addressing table of index + 1 (0: empty slot). */
  private keys = new Int32Array(1024);
  /** Where each table slot's index sits in `order`. */
  private slots = new Int32Array(1024);
  /** Table slots in use, so clear() touches only those. */
  private used = new Int32Array(512);
  order = new Int32Array(512);
  values = new Float64Array(512);
  /** Per position in `order`: 1 once mark() was called on it. */
  marked = new Uint8Array(512);
  size = 0;

  clear(): void {
    for (let k = 0; k < this.size; k++) {
      this.keys[this.used[k]!] = 0;
      this.marked[k] = 0;
    }
    this.size = 0;
  }

  /** Marks position `slot`; true when it was not marked yet. */
  mark(slot: number): boolean {
    if (this.marked[slot] !== 0) return false;
    this.marked[slot] = 1;
    return true;
  }

  /** The position of `index` in `order`, added (with value 0) if new. */
  add(index: number): number {
    const mask = this.keys.length - 1;
    let h = Math.imul(index + 1, 0x9e3779b1) & mask;
    for (;;) {
      const key = this.keys[h]!;
      if (key === 0) break;
      if (key === index + 1) return this.slots[h]!;
      h = (h + 1) & mask;
    }
    // Full (order, values and used hold keys.length / 2): grow first, then insert into the new table.
    // Growing after the insert wrote past the end of the typed arrays, which drops the write.
    if (this.size >= this.order.length) {
      this.grow();
      return this.add(index);
    }
    const slot = this.size++;
    this.keys[h] = index + 1;
    this.slots[h] = slot;
    this.used[slot] = h;
    this.order[slot] = index;
    this.values[slot] = 0;
    return slot;
  }

  private grow(): void {
    const size = this.size;
    const order = this.order;
    const values = this.values;
    const marked = this.marked;
    this.keys = new Int32Array(this.keys.length * 2);
    this.slots = new Int32Array(this.keys.length);
    this.used = new Int32Array(this.keys.length / 2);
    this.order = new Int32Array(this.keys.length / 2);
    this.values = new Float64Array(this.keys.length / 2);
    this.marked = new Uint8Array(this.keys.length / 2);
    this.marked.set(marked);
    this.size = 0;
    for (let k = 0; k < size; k++) this.values[this.add(order[k]!)] = values[k]!;
  }
}

const OUT_FEATURES = new OrderedIndexSet();
