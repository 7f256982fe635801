/**
 * The questions the audience asks, grouped so "What are your visiting hours?" and "when are
 * visiting hours??" count as one question: a ready list of FAQ posts for the composer.
 */
import { mentionTimes, mentionTokenizer, normaliseText, recentIds, requireInstant, type MentionTokenizer, type TermOptions, type TrendMention } from './terms.ts';
import { TrendsError } from './trends-error.ts';

export interface QuestionGroup {
  /** The most common wording in the group (its earliest mention's text for that wording). */
  question: string;
  /** Mentions asking it. */
  count: number;
  /** Key terms shared by at least half of the group's questions, most shared first, as written. */
  terms: string[];
  /** Up to three of those mentions, most recent first. */
  examples: string[];
}

/** Words that open a question even without a question mark ("how do I get a flu shot"). */
const QUESTION_OPENERS = new Set(
  `who whom whose what when where why how which can could does do did is are was were will would should shall may might has have anyone anybody any`.split(' '),
);
// Two questions whose key-term sets overlap this much (Jaccard) are the same question.
const SAME_QUESTION_SIMILARITY = 0.5;
const SENTENCE_END = /(?<=[.!?])\s+|\n+/u;
const LINK = /\b(?:https?:\/\/|www\.)\S+/giu;
const LEADING_NOISE = /^(?:\s*(?:@[\p{L}\p{M}\p{N}_.-]+|[^\p{L}\p{M}\p{N}#@]+))+/u;

/** The question sentences of `text`: ending in '?' or opening with who/what/how/can/does/is/… */
export function questionsIn(text: string): string[] {
  return text
    .replace(LINK, ' ')
    .split(SENTENCE_END)
    .map((s) => s.replace(LEADING_NOISE, '').trim())
    .filter((s) => s.length > 0 && isQuestionSentence(s));
}

export function looksLikeQuestion(text: string): boolean {
  return questionsIn(text).length > 0;
}

function isQuestionSentence(sentence: string): boolean {
  if (sentence.includes('?')) return true;
  const words = normaliseText(sentence).split(/[^\p{L}\p{M}\p{N}']+/u).filter(Boolean);
  // "Will do!" and "Is all." are not questions: an opener needs a few words after it.
  return words.length >= 3 && QUESTION_OPENERS.has(words[0] ?? '');
}

/** The words a question is about, singularised for grouping ('hours' and 'hour' match). */
export function questionKeyTerms(question: string, options: TermOptions = {}): Set<string> {
  return new Set(keyTermsAsWritten(question, '', mentionTokenizer(options)).keys());
}

// Singular key → the word as written, so groups match on 'hour' but show 'hours'.
function keyTermsAsWritten(question: string, mentionId: string, tokenizer: MentionTokenizer): Map<string, string> {
  const terms = new Map<string, string>();
  for (const token of tokenizer.tokens(mentionId, question)) {
    if (token === null) continue;
    const word = token.charCodeAt(0) === 35 /* # */ ? token.slice(1) : token;
    if (!tokenizer.isContent(word)) continue;
    const key = singular(word);
    if (!terms.has(key)) terms.set(key, word);
  }
  return terms;
}

/**
 * The `n` most asked questions among mentions created in [from, to). Questions are grouped
 * when their normalised text is identical or their key-term sets overlap by at least half
 * (Jaccard ≥ 0.5) with the group's first question; a mention counts once per group.
 */
export function topQuestions(mentions: readonly TrendMention[], from: string, to: string, n = 10, options: TermOptions = {}): QuestionGroup[] {
  return topQuestionsWith(mentions, from, to, n, mentionTokenizer(options));
}

/** topQuestions with a tokenizer another trend list of the same read may share. */
export function topQuestionsWith(mentions: readonly TrendMention[], from: string, to: string, n: number, tokenizer: MentionTokenizer): QuestionGroup[] {
  const fromMs = requireInstant(from, 'from');
  const toMs = requireInstant(to, 'to');
  if (toMs <= fromMs) throw new TrendsError('INVALID_RANGE', `to (${to}) must be after from (${from})`, { field: 'to' });
  const times = mentionTimes(mentions);

  const asked = mentions
    .map((m, i) => ({ mention: m, at: times[i] ?? Number.NaN }))
    .filter(({ at }) => at >= fromMs && at < toMs)
    .sort((a, b) => a.at - b.at || (a.mention.id < b.mention.id ? -1 : a.mention.id > b.mention.id ? 1 : 0));

  const groups = new GroupIndex();
  for (const { mention, at } of asked) {
    for (const text of questionsIn(mention.text)) {
      const wording = normaliseWording(text);
      const terms = keyTermsAsWritten(text, mention.id, tokenizer);
      const keys = new Set(terms.keys());
      const group = groups.best(wording, keys) ?? groups.add(keys);
      groups.addWording(group, wording);
      group.askedBy.set(mention.id, at);
      group.questions.push({ text, wording, terms });
    }
  }

  return groups.all
    .map((g) => summarise(g))
    .sort((a, b) => b.count - a.count || b.latest - a.latest || (a.question < b.question ? -1 : a.question > b.question ? 1 : 0))
    .slice(0, n)
    .map(({ latest: _latest, ...group }) => group);
}

interface GroupBuilder {
  /** Place in formation order. */
  order: number;
  key: Set<string>;
  wordings: Set<string>;
  questions: Array<{ text: string; wording: string; terms: Map<string, string> }>;
  askedBy: Map<string, number>;
}

/**
 * The groups in the order they were formed, indexed by wording and by key term: a question is
 * compared only with the groups it could join (same wording, or a key term in common, which a
 * Jaccard overlap needs), not with every group so far, so a thousand different questions do not
 * cost a million comparisons. The first best of those, in formation order, is what a scan of all
 * the groups would pick.
 */
class GroupIndex {
  readonly all: GroupBuilder[] = [];
  private readonly byWording = new Map<string, GroupBuilder[]>();
  private readonly byTerm = new Map<string, GroupBuilder[]>();

  best(wording: string, terms: Set<string>): GroupBuilder | undefined {
    const candidates = new Set<GroupBuilder>(this.byWording.get(wording));
    for (const t of terms) for (const g of this.byTerm.get(t) ?? []) candidates.add(g);
    let best: GroupBuilder | undefined;
    let bestScore = 0;
    for (const g of [...candidates].sort((a, b) => a.order - b.order)) {
      const score = g.wordings.has(wording) ? 1 : jaccard(g.key, terms);
      if (score >= SAME_QUESTION_SIMILARITY && score > bestScore) {
        best = g;
        bestScore = score;
      }
    }
    return best;
  }

  add(terms: Set<string>): GroupBuilder {
    const group: GroupBuilder = { order: this.all.length, key: terms, wordings: new Set(), questions: [], askedBy: new Map() };
    this.all.push(group);
    for (const t of terms) push(this.byTerm, t, group);
    return group;
  }

  addWording(group: GroupBuilder, wording: string): void {
    if (group.wordings.has(wording)) return;
    group.wordings.add(wording);
    push(this.byWording, wording, group);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function summarise(g: GroupBuilder): QuestionGroup & { latest: number } {
  const byWording = new Map<string, { text: string; count: number }>();
  const termCounts = new Map<string, number>();
  const written = new Map<string, Map<string, number>>();
  for (const q of g.questions) {
    const w = byWording.get(q.wording);
    if (w) w.count++;
    else byWording.set(q.wording, { text: q.text, count: 1 });
    for (const [key, word] of q.terms) {
      termCounts.set(key, (termCounts.get(key) ?? 0) + 1);
      const forms = written.get(key) ?? new Map<string, number>();
      forms.set(word, (forms.get(word) ?? 0) + 1);
      written.set(key, forms);
    }
  }
  // Map order is first-seen, so ties go to the earliest wording.
  let question = '';
  let top = 0;
  for (const w of byWording.values()) {
    if (w.count > top) {
      question = w.text;
      top = w.count;
    }
  }
  const terms = [...termCounts]
    .filter(([, c]) => c * 2 >= g.questions.length)
    .sort((a, b) => b[1] - a[1]) // stable: ties keep reading order ('visiting hours')
    .map(([key]) => mostCommon(written.get(key)) ?? key);
  const asked = [...g.askedBy].map(([id, at]) => ({ id, at }));
  return { question, count: asked.length, terms, examples: recentIds(asked), latest: Math.max(...asked.map((a) => a.at)) };
}

function mostCommon(counts: Map<string, number> | undefined): string | undefined {
  let best: string | undefined;
  let top = 0;
  for (const [value, c] of counts ?? []) {
    if (c > top) {
      best = value;
      top = c;
    }
  }
  return best;
}

function normaliseWording(text: string): string {
  return normaliseText(text)
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}
