/**
 * Screen readers read #HeartHealth as two words and #hearthealth as one garbled one, so run-together
 * lowercase hashtags get a CamelCase suggestion.
 */
import twitter from 'twitter-text';
import { HEALTH_WORDS } from './health-words.ts';
import type { ComposerFinding, PartPlace } from './types.ts';

const WORDS = new Set(HEALTH_WORDS.flatMap((word) => [word, `${word}s`]));
const LONGEST_WORD = Math.max(...[...WORDS].map((word) => word.length));
/** A tag this long in lowercase letters is likely several words even when the word list cannot tell. */
const LONG_LOWERCASE_TAG = 12;

/** "hearthealth" → "HeartHealth"; undefined unless the tag splits into two or more known words. */
export function suggestCamelCaseHashtag(tag: string): string | undefined {
  if (!/^[a-z0-9]+$/.test(tag) || !/[a-z]/.test(tag)) return undefined;
  const words = splitIntoWords(tag);
  if (words === undefined || words.filter((word) => /[a-z]/.test(word)).length < 2) return undefined;
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}

export function hashtagFindings(text: string, place: PartPlace): ComposerFinding[] {
  const field = `${place.fieldPrefix}text`;
  const findings: ComposerFinding[] = [];
  for (const { hashtag, indices } of twitter.extractHashtagsWithIndices(text)) {
    const span = { start: indices[0], end: indices[1] };
    const camelCase = suggestCamelCaseHashtag(hashtag);
    if (camelCase !== undefined) {
      findings.push({
        rule: 'hashtag_camel_case',
        severity: 'warn',
        message: `Write #${hashtag} as #${camelCase} in ${place.label} so screen readers read it as words.`,
        span,
        field,
        suggestion: `#${camelCase}`,
      });
    } else if (/^[a-z]+$/.test(hashtag) && hashtag.length >= LONG_LOWERCASE_TAG) {
      findings.push({
        rule: 'hashtag_camel_case',
        severity: 'info',
        message: `#${hashtag} in ${place.label} looks like several words; capitalise each one (CamelCase) so screen readers read them apart.`,
        span,
        field,
      });
    }
  }
  return findings;
}

/** Splits into the fewest known words (digit runs count as words); undefined when it cannot. */
function splitIntoWords(tag: string): string[] | undefined {
  // best[i]: the fewest-word split of tag.slice(0, i)
  const best: Array<string[] | undefined> = [[]];
  for (let end = 1; end <= tag.length; end++) {
    for (let start = Math.max(0, end - LONGEST_WORD); start < end; start++) {
      const before = best[start];
      const word = tag.slice(start, end);
      if (before === undefined || !(WORDS.has(word) || /^[0-9]+$/.test(word))) continue;
      const current = best[end];
      if (current === undefined || before.length + 1 < current.length) best[end] = [...before, word];
    }
  }
  return best[tag.length];
}
