/**
 * The rule layer's view of a message, as named features for the statistical layer: what each
 * rule decided, which lexicons fired, the VADER tone, and the PHI guard's identifiers and context.
 * The model learns how far to trust each one on unseen wording.
 */
import type { IdentifierSpan, MessageKind, Sentiment } from '../types.ts';
import type { Triage } from '../triage.ts';
import type { PhiDecision } from '../phi-guard.ts';
import type { Signals } from './features.ts';
import { ScannedText, testBranchByBranch } from '../scanned-text.ts';
import {
  EDUCATIONAL_FRAME,
  EMERGENCY_IDIOM,
  PRESENT_PERSONAL,
  SELF_HARM_IDIOM,
  COMPLAINT,
  PRAISE,
  PRAISE_TARGET,
  MISINFORMATION,
  MISINFORMATION_COUNTER,
  SPAM,
  LINK,
  QUESTION_START,
  QUESTION_MARKERS,
} from '../lexicon/intents.ts';
import {
  SUSPECT_PRODUCT,
  GENERIC_PRODUCT,
  ADVERSE_EVENT,
  SIDE_EFFECTS_EXPERIENCED,
  NO_HARM,
  CAUSAL_LINK,
  AE_PATIENT,
  AE_HEARSAY,
  ANIMAL_SUBJECT,
  ANY_PRODUCT,
  HARM_WORDS,
} from '../lexicon/adverse-events.ts';
import { ACUTE_NOW, ACUTE_SYMPTOM_BROAD, CRISIS_WORDS, TIME_OR_CAUSE_CUE } from '../lexicon/acute-cues.ts';

export interface SignalInputs {
  text: string;
  kind: MessageKind;
  rules: Triage;
  ruleSentiment: Sentiment;
  vaderScore: number;
  identifiers: IdentifierSpan[];
  phi: PhiDecision;
  /** The scan of `text`, shared with the rules (patterns already tested there are not run again). */
  scanned?: ScannedText;
}

const LEXICON_LIST: ReadonlyArray<[string, RegExp]> = [
  ['educational', EDUCATIONAL_FRAME],
  ['present_personal', PRESENT_PERSONAL],
  ['complaint', COMPLAINT],
  ['praise', PRAISE],
  ['praise_target', PRAISE_TARGET],
  ['misinformation', MISINFORMATION],
  ['misinformation_counter', MISINFORMATION_COUNTER],
  ['spam', SPAM],
  ['link', LINK],
  ['question_start', QUESTION_START],
  ['question_marker', QUESTION_MARKERS],
  ['suspect_product', SUSPECT_PRODUCT],
  ['generic_product', GENERIC_PRODUCT],
  ['adverse_event', ADVERSE_EVENT],
  ['side_effects_experienced', SIDE_EFFECTS_EXPERIENCED],
  ['no_harm', NO_HARM],
  ['causal_link', CAUSAL_LINK],
  ['ae_patient', AE_PATIENT],
  ['ae_hearsay', AE_HEARSAY],
  ['animal_subject', ANIMAL_SUBJECT],
  ['acute_now', ACUTE_NOW],
  ['acute_symptom', ACUTE_SYMPTOM_BROAD],
  ['crisis_words', CRISIS_WORDS],
  ['time_or_cause', TIME_OR_CAUSE_CUE],
  ['any_product', ANY_PRODUCT],
  ['harm_words', HARM_WORDS],
];

// Global-flag patterns keep lastIndex between calls; these two are only tested, never iterated.
const IDIOM_LIST: ReadonlyArray<[string, RegExp]> = [
  ['emergency_idiom', new RegExp(EMERGENCY_IDIOM.source, 'i')],
  ['self_harm_idiom', new RegExp(SELF_HARM_IDIOM.source, 'i')],
];
// Long phrase lists only the model reads: cheaper tested branch by branch (see scanned-text.ts).
testBranchByBranch(ANY_PRODUCT, HARM_WORDS, ACUTE_SYMPTOM_BROAD, CRISIS_WORDS);
// Signal names built once, not per message.
const LEXICONS = LEXICON_LIST.map(([name, re]) => [`lex:${name}`, re] as const);
const IDIOMS = IDIOM_LIST.map(([name, re]) => [`lex:${name}`, re] as const);

// The expensive phrase lists (emergency symptoms, self-harm) already ran in triage; their verdicts arrive as rule:* signals.
const LEXICON_TEXT_CHARS = 1200;

export function messageSignals(input: SignalInputs): Signals {
  const text = input.text.length > LEXICON_TEXT_CHARS ? input.text.slice(0, LEXICON_TEXT_CHARS) : input.text;
  const scanned = input.scanned !== undefined && input.scanned.text === text ? input.scanned : new ScannedText(text);
  const s: Signals = {};
  s[`kind:${input.kind}`] = 1;
  for (const intent of input.rules.intents) s[`rule:${intent}`] = 1;
  if (input.rules.adverseEvent?.product) s['rule:ae_product'] = 1;
  for (const [name, re] of LEXICONS) if (scanned.has(re)) s[name] = 1;
  for (const [name, re] of IDIOMS) if (scanned.has(re)) s[name] = 1;
  if (s['lex:any_product'] && s['lex:harm_words']) s['lex:product_and_harm'] = 1;
  if (s['lex:product_and_harm'] && s['lex:time_or_cause']) s['lex:product_then_harm'] = 1;
  if (s['lex:acute_symptom'] && s['lex:acute_now']) s['lex:acute_symptom_now'] = 1;
  if (text.includes('?')) s['text:question_mark'] = 1;
  if (/!/.test(text)) s['text:exclamation'] = 1;
  if (/\b[A-Z]{4,}\b/.test(text)) s['text:shouting'] = 1;

  s[`rule_sentiment:${input.ruleSentiment}`] = 1;
  s[`rule_sentiment:${input.kind}:${input.ruleSentiment}`] = 1;
  s['vader:compound'] = input.vaderScore;
  s[`vader:${input.kind}:${vaderBand(input.vaderScore)}`] = 1;

  const phi = input.phi;
  if (phi.found) s['phi:rule'] = 1;
  if (phi.evidence.careTied) s['phi:care_tied'] = 1;
  if (phi.evidence.personal) s['phi:personal'] = 1;
  if (phi.evidence.eventish) s['phi:public_event'] = 1;
  if (phi.evidence.patientStatus) s['phi:patient_status'] = 1;
  if (phi.candidates.length > 0) s[`phi:${input.kind}:has_candidate`] = 1;
  for (const c of phi.candidates) s[`phi:candidate:${c.type}`] = 1;
  for (const id of input.identifiers) s[`id:${id.type}`] = 1;
  return s;
}

function vaderBand(score: number): string {
  if (score >= 0.6) return 'very_positive';
  if (score >= 0.2) return 'positive';
  if (score > -0.2) return 'neutral';
  if (score > -0.6) return 'negative';
  return 'very_negative';
}
