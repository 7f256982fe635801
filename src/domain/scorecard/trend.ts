/**
 * Long-horizon trends told apart from noise (rule "Patience").
 *
 * - Direction: the Mann–Kendall test. S = Σ_{i<j} sign(y_j − y_i); its variance under "no trend"
 *   is [n(n−1)(2n+5) − Σ_t t(t−1)(2t+5)] / 18, where t runs over the sizes of groups of tied
 *   values; z = (S − sign(S)) / √Var (continuity correction), two-sided p = 2(1 − Φ(|z|)). A trend
 *   is called at p < 0.05; otherwise "no trend".
 * - Size: the Theil–Sen slope, the median of the pairwise slopes (y_j − y_i) / (x_j − x_i), where x
 *   is the period number counted from the first period (so a missing week leaves a gap, not a shift).
 * - Noise band: residuals around the Theil–Sen line (intercept = median of y_i − slope·x_i); their
 *   robust spread σ = 1.4826 · MAD, floored at 2% of the median level so a perfectly flat series
 *   does not call a one-unit wobble a change. The band at the latest period is the line ± 3σ:
 *   under normal week-to-week variation 99.7% of periods fall inside, so a bad week inside the band
 *   is shown as noise.
 * Mann–Kendall assumes independent periods; weekly social data is mildly autocorrelated, which
 * makes the test somewhat eager. Requiring 8 periods and p < 0.05 keeps that in check.
 */
import { ScorecardError } from './scorecard-error.ts';
import { DAY_MS } from './time.ts';

export type TrendGranularity = 'week' | 'month';
export type TrendDirection = 'increasing' | 'decreasing' | 'no trend';

export interface TrendPoint {
  /** Start of the period: an ISO instant or a local date 'YYYY-MM-DD'. */
  periodStart: string;
  value: number;
}

export interface MannKendall {
  s: number;
  /** Variance of S under "no trend", tie-corrected. */
  variance: number;
  z: number;
  /** Two-sided p-value. */
  p: number;
  trend: TrendDirection;
}

export interface Trend {
  granularity: TrendGranularity;
  points: number;
  /** Theil–Sen slope in value units per period; null when there is not enough data. */
  slopePerPeriod: number | null;
  mannKendall: MannKendall | null;
  /** Normal range for the latest period: the trend line ± 3 robust standard deviations. */
  band: { low: number; high: number } | null;
  latest: number | null;
  /** The latest period lies inside the band: a bad (or good) week that is just noise. */
  latestIsNoise: boolean | null;
  /** Set when fewer than `MIN_TREND_POINTS` periods were given: what is missing. */
  notEnoughData?: string;
}

export const MIN_TREND_POINTS = 8;
export const TREND_ALPHA = 0.05;
export const NOISE_BAND_SIGMAS = 3;
const MAD_TO_SIGMA = 1.4826;
const BAND_FLOOR_SHARE = 0.02;
const PERIOD_DAYS: Record<TrendGranularity, number> = { week: 7, month: 365.2425 / 12 };

