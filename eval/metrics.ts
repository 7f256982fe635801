/** Precision, recall and F1 from counts; the evaluation's only arithmetic. */
export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/** Binary decision scored over a set of items. */
export class BinaryTally {
  tp = 0;
  fp = 0;
  fn = 0;
  tn = 0;
  add(expected: boolean, predicted: boolean): void {
    if (expected && predicted) this.tp++;
    else if (predicted) this.fp++;
    else if (expected) this.fn++;
    else this.tn++;
  }
  result(): Prf {
    return prf(this.tp, this.fp, this.fn);
  }
}

/** One-vs-rest F1 for each label, then their unweighted mean (labels with no support and no predictions are skipped). */
export function macroF1(tallies: Map<string, BinaryTally>): number {
  const scores = [...tallies.values()].filter((t) => t.tp + t.fp + t.fn > 0).map((t) => t.result().f1);
  return scores.length === 0 ? 0 : scores.reduce((a, b) => a + b, 0) / scores.length;
}

export function fmt(x: number): string {
  return x.toFixed(2);
}
