import type { IdentifierSpan, MessageKind, Sentiment } from './types.ts';
import type { OrgProfile } from './profile.ts';
import { findIdentifiers } from './identifiers.ts';
import { guardPhi, type PhiDecision } from './phi-guard.ts';
import { triageMessage, sentencesNotMatching, type Triage } from './triage.ts';
import { sentimentScore, classifySentiment } from './sentiment.ts';
import { messageSignals } from './model/signals.ts';
import { featurize, type FeatureVector } from './model/features.ts';
import { MISINFORMATION_COUNTER } from './lexicon/intents.ts';
import { ANIMAL_SUBJECT, HUMAN_PATIENT, LACK_OF_EFFECT, HARM_WORDS, VET_CARE } from './lexicon/adverse-events.ts';
import { ScannedText } from './scanned-text.ts';
import { spelledOut } from './lexicon/evasive-spellings.ts';

/**
 * Everything the rule layer finds in one message, and the feature vector the statistical layer
 * reads from it. Shared by the analysis and by training, so both see a message the same way.
 */
export interface MessageEvidence {
  kind: MessageKind;
  rules: Triage;
  identifiers: IdentifierSpan[];
  phi: PhiDecision;
  vaderScore: number;
  ruleSentiment: Sentiment;
  /** The message corrects or questions a health claim ("vaccines do NOT cause autism", "is it true…?"). */
  debunking: boolean;
  /** The one who reacted or is treated is an animal, with no person in view: no adverse event (h8). */
  animalOnly: boolean;
  /** …and the writer is looking for a vet: a pet's emergency, not ours to triage ("is there an animal ER open?"). */
  petEmergency: boolean;
  /** The message says a drug is not working and names no harm: the model's adverse event is not taken (h10). */
  onlyLackOfEffect: boolean;
  features: FeatureVector;
}

const DEBUNK_CHARS = 2000;
const NO_TRIAGE: Triage = { intents: [], urgent: false, adverseEvent: null };

export function gatherEvidence(written: string, kind: MessageKind, profile: OrgProfile, replyTo?: string): MessageEvidence {
  // "k!ll myself" is read as what it says; offsets are unchanged, so spans still index the text as written.
  const text = kind === 'mention' ? spelledOut(written) : written;
  // One scan of the text serves every rule below: each lexicon pattern runs once per message.
  const scanned = new ScannedText(text);
  // Triage rules are for incoming messages; our own drafts carry no intents.
  const rules = kind === 'mention' ? triageMessage(text, scanned) : NO_TRIAGE;
  const identifiers = findIdentifiers(text, scanned);
  const phi = guardPhi(text, kind, identifiers, profile, replyTo, scanned);
  const vaderScore = sentimentScore(text, scanned);
  const ruleSentiment = classifySentiment(text, rules.intents, kind, vaderScore);
  const signals = messageSignals({ text, kind, rules, ruleSentiment, vaderScore, identifiers, phi, scanned });
  const debunking = (text.length <= DEBUNK_CHARS ? scanned : new ScannedText(text.slice(0, DEBUNK_CHARS))).has(MISINFORMATION_COUNTER);
  const animalOnly = kind === 'mention' && scanned.has(ANIMAL_SUBJECT) && !scanned.has(HUMAN_PATIENT);
  const petEmergency = animalOnly && VET_CARE.test(text);
  // The harm named in the sentence that says a drug does nothing is what it was taken for ("nothing for my migraines", d39).
  const onlyLackOfEffect =
    kind === 'mention' &&
    scanned.has(LACK_OF_EFFECT) &&
    !rules.intents.includes('adverse_event') &&
    !rules.intents.includes('emergency') &&
    !new ScannedText(sentencesNotMatching(scanned, LACK_OF_EFFECT)).has(HARM_WORDS);
  return { kind, rules, identifiers, phi, vaderScore, ruleSentiment, debunking, animalOnly, petEmergency, onlyLackOfEffect, features: featurize(text, signals) };
}

const TAG = /<\/?[A-Za-z][^<>]{0,500}>|<!--[\s\S]{0,2000}?-->/g;

/** Blanks HTML tags with spaces of the same length, so offsets into the original text stay valid. */
export function maskMarkup(text: string): string {
  if (!text.includes('<')) return text;
  return text.replace(TAG, (m) => ' '.repeat(m.length));
}
