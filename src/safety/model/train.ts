/**
 * Retrains the safety model from the labelled healthcare messages (eval/healthcare, the sets in
 * TRAINING_SETS; never a holdout) and writes src/safety/model/safety-model.json.
 *
 *   node --import tsx src/safety/model/train.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOrgProfile } from '../profile.ts';
import { prepareExamples, trainSafetyModel, type LabelledMessage } from './training.ts';
import { MODEL_PATH } from './index.ts';
import { TRAINING_SETS } from './training-sets.ts';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const data = join(root, 'eval', 'healthcare');

function readJsonl(path: string): LabelledMessage[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as LabelledMessage);
}

const parsed = parseOrgProfile(JSON.parse(readFileSync(join(data, 'hospital.json'), 'utf8')));
if (!parsed.ok) throw new Error(`hospital.json: ${parsed.problems.join('; ')}`);
const files = TRAINING_SETS.map((name) => join(data, `${name}.jsonl`));
const messages = files.filter((f) => existsSync(f)).flatMap((f) => readJsonl(f));
const started = performance.now();
const { stored } = trainSafetyModel(prepareExamples(messages, parsed.profile));
const json = JSON.stringify(stored);
writeFileSync(MODEL_PATH, `${json}\n`);
console.log(`trained on ${messages.length} messages in ${((performance.now() - started) / 1000).toFixed(1)} s; ${(json.length / 1024).toFixed(0)} kB → ${MODEL_PATH}`);
console.log(`thresholds: ${Object.entries(stored.thresholds).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`);
