import type { IdentifierSpan, IdentifierType } from './types.ts';
import { passesLuhn, isPlausibleSsn, isValidIpv4, isPrivateIpv4, isCalendarDate, digitsOf } from './validators.ts';
import { findNames } from './names.ts';
import { FIRST_NAMES, AMBIGUOUS_FIRST_NAMES } from './lexicon/first-names.ts';
import { ScannedText } from './scanned-text.ts';

/**
 * Raw identifier detection: every span that looks like one of the HIPAA identifier kinds,
 * whoever it belongs to. Whether a span is PHI is decided later, in phi-guard.ts.
 * Every pattern is bounded (no nested unbounded repeats) so that a 100 kB message stays linear.
 */
export function findIdentifiers(text: string, scan: ScannedText = new ScannedText(text)): IdentifierSpan[] {
  const found: IdentifierSpan[] = [];
  const add = spanAdder(text, found);
  // Every number-shaped detector (numbers, numeric and spelled dates, ages, addresses, ZIPs,
  // rooms, labelled ids) needs an ASCII digit to report a span (\d is ASCII-only), so a text
  // without one skips them: most mentions have no digit at all. Long numbers (cards, phones)
  // need as many digits as they report, so a text with fewer skips those too.
  const digits = countDigits(text);
  const hasDigit = digits > 0;
  findContactPoints(scan, add, digits);
  if (hasDigit) findNumbers(scan, add, digits);
  findDates(scan, add, hasDigit);
  if (hasDigit) {
    findPlaces(scan, add, digits);
    findLabelledIds(scan, add, digits);
  }
  findTowns(text, add);
  for (const name of findNames(text)) found.push(name);
  findHashtagNames(scan, found);
  return resolveOverlaps(found);
}

function countDigits(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

type Add = (type: IdentifierType, start: number, end: number, confidence: number, yearOnly?: boolean) => void;

/**
 * The `add` every detector reports to, pushing onto `found`. Made here, not as a named closure in
 * findIdentifiers: tsx compiles with esbuild's keepNames, which gives every named function
 * expression its name with an Object.defineProperty each time it is created (~1 µs a message).
 */
function spanAdder(text: string, found: IdentifierSpan[]): Add {
  return (type, start, end, confidence, yearOnly = false) => {
    if (end <= start) return;
    const span: IdentifierSpan = { type, start, end, text: text.slice(start, end), confidence };
    if (yearOnly) span.yearOnly = true;
    found.push(span);
  };
}

function each(re: RegExp, scan: ScannedText, fn: (m: RegExpExecArray) => void): void {
  // Most patterns need words or marks the text lacks (pattern-literals.ts): then exec() would find nothing.
  if (!scan.mayMatch(re)) return;
  const text = scan.text;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) re.lastIndex++;
    fn(m);
  }
}

/** Start/end of capture group `g` (falls back to the whole match). */
function groupSpan(m: RegExpExecArray, g: number): [number, number] {
  const whole = m[0];
  const part = m[g];
  if (part === undefined) return [m.index, m.index + whole.length];
  const offset = whole.lastIndexOf(part);
  return [m.index + offset, m.index + offset + part.length];
}

const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,5}\.[A-Za-z]{2,24}/g;
/** Hosts of personal blogs and fundraisers: a bare "tessa-fights.blogspot.com" is someone's page. */
const PERSONAL_HOSTS = 'blogspot|wordpress|substack|tumblr|wixsite|weebly|carrd|caringbridge|gofundme|medium';
const URL = new RegExp(
  String.raw`\b(?:https?:\/\/|www\.)[^\s<>"'()]{2,2000}|\b[\w-]{2,63}\.(?:${PERSONAL_HOSTS})\.(?:com|org|co|io|site)\b|\b[\w-]{2,63}\.(?:com|org|net|io|me|co|us|ly|info|[a-z]{2,12}(?=\/[a-z]))\/[^\s<>"'()]{1,2000}`,
  'gi',
);
const IPV4 = /(?<![\d.])\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?![\d.]\d)/g;
const HANDLE = /(?<![\w@.])@[A-Za-z0-9_]{2,30}(?:\.[A-Za-z0-9-]{1,63}){0,4}/g;

// Characters each contact pattern cannot match without: skipping a pattern that cannot match is exact.
const URL_CUE = new RegExp(String.raw`\/|www\.|\.(?:${PERSONAL_HOSTS})\.`, 'i');

function findContactPoints(scan: ScannedText, add: Add, digits: number): void {
  const text = scan.text;
  const hasAt = text.includes('@');
  if (hasAt) each(EMAIL, scan, (m) => add('EMAIL_ADDRESS', m.index, m.index + m[0].length, 0.95));
  if (URL_CUE.test(text)) {
    each(URL, scan, (m) => {
      const trimmed = m[0].replace(/[.,;:!?]+$/, '');
      add('URL', m.index, m.index + trimmed.length, 0.9);
    });
  }
  if (digits >= 4) {
    each(IPV4, scan, (m) => {
      // A private network's address (192.168.x.x, 10.x, 172.16–31.x) names a home or guest network, no one outside it (h58).
      if (isValidIpv4(m[0]) && !isPrivateIpv4(m[0])) add('IP_ADDRESS', m.index, m.index + m[0].length, 0.9);
    });
  }
  if (hasAt) each(HANDLE, scan, (m) => add('HANDLE', m.index, m.index + m[0].replace(/\.$/, '').length, 0.9));
}

