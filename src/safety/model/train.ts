/**
 * Retrains the safety model from the labelled healthcare messages (eval/healthcare/train.jsonl,
 * train2.jsonl, train3.jsonl, dev.jsonl, dev2.jsonl and dev3.jsonl; never a holdout) and writes src/safety/model/safety-model.json.
 *
 *   node --import tsx src/safety/model/train.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOrgProfile } from '../profile.ts';
import { prepareExamples, trainSafetyModel, type LabelledMessage } from './training.ts';
import { MODEL_PATH } from './index.ts';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const data = join(root, 'eval', 'healthcare');
const SOURCES = ['train.jsonl', 'train2.jsonl', 'train3.jsonl', 'train4.jsonl', 'train5.jsonl', 'train6.jsonl', 'train7.jsonl', 'dev.jsonl', 'dev2.jsonl', 'dev3.jsonl', 'dev5.jsonl', 'dev6.jsonl', 'dev8.jsonl', 'dev9.jsonl', 'dev11.jsonl', 'dev12.jsonl', 'dev13.jsonl', 'dev14.jsonl', 'dev15.jsonl', 'dev16.jsonl', 'dev17.jsonl'];

function readJsonl(path: string): LabelledMessage[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as LabelledMessage);
}

const parsed = parseOrgProfile(JSON.parse(readFileSync(join(data, 'hospital.json'), 'utf8')));
if (!parsed.ok) throw new Error(`hospital.json: ${parsed.problems.join('; ')}`);
const messages = SOURCES.filter((f) => existsSync(join(data, f))).flatMap((f) => readJsonl(join(data, f)));
const started = performance.now();
const { stored } = trainSafetyModel(prepareExamples(messages, parsed.profile));
const json = JSON.stringify(stored);
writeFileSync(MODEL_PATH, `${json}\n`);
console.log(`trained on ${messages.length} messages in ${((performance.now() - started) / 1000).toFixed(1)} s; ${(json.length / 1024).toFixed(0)} kB → ${MODEL_PATH}`);
console.log(`thresholds: ${Object.entries(stored.thresholds).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`);
