import { FOLD_TABLE, foldChar, requiredLiterals, branchesOf } from './pattern-literals.ts';

/**
 * One message's text as the lexicon patterns see it, so that each pattern is tested at most
 * once per message (triage, the PHI guard and the model's signals ask about the same ones) and
 * not at all when the text lacks every literal the pattern needs (pattern-literals.ts). The
 * answers are exactly `pattern.test(text)`: skips happen only where no match can exist.
 */
export class ScannedText {
  /** Global ids of the literals found in the text, ascending (pattern by pattern). */
  private found: Int32Array | null = null;
  /** How many patterns were registered when `found` was filled. */
  private indexed = 0;
  /** This scan's number, which marks its answers in ANSWER_SCAN. */
  private readonly serial = ++scans;

  constructor(readonly text: string) {}

  /** `re.test(text)`, remembered; `re` must not be global or sticky (their test() has state). */
  has(re: RegExp): boolean {
    if (re.global || re.sticky) return re.test(this.text);
    const c = compiled(re);
    if (c.id >= answerScan.length) growAnswers();
    if (answerScan[c.id] === this.serial) return answerOf[c.id] === 1;
    const answer = this.test(c, this.text);
    answerScan[c.id] = this.serial;
    answerOf[c.id] = answer ? 1 : 0;
    return answer;
  }

  /**
   * `re.test(part)` for a part of this text (a sentence): a branch that matches the part has its
   * literals in the part, so in the whole text, and only such branches are run.
   */
  hasInPart(re: RegExp, part: string): boolean {
    if (re.global || re.sticky) return re.test(part);
    return this.test(compiled(re), part);
  }

  /** False only when `re` has no match in the text: lets exec() and replace() callers skip it. */
  mayMatch(re: RegExp): boolean {
    const c = compiled(re);
    if (c.always !== null) return true;
    const [from, to] = this.literalRange(c);
    return from < to;
  }

  private test(c: CompiledPattern, text: string): boolean {
    const [from, to] = this.literalRange(c);
    const found = this.found!;
    let tried = -1;
    for (let k = from; k < to; k++) {
      const run = c.runOf[found[k]! - c.firstLiteral]!;
      if (run === tried) continue;
      tried = run;
      if (c.runs[run]!.test(text)) return true;
    }
    return c.always !== null && c.always.test(text);
  }

  /** Where the pattern's found literals sit in `found`: [from, to). */
  private literalRange(c: CompiledPattern): [number, number] {
    // Patterns compiled after the last look (only while they are first used) need a new look.
    if (this.found === null || c.id >= this.indexed) {
      this.indexed = PATTERNS.length;
      this.found = findLiterals(this.text);
    }
    const found = this.found;
    const from = lowerBound(found, c.firstLiteral);
    return [from, lowerBound(found, c.firstLiteral + c.runOf.length, from)];
  }
}

// Answers remembered per pattern (by CompiledPattern.id) for the scan numbered in answerScan: a
// message asks ~45 questions of ~35 patterns, and a Map per scan cost more than the lookups saved.
// Scan numbers are doubles, exact up to 2^53 scans: none is ever taken for another.
let scans = 0;
let answerScan = new Float64Array(256);
let answerOf = new Uint8Array(256);

function growAnswers(): void {
  const size = Math.max(2 * answerScan.length, PATTERNS.length);
  const scan = new Float64Array(size);
  scan.set(answerScan);
  const of = new Uint8Array(size);
  of.set(answerOf);
  answerScan = scan;
  answerOf = of;
}

