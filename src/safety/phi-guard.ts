import type { IdentifierSpan, IdentifierType, MessageKind, PhiFinding, PhiSpan } from './types.ts';
import { personName, type OrgProfile } from './profile.ts';
import { orgDetails, isOrgOwn } from './org-details.ts';
import { CARE_TIE, PERSONAL_REFERENCE, PUBLIC_EVENT, PERSONAL_DATE_CUE } from './lexicon/care-context.ts';
import { PATIENT_STATUS_PATTERNS, GENERIC_SECOND_PERSON } from './lexicon/patient-status.ts';
import { privacyRewrite } from './rewrite.ts';
import { ANIMAL_SUBJECT, HUMAN_PATIENT, VET_CARE } from './lexicon/adverse-events.ts';
import { ScannedText } from './scanned-text.ts';

/** A person's identifier the guard considered; `fullName` as the finder marked it (IdentifierSpan). */
export interface PhiCandidate extends PhiSpan {
  fullName?: boolean;
}

/**
 * Context decides whether an identifier is PHI: it must belong to a person (not the hospital,
 * its staff or public figures) and be tied to that person's health, care, visit or billing.
 * For outgoing text, confirming that someone is or was a patient is a violation on its own.
 */
export interface PhiDecision {
  found: boolean;
  spans: PhiSpan[];
  findings: PhiFinding[];
  /** Identifiers that belong to a person (not the hospital, staff or caregivers), whatever the context: the spans to show when the statistical layer judges the message PHI. */
  candidates: PhiCandidate[];
  /** The context the decision was made in, for the statistical layer. */
  evidence: { careTied: boolean; personal: boolean; eventish: boolean; patientStatus: boolean };
}

/** Kinds that are health or billing identifiers by nature: PHI wherever they appear. */
const INHERENTLY_SENSITIVE = new Set<IdentifierType>(['US_SSN', 'MEDICAL_RECORD_NUMBER', 'HEALTH_PLAN_ID', 'CREDIT_CARD', 'ACCOUNT_NUMBER', 'DEVICE_ID']);
/** Kinds that are PHI only when tied to a person's care. */
const MIN_CONFIDENCE: Partial<Record<IdentifierType, number>> = { PERSON: 0.6, DATE: 0.6, ZIP_CODE: 0.6, OTHER_ID: 0.6, VEHICLE_ID: 0.7 };

export function guardPhi(
  text: string,
  kind: MessageKind,
  identifiers: IdentifierSpan[],
  profile: OrgProfile,
  replyTo?: string,
  scanned: ScannedText = new ScannedText(text),
): PhiDecision {
  const details = orgDetails(profile);
  // "the Cancer Survivors Picnic" is the hospital's event: a care word in its name ties nothing to anyone's care.
  const careTied = scanned.has(CARE_TIE) && careWordOutsideOwnEvents(text, profile);
  const personal =
    scanned.has(PERSONAL_REFERENCE) ||
    identifiers.some((s) => s.type === 'PERSON' && s.confidence >= 0.6 && !isOrgOwn(s, details) && !isCaregiverName(text, s));
  const eventish = scanned.has(PUBLIC_EVENT);
  const spans: PhiSpan[] = [];
  const findings: PhiFinding[] = [];
  const rewrite = privacyRewrite(profile);

  const status = kind === 'draft' ? findPatientStatus(text, scanned) : null;
  const candidates: PhiCandidate[] = [];
  for (const id of identifiers) {
    if (id.confidence < (MIN_CONFIDENCE[id.type] ?? 0.5)) continue;
    if (id.type === 'PERSON' && isCaregiverName(text, id)) continue;
    // A public figure is not PHI, unless our own post confirms they are our patient.
    if (isOrgOwn(id, details) && !(status && id.type === 'PERSON' && !isStaffName(id, profile))) continue;
    if (id.type !== 'HANDLE' && !(id.type === 'DATE' && id.yearOnly)) {
      const candidate: PhiCandidate = { type: id.type, start: id.start, end: id.end, text: id.text };
      if (id.fullName) candidate.fullName = true;
      candidates.push(candidate);
    }
    if (!isPhi(id, text, kind, careTied || status !== null, personal || status !== null, eventish, status !== null)) continue;
    spans.push({ type: id.type, start: id.start, end: id.end, text: id.text });
    findings.push(
      kind === 'draft'
        ? {
            rule: 'phi.identifier',
            severity: 'block',
            message: `Outgoing text contains a ${label(id.type)} tied to someone's care; remove it.`,
            span: { start: id.start, end: id.end },
            type: id.type,
            suggestion: rewrite,
          }
        : {
            rule: 'phi.in-mention',
            severity: 'warn',
            message: `Incoming message contains a ${label(id.type)} tied to someone's care: do not quote, share or answer it publicly.`,
            span: { start: id.start, end: id.end },
            type: id.type,
          },
    );
  }

  let confirmsPatient = false;
  {
    if (status) {
      confirmsPatient = true;
      findings.push({
        rule: 'phi.patient-status',
        severity: 'block',
        message: 'Outgoing text confirms that someone is or was a patient; acknowledge without details and move to a private channel.',
        span: status,
        suggestion: rewrite,
      });
      if (replyTo) addReplyHandle(text, replyTo, spans);
    }
  }
  return {
    found: spans.length > 0 || confirmsPatient,
    spans,
    findings,
    candidates,
    evidence: { careTied, personal, eventish, patientStatus: status !== null },
  };
}

