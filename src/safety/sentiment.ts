import { vaderCompound } from './vader.ts';
import { ScannedText } from './scanned-text.ts';
import type { Intent, MessageKind, Sentiment } from './types.ts';
import { MEDICAL_REWRITES, EMOJI_VALENCE } from './lexicon/medical-sentiment.ts';

/** VADER needs no model download; long texts are scored on their opening, which carries the tone. */
const MAX_SCORED_CHARS = 4000;

/** VADER's compound score (-1..1) after medical and emoji rewrites. */
export function sentimentScore(text: string, scanned?: ScannedText): number {
  let scored = text.length > MAX_SCORED_CHARS ? text.slice(0, MAX_SCORED_CHARS) : text;
  let scan = scanned !== undefined && scanned.text === scored ? scanned : new ScannedText(scored);
  for (const [pattern, replacement] of MEDICAL_REWRITES) {
    // Most rewrites cannot match (their literals are absent): then replace() would return the text unchanged.
    if (!scan.mayMatch(pattern)) continue;
    const rewritten = scored.replace(pattern, replacement);
    if (rewritten !== scored) {
      scored = rewritten;
      scan = new ScannedText(scored);
    }
  }
  // Every emoji rewritten is at or above EMOJI_FLOOR (as a UTF-16 unit): a text without such a unit has none.
  if (hasUnitAtOrAbove(scored, EMOJI_FLOOR)) for (const [pattern, replacement] of EMOJI_VALENCE) scored = scored.replace(pattern, replacement);
  return scored.trim() ? vaderCompound(scored) : 0;
}

/** The lowest UTF-16 unit of any emoji in EMOJI_VALENCE (a surrogate for those beyond the BMP). */
const EMOJI_FLOOR = Math.min(
  ...EMOJI_VALENCE.flatMap(([pattern]) => [...pattern.source.replace(/^\[|\]$/g, '')].map((ch) => ch.charCodeAt(0))),
);

function hasUnitAtOrAbove(text: string, floor: number): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= floor) return true;
  return false;
}

const APOLOGY_REDIRECT = /\b(?:sorry (?:to hear|about|for the|billing)|apologi[sz]e for any|thank(?:s| you) for (?:reaching out|flagging|letting us know)|please (?:call|email|contact|send us|dm)|we(?:'|’)?d like to (?:look into|help)|can(?:'|’)?t discuss)\b/i;
const DISRUPTION_OR_LOSS = /\b(?:closed (?:today|due)|power outage|down for maintenance|outage|delays?|sorry to share|sorry for your loss|condolences|passed away|in our hearts|we apologi[sz]e)\b/i;
const CELEBRATION = /\b(?:congrat\w*|celebrat\w*|welcome[sd]?|happy \w+|thank you|thanks|proud|excited|join us|new\b|meet\b|honou?red|spotlight|milestone|birthday|graduate)\b/i;

/**
 * Positive, neutral or negative, following how people read healthcare messages: emergencies,
 * self-harm and adverse events are negative; spam is neutral; plain questions are neutral unless
 * strongly coloured; our own apologies and redirects are neutral.
 */
export function classifySentiment(text: string, intents: readonly Intent[] = [], kind: MessageKind = 'mention', score = sentimentScore(text)): Sentiment {
  // intents.includes() spelt out: a named arrow made per call costs a defineProperty under tsx (keepNames).
  if (kind === 'draft') return draftSentiment(text, score);
  if (intents.includes('emergency') || intents.includes('self_harm')) return 'negative';
  if (intents.includes('spam')) return 'neutral';
  if (intents.includes('adverse_event')) return score >= 0.3 && !intents.includes('complaint') ? 'neutral' : 'negative';
  if (intents.includes('complaint') && intents.includes('praise')) return score >= 0.4 ? 'positive' : score <= -0.1 ? 'negative' : 'neutral';
  if (intents.includes('complaint')) return 'negative';
  if (intents.includes('praise')) return score <= -0.5 ? 'negative' : 'positive';
  if (intents.includes('question') || intents.includes('misinformation')) return band(score, 0.5, -0.4);
  return band(score, 0.3, -0.3);
}

function draftSentiment(text: string, score: number): Sentiment {
  if (DISRUPTION_OR_LOSS.test(text)) return 'negative';
  if (APOLOGY_REDIRECT.test(text)) return 'neutral';
  if (CELEBRATION.test(text) && score > 0) return 'positive';
  return band(score, 0.5, -0.5);
}

function band(score: number, positiveAt: number, negativeAt: number): Sentiment {
  if (score >= positiveAt) return 'positive';
  if (score <= negativeAt) return 'negative';
  return 'neutral';
}
