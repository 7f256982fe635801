/**
 * What a lexicon pattern cannot match without: the literal strings, one of which every match
 * contains, read from the pattern's source. scanned-text.ts uses them to skip patterns (or
 * branches of a long alternation) whose literals are absent from a message, which is exact: a
 * pattern with none of its literals in the text has no match there.
 *
 * Literals are written in folded characters (see foldChar): ASCII letters lose their case, all
 * digits are one character, other ASCII punctuation is one character, and anything else is not
 * a literal character at all. The same fold is applied to the text, so a literal that occurs in
 * the text always occurs in the folded text; the fold can only make a skip rarer, never wrong.
 * Sound for the `i` flag (an ASCII letter matches its two ASCII cases and, with `u`, the Kelvin
 * sign or the long s, which fold with the letters k and s) and for `u` (\p{…} reads as any character).
 */

/** Folded character codes: 1–26 letters, 27 digits, 28 space, 29 apostrophe, 30 hyphen, 31 other ASCII; 0: not foldable. */
export const FOLD_CLASSES = 32;

/** The folded class of each ASCII code unit (a table, for scanners' inner loops). */
export const FOLD_TABLE = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (c >= 65 && c <= 90) FOLD_TABLE[c] = c - 64;
  else if (c >= 97 && c <= 122) FOLD_TABLE[c] = c - 96;
  else if (c >= 48 && c <= 57) FOLD_TABLE[c] = 27;
  else if (c === 32) FOLD_TABLE[c] = 28;
  else if (c === 39) FOLD_TABLE[c] = 29;
  else if (c === 45) FOLD_TABLE[c] = 30;
  else FOLD_TABLE[c] = 31;
}

/** The two characters outside ASCII that Unicode case folding (the `iu` flags) turns into ASCII letters. */
export const KELVIN_SIGN = 0x212a; // K → k
export const LONG_S = 0x017f; // ſ → s

/** The folded class of a UTF-16 code unit; 0 for anything outside ASCII (but the two above). */
export function foldChar(code: number): number {
  if (code < 128) return FOLD_TABLE[code]!;
  return code === KELVIN_SIGN ? 11 : code === LONG_S ? 19 : 0;
}

/** A pattern's required literals (folded), or null when some match may contain none. */
export type Literals = string[] | null;

/**
 * The pattern split at its top-level alternatives, each with its literals. A pattern of the form
 * prefix(?:a|b|c)suffix is distributed into prefix(?:a)suffix, …: a text has a match of the
 * whole exactly when it has a match of one branch. Only for `test`, not for positions.
 */
export interface Branch {
  source: string;
  literals: Literals;
}

/** Every match of `re` contains one of these (folded) literals; null when nothing is known. */
export function requiredLiterals(re: RegExp): Literals {
  if (!isFoldable(re)) return null;
  try {
    return infoOf(new Parser(re.source).parse()).required;
  } catch {
    return null; // syntax this reader does not know: never skip the pattern
  }
}

/** The top-level branches of `re`, or null when it cannot be split (then test it whole). */
export function branchesOf(re: RegExp): Branch[] | null {
  if (!isFoldable(re)) return null;
  let root: Node;
  try {
    root = new Parser(re.source).parse();
  } catch {
    return null;
  }
  if (hasBackreference(root)) return null;
  const source = re.source;
  const out: Branch[] = [];
  for (const alternative of root.kind === 'alt' ? root.items : [root]) {
    // prefix(?:a|b)suffix → one branch per alternative of the single unquantified group.
    const groups = alternative.kind === 'seq' ? alternative.items.filter((n) => n.kind === 'group' && n.body.kind === 'alt') : [];
    if (groups.length === 1) {
      const group = groups[0] as GroupNode;
      const before = source.slice(alternative.start, group.start);
      const after = source.slice(group.end, alternative.end);
      for (const inner of (group.body as AltNode).items) {
        const branchSource = `${before}(?:${source.slice(inner.start, inner.end)})${after}`;
        out.push({ source: branchSource, literals: infoOf(seqWith(alternative as SeqNode, group, inner)).required });
      }
    } else {
      out.push({ source: source.slice(alternative.start, alternative.end), literals: infoOf(alternative).required });
    }
  }
  return out;
}

