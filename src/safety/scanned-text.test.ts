import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ScannedText } from './scanned-text.ts';
import { requiredLiterals, foldChar } from './pattern-literals.ts';
import './triage.ts'; // declares the patterns tested branch by branch
import './model/signals.ts';
import * as intents from './lexicon/intents.ts';
import * as adverse from './lexicon/adverse-events.ts';
import * as acute from './lexicon/acute-cues.ts';
import * as care from './lexicon/care-context.ts';
import * as status from './lexicon/patient-status.ts';
import { MEDICAL_REWRITES } from './lexicon/medical-sentiment.ts';

/** Every lexicon pattern, as the rules use it (non-global ones through has(), global ones through mayMatch()). */
const PATTERNS: RegExp[] = [
  ...[intents, adverse, acute, care, status].flatMap((m) => Object.values(m).flatMap((v) => (v instanceof RegExp ? [v] : Array.isArray(v) ? v.filter((x) => x instanceof RegExp) : []))),
  ...MEDICAL_REWRITES.map(([re]) => re),
];

const fold = (s: string): string => String.fromCharCode(...Array.from(s, (ch) => foldChar(ch.charCodeAt(0))));

/** Texts made of the lexicons' own phrases (so that patterns do match), cased and glued in odd ways. */
const PHRASES = [
  'chest pain', "can't breathe", 'CAN’T BREATHE', 'my dad', 'took 30 of my pills', 'kill myself', 'suicide prevention', 'dying to try',
  'not breathing', 'won’t stop bleeding', 'allergic reaction', 'after the flu shot', 'I got a rash', 'vaccines cause autism', 'do not cause',
  'thank you', 'the nurses', 'terrible', 'waited 6 hours', 'DM me', 'bit.ly', 'free money', 'is it true', 'what are the side effects',
  'your surgery', 'was admitted', 'Tom is stable', 'room 12', 'tested negative', 'passed away', 'fever of 104', '3 week old', 'blood sugar 45',
  'OD', "od'd", 'Overdosed', 'heart racing at 180', 'BP 80/50', 'right now', 'please help', '911', 'hospital', 'cancer-free', 'killer',
];
const PIECES = [...PHRASES, ' ', ' ', '. ', '!', '?', ',', '\n', "'", '’', '-', '#', '0', '42', 'é', '🙏', 'İ', 'ſ', 'K', 'x', 'the', 'a'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 25 }).map((parts) => parts.join(''));

test('a lexicon pattern answers through the scan exactly as its own test() does', () => {
  fc.assert(
    fc.property(text, (t) => {
      const scanned = new ScannedText(t);
      for (const re of PATTERNS) {
        const expected = new RegExp(re.source, re.flags.replace('g', '')).test(t);
        if (!re.global) assert.equal(scanned.has(re), expected, `${re.source.slice(0, 60)} on ${JSON.stringify(t)}`);
        if (expected) assert.ok(scanned.mayMatch(re), `mayMatch ${re.source.slice(0, 60)} on ${JSON.stringify(t)}`);
      }
    }),
    { numRuns: 300 },
  );
});

test('a part of a scanned text answers as the pattern does on that part', () => {
  fc.assert(
    fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
      const [from, to] = [a % (t.length + 1), b % (t.length + 1)].sort((x, y) => x - y);
      const part = t.slice(from, to);
      const scanned = new ScannedText(t);
      for (const re of [intents.EMERGENCY_SYMPTOM, intents.SELF_HARM, intents.COMPLAINT]) assert.equal(scanned.hasInPart(re, part), re.test(part));
    }),
    { numRuns: 300 },
  );
});

test('every match of a lexicon pattern holds one of the literals read from its source', () => {
  fc.assert(
    fc.property(text, (t) => {
      for (const re of PATTERNS) {
        const literals = requiredLiterals(re);
        const m = new RegExp(re.source, re.flags.replace('g', '')).exec(t);
        if (literals === null || m === null) continue;
        assert.ok(
          literals.some((l) => fold(m[0]).includes(l)),
          `${re.source.slice(0, 60)} matched ${JSON.stringify(m[0])} without a literal`,
        );
      }
    }),
    { numRuns: 300 },
  );
});

test('literals are read from the pattern: words, digits folded to one class, case ignored', () => {
  assert.deepEqual(requiredLiterals(/\bchest pain\b/i)?.map((l) => l.length), [10]);
  assert.ok(requiredLiterals(/\bChest (?:pain|pressure)\b/)!.includes(fold('chest pain')));
  assert.deepEqual(requiredLiterals(/\d{3}-\d{4}/), [fold('000-0000')]);
  // A pattern that can match without any literal gives none, so it is never skipped.
  assert.equal(requiredLiterals(/\w+|x/), null);
  assert.equal(requiredLiterals(/(?:)/), null);
});

test('with the iu flags the Kelvin sign and the long s match k and s, and the scan sees them so', () => {
  for (const [re, text] of [
    [/\bkelvin\b/iu, '20 \u212Aelvin'],
    [/\bsuicide\b/iu, '\u017Fuicide'],
  ] as const) {
    assert.equal(re.test(text), true);
    assert.equal(new ScannedText(text).has(re), true);
  }
  // Without u they do not match, and the scan agrees.
  assert.equal(new ScannedText('\u212Aelvin').has(/kelvin/i), false);
});

test('a global pattern is tested directly, since its test() keeps state between calls', () => {
  const re = /pain/g;
  const scanned = new ScannedText('pain and more pain');
  assert.equal(scanned.has(re), true);
  assert.equal(re.lastIndex, 4);
});

test('each scan keeps its own remembered answers, whichever scans ask in between', () => {
  const re = /\bchest pain\b/i;
  const other = /\bthank you\b/i;
  const yes = new ScannedText('my chest pain is back');
  const no = new ScannedText('thank you, nurses');
  assert.equal(yes.has(re), true);
  assert.equal(no.has(re), false);
  assert.equal(no.has(other), true);
  assert.equal(yes.has(other), false);
  for (let i = 0; i < 300; i++) new ScannedText(i % 2 ? 'chest pain' : 'no').has(new RegExp(`\\b(?:word${i}|chest pain)\\b`, 'i'));
  assert.deepEqual([yes.has(re), no.has(re), yes.has(other), no.has(other)], [true, false, false, true]);
});
