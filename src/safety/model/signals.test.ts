import { test } from 'node:test';
import assert from 'node:assert/strict';
import { messageSignals } from './signals.ts';

test('signals come named as the model was trained on them, in the order they are set', () => {
  const signals = messageSignals({
    text: 'My dad has chest pain right now, what do we do?',
    kind: 'mention',
    rules: { intents: ['emergency', 'question', 'emergency'], urgent: true, adverseEvent: null },
    ruleSentiment: 'negative',
    vaderScore: -0.5106,
    identifiers: [
      { type: 'PERSON', start: 0, end: 2, text: 'My', confidence: 0.5 },
      { type: 'PERSON', start: 3, end: 6, text: 'dad', confidence: 0.5 },
    ],
    phi: {
      found: false,
      spans: [],
      findings: [],
      candidates: [{ type: 'DATE', start: 0, end: 1, text: 'M' }],
      evidence: { careTied: false, personal: true, eventish: false, patientStatus: false },
    },
  }).toRecord();
  const names = Object.keys(signals);
  assert.deepEqual(names.slice(0, 3), ['kind:mention', 'rule:emergency', 'rule:question']);
  assert.ok(names.includes('text:question_mark'));
  assert.deepEqual(names.slice(-8), [
    'rule_sentiment:negative',
    'rule_sentiment:mention:negative',
    'vader:compound',
    'vader:mention:negative',
    'phi:personal',
    'phi:mention:has_candidate',
    'phi:candidate:DATE',
    'id:PERSON',
  ]);
  assert.equal(signals['vader:compound'], -0.5106);
});
