/**
 * Emerging terms: what the audience suddenly talks about. The last hour is compared with the
 * 12 hours before it, or the last day with the 14 days before (as Meltwater does). Windows are
 * rolling and end at `now` (the last 24 hours, not the calendar day), so no time zone is involved.
 *
 * A term spikes when its count in the current window is at least `minCount` and exceeds the
 * baseline mean by more than k spreads, where the spread is the larger of
 *   - the baseline's own standard deviation, and
 *   - a Poisson floor √λ, with λ = (baseline total + 1) / windows.
 * Mention counts behave roughly like Poisson counts, whose variance equals their mean, so a
 * perfectly flat baseline (σ = 0: exactly 5 an hour) does not make 6 a spike; the +1 keeps the
 * floor above zero for a term never seen before, so it has a finite score and `minCount` alone
 * decides whether a brand-new term is emerging. score = (current − mean) / spread.
 */
import {
  mentionTerms,
  mentionTimes,
  recentIds,
  requireInstant,
  termKind,
  withoutSubsumedWords,
  type TermKind,
  type TermOptions,
  type TrendMention,
} from './terms.ts';
import { TrendsError } from './trends-error.ts';

export type TrendWindow = 'hour' | 'day';

const HOUR_MS = 3_600_000;

export const SPIKE_WINDOWS: Readonly<Record<TrendWindow, { lengthMs: number; baselineWindows: number }>> = {
  hour: { lengthMs: HOUR_MS, baselineWindows: 12 },
  day: { lengthMs: 24 * HOUR_MS, baselineWindows: 14 },
};

export const DEFAULT_SPIKE_MIN_COUNT = 3;
export const DEFAULT_SPIKE_K = 3;

export interface EmergingTermOptions extends TermOptions {
  window: TrendWindow;
  /** Mentions in the current window a term needs before it can spike; default 3. */
  minCount?: number;
  /** How many spreads above the baseline mean a spike must be; default 3. */
  k?: number;
  /** At most this many terms; default 20. */
  limit?: number;
}

export interface EmergingTerm {
  term: string;
  kind: TermKind;
  /** Mentions containing the term in the current window. */
  current: number;
  /** Mean mentions per window over the baseline windows. */
  baselineMean: number;
  /** The spread used: max(baseline standard deviation, Poisson floor). */
  spread: number;
  /** (current − baselineMean) / spread: how many spreads above normal. */
  score: number;
  /** Up to three mentions from the current window, most recent first. */
  examples: string[];
}

/** Terms spiking in the window ending at `now`, highest score first. */
export function emergingTerms(mentions: readonly TrendMention[], now: string, options: EmergingTermOptions): EmergingTerm[] {
  const spec = SPIKE_WINDOWS[options.window];
  if (!spec) throw new TrendsError('INVALID_OPTION', `window must be 'hour' or 'day', got "${String(options.window)}"`, { field: 'window' });
  const minCount = positiveOption(options.minCount, DEFAULT_SPIKE_MIN_COUNT, 'minCount');
  const k = positiveOption(options.k, DEFAULT_SPIKE_K, 'k', true);
  const limit = positiveOption(options.limit, 20, 'limit');
  const nowMs = requireInstant(now, 'now');
  const times = mentionTimes(mentions);

  // Window 0 is the current one; 1…B the baseline, newest first.
  const windowOf = (at: number): number => (at >= nowMs ? -1 : Math.floor((nowMs - 1 - at) / spec.lengthMs));
  const termsOf = mentions.map((m, i) => {
    const w = windowOf(times[i] ?? Number.NaN);
    return w >= 0 && w <= spec.baselineWindows ? mentionTerms(m.text, options) : new Set<string>();
  });

  const current = new Map<string, Array<{ id: string; at: number }>>();
  mentions.forEach((m, i) => {
    const at = times[i] ?? Number.NaN;
    if (windowOf(at) !== 0) return;
    for (const term of termsOf[i] ?? []) {
      const list = current.get(term);
      if (list) list.push({ id: m.id, at });
      else current.set(term, [{ id: m.id, at }]);
    }
  });

  const baseline = new Map<string, number[]>();
  for (const [term, seen] of current) if (seen.length >= minCount) baseline.set(term, new Array<number>(spec.baselineWindows).fill(0));
  mentions.forEach((_, i) => {
    const w = windowOf(times[i] ?? Number.NaN);
    if (w < 1 || w > spec.baselineWindows) return;
    for (const term of termsOf[i] ?? []) {
      const counts = baseline.get(term);
      if (counts) counts[w - 1] = (counts[w - 1] ?? 0) + 1;
    }
  });

  const spiking: EmergingTerm[] = [];
  for (const [term, counts] of baseline) {
    const seen = current.get(term) ?? [];
    const { mean, spread } = baselineSpread(counts);
    if (seen.length <= mean + k * spread) continue;
    spiking.push({
      term,
      kind: termKind(term),
      current: seen.length,
      baselineMean: mean,
      spread,
      score: (seen.length - mean) / spread,
      examples: recentIds(seen),
    });
  }
  spiking.sort((a, b) => b.score - a.score || b.current - a.current || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return withoutSubsumedWords(spiking, (t) => t.current).slice(0, limit);
}

/** Mean of the baseline counts and the spread a spike is measured in (see the module comment). */
export function baselineSpread(counts: readonly number[]): { mean: number; spread: number } {
  const n = counts.length;
  const total = counts.reduce((s, c) => s + c, 0);
  const mean = total / n;
  const stdDev = Math.sqrt(counts.reduce((s, c) => s + (c - mean) ** 2, 0) / n);
  const poissonFloor = Math.sqrt((total + 1) / n);
  return { mean, spread: Math.max(stdDev, poissonFloor) };
}

function positiveOption(value: number | undefined, fallback: number, field: string, allowZero = false): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new TrendsError('INVALID_OPTION', `${field} must be a number ${allowZero ? '≥' : '>'} 0, got ${String(value)}`, { field });
  }
  return value;
}