function isFoldable(re: RegExp): boolean {
  // The `v` flag's class syntax (set operations, strings) is not read here.
  return !re.flags.includes('v');
}

// ---- A reader for the regular-expression syntax the lexicons use (no `u` flag). ----

type Node = CharNode | AnyNode | EmptyNode | SeqNode | AltNode | GroupNode | RepeatNode | BackrefNode;
interface Span {
  start: number;
  end: number;
}
/** One character of a small known set (folded classes). */
interface CharNode extends Span {
  kind: 'char';
  classes: number[];
}
/** One character of a large or unknown set. */
interface AnyNode extends Span {
  kind: 'any';
}
/** Zero-width: anchors, word boundaries, lookarounds. */
interface EmptyNode extends Span {
  kind: 'empty';
}
interface SeqNode extends Span {
  kind: 'seq';
  items: Node[];
}
interface AltNode extends Span {
  kind: 'alt';
  items: Node[];
}
interface GroupNode extends Span {
  kind: 'group';
  body: Node;
}
interface RepeatNode extends Span {
  kind: 'repeat';
  body: Node;
  min: number;
  max: number;
}
interface BackrefNode extends Span {
  kind: 'backref';
}

/** Char classes with more distinct folded characters than this are treated as any character. */
const MAX_CLASS_CHARS = 3;

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.i !== this.s.length) throw new Error('unbalanced');
    return node;
  }

  private alternation(): Node {
    const start = this.i;
    const items = [this.sequence()];
    while (this.s[this.i] === '|') {
      this.i++;
      items.push(this.sequence());
    }
    return items.length === 1 ? items[0]! : { kind: 'alt', items, start, end: this.i };
  }

  private sequence(): Node {
    const start = this.i;
    const items: Node[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') items.push(this.quantified());
    return { kind: 'seq', items, start, end: this.i };
  }

  private quantified(): Node {
    const start = this.i;
    const atom = this.atom();
    const c = this.s[this.i];
    let min = -1;
    let max = -1;
    if (c === '*' || c === '+' || c === '?') {
      this.i++;
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Infinity;
    } else if (c === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.s.slice(this.i));
      if (m) {
        this.i += m[0].length;
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      }
    }
    if (min < 0) return atom;
    if (this.s[this.i] === '?') this.i++; // lazy: matches the same strings
    if (atom.kind === 'empty') return atom;
    return { kind: 'repeat', body: atom, min, max, start, end: this.i };
  }

  private atom(): Node {
    const start = this.i;
    const c = this.s[this.i]!;
    if (c === '(') {
      this.i++;
      let zeroWidth = false;
      if (this.s.startsWith('?:', this.i)) this.i += 2;
      else if (this.s.startsWith('?=', this.i) || this.s.startsWith('?!', this.i)) {
        this.i += 2;
        zeroWidth = true;
      } else if (this.s.startsWith('?<=', this.i) || this.s.startsWith('?<!', this.i)) {
        this.i += 3;
        zeroWidth = true;
      } else if (this.s.startsWith('?<', this.i)) {
        const close = this.s.indexOf('>', this.i);
        if (close < 0) throw new Error('group name');
        this.i = close + 1;
      } else if (this.s[this.i] === '?') throw new Error('group kind');
      const body = this.alternation();
      if (this.s[this.i] !== ')') throw new Error('unclosed group');
      this.i++;
      return zeroWidth ? { kind: 'empty', start, end: this.i } : { kind: 'group', body, start, end: this.i };
    }
    if (c === '^' || c === '$') {
      this.i++;
      return { kind: 'empty', start, end: this.i };
    }
    if (c === '.') {
      this.i++;
      return { kind: 'any', start, end: this.i };
    }
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    if (c === '*' || c === '+' || c === '?' || c === ')') throw new Error('nothing to repeat');
    this.i++;
    return this.char(c.charCodeAt(0), start);
  }

  private char(code: number, start: number): Node {
    const folded = foldChar(code);
    return folded === 0 ? { kind: 'any', start, end: this.i } : { kind: 'char', classes: [folded], start, end: this.i };
  }

  private escape(): Node {
    const start = this.i;
    this.i++;
    const c = this.s[this.i];
    if (c === undefined) throw new Error('trailing backslash');
    this.i++;
    if (c === 'b' || c === 'B') return { kind: 'empty', start, end: this.i };
    if (c === 'd') return { kind: 'char', classes: [27], start, end: this.i };
    if ('DwWsS'.includes(c)) return { kind: 'any', start, end: this.i };
    if (c >= '1' && c <= '9') {
      while (/[0-9]/.test(this.s[this.i] ?? '')) this.i++;
      return { kind: 'backref', start, end: this.i };
    }
    if ((c === 'p' || c === 'P') && this.s[this.i] === '{') {
      // A Unicode property (u flag): a large set.
      const close = this.s.indexOf('}', this.i);
      if (close < 0) throw new Error('property');
      this.i = close + 1;
      return { kind: 'any', start, end: this.i };
    }
    if (c === 'k' || c === 'c' || c === 'p' || c === 'P') throw new Error('escape');
    const code = this.escapedCode(c);
    return this.char(code, start);
  }

  /** The code unit of a character escape whose letter was just read. */
  private escapedCode(c: string): number {
    switch (c) {
      case 'n':
        return 10;
      case 't':
        return 9;
      case 'r':
        return 13;
      case 'f':
        return 12;
      case 'v':
        return 11;
      case '0':
        return 0;
      case 'x':
      case 'u': {
        const digits = c === 'x' ? 2 : 4;
        const hex = this.s.slice(this.i, this.i + digits);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) throw new Error('hex escape');
        this.i += digits;
        return parseInt(hex, 16);
      }
      default:
        return c.charCodeAt(0); // identity escape: \. \/ \- \' …
    }
  }

  private charClass(): Node {
    const start = this.i;
    this.i++;
    let negated = false;
    if (this.s[this.i] === '^') {
      negated = true;
      this.i++;
    }
    const classes = new Set<number>();
    // An empty class matches nothing; counting it as any character keeps the reading sound.
    let unknown = negated || this.s[this.i] === ']';
    while (this.s[this.i] !== ']') {
      if (this.i >= this.s.length) throw new Error('unclosed class');
      const lo = this.classAtom();
      if (this.s[this.i] === '-' && this.s[this.i + 1] !== ']' && this.i + 1 < this.s.length && lo !== null) {
        this.i++;
        const hi = this.classAtom();
        if (hi === null || hi < lo) throw new Error('range');
        if (hi - lo > 40) unknown = true;
        else for (let k = lo; k <= hi; k++) classes.add(foldChar(k));
      } else if (lo === null) {
        unknown = true;
      } else {
        classes.add(foldChar(lo));
      }
    }
    this.i++;
    if (unknown || classes.has(0) || classes.size > MAX_CLASS_CHARS) return { kind: 'any', start, end: this.i };
    return { kind: 'char', classes: [...classes], start, end: this.i };
  }

  /** One member of a class: its code unit, or null for a class escape (\d counts as known). */
  private classAtom(): number | null {
    const c = this.s[this.i]!;
    this.i++;
    if (c !== '\\') return c.charCodeAt(0);
    const e = this.s[this.i];
    if (e === undefined) throw new Error('trailing backslash');
    this.i++;
    if (e === 'd') return 48; // any digit folds to the digit class
    if ('DwWsS'.includes(e)) return null;
    if (e === 'b') return 8;
    if ((e === 'p' || e === 'P') && this.s[this.i] === '{') {
      const close = this.s.indexOf('}', this.i);
      if (close < 0) throw new Error('property');
      this.i = close + 1;
      return null;
    }
    if (e === 'c' || e === 'p' || e === 'P' || e === 'k') throw new Error('escape');
    return this.escapedCode(e);
  }
}

