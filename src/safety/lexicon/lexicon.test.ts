import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as intents from './intents.ts';
import * as adverseEvents from './adverse-events.ts';
import * as acuteCues from './acute-cues.ts';
import * as careContext from './care-context.ts';
import * as patientStatus from './patient-status.ts';
import * as medicalSentiment from './medical-sentiment.ts';

// A `\b` written through a non-raw string becomes a backspace, and the branch it sits in can never
// match (stop 20 found three: the coin-battery and magnet red flags and an oxygen-saturation form).
test('no lexicon pattern holds a control character', () => {
  const modules = { intents, adverseEvents, acuteCues, careContext, patientStatus, medicalSentiment };
  let checked = 0;
  for (const [file, exports] of Object.entries(modules)) {
    for (const [name, value] of Object.entries(exports)) {
      if (!(value instanceof RegExp)) continue;
      checked++;
      // eslint-disable-next-line no-control-regex
      assert.equal(/[\x00-\x08\x0b-\x1f]/.test(value.source), false, `${file}.${name} holds a control character`);
    }
  }
  assert.ok(checked > 30, `only ${checked} patterns found`);
});
