import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gatherEvidence } from '../evidence.ts';
import { testProfile } from '../test-profile.ts';
import { decide } from './decisions.ts';
import { MODEL_OUTPUTS, type ModelScores, type Thresholds } from './linear-model.ts';

const profile = testProfile();
const thresholds: Thresholds = { urgent: 0.4, 'intent.emergency': 0.45, 'intent.self_harm': 0.4, 'urgent.veto': 0.2, 'urgent.possible': 0.15 };
const scores = (overrides: Partial<ModelScores>): ModelScores => ({ ...(Object.fromEntries(MODEL_OUTPUTS.map((o) => [o, 0.01])) as ModelScores), ...overrides });
const evidence = (text: string) => gatherEvidence(text, 'mention', profile);

test('the premise: the phrase list alone takes "I want to die" for self-harm', () => {
  assert.ok(evidence('spilled coffee on my scrubs, I want to die').rules.intents.includes('self_harm'));
});

test('a rule hit stands when the model is unsure; the model can veto it only when very sure, and then the message is possibly urgent', () => {
  const text = 'spilled coffee on my scrubs, I want to die';
  const unsure = decide(evidence(text), scores({ 'intent.self_harm': 0.25 }), thresholds);
  assert.deepEqual({ urgent: unsure.urgent, possible: unsure.possiblyUrgent }, { urgent: true, possible: false });
  assert.ok(unsure.intents.includes('self_harm'));

  const sure = decide(evidence(text), scores({ 'intent.self_harm': 0.05, urgent: 0.03 }), thresholds);
  assert.deepEqual({ urgent: sure.urgent, possible: sure.possiblyUrgent }, { urgent: false, possible: true });
  assert.ok(!sure.intents.includes('self_harm'));
});

test('without a rule hit, a score between the lane threshold and the decision is possibly urgent; below it, nothing', () => {
  const text = 'can someone call me back about my dad, he is not himself today';
  assert.deepEqual(evidence(text).rules.intents.filter((i) => i === 'emergency' || i === 'self_harm'), []);
  const between = decide(evidence(text), scores({ urgent: 0.3 }), thresholds);
  assert.deepEqual({ urgent: between.urgent, possible: between.possiblyUrgent }, { urgent: false, possible: true });
  const above = decide(evidence(text), scores({ urgent: 0.5, 'intent.emergency': 0.5 }), thresholds);
  assert.deepEqual({ urgent: above.urgent, possible: above.possiblyUrgent }, { urgent: true, possible: false });
  const below = decide(evidence(text), scores({ urgent: 0.1 }), thresholds);
  assert.deepEqual({ urgent: below.urgent, possible: below.possiblyUrgent }, { urgent: false, possible: false });
});

test('a model without the lane and veto thresholds (trained before them) decides as before', () => {
  const old: Thresholds = { urgent: 0.4, 'intent.emergency': 0.45, 'intent.self_harm': 0.4 };
  const d = decide(evidence('spilled coffee on my scrubs, I want to die'), scores({ 'intent.self_harm': 0.01, urgent: 0.01 }), old);
  assert.deepEqual({ urgent: d.urgent, possible: d.possiblyUrgent }, { urgent: true, possible: false });
});

test('drafts are never urgent nor possibly urgent', () => {
  const d = decide(gatherEvidence('Join our CPR class on Saturday', 'draft', profile), scores({ urgent: 0.9 }), thresholds);
  assert.deepEqual({ urgent: d.urgent, possible: d.possiblyUrgent }, { urgent: false, possible: false });
});

test("a phone or a full name in an urgent message is PHI though the model's PHI score is low; a first name alone, or the same number in a calm message, is not", () => {
  const urgentScores = scores({ urgent: 0.9, 'intent.emergency': 0.9, phi: 0 });
  const calmScores = scores({ phi: 0 });
  const withPhone = evidence('he hit his head and keeps asking what day it is, one pupil bigger than the other. call me 555-014-2231');
  assert.equal(withPhone.phi.found, false, 'the premise: no care word, so the context rules alone do not tie the number to care');
  assert.equal(decide(withPhone, urgentScores, thresholds).phi, true);
  assert.equal(decide(withPhone, calmScores, thresholds).phi, false);
  const fullName = evidence('My husband, Graham Whitlock, keeps saying we would all be better off if he drove into the reservoir');
  assert.equal(decide(fullName, urgentScores, thresholds).phi, true);
  const firstName = evidence('Theo fell off the slide and keeps asking what day it is');
  assert.equal(decide(firstName, urgentScores, thresholds).phi, false);
});

test("a room number alone in a mention is no PHI whatever the model's score; with a name beside it the model's guess stands", () => {
  const withPhi = { ...thresholds, phi: 0.2 };
  assert.equal(decide(evidence('The TV remote in room 318 is broken, can someone bring one up?'), scores({ phi: 0.9 }), withPhi).phi, false);
  assert.equal(decide(evidence('My dad Walter Pruitt is in room 318 and nobody has checked on him'), scores({ phi: 0.9 }), withPhi).phi, true);
});