function hasBackreference(node: Node): boolean {
  switch (node.kind) {
    case 'backref':
      return true;
    case 'seq':
    case 'alt':
      return node.items.some(hasBackreference);
    case 'group':
    case 'repeat':
      return hasBackreference(node.body);
    default:
      return false;
  }
}

/** The sequence with `group` replaced by one of its alternatives (for a branch's literals). */
function seqWith(seq: SeqNode, group: GroupNode, inner: Node): SeqNode {
  return { ...seq, items: seq.items.map((n) => (n === group ? { ...group, body: inner } : n)) };
}

// ---- From the syntax tree to required literals. ----

/** Beyond this many strings, a finite set is no longer spelled out. */
const MAX_EXACT = 24;

interface Info {
  /** Every string the node can match, when that set is small and known. */
  exact: string[] | null;
  /** One of these occurs in every match; null when a match may hold none. */
  required: Literals;
  /** When not exact: every match starts with one of these, and ends with one of `suffix` (a repeat: \d{1,2}). */
  prefix?: string[];
  suffix?: string[];
}

const ANY: Info = { exact: null, required: null };
const EMPTY: Info = { exact: [''], required: null };

function infoOf(node: Node): Info {
  switch (node.kind) {
    case 'char':
      return fromExact(node.classes.map((k) => String.fromCharCode(k)));
    case 'any':
    case 'backref':
      return ANY;
    case 'empty':
      return EMPTY;
    case 'group':
      return infoOf(node.body);
    case 'alt':
      return alternationInfo(node.items.map(infoOf));
    case 'repeat':
      return repeatInfo(infoOf(node.body), node.min, node.max);
    case 'seq':
      return sequenceInfo(node.items.map(infoOf));
  }
}

