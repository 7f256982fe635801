import type { AdverseEventElements, Intent } from './types.ts';
import {
  EMERGENCY_SYMPTOM,
  EDUCATIONAL_FRAME,
  EMERGENCY_IDIOM,
  ASKING_FOR_A_FRIEND,
  DOSE_TALK,
  FOR_SOMEONE_ELSE,
  LETHAL_TALK,
  MISINFORMATION_COUNTER,
  COMPLAINT_HYPERBOLE,
  PRAISE_TARGET,
  PRESENT_PERSONAL,
  SELF_HARM,
  SELF_HARM_IDIOM,
  QUESTION_START,
  QUESTION_MARKERS,
  COMPLAINT,
  PRAISE,
  MISINFORMATION,
  SPAM,
  LINK,
} from './lexicon/intents.ts';
import {
  SUSPECT_PRODUCT,
  GENERIC_PRODUCT,
  ADVERSE_EVENT,
  SIDE_EFFECTS_EXPERIENCED,
  NO_HARM,
  AE_HEARSAY,
  CAUSAL_LINK,
  AE_PATIENT,
} from './lexicon/adverse-events.ts';

export interface Triage {
  intents: Intent[];
  urgent: boolean;
  adverseEvent: AdverseEventElements | null;
}

/** Intents of an incoming message; several may apply. Emergency and self-harm make it urgent. */
export function triageMessage(text: string): Triage {
  const intents: Intent[] = [];
  const selfHarm = isSelfHarm(text);
  const emergency = isEmergency(text);
  const adverse = adverseEventElements(text);
  if (emergency) intents.push('emergency');
  if (selfHarm) intents.push('self_harm');
  if (adverse) intents.push('adverse_event');
  if (isQuestion(text)) intents.push('question');
  if (COMPLAINT.test(text) || COMPLAINT_HYPERBOLE.test(text)) intents.push('complaint');
  if (PRAISE.test(text) && PRAISE_TARGET.test(text) && !isSarcasticPraise(text)) intents.push('praise');
  if (MISINFORMATION.test(text) && !MISINFORMATION_COUNTER.test(text)) intents.push('misinformation');
  if (isSpam(text)) intents.push('spam');
  if (intents.length === 0) intents.push('other');
  return { intents, urgent: emergency || selfHarm, adverseEvent: adverse };
}

function sentencesMatching(text: string, re: RegExp): string[] {
  return text.split(/(?<=[.!?\n])\s+/).filter((s) => re.test(s));
}

export function isEmergency(input: string): boolean {
  if (!EMERGENCY_SYMPTOM.test(input)) return false;
  const text = input.replace(EMERGENCY_IDIOM, ' ');
  if (!EMERGENCY_SYMPTOM.test(text)) return false;
  const presentAnywhere = PRESENT_PERSONAL.test(text);
  // Decide per sentence: "learn the signs of a stroke" is education, "my dad's face is drooping" is now.
  for (const sentence of sentencesMatching(text, EMERGENCY_SYMPTOM)) {
    const educational = EDUCATIONAL_FRAME.test(sentence);
    // Recall comes first: an acute symptom counts unless the sentence frames it as information.
    if (!educational) return true;
    const present = PRESENT_PERSONAL.test(sentence) || presentAnywhere;
    if (present && educational && /\b(?:right now|now|currently|911|ambulance|help|what do i do|what should i do|hurry)\b/i.test(sentence)) return true;
  }
  return false;
}

export function isSelfHarm(text: string): boolean {
  if (ASKING_FOR_A_FRIEND.test(text) && DOSE_TALK.test(text)) return true;
  if (FOR_SOMEONE_ELSE.test(text) && LETHAL_TALK.test(text)) return true;
  if (!SELF_HARM.test(text)) return false;
  const stripped = text.replace(new RegExp(SELF_HARM_IDIOM.source, 'gi'), ' ');
  return SELF_HARM.test(stripped);
}

/** A sentence that opens like a question, or a request; "$900 for an ice pack??" is not one. */
function isQuestion(text: string): boolean {
  if (QUESTION_MARKERS.test(text)) return true;
  return text
    .split(/(?<=[.!?\n:])\s+|(?=¿)/)
    .some((sentence) => QUESTION_START.test(sentence));
}

function isSarcasticPraise(text: string): boolean {
  return /\b(?:thanks for nothing|thanks a lot for|great job (?:losing|ignoring)|love (?:waiting|being ignored)|so much for)\b/i.test(text);
}

function isSpam(text: string): boolean {
  if (!SPAM.test(text)) return false;
  return true;
}

/**
 * The four reportable elements, or null when the message does not describe a harmful effect the
 * writer (or someone they report on) experienced after a drug, vaccine, device or procedure.
 * The reporter is the identifiable author of a mention, so it is always present.
 */
export function adverseEventElements(text: string): AdverseEventElements | null {
  const named = SUSPECT_PRODUCT.test(text);
  if (!named && !GENERIC_PRODUCT.test(text)) return null;
  if (!ADVERSE_EVENT.test(text) && !SIDE_EFFECTS_EXPERIENCED.test(text)) return null;
  if (NO_HARM.test(text) && !SIDE_EFFECTS_EXPERIENCED.test(text)) return null;
  if (!CAUSAL_LINK.test(text)) return null;
  const patient = AE_PATIENT.test(text);
  if (!patient && !AE_HEARSAY.test(text)) return null;
  // "What are the side effects of X?" asks about a product; nobody had an event.
  if (!SIDE_EFFECTS_EXPERIENCED.test(text) && /\b(?:what are|what(?:'|’)?s|are there|common) (?:the )?(?:\w+ )?side[- ]?effects\b/i.test(text)) return null;
  return { patient: patient && !isOnlyHearsay(text), reporter: true, product: named, event: true };
}

/**
 * The elements of a message already judged an adverse event (by the rules or the model): the
 * reporter and the event are given; the product only when named; the patient unless hearsay.
 */
export function adverseEventElementsOf(text: string): AdverseEventElements {
  return { patient: AE_PATIENT.test(text) && !isOnlyHearsay(text), reporter: true, product: SUSPECT_PRODUCT.test(text), event: true };
}

function isOnlyHearsay(text: string): boolean {
  return AE_HEARSAY.test(text) && !/\b(?:i|i'm|i've|me|my|patient of mine|my patient)\b/i.test(text);
}

export { LINK };
