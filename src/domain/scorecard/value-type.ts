/**
 * The value mix (rule "Value"): what each post does for its reader, and the share of promotion.
 * Classification is a small set of cue rules, explainable in the UI ("'book now' → promotional");
 * the team can always edit a post's type, and a stored type wins over the guess.
 */
import type { ComposerFinding } from '../composer/index.ts';
import { ScorecardError } from './scorecard-error.ts';
import { DAY_MS, requireInstant } from './time.ts';
import { VALUE_TYPES, type PublishedPost, type ValueType } from './types.ts';

export interface ValueClassification {
  type: ValueType;
  /** 0–1: the winning type's share of cue weight, lowered when few cues matched; 0.2 with no cues. */
  confidence: number;
  /** The cues that matched, e.g. ["promotional: 'book now'"]. */
  reasons: string[];
}

interface Cue {
  type: ValueType;
  pattern: RegExp;
  /**
   * The same pattern without the i flag, for ASCII text lowercased once: V8 runs case-insensitive
   * Unicode patterns some 20 times slower. On ASCII text the two agree as long as the pattern
   * spells its letters in lowercase (Unicode case folding differs from lowercasing only beyond ASCII).
   */
  lowercase?: RegExp;
  weight: number;
  label: string;
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const cue = (type: ValueType, weight: number, label: string, source: string, flags = 'iu'): Cue => ({
  type,
  weight,
  label,
  pattern: new RegExp(source, flags),
  // An uppercase letter not escaped (\S, \D…) would be a literal the lowercased text never has.
  ...(flags.includes('i') && !/(?<!\\)[A-Z]/u.test(source) ? { lowercase: new RegExp(source, flags.replace('i', '')) } : {}),
});
// No character beyond ASCII (the range starts at NUL on purpose).
const ASCII = /^[\0-\x7f]*$/u;

const CUES: readonly Cue[] = [
  cue('promotional', 2, 'book now', '\\bbook (?:now|today|online|your)\\b'),
  cue('promotional', 2, '% off', '\\d+\\s?% off\\b|\\bdiscount|\\bspecial offer|\\bpromo code'),
  cue('promotional', 2, 'sign up', '\\bsign up\\b|\\bregister (?:now|today)\\b|\\benrol+ (?:now|today)\\b'),
  cue('promotional', 2, 'schedule your', '\\b(?:schedule|request|make) (?:your|an|a) (?:appointment|visit|screening|consultation|mammogram)\\b|\\bschedule your\\b'),
  cue('promotional', 1, 'our new', '\\bour new\\b|\\bnow offering\\b|\\bnow accepting\\b|\\bcall (?:us )?today\\b'),
  cue('promotional', 1, 'best care', '\\bbest (?:care|doctors|hospital)\\b|\\bchoose us\\b'),
  cue('educational', 2, 'tips', '\\btips?\\b|\\bways to\\b'),
  cue('educational', 2, 'signs of', '\\b(?:signs|symptoms|risk factors|causes) of\\b|\\bwarning signs\\b'),
  cue('educational', 2, 'how to', '\\bhow to\\b|\\bwhat to know\\b|\\bwhen to (?:see|call)\\b'),
  cue('educational', 2, 'did you know', '\\bdid you know\\b|\\bmyth\\b|\\bfact:'),
  cue('educational', 1, 'health advice', '\\breduce your risk\\b|\\bprevent(?:ion|ing)?\\b|\\bhealthy\\b|\\bscreening guidelines\\b'),
  cue('event', 2, 'join us', '\\bjoin us\\b|\\bcome (?:by|out|visit)\\b|\\bsee you (?:there|at)\\b'),
  cue('event', 2, 'event', '\\bevent\\b|\\bseminar\\b|\\bwebinar\\b|\\bworkshop\\b|\\bhealth fair\\b|\\bopen house\\b|\\bclinic day\\b|\\b5k\\b'),
  cue('event', 1, 'date', `\\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\\b|\\b${MONTH} \\d{1,2}(?:st|nd|rd|th)?\\b|\\b\\d{1,2}/\\d{1,2}\\b`),
  cue('event', 1, 'time', '\\b\\d{1,2}(?::\\d{2})?\\s?(?:am|pm|a\\.m\\.|p\\.m\\.)\\b|\\b\\d{1,2}:\\d{2}\\b'),
  cue('community', 2, 'thank you', '\\bthank you\\b|\\bthanks to (?:our|all)\\b|\\bgrateful\\b|\\bshout.?out\\b'),
  cue('community', 2, 'volunteer', '\\bvolunteers?\\b|\\bdonat(?:e|ion|ed)\\b|\\bfundrais'),
  cue('community', 2, 'community', '\\bcommunity\\b|\\bneighbou?rs?\\b|\\blocal (?:schools?|families|partners)\\b'),
  cue('community', 1, 'our team', '\\b(?:nurses|staff|team|caregivers) week\\b|\\bcelebrat'),
  cue('patient_story', 2, 'meet', '\\b[Mm]eet (?!Dr\\b)(?:[A-Z][a-z]+\\b|our patient)', 'u'),
  cue('patient_story', 2, 'story', '\\bstory\\b|\\bjourney\\b|\\bsurvivor\\b'),
  cue('patient_story', 2, 'first-person patient', "\\b(?:i|my)\\b[^.!?]{0,80}\\b(?:diagnos\\w*|surgery|treatment|recover\\w*|chemo\\w*|transplant|cancer|heart attack|stroke)\\b"),
  cue('patient_story', 1, 'patient', '\\bpatients? (?:share|shares|tells)\\b|\\bafter (?:her|his|their) (?:surgery|treatment|diagnosis)\\b'),
  cue('news', 2, 'announces', '\\bannounce[sd]?\\b|\\bnamed\\b|\\branked\\b|\\bopens\\b|\\bopening of\\b|\\bappoint(?:s|ed)\\b'),
  cue('news', 2, 'award', '\\baward(?:ed|s)?\\b|\\brecogni[sz]ed\\b|\\baccredit\\w*\\b|\\bmagnet status\\b'),
  cue('news', 1, 'press', '\\bpress release\\b|\\bin the news\\b|\\bnew (?:ceo|president|chief)\\b'),
];

// Ties go to the type earlier here: naming promotion is what the mix target is for.
const TIE_ORDER: readonly ValueType[] = ['promotional', 'event', 'patient_story', 'news', 'community', 'educational'];
const DEFAULT_TYPE: ValueType = 'educational';

export function classifyValueType(text: string): ValueClassification {
  const weights = new Map<ValueType, number>();
  const reasons: string[] = [];
  let total = 0;
  const lowered = ASCII.test(text) ? text.toLowerCase() : undefined;
  for (const c of CUES) {
    const matched = lowered !== undefined && c.lowercase !== undefined ? c.lowercase.test(lowered) : c.pattern.test(text);
    if (!matched) continue;
    weights.set(c.type, (weights.get(c.type) ?? 0) + c.weight);
    reasons.push(`${c.type}: '${c.label}'`);
    total += c.weight;
  }
  let best: ValueType | undefined;
  let bestWeight = 0;
  for (const type of TIE_ORDER) {
    const w = weights.get(type) ?? 0;
    if (w > bestWeight) {
      best = type;
      bestWeight = w;
    }
  }
  if (best === undefined) return { type: DEFAULT_TYPE, confidence: 0.2, reasons: ['no cue words: assumed educational'] };
  // One weak cue is a hint, not a verdict: confidence grows with the winning weight.
  const confidence = (bestWeight / total) * Math.min(1, bestWeight / 3);
  return { type: best, confidence: Math.round(confidence * 100) / 100, reasons };
}

/** The post's type: the team's stored type, else the classifier's. */
export function valueTypeOf(post: Pick<PublishedPost, 'text' | 'valueType'>): ValueType {
  return post.valueType ?? classifyValueType(post.text).type;
}

export interface ValueMix {
  /** Posts published in (now − days, now]. */
  posts: number;
  counts: Record<ValueType, number>;
  /** counts ÷ posts; all 0 when there are no posts. */
  shares: Record<ValueType, number>;
  /** Of posts, those whose type was classified from the text rather than set by the team. */
  classifiedFromText: number;
  days: number;
}

/** Content mix of the posts published in the last `days` days (denominator: those posts). */
export function valueMix(posts: readonly PublishedPost[], now: string, days = 30): ValueMix {
  requireWindow(days);
  const nowMs = requireInstant(now, 'now');
  const fromMs = nowMs - days * DAY_MS;
  const counts = emptyCounts();
  let total = 0;
  let classifiedFromText = 0;
  for (const post of posts) {
    const at = requireInstant(post.publishedAt, 'publishedAt', post.id);
    if (at <= fromMs || at > nowMs) continue;
    total++;
    if (post.valueType === undefined) classifiedFromText++;
    const type = valueTypeOf(post);
    counts[type]++;
  }
  const shares = emptyCounts();
  for (const type of VALUE_TYPES) shares[type] = total === 0 ? 0 : counts[type] / total;
  return { posts: total, counts, shares, classifiedFromText, days };
}

export const DEFAULT_PROMOTIONAL_TARGET = 0.2;
export const DEFAULT_VALUE_WINDOW_DAYS = 30;

/** A composer finding about the value mix; the composer's ComposerRule needs 'value_mix' added to carry it. */
export interface ValueMixFinding extends Omit<ComposerFinding, 'rule'> {
  rule: 'value_mix';
}

/**
 * A warning when publishing `draftText` now would push the promotional share of the last `days`
 * days (draft included) over `target`; null when the draft is not promotional or stays within it.
 */
export function wouldExceedPromotionalTarget(
  draftText: string,
  posts: readonly PublishedPost[],
  now: string,
  target = DEFAULT_PROMOTIONAL_TARGET,
  days = DEFAULT_VALUE_WINDOW_DAYS,
): ValueMixFinding | null {
  requireTarget(target);
  const draft = classifyValueType(draftText);
  if (draft.type !== 'promotional') return null;
  const mix = valueMix(posts, now, days);
  const promotional = mix.counts.promotional + 1;
  const total = mix.posts + 1;
  if (promotional / total <= target) return null;
  const cues = draft.reasons.filter((r) => r.startsWith('promotional')).map((r) => r.slice('promotional: '.length));
  return {
    rule: 'value_mix',
    severity: 'warn',
    field: 'text',
    message:
      `This draft reads as promotional (${cues.join(', ')}). With it, ${promotional} of ${total} posts in the last ${days} days ` +
      `would be promotional (${percent(promotional / total)}), over the workspace target of ${percent(target)}. ` +
      `Publish ${postsToRestore(promotional, total, target)} educational, community or patient-story post(s) first, or mark the draft's type if it is not promotion.`,
  };
}

/** Non-promotional posts needed so that `promotional` of `total + n` is within `target`. */
export function postsToRestore(promotional: number, total: number, target: number): number {
  if (target <= 0) return Number.POSITIVE_INFINITY;
  return Math.max(0, Math.ceil(promotional / target - total - 1e-9));
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function emptyCounts(): Record<ValueType, number> {
  return { educational: 0, community: 0, patient_story: 0, event: 0, news: 0, promotional: 0 };
}

function requireWindow(days: number): void {
  if (typeof days !== 'number' || !Number.isFinite(days) || days <= 0) {
    throw new ScorecardError('INVALID_OPTION', `days must be a number of days > 0, got ${String(days)}`, { field: 'days' });
  }
}

function requireTarget(target: number): void {
  if (typeof target !== 'number' || !(target > 0 && target <= 1)) {
    throw new ScorecardError('INVALID_OPTION', `the promotional target must be a share in (0, 1], got ${String(target)}`, { field: 'target' });
  }
}
