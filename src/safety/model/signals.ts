/**
 * The rule layer's view of a message, as named features for the statistical layer: what each
 * rule decided, which lexicons fired, the VADER tone, and the PHI guard's identifiers and context.
 * The model learns how far to trust each one on unseen wording.
 */
import type { IdentifierSpan, MessageKind, Sentiment } from '../types.ts';
import type { Triage } from '../triage.ts';
import type { PhiDecision } from '../phi-guard.ts';
import { signal, SignalFamily, SignalList } from './features.ts';
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
// Signals named and hashed once, not per message; set in the order the record of names was built in.
const LEXICONS = LEXICON_LIST.map(([name, re]) => [signal(`lex:${name}`), re] as const);
const IDIOMS = IDIOM_LIST.map(([name, re]) => [signal(`lex:${name}`), re] as const);
const KIND = new SignalFamily('kind:');
const RULE = new SignalFamily('rule:');
const RULE_AE_PRODUCT = signal('rule:ae_product');
const LEX_ANY_PRODUCT = signal('lex:any_product');
const LEX_HARM_WORDS = signal('lex:harm_words');
const LEX_PRODUCT_AND_HARM = signal('lex:product_and_harm');
const LEX_TIME_OR_CAUSE = signal('lex:time_or_cause');
const LEX_PRODUCT_THEN_HARM = signal('lex:product_then_harm');
const LEX_ACUTE_SYMPTOM = signal('lex:acute_symptom');
const LEX_ACUTE_NOW = signal('lex:acute_now');
const LEX_ACUTE_SYMPTOM_NOW = signal('lex:acute_symptom_now');
const TEXT_QUESTION_MARK = signal('text:question_mark');
const TEXT_EXCLAMATION = signal('text:exclamation');
const TEXT_SHOUTING = signal('text:shouting');
const RULE_SENTIMENT = new SignalFamily('rule_sentiment:');
const VADER_COMPOUND = signal('vader:compound');
const VADER = new SignalFamily('vader:');
const PHI_RULE = signal('phi:rule');
const PHI_CARE_TIED = signal('phi:care_tied');
const PHI_PERSONAL = signal('phi:personal');
const PHI_PUBLIC_EVENT = signal('phi:public_event');
const PHI_PATIENT_STATUS = signal('phi:patient_status');
const PHI = new SignalFamily('phi:');
const PHI_CANDIDATE = new SignalFamily('phi:candidate:');
const ID = new SignalFamily('id:');

// The expensive phrase lists (emergency symptoms, self-harm) already ran in triage; their verdicts arrive as rule:* signals.
const LEXICON_TEXT_CHARS = 1200;

export function messageSignals(input: SignalInputs): SignalList {
  const text = input.text.length > LEXICON_TEXT_CHARS ? input.text.slice(0, LEXICON_TEXT_CHARS) : input.text;
  const scanned = input.scanned !== undefined && input.scanned.text === text ? input.scanned : new ScannedText(text);
  const s = new SignalList();
  s.set(KIND.of(input.kind));
  for (const intent of input.rules.intents) s.set(RULE.of(intent));
  if (input.rules.adverseEvent?.product) s.set(RULE_AE_PRODUCT);
  for (const [name, re] of LEXICONS) if (scanned.has(re)) s.set(name);
  for (const [name, re] of IDIOMS) if (scanned.has(re)) s.set(name);
  if (s.has(LEX_ANY_PRODUCT) && s.has(LEX_HARM_WORDS)) s.set(LEX_PRODUCT_AND_HARM);
  if (s.has(LEX_PRODUCT_AND_HARM) && s.has(LEX_TIME_OR_CAUSE)) s.set(LEX_PRODUCT_THEN_HARM);
  if (s.has(LEX_ACUTE_SYMPTOM) && s.has(LEX_ACUTE_NOW)) s.set(LEX_ACUTE_SYMPTOM_NOW);
  if (text.includes('?')) s.set(TEXT_QUESTION_MARK);
  if (/!/.test(text)) s.set(TEXT_EXCLAMATION);
  if (/\b[A-Z]{4,}\b/.test(text)) s.set(TEXT_SHOUTING);

  s.set(RULE_SENTIMENT.of(input.ruleSentiment));
  s.set(RULE_SENTIMENT.sub(input.kind).of(input.ruleSentiment));
  s.set(VADER_COMPOUND, input.vaderScore);
  s.set(VADER.sub(input.kind).of(vaderBand(input.vaderScore)));

  const phi = input.phi;
  if (phi.found) s.set(PHI_RULE);
  if (phi.evidence.careTied) s.set(PHI_CARE_TIED);
  if (phi.evidence.personal) s.set(PHI_PERSONAL);
  if (phi.evidence.eventish) s.set(PHI_PUBLIC_EVENT);
  if (phi.evidence.patientStatus) s.set(PHI_PATIENT_STATUS);
  if (phi.candidates.length > 0) s.set(PHI.sub(input.kind).of('has_candidate'));
  for (const c of phi.candidates) s.set(PHI_CANDIDATE.of(c.type));
  for (const id of input.identifiers) s.set(ID.of(id.type));
  return s;
}

function vaderBand(score: number): string {
  if (score >= 0.6) return 'very_positive';
  if (score >= 0.2) return 'positive';
  if (score > -0.2) return 'neutral';
  if (score > -0.6) return 'negative';
  return 'very_negative';
}