/** Trend of a weekly or monthly series; points may come in any order, missing periods are gaps. */
export function trend(series: readonly TrendPoint[], granularity: TrendGranularity): Trend {
  if (granularity !== 'week' && granularity !== 'month') {
    throw new ScorecardError('INVALID_OPTION', `granularity must be 'week' or 'month', got "${String(granularity)}"`, { field: 'granularity' });
  }
  const n = series.length;
  const times = new Float64Array(n);
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const point = series[i] as TrendPoint;
    const ms = Date.parse(point.periodStart);
    if (Number.isNaN(ms) || !Number.isFinite(point.value)) {
      throw new ScorecardError('INVALID_SERIES', `series[${i}] needs a periodStart date and a finite value, got ${JSON.stringify(point)}`, {
        field: `series[${i}]`,
      });
    }
    times[i] = ms;
    order[i] = i;
  }
  order.sort((a, b) => (times[a] ?? 0) - (times[b] ?? 0));
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const first = times[order[0] ?? 0] ?? 0;
  for (let k = 0; k < n; k++) {
    const i = order[k] ?? 0;
    x[k] = Math.round(((times[i] ?? 0) - first) / DAY_MS / PERIOD_DAYS[granularity]);
    y[k] = (series[i] as TrendPoint).value;
  }
  const latest = n > 0 ? (y[n - 1] ?? null) : null;
  if (n < MIN_TREND_POINTS) {
    const unit = granularity === 'week' ? 'weeks' : 'months';
    return {
      granularity,
      points: n,
      slopePerPeriod: null,
      mannKendall: null,
      band: null,
      latest,
      latestIsNoise: null,
      notEnoughData: `${MIN_TREND_POINTS} ${unit} of data needed for a trend, ${n} so far`,
    };
  }
  const slope = theilSenSlope(x, y);
  const band = noiseBand(x, y, slope);
  const last = y[n - 1] ?? 0;
  return {
    granularity,
    points: n,
    slopePerPeriod: slope,
    mannKendall: mannKendall(y),
    band,
    latest: last,
    latestIsNoise: last >= band.low && last <= band.high,
  };
}

/** Mann–Kendall over values in time order, with the tie correction in the variance. */
export function mannKendall(values: ArrayLike<number>): MannKendall {
  const n = values.length;
  let s = 0;
  for (let i = 0; i < n - 1; i++) {
    const yi = values[i] ?? 0;
    for (let j = i + 1; j < n; j++) {
      const d = (values[j] ?? 0) - yi;
      s += d > 0 ? 1 : d < 0 ? -1 : 0;
    }
  }
  const sorted = Float64Array.from(values).sort();
  let tieTerm = 0;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && sorted[j] === sorted[i]) j++;
    const t = j - i;
    if (t > 1) tieTerm += t * (t - 1) * (2 * t + 5);
    i = j;
  }
  const variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  const z = variance <= 0 || s === 0 ? 0 : (s - Math.sign(s)) / Math.sqrt(variance);
  const p = 2 * (1 - normalCdf(Math.abs(z)));
  const trendDirection: TrendDirection = p < TREND_ALPHA ? (s > 0 ? 'increasing' : 'decreasing') : 'no trend';
  return { s, variance, z, p, trend: trendDirection };
}

/** Median of the pairwise slopes over pairs with different x. */
export function theilSenSlope(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  const slopes = new Float64Array((n * (n - 1)) / 2);
  let m = 0;
  for (let i = 0; i < n - 1; i++) {
    const xi = x[i] ?? 0;
    const yi = y[i] ?? 0;
    for (let j = i + 1; j < n; j++) {
      const dx = (x[j] ?? 0) - xi;
      if (dx !== 0) slopes[m++] = ((y[j] ?? 0) - yi) / dx;
    }
  }
  return m === 0 ? 0 : median(slopes.subarray(0, m).sort());
}

function noiseBand(x: Float64Array, y: Float64Array, slope: number): { low: number; high: number } {
  const n = y.length;
  const offsets = new Float64Array(n);
  for (let i = 0; i < n; i++) offsets[i] = (y[i] ?? 0) - slope * (x[i] ?? 0);
  const intercept = median(Float64Array.from(offsets).sort());
  const deviations = new Float64Array(n);
  for (let i = 0; i < n; i++) deviations[i] = Math.abs((offsets[i] ?? 0) - intercept);
  const sigma = MAD_TO_SIGMA * median(deviations.sort());
  const level = Math.abs(median(Float64Array.from(y).sort()));
  const spread = NOISE_BAND_SIGMAS * Math.max(sigma, BAND_FLOOR_SHARE * level, Number.EPSILON);
  const fitted = intercept + slope * (x[n - 1] ?? 0);
  return { low: fitted - spread, high: fitted + spread };
}

/** Median of sorted values. */
function median(sorted: Float64Array): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const mid = n >> 1;
  return n % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Standard normal CDF via erf (Abramowitz & Stegun 7.1.26, error < 1.5e-7). */
export function normalCdf(z: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(z)) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
