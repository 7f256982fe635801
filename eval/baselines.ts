/**
 * The libraries Bedside is compared against, wrapped to give typed spans:
 * redact-pii (regexes + a name list; it only redacts, so spans are recovered by aligning its
 * output with the input), @openredaction/openredaction (pattern library with positions) and
 * plain vader-sentiment.
 */
import { SyncRedactor } from 'redact-pii';
import { OpenRedaction } from '@openredaction/openredaction';
import vader from 'vader-sentiment';
import type { Sentiment } from '../src/safety/index.ts';

export interface BaselineSpan {
  type: string;
  start: number;
  end: number;
}

// redact-pii ignores per-redactor replaceWith and always writes these tokens.
const REDACT_PII_TYPES: Record<string, string> = {
  PERSON_NAME: 'PERSON',
  PHONE_NUMBER: 'PHONE_NUMBER',
  EMAIL_ADDRESS: 'EMAIL_ADDRESS',
  US_SOCIAL_SECURITY_NUMBER: 'US_SSN',
  STREET_ADDRESS: 'STREET_ADDRESS',
  ZIPCODE: 'ZIP_CODE',
  CREDIT_CARD_NUMBER: 'CREDIT_CARD',
  IP_ADDRESS: 'IP_ADDRESS',
  URL: 'URL',
  DIGITS: 'DIGITS',
  USERNAME: 'USERNAME',
  PASSWORD: 'PASSWORD',
  CREDENTIALS: 'CREDENTIALS',
};
const TOKEN = new RegExp(`(${Object.keys(REDACT_PII_TYPES).join('|')})`);
const redactPii = new SyncRedactor();

/** Spans found by redact-pii, recovered by walking its redacted text against the original. */
export function redactPiiSpans(text: string): BaselineSpan[] {
  const parts = redactPii.redact(text).split(TOKEN);
  const spans: BaselineSpan[] = [];
  let pos = parts[0]!.length;
  for (let k = 1; k < parts.length; k += 2) {
    const next = parts[k + 1] ?? '';
    const isLast = k + 2 >= parts.length;
    let end: number;
    if (isLast) end = text.length - next.length;
    else if (next === '') end = pos + 1;
    else end = text.indexOf(next, pos + 1);
    if (end < pos) end = text.length;
    spans.push({ type: REDACT_PII_TYPES[parts[k]!] ?? 'OTHER', start: pos, end });
    pos = end + next.length;
  }
  return spans;
}

const openRedaction = new OpenRedaction({ deterministic: true });

const OPENREDACTION_TYPES: Array<[RegExp, string]> = [
  [/^EMAIL/, 'EMAIL_ADDRESS'],
  [/PHONE|FAX|MOBILE/, 'PHONE_NUMBER'],
  [/^SSN|SOCIAL_SECURITY/, 'US_SSN'],
  [/CREDIT_CARD|CARD_NUMBER/, 'CREDIT_CARD'],
  [/^NAME|PERSON|FULL_NAME/, 'PERSON'],
  [/ZIP|POSTCODE|POSTAL/, 'ZIP_CODE'],
  [/ADDRESS|STREET|PO_BOX/, 'STREET_ADDRESS'],
  [/DATE|DOB|BIRTH/, 'DATE_TIME'],
];

/** Spans found by OpenRedaction with its own type names mapped onto the evaluation's. */
export function openRedactionSpans(text: string): BaselineSpan[] {
  const result = openRedaction.detect(text) as unknown as { detections: Array<{ type: string; position: [number, number] }> };
  return result.detections.map((d) => ({
    type: OPENREDACTION_TYPES.find(([re]) => re.test(d.type))?.[1] ?? d.type,
    start: d.position[0],
    end: d.position[1],
  }));
}

/** Plain VADER with its published thresholds (±0.05). */
export function vaderSentiment(text: string): Sentiment {
  const c = text.trim() ? vader.SentimentIntensityAnalyzer.polarity_scores(text.slice(0, 4000)).compound : 0;
  return c >= 0.05 ? 'positive' : c <= -0.05 ? 'negative' : 'neutral';
}
