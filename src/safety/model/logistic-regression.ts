/**
 * Training for the linear model: logistic regression (one-vs-rest) and softmax regression, by
 * stochastic gradient descent with AdaGrad step sizes and L2 regularisation applied to the
 * features each example touches. Small, standard and deterministic (seeded shuffles), so a
 * retrain on the same data gives the same model file.
 */
import { FEATURE_BITS, type FeatureVector } from './features.ts';

export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

// Chosen by 5-fold cross-validation over train+dev (intent macro-F1 on out-of-fold scores).
export const DEFAULT_TRAINING: TrainingOptions = { epochs: 25, learningRate: 0.1, l2: 1e-4, seed: 7 };

export interface BinaryWeights {
  w: Float32Array;
  b: number;
}

const DIM = 1 << FEATURE_BITS;

/**
 * Binary logistic regression. Positives are up-weighted by sqrt(negatives/positives), so a rare
 * intent is not drowned out; the decision threshold is tuned afterwards anyway.
 */
export function trainBinary(xs: FeatureVector[], ys: boolean[], options: TrainingOptions = DEFAULT_TRAINING): BinaryWeights {
  const w = new Float32Array(DIM);
  const g2 = new Float32Array(DIM);
  let b = 0;
  let gb2 = 1e-8;
  const positives = ys.filter(Boolean).length;
  const positiveWeight = positives === 0 ? 1 : Math.min(6, Math.sqrt((ys.length - positives) / positives));
  const order = xs.map((_, i) => i);
  const random = mulberry32(options.seed);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const x = xs[i]!;
      const y = ys[i] ? 1 : 0;
      let z = b;
      for (let j = 0; j < x.indices.length; j++) z += w[x.indices[j]!]! * x.values[j]!;
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - y) * (y ? positiveWeight : 1);
      for (let j = 0; j < x.indices.length; j++) {
        const f = x.indices[j]!;
        const grad = g * x.values[j]! + options.l2 * w[f]!;
        g2[f]! += grad * grad;
        w[f]! -= (options.learningRate * grad) / Math.sqrt(g2[f]! + 1e-8);
      }
      gb2 += g * g;
      b -= (options.learningRate * g) / Math.sqrt(gb2);
    }
  }
  return { w, b };
}

/** Softmax regression over `classes` labels (0..classes-1). */
export function trainSoftmax(xs: FeatureVector[], ys: number[], classes: number, options: TrainingOptions = DEFAULT_TRAINING): BinaryWeights[] {
  const ws = Array.from({ length: classes }, () => ({ w: new Float32Array(DIM), g2: new Float32Array(DIM), b: 0, gb2: 1e-8 }));
  const counts = Array.from({ length: classes }, (_, c) => ys.filter((y) => y === c).length);
  const classWeight = counts.map((n) => (n === 0 ? 1 : Math.sqrt(ys.length / (classes * n))));
  const order = xs.map((_, i) => i);
  const random = mulberry32(options.seed + 1);
  const z = new Float64Array(classes);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const x = xs[i]!;
      const y = ys[i]!;
      for (let c = 0; c < classes; c++) {
        let s = ws[c]!.b;
        for (let j = 0; j < x.indices.length; j++) s += ws[c]!.w[x.indices[j]!]! * x.values[j]!;
        z[c] = s;
      }
      const top = Math.max(...z);
      let sum = 0;
      for (let c = 0; c < classes; c++) sum += Math.exp(z[c]! - top);
      for (let c = 0; c < classes; c++) {
        const head = ws[c]!;
        const p = Math.exp(z[c]! - top) / sum;
        const g = (p - (c === y ? 1 : 0)) * classWeight[y]!;
        for (let j = 0; j < x.indices.length; j++) {
          const f = x.indices[j]!;
          const grad = g * x.values[j]! + options.l2 * head.w[f]!;
          head.g2[f]! += grad * grad;
          head.w[f]! -= (options.learningRate * grad) / Math.sqrt(head.g2[f]! + 1e-8);
        }
        head.gb2 += g * g;
        head.b -= (options.learningRate * g) / Math.sqrt(head.gb2);
      }
    }
  }
  return ws.map(({ w, b }) => ({ w, b }));
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
