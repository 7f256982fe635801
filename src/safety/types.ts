/** The vocabulary of the safety engine: what it finds in a message and what it says about it. */

/** HIPAA Safe Harbor identifier kinds (45 CFR 164.514(b)(2)), as the engine names them. */
export type IdentifierType =
  | 'PERSON'
  | 'STREET_ADDRESS'
  | 'CITY'
  | 'ZIP_CODE'
  | 'DATE'
  | 'AGE_OVER_89'
  | 'PHONE_NUMBER'
  | 'FAX_NUMBER'
  | 'EMAIL_ADDRESS'
  | 'US_SSN'
  | 'MEDICAL_RECORD_NUMBER'
  | 'HEALTH_PLAN_ID'
  | 'ACCOUNT_NUMBER'
  | 'CREDIT_CARD'
  | 'LICENSE_NUMBER'
  | 'VEHICLE_ID'
  | 'DEVICE_ID'
  | 'URL'
  | 'IP_ADDRESS'
  | 'HANDLE'
  | 'ROOM'
  | 'OTHER_ID';

/** A typed identifier found in the text; offsets are UTF-16 indices, end exclusive. */
export interface IdentifierSpan {
  type: IdentifierType;
  start: number;
  end: number;
  text: string;
  /** 0..1: how sure the detector is that this is an identifier at all (not whether it is PHI). */
  confidence: number;
  /** A date that is only a year, or only a weekday: never PHI on its own. */
  yearOnly?: boolean;
  /** A given and a family name run together ("#TeamAvaMarchetti"): a full name, though it has no space. */
  fullName?: boolean;
}

export type MessageKind = 'mention' | 'draft';

export type Intent =
  | 'question'
  | 'complaint'
  | 'praise'
  | 'emergency'
  | 'self_harm'
  | 'adverse_event'
  | 'misinformation'
  | 'spam'
  | 'other';

export const INTENTS: readonly Intent[] = [
  'question',
  'complaint',
  'praise',
  'emergency',
  'self_harm',
  'adverse_event',
  'misinformation',
  'spam',
  'other',
];

export type Sentiment = 'positive' | 'neutral' | 'negative';

export type FindingSeverity = 'block' | 'warn' | 'info';

/** One thing a check has to say about a message; the composer's checks use the same shape. */
export interface PhiFinding {
  rule: string;
  severity: FindingSeverity;
  message: string;
  span?: { start: number; end: number };
  type?: IdentifierType;
  suggestion?: string;
}

/** The four elements that make an adverse event reportable (FDA MedWatch / pharmacovigilance). */
export interface AdverseEventElements {
  patient: boolean;
  reporter: boolean;
  product: boolean;
  event: boolean;
}

export interface ResponsePlaybook {
  kind: 'emergency' | 'self_harm';
  /** Public reply template; never repeats what the person wrote. */
  replyTemplate: string;
  /** Private message template. */
  directMessageTemplate: string;
  escalateTo: { name: string; phone?: string; email?: string; role?: string } | null;
  steps: string[];
}

export interface PhiSpan {
  type: IdentifierType;
  start: number;
  end: number;
  text: string;
}

export interface MessageAnalysis {
  sentiment: Sentiment;
  intents: Intent[];
  urgent: boolean;
  /** Not urgent, but close: it goes to the inbox's "possibly urgent" lane for a person to read now. */
  possiblyUrgent: boolean;
  phi: { found: boolean; spans: PhiSpan[] };
  findings: PhiFinding[];
  adverseEvent: AdverseEventElements | null;
  playbook: ResponsePlaybook | null;
}

export interface MessageInput {
  text: string;
  kind?: MessageKind;
  /** For replies: the handle being replied to (without or with '@'). */
  replyTo?: string;
}