function fromExact(exact: string[]): Info {
  const set = [...new Set(exact)];
  return { exact: set, required: set.includes('') ? null : set };
}

function alternationInfo(items: Info[]): Info {
  if (items.every((x) => x.exact !== null)) {
    const union = [...new Set(items.flatMap((x) => x.exact!))];
    if (union.length <= MAX_EXACT) return fromExact(union);
  }
  if (items.some((x) => x.required === null)) return ANY;
  return { exact: null, required: [...new Set(items.flatMap((x) => x.required!))] };
}

function repeatInfo(body: Info, min: number, max: number): Info {
  if (min === 0) return max === 1 && body.exact !== null ? fromExact([...body.exact, '']) : ANY;
  if (min === 1 && max === 1) return body;
  // x{m,n}: m copies of x at least, so a match starts and ends with m copies (x{3} is exactly xxx).
  let core: string[] | null = body.exact;
  for (let k = 1; k < min && core !== null; k++) core = core.length * body.exact!.length <= MAX_EXACT ? cross(core, body.exact!) : null;
  if (core === null) return { exact: null, required: body.required };
  if (min === max) return fromExact(core);
  return { exact: null, required: core.includes('') ? body.required : core, prefix: core, suffix: core };
}

function sequenceInfo(items: Info[]): Info {
  if (items.length === 1) return items[0]!;
  const candidates: string[][] = [];
  let run: string[] | null = null;
  let whole = true;
  for (const item of items) {
    if (item.exact !== null) {
      if (run === null) {
        run = item.exact;
        continue;
      }
      const product: string[] | null = run.length * item.exact.length <= MAX_EXACT ? cross(run, item.exact) : null;
      if (product !== null) {
        run = product;
      } else {
        candidates.push(run);
        run = item.exact;
        whole = false;
      }
    } else if (item.prefix !== undefined && item.suffix !== undefined) {
      // A run continues into the item's start; a new run begins with its end.
      whole = false;
      if (run !== null) candidates.push(run.length * item.prefix.length <= MAX_EXACT ? cross(run, item.prefix) : run);
      if (item.required !== null) candidates.push(item.required);
      run = item.suffix;
    } else {
      whole = false;
      if (run !== null) candidates.push(run);
      run = null;
      if (item.required !== null) candidates.push(item.required);
    }
  }
  if (run !== null) candidates.push(run);
  if (whole) return fromExact(run ?? ['']);
  return { exact: null, required: best(candidates) };
}

function cross(a: string[], b: string[]): string[] {
  const out: string[] = [];
  for (const x of a) for (const y of b) out.push(x + y);
  return [...new Set(out)];
}

/** The most selective candidate set: the longest shortest literal, then the fewest literals. */
function best(candidates: string[][]): Literals {
  let chosen: string[] | null = null;
  let chosenMin = 0;
  for (const c of candidates) {
    if (c.length === 0 || c.includes('')) continue;
    const min = Math.min(...c.map((s) => s.length));
    if (chosen === null || min > chosenMin || (min === chosenMin && c.length < chosen.length)) {
      chosen = c;
      chosenMin = min;
    }
  }
  return chosen;
}
