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

/**
 * Dense weights per output, ready to score. Laid out for the cache, since scoring a message
 * touches a few hundred random features: the presence bitset and its rank table (64 kB in all)
 * answer "does this feature carry weight, and in which row" without touching a 1 MB index, and
 * rows are padded to 16 weights so that none straddles a cache line.
 */
export interface LinearModel {
  outputs: readonly ModelOutput[];
  /** One bit per hashed feature (2^FEATURE_BITS bits): set when the feature carries weight. */
  present: Uint32Array;
  /** Per 32-bit word of `present`: how many weighted features come before it (rows are in feature order). */
  rowsBefore: Int32Array;
  /**
   * rows × ROW_STRIDE, row-major: the stored int16 weights (a row's first `outputs.length`), half
   * the size of floats, so more of the rest of the engine stays in cache. The float weight is
   * fround(weight × scale of its output), exactly the float32 it was loaded as before.
   */
  weights: Int16Array;
  scales: Float64Array;
  bias: Float32Array;
  thresholds: Thresholds;
}

/** Weights per row: 14 outputs padded to 16 (32 bytes, two rows to a cache line). */
const ROW_STRIDE = 16;

export type ModelScores = Record<ModelOutput, number>;

/** The row of feature `f` in the weights, or -1 when it carries no weight. */
function rowOf(present: Uint32Array, rowsBefore: Int32Array, f: number): number {
  const word = present[f >>> 5]!;
  const bit = 1 << (f & 31);
  if ((word & bit) === 0) return -1;
  return rowsBefore[f >>> 5]! + popcount(word & (bit - 1));
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Raw linear scores (logits) for every output. */
export function logits(model: LinearModel, x: FeatureVector): Float64Array {
  if (model.outputs.length === 14) return logits14(model, x);
  const k = model.outputs.length;
  const out = Float64Array.from(model.bias);
  const { present, rowsBefore, weights, scales } = model;
  // Summed feature by feature, in the vector's order, as the training code sums them.
  for (let j = 0; j < x.indices.length; j++) {
    const row = rowOf(present, rowsBefore, x.indices[j]!);
    if (row < 0) continue;
    const v = x.values[j]!;
    const base = row * ROW_STRIDE;
    for (let o = 0; o < k; o++) out[o]! += v * Math.fround(weights[base + o]! * scales[o]!);
  }
  return out;
}

/**
 * logits() for the shipped 14 outputs, with the sums kept in locals: twice as fast as the
 * loop over an array, and the same additions in the same order, so the same bits.
 */
function logits14(model: LinearModel, x: FeatureVector): Float64Array {
  const { present, rowsBefore, weights, bias, scales } = model;
  const s0 = scales[0]!, s1 = scales[1]!, s2 = scales[2]!, s3 = scales[3]!, s4 = scales[4]!, s5 = scales[5]!, s6 = scales[6]!;
  const s7 = scales[7]!, s8 = scales[8]!, s9 = scales[9]!, s10 = scales[10]!, s11 = scales[11]!, s12 = scales[12]!, s13 = scales[13]!;
  let z0 = bias[0]!, z1 = bias[1]!, z2 = bias[2]!, z3 = bias[3]!, z4 = bias[4]!, z5 = bias[5]!, z6 = bias[6]!;
  let z7 = bias[7]!, z8 = bias[8]!, z9 = bias[9]!, z10 = bias[10]!, z11 = bias[11]!, z12 = bias[12]!, z13 = bias[13]!;
  const indices = x.indices;
  const values = x.values;
  const n = indices.length;
  if (rowScratch.length < n) rowScratch = new Int32Array(n * 2);
  const rows = rowScratch;
  // Pass 1: every feature's row, and one read of each row's weights. These loads do not depend on
  // each other, so the CPU overlaps their cache misses; pass 2 then finds the rows in cache.
  let touched = 0;
  for (let j = 0; j < n; j++) {
    const row = rowOf(present, rowsBefore, indices[j]!);
    rows[j] = row;
    if (row >= 0) touched |= weights[row * ROW_STRIDE]!;
  }
  prefetchSink = touched;
  const f = Math.fround;
  for (let j = 0; j < n; j++) {
    const row = rows[j]!;
    if (row < 0) continue;
    const v = values[j]!;
    const b = row * ROW_STRIDE;
    z0 += v * f(weights[b]! * s0);
    z1 += v * f(weights[b + 1]! * s1);
    z2 += v * f(weights[b + 2]! * s2);
    z3 += v * f(weights[b + 3]! * s3);
    z4 += v * f(weights[b + 4]! * s4);
    z5 += v * f(weights[b + 5]! * s5);
    z6 += v * f(weights[b + 6]! * s6);
    z7 += v * f(weights[b + 7]! * s7);
    z8 += v * f(weights[b + 8]! * s8);
    z9 += v * f(weights[b + 9]! * s9);
    z10 += v * f(weights[b + 10]! * s10);
    z11 += v * f(weights[b + 11]! * s11);
    z12 += v * f(weights[b + 12]! * s12);
    z13 += v * f(weights[b + 13]! * s13);
  }
  return Float64Array.of(z0, z1, z2, z3, z4, z5, z6, z7, z8, z9, z10, z11, z12, z13);
}

let rowScratch = new Int32Array(1024);
/** Written so that the prefetching reads in logits14 are not optimised away. */
export let prefetchSink = 0;

const SENTIMENT_OUTPUTS = ['sentiment.positive', 'sentiment.neutral', 'sentiment.negative'] as const;

/** Probabilities: sigmoid for the one-vs-rest outputs, softmax across the three sentiments. */
export function score(model: LinearModel, x: FeatureVector): ModelScores {
  const z = logits(model, x);
  if (isShippedLayout(model.outputs)) return shippedScores(z);
  const scores = {} as ModelScores;
  const outputs = model.outputs;
  for (let o = 0; o < outputs.length; o++) {
    const name = outputs[o]!;
    if (!name.startsWith('sentiment.')) scores[name] = 1 / (1 + Math.exp(-z[o]!));
  }
  const p = outputs.indexOf(SENTIMENT_OUTPUTS[0]);
  const n = outputs.indexOf(SENTIMENT_OUTPUTS[1]);
  const g = outputs.indexOf(SENTIMENT_OUTPUTS[2]);
  const top = Math.max(z[p]!, z[n]!, z[g]!);
  const ep = Math.exp(z[p]! - top);
  const en = Math.exp(z[n]! - top);
  const eg = Math.exp(z[g]! - top);
  // Summed left to right from 0, as a reduce would, so the probabilities are the same to the bit.
  const sum = 0 + ep + en + eg;
  scores['sentiment.positive'] = ep / sum;
  scores['sentiment.neutral'] = en / sum;
  scores['sentiment.negative'] = eg / sum;
  return scores;
}

/** Output lists found to be MODEL_OUTPUTS in its order (a loaded model's is a copy, read from JSON). */
const shippedLayouts = new WeakSet<readonly string[]>();

function isShippedLayout(outputs: readonly string[]): boolean {
  if (shippedLayouts.has(outputs)) return true;
  if (outputs.length !== MODEL_OUTPUTS.length || outputs.some((o, i) => o !== MODEL_OUTPUTS[i])) return false;
  shippedLayouts.add(outputs);
  return true;
}

/**
 * score() for the outputs in MODEL_OUTPUTS order: the same numbers from the same operations, and
 * the keys in the same order, but one object literal (a fixed shape) instead of 14 keys added by
 * name, each output's name tested and the sentiments looked up per message.
 */
function shippedScores(z: Float64Array): ModelScores {
  const top = Math.max(z[11]!, z[12]!, z[13]!);
  const ep = Math.exp(z[11]! - top);
  const en = Math.exp(z[12]! - top);
  const eg = Math.exp(z[13]! - top);
  const sum = 0 + ep + en + eg;
  return {
    'intent.question': sigmoid(z[0]!),
    'intent.complaint': sigmoid(z[1]!),
    'intent.praise': sigmoid(z[2]!),
    'intent.emergency': sigmoid(z[3]!),
    'intent.self_harm': sigmoid(z[4]!),
    'intent.adverse_event': sigmoid(z[5]!),
    'intent.misinformation': sigmoid(z[6]!),
    'intent.spam': sigmoid(z[7]!),
    'intent.other': sigmoid(z[8]!),
    urgent: sigmoid(z[9]!),
    phi: sigmoid(z[10]!),
    'sentiment.positive': ep / sum,
    'sentiment.neutral': en / sum,
    'sentiment.negative': eg / sum,
  };
}

function sigmoid(v: number): number {
  return 1 / (1 + Math.exp(-v));
}

export function loadModel(stored: StoredModel): LinearModel {
  if (stored.format !== 'bedside-safety-linear/1' || stored.featureBits !== FEATURE_BITS) {
    throw new Error('safety model: unknown format or feature size; retrain with src/safety/model/train.ts');
  }
  const outputs = stored.outputs as readonly ModelOutput[];
  if (outputs.length > ROW_STRIDE) throw new Error(`safety model: more than ${ROW_STRIDE} outputs`);
  const features = new Int32Array(bytesOf(stored.features).buffer);
  const present = new Uint32Array((1 << FEATURE_BITS) / 32);
  for (const f of features) present[f >>> 5]! |= 1 << (f & 31);
  const rowsBefore = new Int32Array(present.length);
  let rows = 0;
  for (let i = 0; i < present.length; i++) {
    rowsBefore[i] = rows;
    rows += popcount(present[i]!);
  }
  const weights = new Int16Array(rows * ROW_STRIDE);
  stored.weights.forEach((w, o) => {
    const q = new Int16Array(bytesOf(w.int16).buffer);
    // Rows follow feature order; should a feature be listed twice, its last row wins.
    for (let r = 0; r < features.length; r++) weights[rowOf(present, rowsBefore, features[r]!) * ROW_STRIDE + o] = q[r]!;
  });
  const scales = Float64Array.from(stored.weights, (w) => w.scale);
  return { outputs, present, rowsBefore, weights, scales, bias: Float32Array.from(stored.weights.map((w) => w.bias)), thresholds: stored.thresholds };
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
