/** The statistical layer's public surface: the shipped model, scoring, and the decisions made from it. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadModel, type LinearModel, type StoredModel } from './linear-model.ts';

export { score, loadModel, storeModel, MODEL_OUTPUTS, type LinearModel, type ModelScores, type StoredModel, type Thresholds } from './linear-model.ts';
export { decide, type Decisions } from './decisions.ts';

/** Where the trained model lives; written by src/safety/model/train.ts. */
export const MODEL_PATH = fileURLToPath(new URL('./safety-model.json', import.meta.url));

let shipped: LinearModel | null | undefined;

/** The model shipped beside this file, loaded once; null when it has not been trained (rules only). */
export function shippedModel(): LinearModel | null {
  if (shipped === undefined) {
    shipped = existsSync(MODEL_PATH) ? loadModel(JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as StoredModel) : null;
  }
  return shipped;
}
