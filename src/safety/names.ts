import type { IdentifierSpan } from './types.ts';
import { FIRST_NAMES, AMBIGUOUS_FIRST_NAMES } from './lexicon/first-names.ts';
import { NOT_NAME_WORDS } from './lexicon/capitalised-words.ts';

/**
 * Person names without a statistical model: a given-name list, titles and cue words
 * ("my name is", "named", "Mr."), and runs of capitalised words that are not common
 * capitalised words. Confidence says which evidence was seen.
 */
export function findNames(text: string): IdentifierSpan[] {
  const tokens = tokenize(text);
  const spans: IdentifierSpan[] = [];
  const cues = new Map<string, Cue>();
  let i = 0;
  while (i < tokens.length) {
    const found = nameAt(text, tokens, i, cues);
    if (found) {
      spans.push({ type: 'PERSON', start: found.start, end: found.end, text: text.slice(found.start, found.end), confidence: found.confidence });
      i = found.next;
    } else {
      i++;
    }
  }
  return spans;
}

interface Token {
  start: number;
  /** End without a trailing possessive 's. */
  end: number;
  word: string;
  lower: string;
  capitalised: boolean;
  initial: boolean;
}

const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*\.?/gu;
const MAX_TOKENS = 20_000;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text)) !== null && tokens.length < MAX_TOKENS) {
    let word = m[0];
    const hasDot = word.endsWith('.');
    if (hasDot) word = word.slice(0, -1);
    const initial = word.length === 1 && /\p{Lu}/u.test(word);
    if (/['’]s$/.test(word)) word = word.slice(0, -2);
    const first = word.charAt(0);
    const capitalised = first !== first.toLowerCase() && (word.length < 2 || word.slice(1) !== word.slice(1).toUpperCase());
    tokens.push({
      start: m.index,
      end: m.index + word.length + (initial && hasDot ? 1 : 0),
      word,
      lower: word.toLowerCase(),
      capitalised,
      initial,
    });
  }
  return tokens;
}

/** "my mom", "our little brother", "one of my students,": a person named next is someone the writer knows. */
const RELATIVE_CUE = String.raw`\b(?:my|our) (?:(?:little|big|older|younger|baby|twin|kid|step-?) )?(?:mom|mum|mother|dad|father|son|daughter|husband|wife|brother|sister|grandma|grandmother|grandpa|grandfather|aunt|uncle|friend|neighbor|neighbour|partner|baby|boyfriend|girlfriend|kid|child|cousin|nephew|niece|students?|coworkers?|co-workers?|colleagues?|roommates?|classmates?|teammates?|employees?|tenants?|clients?),?`;
/** "Grandma (Edith Solberg)": a relative, then the name in brackets. */
const BRACKETED_RELATIVE = String.raw`\b(?:grandma|grandmother|grandpa|grandfather|mom|mum|mother|dad|father|husband|wife|son|daughter|brother|sister|aunt|uncle|abuela|abuelo)\s*\(`;
const SPANISH_RELATIVE_CUE = String.raw`\bmi (?:hij[oa]|esposo|esposa|marido|madre|padre|mam[aá]|pap[aá]|herman[oa]|abuel[oa]|beb[eé])(?: de \d+)?,?`;
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sr', 'sra', 'srta']);
const CUE_BEFORE =
  new RegExp(String.raw`(?:\bmy name is|\bname is|\bname\s*:|\bnamed|\bcalled|\bcall me|\bi am|\bi'm|\bim|\bthis is|\bsigned|\bregards,|\bthanks,|\blove,|\bpatient|\bpt\.?|\bbaby|${RELATIVE_CUE}|\bto|\bwith|\bby|\band|\bsaid|\bask(?:ed)? for|\bvisit(?:ing|ed)?|${SPANISH_RELATIVE_CUE}|${BRACKETED_RELATIVE}|\bmi nombre es|\bhi|\bhello|\bhola|\bhey|\bdear|\bcongrats,?|\bthank you,?)\s*$`, 'i');
const STRONG_CUE =
  new RegExp(String.raw`(?:\bmy name is|\bname is|\bname\s*:|\bnamed|\bcalled|\bcall me|\bsigned|\bpatient|\bpt\.?|\bbaby|${RELATIVE_CUE}|${SPANISH_RELATIVE_CUE}|${BRACKETED_RELATIVE}|\bmi nombre es)\s*$`, 'i');
/** "I'm Terrence Boyle", "this is Ana Ruiz": a writer giving a full name. */
const SELF_INTRODUCTION = /(?:\bi(?:'|’)?m|\bi am|\bthis is|\bmy name is|\bme llamo|\bsoy)[ \t,]*$/i;
const ORG_AFTER = new Set(['hospital', 'medical', 'center', 'centre', 'clinic', 'health', 'foundation', 'university', 'college', 'school', 'pavilion', 'institute', 'church', 'street', 'avenue', 'road', 'hall', 'building', 'wing', 'park', 'county']);
const ORG_BEFORE = new Set(['st', 'saint', 'mount', 'mt', 'lake', 'fort', 'port', 'san', 'santa']);

const PET_NAMED = /\b(?:cat|dog|tabby|calico|kitten|kitty|puppy|pup|lab|beagle|retriever|terrier|poodle|shepherd|chihuahua|husky|boxer|bird|parrot|budgie|horse|pony|mare|hamster|rabbit|bunny|ferret|guinea pig|goldfish|fish|turtle|tortoise|snake|lizard|gecko|pet)(?: \w+)? (?:named|called)\s*$/i;

/** Given names that open questions as verbs. */
const MODAL_NAMES = new Set(['will', 'may', 'can']);

/** The word at `start` opens a sentence that ends in a question mark. */
function opensQuestion(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 3), start).trimEnd();
  if (before !== '' && !/[.!?\n]$/.test(before) && start > 3) return false;
  const end = text.slice(start, start + 300).search(/[.!?\n]/);
  return end >= 0 && text[start + end] === '?';
}

/** "name is", "named": the one cue strong enough to read a word in capitals as a name. */
const NAMED_CUE = /(?:\bname is|\bname\s*:|\bnamed|\bme llamo|\bmi nombre es)\s*$/i;

function isShouted(t: Token): boolean {
  return t.word.length > 1 && t.word !== t.lower && t.word === t.word.toUpperCase();
}

function isNameWord(t: Token): boolean {
  return t.capitalised && !NOT_NAME_WORDS.has(t.lower);
}

function joined(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  // A full stop after a whole word ends a sentence ("in April. Could…"); an initial keeps its dot in the token.
  return gap.length <= 3 && /^(?:[ \t]{1,2}|['’]s[ \t])$/.test(gap) && !/['’]s/.test(gap);
}

interface Cue {
  strong: boolean;
  any: boolean;
}

/** The cue tests on the 30 characters before a word; a repeated context (a long post) is tested once per message. */
function cueBefore(before: string, cues: Map<string, Cue>): Cue {
  let cue = cues.get(before);
  if (cue === undefined) {
    const strong = STRONG_CUE.test(before);
    cue = { strong, any: strong || CUE_BEFORE.test(before) };
    cues.set(before, cue);
  }
  return cue;
}

function nameAt(text: string, tokens: Token[], i: number, cues: Map<string, Cue>): { start: number; end: number; confidence: number; next: number } | null {
  const t = tokens[i]!;
  // A message in capitals still names someone after "name is": "HER NAME IS ISLA MARIE FENWICK".
  const shouted = !t.capitalised && isShouted(t);
  if ((!t.capitalised && !shouted) || t.initial) return null;
  const prev = tokens[i - 1];
  const before = text.slice(Math.max(0, t.start - 30), t.start);
  if (shouted && (NOT_NAME_WORDS.has(t.lower) || !NAMED_CUE.test(before))) return null;
  const titled = prev !== undefined && TITLES.has(prev.lower) && t.start - prev.end <= 2;
  const found = cueBefore(before, cues);
  const strongCue = found.strong;
  const cue = titled || found.any;
  if (prev && ORG_BEFORE.has(prev.lower) && t.start - prev.end <= 2) return null;
  // "a sweet tabby named Pickles": a pet's name (d36).
  if (strongCue && PET_NAMED.test(before)) return null;
  // "Will Riverside's team have a table?": a question opening with a modal, not a man called Will (d36).
  if (MODAL_NAMES.has(t.lower) && opensQuestion(text, t.start)) return null;

  // Extend over surname(s) and initials: "Janka M. Szász", "Tom Baker".
  let j = i;
  while (j + 1 < tokens.length && j - i < 3) {
    const n = tokens[j + 1]!;
    if (!joined(text, tokens[j]!, n)) break;
    if (!(isNameWord(n) || n.initial || (shouted && isShouted(n) && !NOT_NAME_WORDS.has(n.lower)))) break;
    j++;
    if (text.slice(tokens[j - 1]!.end, n.start).includes("'")) break;
  }
  while (j > i && tokens[j]!.initial) j--;
  // In capitals only a run holding a known given name: "NAME IS ON THE FORM" names no one.
  if (shouted && !tokens.slice(i, j + 1).some((n) => FIRST_NAMES.has(n.lower) || AMBIGUOUS_FIRST_NAMES.has(n.lower))) return null;
  const after = tokens[j + 1];
  if (after && ORG_AFTER.has(after.lower) && joined(text, tokens[j]!, after)) return null;
  const length = j - i + 1;
  const end = tokens[j]!.end;

  const listed = FIRST_NAMES.has(t.lower);
  const ambiguous = AMBIGUOUS_FIRST_NAMES.has(t.lower);
  const common = NOT_NAME_WORDS.has(t.lower);
  let confidence = 0;
  if (titled && !common) confidence = 0.95;
  else if (strongCue && !common) confidence = 0.9;
  else if (listed && !common) confidence = length > 1 ? 0.9 : 0.8;
  else if (ambiguous && (length > 1 || cue)) confidence = 0.7;
  else if (!common && length > 1 && SELF_INTRODUCTION.test(before)) confidence = 0.75;
  else if (!common && !ambiguous && length > 1) confidence = 0.5;
  else if (!common && !ambiguous && length === 1 && isVocative(text, t)) confidence = 0.65;
  else if (!common && !ambiguous && cue && t.start > 0) confidence = 0.45;
  if (confidence === 0) return null;
  return { start: t.start, end, confidence, next: j + 1 };
}

/** "…went well, Tom!" or "Hi Gigi," : a lone capitalised word addressed to someone. */
function isVocative(text: string, t: Token): boolean {
  const before = text.slice(Math.max(0, t.start - 8), t.start);
  const after = text.charAt(t.end);
  return (/,\s$/.test(before) && /^[!.?]$/.test(after)) || (/\b(?:hi|hello|hey|dear|thanks|congrats)\s$/i.test(before) && /^[,!]$/.test(after));
}