const SCAM_TALK = /\b(?:phish\w*|scam\w*|spoof\w*|fraud\w*|fake (?:email|text|site|link)|email header|the header|not (?:really )?(?:from )?you)\b/i;

/** Our accounts with suppliers: an invoice to the linen company is no patient's account. */
const VENDOR_BUSINESS = /\b(?:accounts payable|vendors?|suppliers?|purchase orders?|PO (?:number|no|#))\b/i;

function isPhi(id: IdentifierSpan, text: string, kind: MessageKind, careTied: boolean, personal: boolean, eventish: boolean, confirmsCare: boolean): boolean {
  if (id.type === 'ACCOUNT_NUMBER' && !confirmsCare && VENDOR_BUSINESS.test(text)) return false;
  if (INHERENTLY_SENSITIVE.has(id.type)) return true;
  if (!careTied) return false;
  // Our own post is PHI when it confirms someone's care; a name beside a care word ("Meet Frank
  // Ibarra, our Volunteer of the Year, who knits hats for the NICU") confirms nothing by itself.
  if (kind === 'draft' && !confirmsCare) return false;
  switch (id.type) {
    case 'DATE': {
      if (id.yearOnly) return false;
      const near = text.slice(Math.max(0, id.start - 40), id.start);
      const after = text.slice(id.end, id.end + 40);
      if (eventish && !/\b(?:born|birth|dob|admitted|discharged|surgery)\b/i.test(near)) return false;
      return personal && (PERSONAL_DATE_CUE.test(near) || CARE_AFTER_DATE.test(after));
    }
    case 'HANDLE':
      // A handle in someone's own mention is their public identity; in our own post (which got here
      // only by confirming care) it names that person.
      return kind === 'draft';
    case 'IP_ADDRESS':
      // "the header shows it came from 45.141.87.203… pretty sure that's not you": the scammer's address.
      if (SCAM_TALK.test(text)) return false;
      return personal && !eventish;
    case 'URL':
      return personal && !eventish;
    case 'ROOM':
      // A room number in a mention identifies no one by itself (h13); in our post it confirms a stay.
      return kind === 'draft' && personal && !eventish;
    case 'STREET_ADDRESS':
    case 'ZIP_CODE':
      return personal && !eventish;
    case 'CITY':
      // Found only after words that put a person there ("we drive in from Coos Bay"), so the event
      // words that clear an address ("drive", "hours": a blood drive's) do not clear it.
      return personal;
    case 'PERSON':
      // In a mention a first name alone identifies no one ("my daughter Noor got her cast off");
      // our own post naming someone beside their care does.
      return personal && (kind === 'draft' || identifiesSomeone(id));
    default:
      return personal;
  }
}

/**
 * Any identifier but a first name alone, which identifies no one in a mention. A hashtag's
 * "AvaMarchetti" is a full name run together, as its finder marks it ("MaryBeth" alone is not).
 */
export function identifiesSomeone(id: { type: string; text: string; fullName?: boolean }): boolean {
  return id.type !== 'PERSON' || /\s/.test(id.text.trim()) || id.fullName === true;
}

const CARE_AFTER_DATE = /^[^.!?]{0,25}\b(?:appointment|appt|surgery|procedure|visit|admission|discharge|scan|mri|cardiology|ortho\w*|oncology|tonsillectomy|\w+ectomy)\b/i;

/** "Dr. Simmons", "Nurse Daniel", "the valet guy Marcus": people giving care, not receiving it. */
const CAREGIVER_BEFORE =
  /\b(?:dr|doctor|nurse|np|pa|rn|surgeon|therapist|chaplain|valet(?: guy)?|pharmacist|tech|technician|coach|mayor|governor|senator|rep|midwife|volunteer|receptionist|doula|dietitian|interpreter|paramedic|emt|officer|guy|lady)[.,]?\s*$/i;

/** "Carol Haines, RN", "Sofia Castellanos MD": a name followed by a clinical credential. */
const CREDENTIAL_AFTER = /^,?\s*(?:RN|LPN|MD|DO|NP|PA-C|PA|CNM|CRNA|APRN|FNP|DNP|PharmD|RPh|PT|DPT|OT|RT|RD|LCSW|MSW|PhD|BSN|MSN)\b/;

function isCaregiverName(text: string, id: IdentifierSpan): boolean {
  return CAREGIVER_BEFORE.test(text.slice(Math.max(0, id.start - 24), id.start)) || CREDENTIAL_AFTER.test(text.slice(id.end, id.end + 12));
}

function isStaffName(id: IdentifierSpan, profile: OrgProfile): boolean {
  const value = id.text.toLowerCase();
  return profile.staff.some((p) => personName(p).toLowerCase().includes(value));
}

function findPatientStatus(text: string, scanned: ScannedText): { start: number; end: number } | null {
  for (const re of PATIENT_STATUS_PATTERNS) {
    // A pattern whose literals are all absent has no match: skip the exec.
    if (!scanned.mayMatch(re)) continue;
    const m = re.exec(text);
    if (!m) continue;
    const sentence = sentenceAround(text, m.index, m.index + m[0].length);
    // "Get well soon, Biscuit! Our therapy retriever is recovering at Millbrook Animal Hospital": an animal in a
    // vet's care is no patient of ours (a therapy dog visiting a named patient still confirms that patient's care).
    if (VET_CARE.test(text) && ANIMAL_SUBJECT.test(text) && !HUMAN_PATIENT.test(sentence)) continue;
    if (GENERIC_SECOND_PERSON.test(sentence) && !/\b(?:glad|sorry|hope|heard|congrat|went well|recovering)\w*/i.test(sentence)) continue;
    return { start: m.index, end: m.index + m[0].length };
  }
  return null;
}

const ownEventPatterns = new WeakMap<OrgProfile, RegExp | null>();

/** The profile's public event names as one pattern, built once per profile. */
function ownEventPattern(profile: OrgProfile): RegExp | null {
  let re = ownEventPatterns.get(profile);
  if (re === undefined) {
    const names = profile.public_events.filter((e) => e.trim()).map((e) => e.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    re = names.length ? new RegExp(names.join('|'), 'gi') : null;
    ownEventPatterns.set(profile, re);
  }
  return re;
}

/** A care word (already found in the text) stands outside the names of the hospital's own events. */
function careWordOutsideOwnEvents(text: string, profile: OrgProfile): boolean {
  const re = ownEventPattern(profile);
  if (!re) return true;
  const rest = text.replace(re, (m) => ' '.repeat(m.length));
  return rest === text || CARE_TIE.test(rest);
}

function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf('.', start), text.lastIndexOf('!', start), text.lastIndexOf('?', start), text.lastIndexOf('\n', start)) + 1;
  const stops = ['.', '!', '?', '\n'].map((c) => text.indexOf(c, end)).filter((i) => i >= 0);
  return text.slice(from, stops.length ? Math.min(...stops) : text.length);
}

function addReplyHandle(text: string, replyTo: string, spans: PhiSpan[]): void {
  const handle = replyTo.startsWith('@') ? replyTo : `@${replyTo}`;
  const at = text.toLowerCase().indexOf(handle.toLowerCase());
  if (at >= 0 && !spans.some((s) => s.start === at)) spans.push({ type: 'HANDLE', start: at, end: at + handle.length, text: text.slice(at, at + handle.length) });
}

const LABELS: Record<IdentifierType, string> = {
  PERSON: 'name',
  STREET_ADDRESS: 'street address',
  CITY: 'town or city',
  ZIP_CODE: 'ZIP code',
  DATE: 'date',
  AGE_OVER_89: 'age over 89',
  PHONE_NUMBER: 'phone number',
  FAX_NUMBER: 'fax number',
  EMAIL_ADDRESS: 'email address',
  US_SSN: 'Social Security number',
  MEDICAL_RECORD_NUMBER: 'medical record number',
  HEALTH_PLAN_ID: 'health plan or member id',
  ACCOUNT_NUMBER: 'account number',
  CREDIT_CARD: 'card number',
  LICENSE_NUMBER: 'licence number',
  VEHICLE_ID: 'vehicle identifier',
  DEVICE_ID: 'device identifier',
  URL: 'personal URL',
  IP_ADDRESS: 'IP address',
  HANDLE: 'social handle',
  ROOM: 'room or bed number',
  OTHER_ID: 'identifying number',
};

export function label(type: IdentifierType): string {
  return LABELS[type];
}
