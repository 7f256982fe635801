import type { AdverseEventElements, Intent } from './types.ts';
import { ScannedText, testBranchByBranch } from './scanned-text.ts';
import {
  EMERGENCY_SYMPTOM,
  ACROSS_SENTENCES,
  EDUCATIONAL_FRAME,
  RESOLVED_OR_HYPOTHETICAL,
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
  SONG_TALK,
  QUOTED,
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
  ANIMAL_SUBJECT,
  HUMAN_PATIENT,
  INTENTIONAL_INGESTION,
  MISSED_TREATMENT,
  FICTION,
  READ_ABOUT,
  LACK_OF_EFFECT,
  KNOWN_ALLERGY,
  STUDYING,
} from './lexicon/adverse-events.ts';

export interface Triage {
  intents: Intent[];
  urgent: boolean;
  adverseEvent: AdverseEventElements | null;
}

// Long phrase lists: cheaper tested branch by branch (see scanned-text.ts).
testBranchByBranch(EMERGENCY_SYMPTOM, ACROSS_SENTENCES, SELF_HARM, COMPLAINT, PRAISE, MISINFORMATION, SPAM, SUSPECT_PRODUCT, ADVERSE_EVENT);

/** Intents of an incoming message; several may apply. Emergency and self-harm make it urgent. */
export function triageMessage(text: string, scanned: ScannedText = new ScannedText(text)): Triage {
  const intents: Intent[] = [];
  const selfHarm = isSelfHarm(text, scanned);
  // "the vending machine outside MRI had a full-on seizure" names a procedure and an event, in an
  // idiom: stripped once, for the emergency check and for the adverse-event rules.
  const idiomless = withoutEmergencyIdioms(text, scanned);
  const emergency = isEmergency(text, scanned, idiomless);
  // An overdose taken to die is self-harm, not a side effect (t2).
  const onPurpose = selfHarm && INTENTIONAL_INGESTION.test(text);
  const myth = scanned.has(MISINFORMATION) && !scanned.has(MISINFORMATION_COUNTER);
  // "the flu shot gives people the flu… half my office got sick": hearsay pushing a myth is the myth (t5), not a report.
  const mythByHearsay = myth && scanned.has(AE_HEARSAY) && !FIRST_PERSON_SINGULAR.test(text);
  const adverse = onPurpose || mythByHearsay ? null : idiomless === text ? adverseEventElements(text, scanned) : adverseEventElements(idiomless);
  if (emergency) intents.push('emergency');
  if (selfHarm) intents.push('self_harm');
  if (adverse) intents.push('adverse_event');
  if (isQuestion(text, scanned)) intents.push('question');
  if (scanned.has(COMPLAINT) || scanned.has(COMPLAINT_HYPERBOLE)) intents.push('complaint');
  if (scanned.has(PRAISE) && scanned.has(PRAISE_TARGET) && !scanned.has(SARCASTIC_PRAISE)) intents.push('praise');
  if (myth) intents.push('misinformation');
  if (scanned.has(SPAM)) intents.push('spam');
  if (intents.length === 0) intents.push('other');
  return { intents, urgent: emergency || selfHarm, adverseEvent: adverse };
}

/** A sentence saying a product does not work, or stating a standing allergy with nothing happening. */
const STATES_NO_EVENT = new RegExp(`${LACK_OF_EFFECT.source}|${KNOWN_ALLERGY.source}(?![^.!?]*\\b(?:gave|given|and now|anyway|reaction|broke out|hives|swell\\w*|rash))`, 'i');

const SENTENCE_BREAK = /(?<=[.!?\n])\s+/;

/** The text without its sentences that match `re`. */
export function sentencesNotMatching(scanned: ScannedText, re: RegExp): string {
  return scanned.text
    .split(SENTENCE_BREAK)
    .filter((s) => !scanned.hasInPart(re, s))
    .join(' ');
}

function sentencesMatching(scanned: ScannedText, re: RegExp): string[] {
  return scanned.text.split(SENTENCE_BREAK).filter((s) => scanned.hasInPart(re, s));
}