/** The first position in the ascending `list` (from `start` on) holding a value ≥ `value`. */
function lowerBound(list: Int32Array, value: number, start = 0): number {
  let lo = start;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// A local binding: an imported one is read through a module getter on every use (tsx emits CommonJS).
const FOLD = FOLD_TABLE;

// ---- Grams: 1, 2 or 3 folded characters, numbered below GRAM_COUNT (trigrams, then bigrams, then single characters). ----

const BIGRAMS = 32 * 32 * 32; // trigrams first, then bigrams
const UNIGRAMS = BIGRAMS + 32 * 32; // then single characters
const GRAM_COUNT = UNIGRAMS + 32;

// ---- Patterns, read once; every literal of every pattern, by its key gram. ----

/**
 * A pattern's literals (their indices, in pattern order), each tied to the regular expression
 * to run when it occurs: the pattern itself, or (for a long alternation) the branch it is from.
 */
interface CompiledPattern {
  /** Position in PATTERNS. */
  id: number;
  /** Global id of its first literal; its literals' ids follow on, in order. */
  firstLiteral: number;
  /** Per literal: the index of its regular expression in `runs`. */
  runOf: Int32Array;
  runs: RegExp[];
  /** Run on every text: the pattern whole when its literals are unknown, or its branches without literals. */
  always: RegExp | null;
}

const cache = new WeakMap<RegExp, CompiledPattern>();

function compiled(re: RegExp): CompiledPattern {
  let c = cache.get(re);
  if (c === undefined) {
    c = compile(re);
    cache.set(re, c);
  }
  return c;
}

const branched = new WeakSet<RegExp>();

/**
 * Has these patterns tested branch by branch: worth it for long phrase lists (the emergency and
 * self-harm lists above all), where a message holds the literals of a branch or two and the
 * regular expression would otherwise try hundreds of alternatives at every position. Short
 * patterns, and those that nearly always match, are better run whole (the default).
 */
export function testBranchByBranch(...patterns: RegExp[]): void {
  for (const re of patterns) {
    if (cache.has(re)) throw new Error('testBranchByBranch: declare a pattern before its first use');
    branched.add(re);
  }
}

function compile(re: RegExp): CompiledPattern {
  const split = branched.has(re) ? branchesOf(re) : null;
  const flags = re.flags.replace(/[gy]/g, '');
  const entries: Array<{ literals: string[]; re: RegExp }> = [];
  const always: string[] = [];
  if (split !== null) {
    for (const b of split) {
      if (b.literals === null) always.push(b.source);
      else entries.push({ literals: b.literals, re: new RegExp(b.source, flags) });
    }
  } else {
    const literals = requiredLiterals(re);
    if (literals === null) always.push(re.source);
    else entries.push({ literals, re: new RegExp(re.source, flags) });
  }
  const id = PATTERNS.length;
  const firstLiteral = LITERAL_LENGTH.length;
  const runOf: number[] = [];
  entries.forEach((entry, run) => {
    for (const literal of entry.literals) {
      registerLiteral(literal);
      runOf.push(run);
    }
  });
  const c: CompiledPattern = {
    id,
    firstLiteral,
    runOf: Int32Array.from(runOf),
    runs: entries.map((e) => e.re),
    always: always.length > 0 ? new RegExp(always.join('|'), flags) : null,
  };
  PATTERNS.push(c);
  freezeLiterals();
  return c;
}

const PATTERNS: CompiledPattern[] = [];

/**
 * Every literal of every pattern, by global id (a pattern's literals have consecutive ids): its
 * folded characters (a slice of LITERAL_CODES: flat numbers read faster than the concatenated
 * strings they were built as) and where its key gram sits in it.
 */
const LITERAL_START: number[] = [];
const LITERAL_LENGTH: number[] = [];
const LITERAL_CODES: number[] = [];
const LITERAL_KEY_AT: number[] = [];
/** Key grams (a literal's rarest trigram, or the literal itself when shorter) as a bitset, and their literals. */
const KEY_BITS = new Uint32Array(GRAM_COUNT / 32);
const LITERALS_BY_KEY = new Map<number, number[]>();

// The literal table packed for the walk (rebuilt when a pattern is compiled): typed copies, and
// the literals of each key gram as one flat list, found by the key's rank among the set bits of
// KEY_BITS. Small and contiguous, so that a walk stays in cache.

/**
 * Per literal, side by side (one cache line serves a check): start in literalCodes, length, key
 * position, and the last walk that found it (so a literal is listed once per text). The stamp sat
 * in an array of its own: a second cache miss for each literal a walk checks.
 */
let literalFields = new Int32Array(0);
const FIELDS = 4;
let literalCodes = new Uint8Array(0);
/** Per word of KEY_BITS: how many keys come before it. */
let keysBefore = new Int32Array(0);
/** Per key (by rank): where its literals start in `keyLiterals` (one more entry than keys). */
let keyOffsets = new Int32Array(0);
let keyLiterals = new Int32Array(0);
/**
 * Per entry of `keyLiterals`, beside it in a list read in order: the literal's length, its key's
 * position, and its first and last folded characters (see packEntry). A walk rejects nearly all
 * of a key's literals from these alone, without reaching into the literal table: its lookups at
 * random places missed the cache once the rest of the engine had run (the walk ~1.4x slower in
 * the full analysis than on its own).
 */
let keyEntries = new Int32Array(0);
/**
 * Per key (by rank): the walk its count belongs to, and how many of its literals that walk has
 * not found yet. A key whose literals are all found is passed over (a long post repeats itself).
 */
let keyWalk = new Uint32Array(0);
let keyMissing = new Int32Array(0);

function freezeLiterals(): void {
  literalFields = new Int32Array(LITERAL_LENGTH.length * FIELDS);
  for (let id = 0; id < LITERAL_LENGTH.length; id++) {
    literalFields[FIELDS * id] = LITERAL_START[id]!;
    literalFields[FIELDS * id + 1] = LITERAL_LENGTH[id]!;
    literalFields[FIELDS * id + 2] = LITERAL_KEY_AT[id]!;
    // FIELDS * id + 3, the walk that found it: 0, none yet.
  }
  literalCodes = Uint8Array.from(LITERAL_CODES);
  keysBefore = new Int32Array(KEY_BITS.length);
  const offsets: number[] = [0];
  const ids: number[] = [];
  let rank = 0;
  for (let w = 0; w < KEY_BITS.length; w++) {
    keysBefore[w] = rank;
    for (let bit = 0; bit < 32; bit++) {
      if ((KEY_BITS[w]! & (1 << bit)) === 0) continue;
      ids.push(...LITERALS_BY_KEY.get(w * 32 + bit)!);
      offsets.push(ids.length);
      rank++;
    }
  }
  keyOffsets = Int32Array.from(offsets);
  keyLiterals = Int32Array.from(ids);
  keyEntries = Int32Array.from(ids, packEntry);
  keyWalk = new Uint32Array(rank);
  keyMissing = new Int32Array(rank);
}

/** Length (10 bits), key position (10 bits), first and last folded character (5 bits each). */
function packEntry(id: number): number {
  const start = LITERAL_START[id]!;
  const length = LITERAL_LENGTH[id]!;
  return length | (LITERAL_KEY_AT[id]! << 10) | (LITERAL_CODES[start]! << 20) | (LITERAL_CODES[start + length - 1]! << 25);
}

/** Longest literal packEntry can hold. */
const MAX_LITERAL = 1023;

function registerLiteral(literal: string): void {
  // A longer literal is cut to its start: every match holds that start too (keeps the skip exact).
  if (literal.length > MAX_LITERAL) literal = literal.slice(0, MAX_LITERAL);
  const id = LITERAL_LENGTH.length;
  const keyAt = keyPosition(literal);
  const key = gramAt(literal, keyAt, Math.min(3, literal.length));
  LITERAL_START.push(LITERAL_CODES.length);
  LITERAL_LENGTH.push(literal.length);
  for (let i = 0; i < literal.length; i++) LITERAL_CODES.push(literal.charCodeAt(i));
  LITERAL_KEY_AT.push(keyAt);
  KEY_BITS[key >>> 5]! |= 1 << (key & 31);
  const list = LITERALS_BY_KEY.get(key);
  if (list) list.push(id);
  else LITERALS_BY_KEY.set(key, [id]);
}

function gramAt(s: string, at: number, length: number): number {
  const c = (i: number): number => s.charCodeAt(at + i);
  if (length === 1) return UNIGRAMS + c(0);
  if (length === 2) return BIGRAMS + ((c(0) << 5) | c(1));
  return (c(0) << 10) | (c(1) << 5) | c(2);
}

// Folded letters from the most to the least frequent in English.
const LETTER_RARITY = new Map([...'etaoinshrdlcumwfgypbvkjxqz'].map((ch, i) => [ch.charCodeAt(0) - 96, i]));
// The most frequent English trigrams: poor keys, since nearly every message holds them.
const COMMON_TRIGRAMS = new Set(
  'the and ing ion tio ent ati for her ter hat tha ere ate his con res ver all ons nce men ith ted ers pro thi wit are ess not ive was ect rea com eve per int est sta cti ica ist ear ain one our iti rat ove ome str ine oth'
    .split(' ')
    .map((t) => gramAt(fold(t), 0, 3)),
);
const SPACE = 28; // folded ' '

function fold(s: string): string {
  return String.fromCharCode(...Array.from(s, (ch) => foldChar(ch.charCodeAt(0))));
}

/**
 * Where a literal's key trigram starts (0 for literals of three characters or fewer): the
 * trigram least likely in a message (not a common English one, not spanning a space, of rare
 * letters), and among equals the one fewest literals are keyed by yet, so that a key present in
 * a message brings few literals to check.
 */
function keyPosition(literal: string): number {
  let best = 0;
  let bestCost = Infinity;
  for (let i = 0; i + 3 <= literal.length; i++) {
    const gram = gramAt(literal, i, 3);
    let cost = (COMMON_TRIGRAMS.has(gram) ? 1000 : 0) + 2 * (LITERALS_BY_KEY.get(gram)?.length ?? 0);
    for (let j = 0; j < 3; j++) {
      const k = literal.charCodeAt(i + j);
      cost += k === SPACE ? 100 : -(LETTER_RARITY.get(k) ?? 0);
    }
    if (cost < bestCost) {
      best = i;
      bestCost = cost;
    }
  }
  return best;
}

// ---- One walk over a text finds the literals of every pattern that occur in it. ----

let folded = new Uint8Array(1024);
/** Walks are numbered from 1 (as int32: literalFields holds the stamps). */
let walk = 0;

function findLiterals(text: string): Int32Array {
  const n = text.length;
  if (folded.length < n + 2) folded = new Uint8Array(n + 2);
  walk = (walk + 1) | 0;
  if (walk <= 0) {
    // After 2^31 walks the stamps would read as current: start them afresh.
    for (let k = 3; k < literalFields.length; k += FIELDS) literalFields[k] = 0;
    keyWalk.fill(0);
    walk = 1;
  }
  const codes = folded;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    codes[i] = code < 128 ? FOLD[code]! : foldChar(code);
  }
  codes[n] = 0;
  codes[n + 1] = 0;
  const found: number[] = [];
  const keyBits = KEY_BITS;
  // Most grams are no key: their bit is tested here, so that only keys cost a call.
  for (let i = 0; i < n; i++) {
    const a = codes[i]!;
    if (a === 0) continue;
    let key = UNIGRAMS + a;
    if ((keyBits[key >>> 5]! & (1 << (key & 31))) !== 0) visitKey(key, i, n, found);
    const b = codes[i + 1]!;
    if (b === 0) continue;
    key = BIGRAMS + ((a << 5) | b);
    if ((keyBits[key >>> 5]! & (1 << (key & 31))) !== 0) visitKey(key, i, n, found);
    const c = codes[i + 2]!;
    if (c === 0) continue;
    key = (a << 10) | (b << 5) | c;
    if ((keyBits[key >>> 5]! & (1 << (key & 31))) !== 0) visitKey(key, i, n, found);
  }
  // Found in text order; sorted, each pattern's literals are together and in pattern order.
  return Int32Array.from(found).sort();
}