const SSN = /(?<![\d-])(\d{3})([- .])(\d{2})\2(\d{4})(?![\d-])/g;
const SSN_LAST_FOUR = /\b(?:last (?:4|four)(?: digits)? of (?:my |his |her |their |the )?(?:ssn|social(?: security(?: number)?)?|ss#)|(?:ssn|social(?: security(?: number)?)?)(?:(?:'|’)s)? (?:ending in|ends in|last (?:4|four)(?: digits)?))[^\d\n]{0,80}?(\d{4}|\d(?: \d){3})(?![\d-])/gi;
const SSN_BARE = /\b(?:ssn|social security(?: number| no\.?| #)?|ss#|(?:my|his|her|their|mom's|dad's) social)\s*[,:#]?\s*(?:is|was|of)?\s*[:#]?\s*(\d{9}|\d{3}[- ]\d{2}[- ]\d{4})\b/gi;
const CARD = /(?<![\d-])\d(?:[ -]?\d){11,18}(?![\d])/g;
const PHONE_US = /(?<![\w+])(?:\+?1[-.\s]?)?(?:\(\d{3}\)\s?|\d{3}[-.\s]?)\d{3}[-.\s]?\d{4}(?:\s?(?:x|ext\.?)\s?\d{1,5})?(?![\d-])/g;
const PHONE_INTL = /(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,6}(?![\d])/g;
const PHONE_GROUPED = /(?<![\w+/:.-])(?:\(\d{1,4}\)\s?|\d{2,4}[\s.-])\d{2,4}(?:[\s.-]\d{2,4}){0,3}(?![\w/:-])/g;
/** A US local number without its area code, "555-0192": an exchange never starts with 0 or 1. */
const PHONE_LOCAL = /(?<![\w+/:.-])[2-9]\d{2}-\d{4}(?![\w/:-])/g;
const PHONE_CUE_BEFORE = /(?:phone|call|tel|telephone|mobile|cell|fax|desk|text|reach|answering|number|contact|messages?|office|dial|ph)\b[^\n\d]{0,25}$/i;
const PHONE_CUE_AFTER = /^[\s-]{0,3}(?:office|fax|mobile|cell|home|work)\b/i;
const FAX_NEAR = /fax/i;

function findNumbers(scan: ScannedText, add: Add, digits: number): void {
  const text = scan.text;
  each(SSN, scan, (m) => {
    if (isPlausibleSsn(m[1]!, m[3]!, m[4]!)) add('US_SSN', m.index, m.index + m[0].length, 0.9);
  });
  each(SSN_LAST_FOUR, scan, (m) => {
    const [s, e] = groupSpan(m, 1);
    add('US_SSN', s, e, 0.9);
  });
  each(SSN_BARE, scan, (m) => {
    const [s, e] = groupSpan(m, 1);
    add('US_SSN', s, e, 0.95);
  });
  // Digits each kind needs: a card 12, a US phone 10; international and grouped numbers are kept from 8 and 7.
  if (digits >= 12) each(CARD, scan, (m) => {
    const digits = digitsOf(m[0]);
    if (digits.length >= 12 && digits.length <= 19 && passesLuhn(digits) && !/^(\d)\1+$/.test(digits)) {
      add('CREDIT_CARD', m.index, m.index + m[0].length, 0.9);
    }
  });
  if (digits >= 10) each(PHONE_US, scan, (m) => addPhone(text, add, m.index, m.index + m[0].length, 0.85));
  if (digits >= 8) each(PHONE_INTL, scan, (m) => {
    const n = digitsOf(m[0]).length;
    if (n >= 8 && n <= 15) addPhone(text, add, m.index, m.index + m[0].length, 0.85);
  });
  if (digits >= 7) each(PHONE_LOCAL, scan, (m) => addPhone(text, add, m.index, m.index + m[0].length, 0.6));
  if (digits >= 7) each(PHONE_GROUPED, scan, (m) => {
    const n = digitsOf(m[0]).length;
    if (n < 7 || n > 15) return;
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    if (PHONE_CUE_BEFORE.test(before) || PHONE_CUE_AFTER.test(after)) addPhone(text, add, m.index, m.index + m[0].length, 0.7);
  });
}

/** A phone number, or a fax number when "fax" is written next to it. */
function addPhone(text: string, add: Add, start: number, end: number, confidence: number): void {
  const around = text.slice(Math.max(0, start - 15), Math.min(text.length, end + 6));
  add(FAX_NEAR.test(around) ? 'FAX_NUMBER' : 'PHONE_NUMBER', start, end, confidence);
}

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const DATE_NUMERIC = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/-])/g;
const DATE_NUMERIC_SHORT = /(?<![\d/.-])(\d{1,2})\/(\d{1,2})(?![\d/])/g;
const DATE_ISO = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?(?!\d)/g;
const DATE_MONTH_FIRST = new RegExp(`\\b${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?\\b`, 'g');
const DATE_DAY_FIRST = new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b\\.?(?:,?\\s+\\d{4})?`, 'g');
const DATE_MONTH_YEAR = new RegExp(`\\b${MONTH}\\.?,?\\s+(?:of\\s+)?(?:19|20)\\d{2}\\b`, 'g');
const WEEKDAY = /\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/g;
const YEAR = /(?<![\d$#.,-])(?:19|20)\d{2}(?![\d%,.]\d|\d|-\d)/g;
/** A holiday on a fixed day names one calendar day ("admitted on Christmas Eve", h43, d54); "like the Fourth of July", "a Halloween store" name none. */
const FIXED_HOLIDAY = /\b(?:Christmas(?: Eve| Day| morning| night)?|New Year(?:'|’)?s(?: Eve| Day)?|Fourth of July|Independence Day|Halloween(?: night)?|Valentine(?:'|’)?s Day)\b/g;
/** A holiday with its year is one calendar day, a movable one too: "my ER visit on Thanksgiving 2024" (d56). */
const HOLIDAY_WITH_YEAR =
  /\b(?:Thanksgiving|Easter(?: Sunday)?|Memorial Day|Labor Day|Mother(?:'|’)?s Day|Father(?:'|’)?s Day|MLK Day|Martin Luther King(?: Jr\.?)? Day|Presidents(?:'|’)? Day|Black Friday|Christmas(?: Eve| Day)?|New Year(?:'|’)?s(?: Eve| Day)?|Fourth of July|Independence Day|Halloween|Valentine(?:'|’)?s Day),? (?:19|20)\d{2}\b/g;
/** What comes just before a holiday that is a day of someone's: "on", "since", "over", "through", "for". */
const HOLIDAY_LEAD = /\b(?:on|since|over|through|for) (?:the )?$/;
/** An age over 89 told in words: "nonagenarian", "in his late nineties" (h21, d52). */
const AGE_IN_WORDS = /\b(?:nonagenarian|centenarian|in (?:his|her|their|my|your) (?:early |mid-?|late )?(?:nineties|90s))\b/gi;
const AGE_OVER_89 =
  /\b(?:(?:age[ds]?|aged)\s*:?\s*(9\d|1[0-2]\d)\b|(9\d|1[0-2]\d)(?:[- ]?(?:years?|yrs?)(?:[- ]old)?|[- ]?y\/?o\b)|(9\d|1[0-2]\d)(?:st|nd|rd|th) birthday|turn(?:ed|s|ing)?\s+(9\d|1[0-2]\d)\b|(?:abuel[ao]|grandma|grandpa|grandmother|grandfather|mom|mum|mother|dad|father|aunt|uncle|husband|wife|patient|neighbou?r|tia|t[ií]o)\s*\((9\d|1[0-2]\d)\)|\bat (9\d|1[0-2]\d)(?=,? (?:i|he|she|my|mom|dad|grandma|grandpa)\b)|(?:is|was|am|i'm|he's|she's|who's)\s+(9\d|1[0-2]\d)\b(?![.,]\d)(?!\s*(?:%|percent|minutes?|mins?|hours?|hrs?|days?|weeks?|degrees|°|lbs?|pounds|kg|mg|ml|units|dollars|cents|points|miles|feet|ft|in\b|mmhg|bpm|\/)))/gi;

const FEVER_TALK = /\b(?:fever|temp|temperature|thermometer|degrees|°|shakes|chills|burning up|febrile)/i;
/** "is 104", "she's 102": an age read off a verb, which a temperature can also follow. */
const AGE_AFTER_VERB_OVER_99 = /^(?:is|was|am|i'm|he's|she's|who's)\s+1[0-1]\d\b/i;
/** "was 118", "is 121": a reading can follow these too. */
const IS_OR_WAS_OVER_99 = /^(?:is|was)\s+1[0-2]\d\b/i;
/** "mine was 118 at my doctor's": a blood pressure, sugar or weight reading where readings are the talk. */
const READING_TALK = /\b(?:blood pressure|bp|systolic|diastolic|reads?|reading|glucose|sugars?|a1c|weigh(?:s|t|ed)?|pulse|heart rate|cholesterol|ldl|hdl|kiosk|cuff)\b/i;

function findDates(scan: ScannedText, add: Add, hasDigit: boolean): void {
  const text = scan.text;
  each(AGE_IN_WORDS, scan, (m) => add('AGE_OVER_89', m.index, m.index + m[0].length, 0.8));
  each(FIXED_HOLIDAY, scan, (m) => {
    if (HOLIDAY_LEAD.test(text.slice(Math.max(0, m.index - 14), m.index))) add('DATE', m.index, m.index + m[0].length, 0.6);
  });
  // Weekdays are the only dates (and ages over 89 in words the only ages) written without a digit.
  if (!hasDigit) {
    if (text.includes('day')) each(WEEKDAY, scan, (m) => add('DATE', m.index, m.index + m[0].length, 0.6, true));
    return;
  }
  each(HOLIDAY_WITH_YEAR, scan, (m) => add('DATE', m.index, m.index + m[0].length, 0.7));
  each(DATE_NUMERIC, scan, (m) => {
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (isCalendarDate(a, b) || isCalendarDate(b, a)) add('DATE', m.index, m.index + m[0].length, 0.9);
  });
  each(DATE_NUMERIC_SHORT, scan, (m) => {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    // "3/4" is a date only with a cue: "on 3/4", "since 12/1"; otherwise it is a fraction or a score.
    if (isCalendarDate(a, b) && /\b(?:on|since|from|until|dob|born|date|admitted|discharged)\s*:?\s*$/i.test(before)) {
      add('DATE', m.index, m.index + m[0].length, 0.7);
    }
  });
  each(DATE_ISO, scan, (m) => {
    if (isCalendarDate(Number(m[2]), Number(m[3]))) add('DATE', m.index, m.index + m[0].length, 0.95);
  });
  each(DATE_MONTH_FIRST, scan, (m) => add('DATE', m.index, m.index + m[0].length, m[0].startsWith('May') ? 0.6 : 0.85));
  each(DATE_DAY_FIRST, scan, (m) => add('DATE', m.index, m.index + m[0].length, 0.85));
  each(DATE_MONTH_YEAR, scan, (m) => add('DATE', m.index, m.index + m[0].length, 0.8));
  each(WEEKDAY, scan, (m) => add('DATE', m.index, m.index + m[0].length, 0.6, true));
  each(YEAR, scan, (m) => add('DATE', m.index, m.index + m[0].length, 0.5, true));
  each(AGE_OVER_89, scan, (m) => {
    // "I'm 102 with the shakes", "she's 104 and limp": a temperature where fever is the talk.
    if (AGE_AFTER_VERB_OVER_99.test(m[0]) && FEVER_TALK.test(scan.text)) return;
    if (IS_OR_WAS_OVER_99.test(m[0]) && READING_TALK.test(scan.text)) return;
    add('AGE_OVER_89', m.index, m.index + m[0].length, 0.9);
  });
}

const STREET_SUFFIX =
  '(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Route|Rte|Square|Sq|Trail|Trl|Loop|Pike|Plaza|Row|Alley|Crescent|Close)';
const UNIT = '(?:Apt|Apartment|Suite|Ste|Unit|Fl|Floor|Rm|Room|#)\\.?\\s?#?[\\w-]{1,6}';
const STREET = new RegExp(
  `\\b\\d{1,6}(?:-\\d{1,4})?[A-Za-z]?\\s+(?:[NSEW]\\.?\\s+)?(?:(?:\\p{Lu}[\\p{L}'’.-]{0,20}|\\d{1,3}(?:st|nd|rd|th))\\s+){1,4}${STREET_SUFFIX}\\b\\.?(?:,?\\s+${UNIT})?(?:,\\s+\\p{Lu}[\\p{L}.'-]{1,20}(?:\\s\\p{Lu}[\\p{L}.'-]{1,20}){0,2},?\\s+[A-Z]{2}(?:\\s+\\d{5}(?:-\\d{4})?)?)?`,
  'gu',
);
const PO_BOX = /\b(?:P\.?\s?O\.?\s?Box|PSC\s\d{1,5},\s?Box)\s?\d{1,6}(?:\s*\n?\s*APO\s[A-Z]{2}\s\d{5})?/gi;
const UNIT_ALONE = /\b(?:Apt|Apartment|Suite|Ste|Unit)\.?\s?#?\d{1,5}[A-Z]?\b/g;
const ADDRESS_CUE =
  /\b(?:address(?:\s+is)?\s*:?|lives? at|living at|moved to|ship(?:ped)? to|mail(?:ed)? (?:it )?to|send (?:it |them |a new one )?to|located at|is at)\s+([^\n?!;]{4,80})/giu;
const ADDRESS_WORD = new RegExp(`\\b${STREET_SUFFIX}\\b|\\b(?:apt|apartment|unit|suite|lot|space)\\b`, 'iu');
const ZIP_CUE = /\b(?:zip(?:\s?code)?|postal code|post ?code)\s*(?:is|:|#|,)?\s*([A-Z0-9]{2,5}(?:[ -][A-Z0-9]{2,4})?)/gi;
const ZIP_AFTER_STATE = /\b[A-Z]{2}\s{1,3}(\d{5}(?:-\d{4})?|[A-Z]\d[A-Z]\s?\d[A-Z]\d)\b(?!-[A-Za-z0-9])/g;
const ZIP_PLUS4 = /(?<![\d-])\d{5}-\d{4}(?![\d-])/g;
const ZIP_LINE_END = /(?<=\p{L}[,.]?[ \t]{1,4})\d{4,5}(?=[ \t]*(?:$|\n|[.?!](?:\s|$)))/gmu;
const ZIP_AFTER_CUE = /\b(?:covers?|serves?|live in|living in|located in|moved to|area|near|in)\s+(\d{5}(?:-\d{4})?)(?![\d,.]\d|\s?(?:%|people|patients|steps|miles|dollars|babies|hours|lbs))/gi;
/** Decimal latitude, longitude: "44.6127, -122.9874" pins a place below a city (h19). */
const COORDINATES = /(?<![\d.])-?\d{1,2}\.\d{4,7},\s?-?\d{1,3}\.\d{4,7}(?!\.?\d)/g;
// "room (418)" too (d50).
const ROOM = /\b(?:room|rm\.?|bed|bay)\s?[#(]?\s?(\d{1,4}[A-Z]?)\b\)?/gi;

function findPlaces(scan: ScannedText, add: Add, digits: number): void {
  const text = scan.text;
  each(STREET, scan, (m) => add('STREET_ADDRESS', m.index, m.index + m[0].length, 0.85));
  each(PO_BOX, scan, (m) => add('STREET_ADDRESS', m.index, m.index + m[0].length, 0.9));
  each(UNIT_ALONE, scan, (m) => add('STREET_ADDRESS', m.index, m.index + m[0].length, 0.6));
  each(ADDRESS_CUE, scan, (m) => {
    const [s, e] = groupSpan(m, 1);
    // The value ends with its sentence, and reads like an address: a house number and a word, or a
    // street word ("my heart is at 170, my hands are shaking" is a pulse, not an address).
    const value = text.slice(s, e).split(/[.](?:\s|$)/)[0]!.replace(/[\s,.]+$/, '');
    // A house number then a name ("14 Birch Hollow"); "at 2 and we're in the car" is a time.
    const addressLike = /^\d{1,6}[A-Za-z]?\s+(?:[NSEW]\.?\s+)?(?!(?:AM|PM)\b)\p{Lu}\p{L}+/u.test(value) || ADDRESS_WORD.test(value);
    if (addressLike && /\d/.test(value) && /\p{L}{3}/u.test(value)) add('STREET_ADDRESS', s, s + value.length, 0.7);
  });
  each(ZIP_CUE, scan, (m) => {
    const [s, end] = groupSpan(m, 1);
    let e = end;
    const value = text.slice(s, e);
    const parts = value.split(/[ -]/);
    // "35350 and" must not swallow the next word: a second part needs a digit or capitals.
    if (parts.length > 1 && !/\d|^[A-Z]+$/.test(parts[1]!)) e = s + parts[0]!.length;
    if (/\d/.test(text.slice(s, e))) add('ZIP_CODE', s, e, 0.9);
  });
  // A US ZIP has 5 digits, a Canadian postal code 3.
  if (digits >= 3) each(ZIP_AFTER_STATE, scan, (m) => {
    const [s, e] = groupSpan(m, 1);
    add('ZIP_CODE', s, e, 0.75);
  });
  each(ZIP_AFTER_CUE, scan, (m) => {
    const [s, e] = groupSpan(m, 1);
    add('ZIP_CODE', s, e, 0.65);
  });
  each(ZIP_PLUS4, scan, (m) => add('ZIP_CODE', m.index, m.index + m[0].length, 0.7));
  each(ZIP_LINE_END, scan, (m) => add('ZIP_CODE', m.index, m.index + m[0].length, 0.5));
  each(ROOM, scan, (m) => add('ROOM', m.index, m.index + m[0].length, 0.8));
  each(COORDINATES, scan, (m) => add('STREET_ADDRESS', m.index, m.index + m[0].length, 0.8));
}

// The cue, a short gap without digits or sentence ends, then a token holding a digit.
const GAP = "[^\\n\\d.!?]{0,30}?";
const ID_TOKEN = '(?<![\\w-])((?=[A-Z0-9-]{5,25}(?![\\w-]))[A-Z0-9-]{0,12}\\d[A-Z0-9-]{0,20})(?![\\w-])';
// Accounts take only label words between cue and number: "account if you call 555…" is no account.
const STRICT_GAP = '(?:\\s*(?:number|num|no\\.?|#|id|is|was|on file|ending in|:|-)\\s*){0,3}\\s*';
const labelled = (cue: string, gap = GAP): RegExp => new RegExp(`\\b(?:${cue})\\b${gap}${ID_TOKEN}`, 'gi');
const LABELLED: Array<[IdentifierType, RegExp]> = [
  ['MEDICAL_RECORD_NUMBER', labelled('MRN|medical record|patient (?:id|number|no)|chart (?:number|no)|hospital number|n[uú]mero de (?:expediente|historia(?: cl[ií]nica)?)')],
  ['HEALTH_PLAN_ID', labelled('member (?:id|number|no)|subscriber (?:id|number)|policy (?:id|number|no)|insurance (?:id|number)|medicare (?:card|number|id)|medicaid (?:card|number|id)|plan (?:id|number)|beneficiary (?:id|number)|(?:OHP|CHIP|tricare|BCBS|blue cross|aetna|cigna|humana|kaiser|regence|moda|pacificsource|united ?healthcare|UHC|anthem|molina|centene) (?:member )?(?:id|card|number|no|#)|n[uú]mero de (?:miembro|afiliado|p[oó]liza|seguro|medicaid|medicare)|id de miembro')],
  ['ACCOUNT_NUMBER', labelled('account|acct|invoice|billing (?:number|no|id)|statement (?:number|no)|claim|case (?:number|no)|confirmation (?:number|no|code)|reference (?:number|no)|FIN|encounter (?:number|no|id|#)|visit (?:number|no|id|#)', STRICT_GAP)],
  // Any licence with its number: a driver's, a nurse's own ("Oregon license 095512347RN", h18).
  ['LICENSE_NUMBER', labelled("driver'?s licen[cs]e|licen[cs]e(?! plate)|DL|NPI|DEA (?:number|no)|call ?sign|(?:pilot|airman|FAA|CDL|commercial driver'?s?) certificate(?: (?:number|no|#))?")],
  // The number on a patient's wristband is the patient id (h17), however the writer leads up to it.
  ['MEDICAL_RECORD_NUMBER', labelled('wristband|arm ?band|hospital bracelet', '[^\\n\\d.!?]{0,60}?')],
  // A passport number is asked for with more words around it ("my passport number for the account, it's …").
  // …and so is a national identity number: a Mexican CURP, a national id card (d60).
  ['OTHER_ID', labelled('passport(?: (?:number|no|#))?|CURP|national (?:id|identity|identification)(?: (?:card|number|no|#))?|known traveler (?:number|no|#|id)|KTN|global entry (?:number|no|#|id)|trusted traveler (?:number|no|#|id)|redress (?:number|no|#)', '[^\\n\\d.!?]{0,50}?')],
  // A crypto wallet a bill was paid from is the payer's account (h64); too long and mixed for ID_TOKEN.
  ['ACCOUNT_NUMBER', /\bwallet(?: address)?\b[^\n.!?]{0,20}?\b(0x[0-9a-f]{8,64}|bc1[a-z0-9]{20,60}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})\b/gi],
  // A tax id given for one's own bill or benefit: an employer id (EIN) is a person's for a sole proprietor (d47).
  ['OTHER_ID', labelled('EIN|ITIN|tax (?:id|number)|taxpayer (?:id|number)', `${STRICT_GAP}\\(?`)],
  // A plate may follow its state's code ("plate OR 7KD-442").
  ['VEHICLE_ID', labelled('licen[cs]e plate|plate|VIN|(?:e-?)?scooter|(?:e-?)?bike|bicycle', `${STRICT_GAP}(?:[A-Z]{2}\\s+)?`)],
  // An air ambulance's tail number picks out the one flight that carried a patient (h36).
  ['VEHICLE_ID', labelled('aircraft|tail (?:number|no)|helicopter|air ambulance', '(?:\\s*(?:number|no\\.?|#|id|is|was|as|:|-)\\s*){0,3}\\s*')],
  ['OTHER_ID', labelled('(?:dna |genetic |test |home )?kit (?:id|number|no|#)|(?:(?:registry |program |ommp |mmj |medical marijuana )card|card (?:number|no)|card(?= ?#))(?: (?:number|no))?|(?:nicu |parent |parking |visitor |family )+pass(?: (?:number|no|#))?|lab req(?:uisition)?|requisition|specimen (?:id|number|no)|accession (?:number|no)|order (?:number|no)|(?:patient relations|grievance|complaint|incident|patient advocate) case(?: (?:number|no|#))?|(?:disabled|disability|handicap(?:ped)?|accessible) (?:parking )?(?:placard|permit)|medic ?alert|medical (?:alert|id) (?:bracelet|necklace|tag)|rx|prescription (?:number|no|#)|(?:blood |platelet |plasma )?donor (?:id|number|no|#)|prior auth(?:ori[sz]ation)?(?: (?:reference|number|no|#|id))?|authori[sz]ation (?:reference|number|no|#)|(?:participant|study|subject|trial|research) (?:id|number|no|#)|(?:records?|release of information|roi|information) request(?: (?:number|no|id))?|request (?:number|no|id)|(?:bite|incident|police|accident|crash|collision|animal control) report(?: (?:number|no|id))?|report (?:number|no|id)')],
  ['DEVICE_ID', labelled('serial|device (?:id|number|no)|implant (?:id|number|card)|UDI|lot (?:number|no)|(?:infant |baby |security |ankle |hugs )+tag')],
];
const CALL_BEFORE_PHONE = /\b(?:call|text|phone|reach)(?: (?:me|us|him|her))?(?: at| on)?\s*:?\s*$/i;
const PHONE_SHAPED = /^(?:1-)?\d{3}-\d{3}-\d{4}$/;
const CLINICIAN_NEAR =
  /\b(?:the|that|this|your|an?|whose) (?:er |ed |urgent care |on-call |covering )?(?:doc|doctor|physician|surgeon|nurse|provider|pharmacist|np|pa|dentist|therapist|midwife|tech|technician|phlebotomist|paramedic|emt)\b|\b(?:his|her|their|whose) badge\b/i;
const WRITER_IS_CLINICIAN = /\b(?:i(?:'|’)?m|i am|as) an? (?:\w+ )?(?:nurse|doctor|physician|pharmacist|np|pa|dentist|therapist|midwife|rn|lpn|emt|paramedic)\b/i;
// "the last five of my MRN are 4 4 0 2 1": a record number read out digit by digit.
const SPACED_MRN = /\b(?:MRN|medical record(?: number| no)?|chart (?:number|no))\b[^\n\d.!?]{0,30}?\b((?:\d[ -]){3,}\d)\b/gi;
const SPACED_MEMBER_ID = /\b(?:member (?:id|number|no)|subscriber (?:id|number)|policy (?:id|number|no)|insurance (?:id|number)|medicaid (?:id|number)|medicare (?:id|number))\b\s*(?:is|:|#)?\s*((?:[A-Z0-9]{2,6} ){1,4}[A-Z0-9]{2,6})\b/gi;
// "plate 8KRT 512": a plate written in two groups, as it is on the car.
// A state code may lead ("plate OR 7KD 219"); digits are counted inside the two groups, not beyond them.
const SPACED_PLATE = /\b(?:licen[cs]e )?plate(?: (?:number|no\.?|#))?\s*(?:is|:|#)?\s*(?:[A-Z]{2} (?=[A-Z0-9]{2,4} [A-Z0-9]{2,4}\b))?([A-Z0-9]{2,4} [A-Z0-9]{2,4})\b/gi;
// A Canadian Social Insurance Number is nine digits, often in threes; "SIN" only in capitals ("sin" is Spanish for without) (d52).
const SIN = /\b(?:SIN|[Ss]ocial [Ii]nsurance (?:[Nn]umber|[Nn]o\.?|#))\b[^\n\d.!?]{0,20}?(\d{3}[ -]?\d{3}[ -]?\d{3})(?![\d-])/g;
// A full name run together in a hashtag ("#TeamAvaMarchetti", "#PrayForLiamOrtega"): the given name must be a known one (d52).
const HASHTAG_SUFFIXES = 'Strong|Fights?|Fighter|Warrior|Army|Journey|Recovery|Updates?';
const HASHTAG_SUFFIX = new RegExp(`^(?:${HASHTAG_SUFFIXES})$`);
const HASHTAG_NAME = new RegExp(`#(?:Team|PrayFor|PrayersFor|Pray4|Prayers4|Love4|LoveFor|Go|Fight4|FightFor|StandWith)?([A-Z][a-z]+)([A-Z][a-z]+)(?=(?:${HASHTAG_SUFFIXES})?\\b)`, 'g');

function findHashtagNames(scan: ScannedText, found: IdentifierSpan[]): void {
  if (!scan.text.includes('#')) return;
  each(HASHTAG_NAME, scan, (m) => {
    const given = m[1]!.toLowerCase();
    if (!FIRST_NAMES.has(given) || AMBIGUOUS_FIRST_NAMES.has(given) || HASHTAG_SUFFIX.test(m[2]!)) return;
    const end = m.index + m[0].length;
    const start = end - m[1]!.length - m[2]!.length;
    found.push({ type: 'PERSON', start, end, text: scan.text.slice(start, end), confidence: 0.7, fullName: true });
  });
}

// ---- Towns: where someone lives or travels from ----

/** One to three capitalised words after a space: a place name, if the words before it put someone there. */
const CAPITALISED_RUN = /(?<=[ \t])\p{Lu}\p{Ll}+(?:[ \t]\p{Lu}\p{Ll}+){0,2}/gu;
/**
 * "we drive in from Coos Bay", "drove two hours from Dunmore", "she lives alone in Halsey", "home
 * in Gates", "my grandpa out in Fernhill", "comes out to Shady Cove", "vive sola en Fernhill", "en la casa en Millbrook" (d60).
 * Without a list of towns the cue is the evidence; the name is the capitalised words after it. A
 * flight is left out: "flew back from Manila" is a trip, not a home (d20, d47, d49).
 */
const TOWN_CUE =
  /(?:\b(?:drive|drives|drove|driving|driven|come|comes|came|coming|travel\w*|moved|moving|transferred|commut\w*|brought|brings?|bringing)\b(?:[ \t]+[\w']+){0,4}?[ \t]+from|\b(?:live|lives|living|lived)\b(?:[ \t]+(?:alone|out|way|all|the|by|himself|herself|themselves|myself|ourselves|up|down|over|still|now))*[ \t]+in|\b(?:home|house|farm|place|trailer|apartment)[ \t]+(?:(?:out|up|down|back)[ \t]+)?in|\bout[ \t]+(?:in|to)|\b(?:vive|viven|vivo|vivimos)(?:[ \t]+(?:sola|solo|solas|solos))?[ \t]+en|\b(?:casa|finca|rancho|apartamento|departamento)[ \t]+en)[ \t]+$/i;
/** Capitalised words that are not towns: states and countries (no smaller than HIPAA allows), days, months, titles, institutions. */
const NOT_TOWN_WORDS = new Set(
  (
    'alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada hampshire jersey mexico york carolina dakota ohio oklahoma oregon pennsylvania rhode tennessee texas utah vermont virginia washington wisconsin wyoming ' +
    'america canada guatemala honduras salvador cuba haiti colombia venezuela peru brazil chile argentina ecuador spain france germany italy england ireland scotland britain poland ukraine russia india china japan korea vietnam philippines africa europe asia nigeria ghana kenya ethiopia somalia iran iraq syria afghanistan pakistan israel egypt ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december ' +
    'the my our your his her their this that dr mr mrs ms nurse mom dad ' +
    'hospital general memorial regional medical center centre clinic health care urgent university college school church county park street avenue road hall building wing lot garage pavilion institute'
  ).split(' '),
);

function findTowns(text: string, add: Add): void {
  CAPITALISED_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CAPITALISED_RUN.exec(text)) !== null) {
    if (!TOWN_CUE.test(text.slice(Math.max(0, m.index - 60), m.index))) continue;
    const words = m[0].split(/[ \t]/);
    // "from Sam's house", "from Coastal General": a person's place or an institution, not a town.
    if (words.some((w) => NOT_TOWN_WORDS.has(w.toLowerCase())) || /^['’]s\b/.test(text.slice(m.index + m[0].length))) continue;
    // A run opening with a given name is taken for a person ("came over from Rosa Diaz"), though a "Jordan Lake" is lost.
    if (FIRST_NAMES.has(words[0]!.toLowerCase())) continue;
    add('CITY', m.index, m.index + m[0].length, 0.7);
  }
}

const VIN = /\b[A-HJ-NPR-Z0-9]{17}\b/g;
const MBI = /\b[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]{2}\d{2}\b/g;
const OTHER_ID = /(?<![\w#])#\s?(\d{5,12})\b/g;

const ANYONES_CLAIM = /\b(?:lost[- ](?:and|&|n)[- ]found|valet|coat[- ]check|baggage|luggage)\b[^.!?\n]{0,30}\bclaim\b/i;

function findLabelledIds(scan: ScannedText, add: Add, digits: number): void {
  for (const [type, re] of LABELLED) {
    each(re, scan, (m) => {
      const [s, e] = groupSpan(m, 1);
      // "License says Tanner Whitlock, call 555-771-2093": the number after "call" is a phone, not the id (d52).
      if (CALL_BEFORE_PHONE.test(scan.text.slice(m.index, s)) && PHONE_SHAPED.test(m[1]!)) return;
      // A treating clinician's licence is the clinician's, not the patient's (h12).
      // Not when the clinician is the writer ("I'm a nurse myself (RN license …)", d47): the licence is theirs.
      if (type === 'LICENSE_NUMBER') {
        const around = scan.text.slice(Math.max(0, m.index - 80), e + 20);
        if (CLINICIAN_NEAR.test(around) && !WRITER_IS_CLINICIAN.test(around)) return;
      }
      // A lost-and-found, valet or coat-check claim ticket is handed to anyone, patient or not (h63).
      if (type === 'ACCOUNT_NUMBER' && ANYONES_CLAIM.test(scan.text.slice(Math.max(0, m.index - 40), s))) return;
      add(type, s, e, 0.9);
    });
  }
  each(SPACED_MRN, scan, (m) => {
    const [s, e] = groupSpan(m, 1);
    add('MEDICAL_RECORD_NUMBER', s, e, 0.9);
  });
  each(SPACED_MEMBER_ID, scan, (m) => {
    const [s, e] = groupSpan(m, 1);
    if ((m[1]!.match(/\d/g)?.length ?? 0) >= 4) add('HEALTH_PLAN_ID', s, e, 0.9);
  });
  each(SPACED_PLATE, scan, (m) => {
    const [s, e] = groupSpan(m, 1);
    if ((m[1]!.match(/\d/g)?.length ?? 0) >= 2) add('VEHICLE_ID', s, e, 0.8);
  });
  // A VIN is kept with at most 13 letters of its 17 characters: 4 digits at least.
  if (digits >= 4) each(VIN, scan, (m) => {
    const letters = m[0].replace(/\d/g, '').length;
    if (letters >= 2 && letters <= 13) add('VEHICLE_ID', m.index, m.index + m[0].length, 0.6);
  });
  each(MBI, scan, (m) => add('HEALTH_PLAN_ID', m.index, m.index + m[0].length, 0.8));
  each(SIN, scan, (m) => {
    const [s, e] = groupSpan(m, 1);
    add('OTHER_ID', s, e, 0.8);
  });
  each(OTHER_ID, scan, (m) => add('OTHER_ID', m.index, m.index + m[0].length, 0.5));
}

/** Specific kinds win over generic ones when two detectors claim the same characters. */
const PRIORITY: Record<IdentifierType, number> = {
  EMAIL_ADDRESS: 100,
  URL: 95,
  US_SSN: 90,
  MEDICAL_RECORD_NUMBER: 88,
  HEALTH_PLAN_ID: 87,
  CREDIT_CARD: 86,
  LICENSE_NUMBER: 85,
  DEVICE_ID: 84,
  ACCOUNT_NUMBER: 83,
  VEHICLE_ID: 82,
  IP_ADDRESS: 80,
  FAX_NUMBER: 76,
  PHONE_NUMBER: 75,
  DATE: 70,
  AGE_OVER_89: 68,
  STREET_ADDRESS: 65,
  ZIP_CODE: 64,
  CITY: 62,
  ROOM: 60,
  HANDLE: 55,
  PERSON: 50,
  OTHER_ID: 10,
};

/** Keeps, among overlapping spans, the most specific; a ZIP inside an address is kept too. */
function resolveOverlaps(spans: IdentifierSpan[]): IdentifierSpan[] {
  const ranked = [...spans].sort(
    (a, b) => rank(b) - rank(a) || b.confidence - a.confidence || b.end - b.start - (a.end - a.start),
  );
  const kept: IdentifierSpan[] = [];
  for (const span of ranked) {
    const clash = kept.some(
      (k) => k.start < span.end && span.start < k.end && !(isZipInAddress(k, span) || isZipInAddress(span, k)),
    );
    if (!clash) kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

function rank(s: IdentifierSpan): number {
  return s.yearOnly ? 20 : PRIORITY[s.type];
}

function isZipInAddress(a: IdentifierSpan, b: IdentifierSpan): boolean {
  return a.type === 'STREET_ADDRESS' && b.type === 'ZIP_CODE';
}
