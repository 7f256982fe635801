export interface BenchTarget {
  op: '<=' | '>=';
  value: number;
}

/** What one benchmark returns: figures under their stable results.json keys. */
export interface BenchOutcome {
  figures: Record<string, number>;
  targets?: Record<string, BenchTarget>;
  /** One or two sentences: what was measured, on what data, how many runs. */
  how: string;
}

export interface BenchRecord {
  benchmark: string;
  value: number;
  date: string;
  machine: string;
  target?: BenchTarget | undefined;
  how?: string;
}