/** Lists the literals keyed by `key` (a key gram: its bit is set) that occur at `at` in the text being walked. */
function visitKey(key: number, at: number, n: number, found: number[]): void {
  const word = KEY_BITS[key >>> 5]!;
  const bit = 1 << (key & 31);
  const rank = keysBefore[key >>> 5]! + popcount(word & (bit - 1));
  if (keyWalk[rank] !== walk) {
    keyWalk[rank] = walk;
    keyMissing[rank] = keyOffsets[rank + 1]! - keyOffsets[rank]!;
  } else if (keyMissing[rank] === 0) {
    return;
  }
  const entries = keyEntries;
  const codes = folded;
  for (let k = keyOffsets[rank]!; k < keyOffsets[rank + 1]!; k++) {
    const entry = entries[k]!;
    const length = entry & 1023;
    const start = at - ((entry >>> 10) & 1023);
    if (start < 0 || start + length > n) continue;
    if (codes[start] !== ((entry >>> 20) & 31) || codes[start + length - 1] !== entry >>> 25) continue;
    const id = keyLiterals[k]!;
    const fields = FIELDS * id;
    if (literalFields[fields + 3] === walk) continue;
    const from = literalFields[fields]!;
    let j = 0;
    while (j < length && codes[start + j] === literalCodes[from + j]) j++;
    if (j < length) continue;
    literalFields[fields + 3] = walk;
    keyMissing[rank]!--;
    found.push(id);
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