const NOW_AGAINST_THEN = /\b(?:but (?:this time|now|today|tonight|it(?:'|’)?s|i(?:'|’)?m|i have|he(?:'|’)?s|she(?:'|’)?s|still)|this time|last time|worse|different|now it(?:'|’)?s)\b/i;

/**
 * A message that teaches the signs rather than reports them (for the red flags told across sentences).
 * Narrower than EDUCATIONAL_FRAME, whose "last month" and "thank you" stand in real reports too.
 */
const TEACHING = /\b(?:signs? of|symptoms? of|warning signs|learn|what are|how to (?:recognize|spot|tell)|class|webinar|awareness)\b/i;

/** A first-aid or CPR course's "if someone… do you call 911 first?" is a drill question, not a call (d64). */
const IN_A_COURSE = /\b(?:first[- ]aid|cpr|bls|acls|emt|lifeguard|babysitting)\b[^.!?]{0,20}\b(?:course|class|training|certification)\b/i;
const SOMEONE_HYPOTHETICAL = /^(?:[^:]{0,40}:)?\W*(?:if|when|say) (?:someone|somebody|a person|a man|a woman|a friend|a kid|a child|a coworker|a stranger)\b/i;

const HAPPENING_NOW = /\b(?:right now|now|currently|911|ambulance|help|what do i do|what should i do|hurry)\b/i;

/** Help needed only if or when something happens ("how long before we need more help?"): no call for help now (d36). */
const CONDITIONAL_HELP = /\b(?:before|if|when|until|in case) (?:we|you|i|they|someone|he|she|a person) (?:\w+ )?(?:need|needs|get|call|call for) (?:more |extra |medical |further |professional )?help\b/gi;

/** The text with emergency idioms and a song's quoted words blanked ("this heat is killing me"); the text itself when none may occur. */
function withoutEmergencyIdioms(text: string, scanned: ScannedText): string {
  const idiomless = scanned.mayMatch(EMERGENCY_IDIOM) ? text.replace(EMERGENCY_IDIOM, ' ') : text;
  return scanned.has(SONG_TALK) ? idiomless.replace(QUOTED, ' ') : idiomless;
}

/** `idiomless`: the text without its emergency idioms, when the caller has it already. */
export function isEmergency(input: string, scanned: ScannedText = new ScannedText(input), idiomless?: string): boolean {
  const across = scanned.has(ACROSS_SENTENCES);
  if (!across && !scanned.has(EMERGENCY_SYMPTOM)) return false;
  // Without an idiom in the text there is nothing to strip, and the answer above stands.
  const stripped = idiomless ?? withoutEmergencyIdioms(input, scanned);
  const text = stripped === input ? scanned : new ScannedText(stripped);
  const presentAnywhere = text.has(PRESENT_PERSONAL);
  // "…sat in your ER for 3 hours. It was reflux in the end": one sentence frames the others.
  // Not when the writer sets now against then ("it was reflux last time, but this is different").
  const resolved = RESOLVED_OR_HYPOTHETICAL.test(input) && !NOW_AGAINST_THEN.test(input);
  if (across && !resolved && !TEACHING.test(input) && text.has(ACROSS_SENTENCES)) return true;
  if (!text.has(EMERGENCY_SYMPTOM)) return false;
  // Decide per sentence: "learn the signs of a stroke" is education, "my dad's face is drooping" is now.
  for (const sentence of sentencesMatching(text, EMERGENCY_SYMPTOM)) {
    if (isAnimalsSymptom(sentence)) continue;
    const educational = resolved || EDUCATIONAL_FRAME.test(sentence);
    // Recall comes first: an acute symptom counts unless the sentence frames it as information.
    if (!educational) return true;
    const unconditional = sentence.replace(CONDITIONAL_HELP, ' ');
    const present = PRESENT_PERSONAL.test(unconditional) || presentAnywhere;
    if (present && educational && HAPPENING_NOW.test(unconditional) && !(SOMEONE_HYPOTHETICAL.test(sentence) && IN_A_COURSE.test(input))) return true;
  }
  return false;
}

/** A sentence told about a pet's body: "My cat had a seizure at 3am". */
const ANIMAL_HAD =
  /^\W*(?:my|our|the|his|her|their) (?:[\w-]+ ){0,3}?(?:dog|cat|puppy|pup|kitten|horse|pony|parrot|bird|rabbit|bunny|ferret|hamster|guinea pig|lab|beagle|retriever|terrier|poodle|shepherd|pet) (?:just |suddenly |had |has )?(?:had|has|is having|was having|started having|keeps having|threw up|is|was)\b/i;
const PERSON_IN_SENTENCE =
  /\b(?:i|i'm|i’m|we|he|she|him|her|they|them|someone|somebody|a man|a woman|grandma|grandpa|mom|mum|dad|son|daughter|baby|kid|child|toddler|husband|wife|partner|friend|neighbou?r|brother|sister)\b/i;
const SCARED_OUT_OF = /\b(?:scared|frightened|startled|freaked) (?:the [\w ]{1,12} )?out of (?:me|us)\b/gi;

/** The symptom is a pet's and no person is in the sentence: a vet's matter, not ours to triage (h3, d39). */
function isAnimalsSymptom(sentence: string): boolean {
  return ANIMAL_HAD.test(sentence) && !PERSON_IN_SENTENCE.test(sentence.replace(SCARED_OUT_OF, ' '));
}

// Global, for replace(); replace() starts from and leaves lastIndex at 0, so one instance serves every call.
const SELF_HARM_IDIOMS = new RegExp(SELF_HARM_IDIOM.source, 'gi');

export function isSelfHarm(text: string, scanned: ScannedText = new ScannedText(text)): boolean {
  if (scanned.has(ASKING_FOR_A_FRIEND) && scanned.has(DOSE_TALK)) return true;
  if (scanned.has(FOR_SOMEONE_ELSE) && scanned.has(LETHAL_TALK)) return true;
  if (!scanned.has(SELF_HARM)) return false;
  const lyrics = scanned.has(SONG_TALK);
  // Without an idiom or a song in the text there is nothing to strip, and the answer above stands.
  if (!lyrics && !scanned.mayMatch(SELF_HARM_IDIOMS)) return true;
  const idiomless = text.replace(SELF_HARM_IDIOMS, ' ');
  const stripped = lyrics ? idiomless.replace(QUOTED, ' ') : idiomless;
  return stripped === text || new ScannedText(stripped).has(SELF_HARM);
}

/** A sentence that opens like a question, or a request; "$900 for an ice pack??" is not one. */
function isQuestion(text: string, scanned: ScannedText): boolean {
  if (scanned.has(QUESTION_MARKERS)) return true;
  return text
    .split(/(?<=[.!?\n:])\s+|(?=¿)/)
    .some((sentence) => QUESTION_START.test(sentence));
}

const SARCASTIC_PRAISE = /\b(?:thanks for nothing|thanks a lot for|great job (?:losing|ignoring)|love (?:waiting|being ignored)|so much for)\b/i;

/** The product is still to come ("haven't had it yet, my appointment's next week"): what is asked about has not happened (d50). */
const NOT_HAD_YET = /\b(?:haven(?:'|’)?t|have not|hasn(?:'|’)?t|has not|didn(?:'|’)?t) (?:had|gotten|got|taken|started|received|get|take|start) (?:it|them|mine|hers|his|the (?:\w+ )?(?:shot|vaccine|dose|jab|pill|infusion|injection)|(?:my|her|his) (?:\w+ )?(?:shot|vaccine|dose|jab|pill|infusion|injection))? ?yet\b/i;

const ASKS_ABOUT_SIDE_EFFECTS = /\b(?:(?:what are|what(?:'|’)?s|are there|common) (?:the )?(?:\w+ )?side[- ]?effects|what (?:side[- ]?effects|reactions) (?:should|do|can|could|will|might|would) (?:i|we|you|he|she|they) (?:expect|get|watch for|look out for|have))\b/i;

/**
 * The four reportable elements, or null when the message does not describe a harmful effect the
 * writer (or someone they report on) experienced after a drug, vaccine, device or procedure.
 * The reporter is the identifiable author of a mention, so it is always present.
 */
export function adverseEventElements(text: string, scanned: ScannedText = new ScannedText(text)): AdverseEventElements | null {
  const named = scanned.has(SUSPECT_PRODUCT);
  if (!named && !scanned.has(GENERIC_PRODUCT)) return null;
  // "Tylenol hasn't touched the headache": in a sentence saying a product does not work, the harm
  // named is what it was taken for. Only the other sentences can report an event (d36).
  // Likewise "I'm allergic to sulfa drugs." states an allergy, unless the sentence goes on to what happened.
  const told = scanned.has(LACK_OF_EFFECT) || scanned.has(KNOWN_ALLERGY) ? new ScannedText(sentencesNotMatching(scanned, STATES_NO_EVENT)) : scanned;
  if (!told.has(ADVERSE_EVENT) && !told.has(SIDE_EFFECTS_EXPERIENCED)) return null;
  if (told !== scanned && takenForTheHarm(scanned)) return null;
  if (scanned.has(NO_HARM) && !scanned.has(SIDE_EFFECTS_EXPERIENCED)) return null;
  if (!scanned.has(CAUSAL_LINK)) return null;
  // Missed dialysis, an empty inhaler: the harm is the treatment's absence.
  if (scanned.has(MISSED_TREATMENT)) return null;
  if (scanned.has(FICTION) || scanned.has(STUDYING)) return null;
  if (scanned.has(READ_ABOUT) && !scanned.has(SIDE_EFFECTS_EXPERIENCED)) return null;
  // "Our horse got a swollen neck after his West Nile vaccine": a vet's matter, not a reportable event.
  if (scanned.has(ANIMAL_SUBJECT) && !scanned.has(HUMAN_PATIENT)) return null;
  const patient = scanned.has(AE_PATIENT);
  if (!patient && !scanned.has(AE_HEARSAY)) return null;
  // "What are the side effects of X?" asks about a product; nobody had an event.
  if (!scanned.has(SIDE_EFFECTS_EXPERIENCED) && (scanned.has(ASKS_ABOUT_SIDE_EFFECTS) || scanned.has(NOT_HAD_YET))) return null;
  return { patient: patient && !isOnlyHearsay(scanned), reporter: true, product: named, event: true };
}

/**
 * "Worst headache of my life… Took two Advil, nothing.": the product is named only where it is said
 * not to work, and every harm is told before that, so it was taken for the harm (d52). Harm told
 * after it may be the product's ("Zoloft does nothing for my mood. But I get headaches every day now.").
 */
function takenForTheHarm(scanned: ScannedText): boolean {
  const sentences = scanned.text.split(SENTENCE_BREAK);
  const statesNoEvent = sentences.map((s) => scanned.hasInPart(STATES_NO_EVENT, s));
  const first = statesNoEvent.indexOf(true);
  if (first < 0) return false;
  return sentences.every((s, i) => {
    if (statesNoEvent[i]) return true;
    const namesProduct = scanned.hasInPart(SUSPECT_PRODUCT, s) || scanned.hasInPart(GENERIC_PRODUCT, s);
    return !namesProduct && (i < first || !(scanned.hasInPart(ADVERSE_EVENT, s) || scanned.hasInPart(SIDE_EFFECTS_EXPERIENCED, s)));
  });
}

/**
 * The elements of a message already judged an adverse event (by the rules or the model): the
 * reporter and the event are given; the product only when named; the patient unless hearsay.
 */
export function adverseEventElementsOf(text: string, scanned: ScannedText = new ScannedText(text)): AdverseEventElements {
  return { patient: scanned.has(AE_PATIENT) && !isOnlyHearsay(scanned), reporter: true, product: scanned.has(SUSPECT_PRODUCT), event: true };
}

const FIRST_PERSON_SINGULAR = /\b(?:i|i'm|im|i've|me|myself)\b/i;

const FIRST_PERSON = /\b(?:i|i'm|i've|me|my|patient of mine|my patient)\b/i;

function isOnlyHearsay(scanned: ScannedText): boolean {
  return scanned.has(AE_HEARSAY) && !scanned.has(FIRST_PERSON);
}

export { LINK };
