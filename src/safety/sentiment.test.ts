import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifySentiment } from './sentiment.ts';
import { analyzeMessage } from './analyze.ts';

test('"negative test result" is good news', () => {
  assert.equal(classifySentiment('NEGATIVE covid test!!! Finally get to see grandma'), 'positive');
  assert.equal(classifySentiment('Biopsy came back benign, crying happy tears'), 'positive');
});

test('"deadly if overdosed" is neutral information', () => {
  assert.equal(classifySentiment('Acetaminophen can be deadly if overdosed. Check labels on cold medicines.'), 'neutral');
});

test('a complaint is negative and an emergency is negative whatever the words', () => {
  assert.equal(analyzeMessage({ text: 'ER wait was 6 hours with a broken wrist. Six. Hours.' }).sentiment, 'negative');
  assert.equal(analyzeMessage({ text: 'my friend took like 20 xanax and she wont wake up lol' }).sentiment, 'negative');
});

test('spam is neutral by convention and an apology draft is neutral', () => {
  assert.equal(analyzeMessage({ text: 'Earn $$$ from home!! click link in bio 🔥🔥' }).sentiment, 'neutral');
  assert.equal(
    analyzeMessage({ text: "We're sorry to hear this. Please email patientrelations@example.org.", kind: 'draft' }).sentiment,
    'neutral',
  );
});
