/** The safety engine: PHI guard, triage and sentiment for Bedside's composer, inbox and listening. */
export { analyzeMessage, MAX_TEXT_CHARS } from './analyze.ts';
export { findIdentifiers } from './identifiers.ts';
export { triageMessage } from './triage.ts';
export { classifySentiment, sentimentScore } from './sentiment.ts';
export { responsePlaybook } from './playbook.ts';
export { orgProfileSchema, parseOrgProfile, EMPTY_PROFILE, type OrgProfile, type OrgProfileInput, type ProfileResult } from './profile.ts';
export type {
  AdverseEventElements,
  FindingSeverity,
  IdentifierSpan,
  IdentifierType,
  Intent,
  MessageAnalysis,
  MessageInput,
  MessageKind,
  PhiFinding,
  PhiSpan,
  ResponsePlaybook,
  Sentiment,
} from './types.ts';
export { INTENTS } from './types.ts';
