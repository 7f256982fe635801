import { describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import twitter from 'twitter-text';
import type { ParsedTweet, ParseTweetOptions } from 'twitter-text';
import { countLength, measureText } from './text-length.ts';

/**
 * twitter-text's own conformance cases (../shared/eval/twitter-text-validate.yml, next to the
 * project). The discounted-emoji section is today's X counting and goes through our countLength and
 * measureText; the older section is specified against twitter-text's version 2 config.
 */
const CASES_FILE = fileURLToPath(new URL('../../../../shared/eval/twitter-text-validate.yml', import.meta.url));
const X_LIMIT = 280;

interface WeightedCase {
  description: string;
  text: string;
  expected: Partial<ParsedTweet>;
}

function loadSection(name: string): WeightedCase[] {
  if (!existsSync(CASES_FILE)) {
    assert.fail(`the twitter-text conformance cases are missing: expected ${CASES_FILE} (../shared/eval/ next to the project; CI always has it)`);
  }
  const doc = parse(readFileSync(CASES_FILE, 'utf8')) as { tests?: Record<string, WeightedCase[] | undefined> };
  const cases = doc.tests?.[name];
  assert.ok(Array.isArray(cases) && cases.length > 0, `section tests.${name} is missing or empty in ${CASES_FILE}`);
  return cases;
}

/** Compares every expected field that is present; returns one line per mismatch. */
function mismatches(actual: Partial<ParsedTweet>, expected: Partial<ParsedTweet>): string[] {
  return (Object.keys(expected) as Array<keyof ParsedTweet>)
    .filter((key) => key in actual && actual[key] !== expected[key])
    .map((key) => `${key}: got ${String(actual[key])}, expected ${String(expected[key])}`);
}

function report(t: TestContext, section: string, cases: WeightedCase[], failures: string[]): void {
  const failed = new Set(failures.map((line) => line.split(' — ')[0])).size;
  t.diagnostic(`${section}: ${cases.length - failed}/${cases.length} cases passed`);
  assert.deepEqual(failures, [], `${section}: ${failed} of ${cases.length} cases failed`);
}

describe('X weighted length follows the twitter-text conformance cases', () => {
  test('WeightedTweetsWithDiscountedEmojiCounterTest: countLength and the overflow span agree with every case', (t) => {
    const cases = loadSection('WeightedTweetsWithDiscountedEmojiCounterTest');
    const failures: string[] = [];
    for (const { description, text, expected } of cases) {
      const parsed = twitter.parseTweet(text);
      const measure = measureText(text, { kind: 'twitter_weighted' }, X_LIMIT);
      const ours: Partial<ParsedTweet> = {
        ...parsed,
        weightedLength: countLength(text, { kind: 'twitter_weighted' }),
        permillage: Math.floor((measure.length / X_LIMIT) * 1000),
      };
      const problems = mismatches(ours, expected);
      // Over the limit, our overflow span starts right after the last character X still accepts.
      if (expected.validRangeEnd !== undefined && expected.weightedLength !== undefined && expected.weightedLength > X_LIMIT) {
        const start = measure.overflow?.start;
        if (start !== expected.validRangeEnd + 1) problems.push(`overflow starts at ${String(start)}, expected ${expected.validRangeEnd + 1}`);
      }
      if (expected.weightedLength !== undefined && expected.weightedLength <= X_LIMIT && measure.overflow !== undefined) problems.push('an overflow span on a text within the limit');
      failures.push(...problems.map((problem) => `${description} — ${problem}`));
    }
    report(t, 'WeightedTweetsWithDiscountedEmojiCounterTest', cases, failures);
  });

  test('WeightedTweetsCounterTest: twitter-text with its version 2 config agrees with every case', (t) => {
    const cases = loadSection('WeightedTweetsCounterTest');
    // @types/twitter-text does not declare the configs the package exports.
    const { version2 } = (twitter as unknown as { configs: { version2: ParseTweetOptions } }).configs;
    const failures = cases.flatMap(({ description, text, expected }) => mismatches(twitter.parseTweet(text, version2), expected).map((problem) => `${description} — ${problem}`));
    report(t, 'WeightedTweetsCounterTest', cases, failures);
  });
});
