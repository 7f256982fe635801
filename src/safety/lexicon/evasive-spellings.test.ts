import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spelledOut } from './evasive-spellings.ts';
import { analyzeMessage } from '../analyze.ts';
import { testProfile } from '../test-profile.ts';

test('crisis words spelled with symbols are written back, one character for one', () => {
  const cases: Array<[string, string]> = [
    ['i want to k!ll myself', 'i want to kill myself'],
    ['thinking about su1cide', 'thinking about suicide'],
    ['unal!ve', 'unalive'],
    ['I want to d1e.', 'I want to die.'],
  ];
  for (const [written, read] of cases) {
    const out = spelledOut(written);
    assert.equal(out.toLowerCase(), read.toLowerCase());
    assert.equal(out.length, written.length);
  }
});

test('prices, ids and ordinary punctuation are left alone', () => {
  for (const text of ['$1.99 die-cast cars', 'Room 1!1 is open', 'MRN k1-2209', 'end.Then we left', 'skill!!']) {
    assert.equal(spelledOut(text), text);
  }
});

test("'k!ll myself' reaches a person as self-harm, and spans still index the text as written", () => {
  const text = 'honestly i want to k!ll myself. my number is 555-010-7788';
  const a = analyzeMessage({ text, kind: 'mention' }, testProfile());
  assert.equal(a.urgent, true);
  assert.ok(a.intents.includes('self_harm'));
  for (const s of a.phi.spans) assert.equal(text.slice(s.start, s.end), s.text);
});
