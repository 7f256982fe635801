import type { IdentifierSpan, MessageKind, Sentiment } from './types.ts';
import type { OrgProfile } from './profile.ts';
import { findIdentifiers } from './identifiers.ts';
import { guardPhi, type PhiDecision } from './phi-guard.ts';
import { triageMessage, type Triage } from './triage.ts';
import { sentimentScore, classifySentiment } from './sentiment.ts';
import { messageSignals } from './model/signals.ts';
import { featurize, type FeatureVector } from './model/features.ts';
import { MISINFORMATION_COUNTER } from './lexicon/intents.ts';

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
  features: FeatureVector;
}

const NO_TRIAGE: Triage = { intents: [], urgent: false, adverseEvent: null };

export function gatherEvidence(text: string, kind: MessageKind, profile: OrgProfile, replyTo?: string): MessageEvidence {
  // Triage rules are for incoming messages; our own drafts carry no intents.
  const rules = kind === 'mention' ? triageMessage(text) : NO_TRIAGE;
  const identifiers = findIdentifiers(text);
  const phi = guardPhi(text, kind, identifiers, profile, replyTo);
  const vaderScore = sentimentScore(text);
  const ruleSentiment = classifySentiment(text, rules.intents, kind, vaderScore);
  const signals = messageSignals({ text, kind, rules, ruleSentiment, vaderScore, identifiers, phi });
  const debunking = MISINFORMATION_COUNTER.test(text.slice(0, 2000));
  return { kind, rules, identifiers, phi, vaderScore, ruleSentiment, debunking, features: featurize(text, signals) };
}

const TAG = /<\/?[A-Za-z][^<>]{0,500}>|<!--[\s\S]{0,2000}?-->/g;

/** Blanks HTML tags with spaces of the same length, so offsets into the original text stay valid. */
export function maskMarkup(text: string): string {
  if (!text.includes('<')) return text;
  return text.replace(TAG, (m) => ' '.repeat(m.length));
}
