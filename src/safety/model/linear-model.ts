/**
 * The trained statistical layer: one linear output per decision over the hashed features of
 * features.ts. Intents, urgent and PHI are one-vs-rest logistic outputs; sentiment is a softmax
 * over three outputs. Stored compactly (only features seen in training, weights as int16 with a
 * per-output scale) in a JSON file beside this module.
 */
import { FEATURE_BITS, type FeatureVector } from './features.ts';

/** The outputs, in the order they are stored. */
export const MODEL_OUTPUTS = [
  'intent.question',
  'intent.complaint',
  'intent.praise',
  'intent.emergency',
  'intent.self_harm',
  'intent.adverse_event',
  'intent.misinformation',
  'intent.spam',
  'intent.other',
  'urgent',
  'phi',
  'sentiment.positive',
  'sentiment.neutral',
  'sentiment.negative',
] as const;
export type ModelOutput = (typeof MODEL_OUTPUTS)[number];

/** Decision thresholds on the logistic outputs, chosen by cross-validation when training. */
export type Thresholds = Partial<Record<ModelOutput, number>> & Record<string, number>;

/** The file format (src/safety/model/safety-model.json). */
export interface StoredModel {
  format: 'bedside-safety-linear/1';
  featureBits: number;
  outputs: readonly string[];
  /** Base64 of the sorted Int32Array of hashed feature indices that carry weights. */
  features: string;
  /** Per output: the int16 weights over `features` (base64) and the scale that turns them back into floats. */
  weights: Array<{ scale: number; bias: number; int16: string }>;
  thresholds: Thresholds;
  trainedOn: Record<string, number>;
}

/** Dense weights per output, ready to score. */
export interface LinearModel {
  outputs: readonly ModelOutput[];
  /** Row of each feature in `weights`, plus one; 0 when the feature carries no weight. */
  rowOf: Int32Array;
  /** rows × outputs, row-major. */
  weights: Float32Array;
  bias: Float32Array;
  thresholds: Thresholds;
}

export type ModelScores = Record<ModelOutput, number>;

/** Raw linear scores (logits) for every output. */
export function logits(model: LinearModel, x: FeatureVector): Float64Array {
  const k = model.outputs.length;
  const out = Float64Array.from(model.bias);
  for (let j = 0; j < x.indices.length; j++) {
    const row = model.rowOf[x.indices[j]!]! - 1;
    if (row < 0) continue;
    const v = x.values[j]!;
    const base = row * k;
    for (let o = 0; o < k; o++) out[o]! += v * model.weights[base + o]!;
  }
  return out;
}

/** Probabilities: sigmoid for the one-vs-rest outputs, softmax across the three sentiments. */
export function score(model: LinearModel, x: FeatureVector): ModelScores {
  const z = logits(model, x);
  const scores = {} as ModelScores;
  model.outputs.forEach((name, o) => {
    if (!name.startsWith('sentiment.')) scores[name] = 1 / (1 + Math.exp(-z[o]!));
  });
  const sentimentIndex = (['sentiment.positive', 'sentiment.neutral', 'sentiment.negative'] as const).map((n) => model.outputs.indexOf(n));
  const top = Math.max(...sentimentIndex.map((o) => z[o]!));
  const exp = sentimentIndex.map((o) => Math.exp(z[o]! - top));
  const sum = exp.reduce((a, b) => a + b, 0);
  scores['sentiment.positive'] = exp[0]! / sum;
  scores['sentiment.neutral'] = exp[1]! / sum;
  scores['sentiment.negative'] = exp[2]! / sum;
  return scores;
}

export function loadModel(stored: StoredModel): LinearModel {
  if (stored.format !== 'bedside-safety-linear/1' || stored.featureBits !== FEATURE_BITS) {
    throw new Error('safety model: unknown format or feature size; retrain with src/safety/model/train.ts');
  }
  const outputs = stored.outputs as readonly ModelOutput[];
  const features = new Int32Array(bytesOf(stored.features).buffer);
  const k = outputs.length;
  const weights = new Float32Array(features.length * k);
  stored.weights.forEach((w, o) => {
    const q = new Int16Array(bytesOf(w.int16).buffer);
    for (let r = 0; r < features.length; r++) weights[r * k + o] = q[r]! * w.scale;
  });
  const rowOf = new Int32Array(1 << FEATURE_BITS);
  features.forEach((f, r) => (rowOf[f] = r + 1));
  return { outputs, rowOf, weights, bias: Float32Array.from(stored.weights.map((w) => w.bias)), thresholds: stored.thresholds };
}

/** Packs dense per-output weights (each of length 2^FEATURE_BITS) into the stored form. */
export function storeModel(dense: Float32Array[], bias: number[], thresholds: Thresholds, trainedOn: Record<string, number>): StoredModel {
  const used: number[] = [];
  for (let f = 0; f < 1 << FEATURE_BITS; f++) if (dense.some((w) => Math.abs(w[f]!) > 1e-4)) used.push(f);
  const features = Int32Array.from(used);
  const weights = dense.map((w, o) => {
    let max = 0;
    for (const f of used) max = Math.max(max, Math.abs(w[f]!));
    const scale = max > 0 ? max / 32767 : 1;
    const q = Int16Array.from(used, (f) => Math.round(w[f]! / scale));
    return { scale, bias: bias[o]!, int16: base64Of(q) };
  });
  return { format: 'bedside-safety-linear/1', featureBits: FEATURE_BITS, outputs: MODEL_OUTPUTS, features: base64Of(features), weights, thresholds, trainedOn };
}

function bytesOf(base64: string): Uint8Array {
  const buf = Buffer.from(base64, 'base64');
  // Copy into a fresh, aligned buffer so typed-array views over it are valid.
  const bytes = new Uint8Array(buf.length);
  bytes.set(buf);
  return bytes;
}

function base64Of(array: Int16Array | Int32Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}
