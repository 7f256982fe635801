import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mannKendall, normalCdf, theilSenSlope, trend, type TrendPoint } from './trend.ts';
import { seeded } from './constructed-histories.ts';

/** Weekly points from Monday 6 Jan 2025 on. */
function weekly(values: readonly number[]): TrendPoint[] {
  return values.map((value, i) => ({ periodStart: new Date(Date.UTC(2025, 0, 6 + 7 * i)).toISOString(), value }));
}

describe('trend', () => {
  it('a rising engaged audience over 2 years is an increasing trend with the slope it was built with', () => {
    const random = seeded(1);
    const values = Array.from({ length: 104 }, (_, w) => 200 + 3 * w + (random() - 0.5) * 60);
    const t = trend(weekly(values), 'week');
    assert.equal(t.mannKendall?.trend, 'increasing');
    assert.ok(t.mannKendall !== null && t.mannKendall.p < 0.001);
    assert.ok(Math.abs((t.slopePerPeriod ?? 0) - 3) < 0.3, `slope ${t.slopePerPeriod}`);
  });

  it('a falling series is a decreasing trend', () => {
    const random = seeded(2);
    const t = trend(weekly(Array.from({ length: 30 }, (_, w) => 500 - 4 * w + (random() - 0.5) * 40)), 'week');
    assert.equal(t.mannKendall?.trend, 'decreasing');
    assert.ok((t.slopePerPeriod ?? 0) < -3);
  });

  it('a steady account with one bad week shows the week as noise and no trend', () => {
    const random = seeded(3);
    const values = Array.from({ length: 52 }, () => 400 + (random() - 0.5) * 60);
    values[51] = 355; // a bad week, about 1.5 standard deviations low
    const t = trend(weekly(values), 'week');
    assert.equal(t.mannKendall?.trend, 'no trend');
    assert.equal(t.latestIsNoise, true);
    assert.ok(t.band !== null && t.band.low < 355 && t.band.high > 430, JSON.stringify(t.band));
  });

  it('a collapse to a fraction of normal is outside the band, not noise', () => {
    const random = seeded(4);
    const values = Array.from({ length: 52 }, () => 400 + (random() - 0.5) * 60);
    values[51] = 120;
    assert.equal(trend(weekly(values), 'week').latestIsNoise, false);
  });

  it('fewer than 8 periods is not enough data, saying how many there are', () => {
    const t = trend(weekly([1, 2, 3]), 'week');
    assert.equal(t.mannKendall, null);
    assert.equal(t.notEnoughData, '8 weeks of data needed for a trend, 3 so far');
    assert.equal(trend([], 'month').notEnoughData, '8 months of data needed for a trend, 0 so far');
  });

  it('tied values lower the Mann–Kendall variance as the textbook formula says', () => {
    // n = 10 with one group of 3 ties: (10·9·25 − 3·2·11) / 18 = 121.33…
    const mk = mannKendall([1, 2, 2, 2, 3, 4, 5, 6, 7, 8]);
    assert.ok(Math.abs(mk.variance - (10 * 9 * 25 - 3 * 2 * 11) / 18) < 1e-9);
    assert.equal(mk.s, 42); // 45 pairs, 3 tied
    const flat = mannKendall([5, 5, 5, 5, 5, 5, 5, 5]);
    assert.equal(flat.s, 0);
    assert.equal(flat.trend, 'no trend');
  });

  it('Mann–Kendall matches a worked example (S, z and p)', () => {
    // 1..10 strictly increasing: S = 45, Var = 125, z = 44/√125 = 3.935, p ≈ 8.3e-5.
    const mk = mannKendall([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.equal(mk.s, 45);
    assert.equal(mk.variance, 125);
    assert.ok(Math.abs(mk.z - 44 / Math.sqrt(125)) < 1e-12);
    assert.ok(Math.abs(mk.p - 8.3e-5) < 0.5e-5, String(mk.p));
    assert.ok(Math.abs(normalCdf(1.959964) - 0.975) < 1e-6);
  });

  it('Theil–Sen ignores an outlier that would pull least squares', () => {
    const x = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const y = x.map((v) => 2 * v + 1);
    y[9] = 500;
    assert.equal(theilSenSlope(x, y), 2);
  });

  it('a missing week is a gap in time, not a shift: the slope stays per week', () => {
    const points = weekly(Array.from({ length: 12 }, (_, w) => 10 * w)).filter((_, i) => i !== 5);
    assert.equal(trend(points, 'week').slopePerPeriod, 10);
  });

  it('monthly points across years count calendar months, whatever their lengths', () => {
    const points = Array.from({ length: 36 }, (_, m) => ({ periodStart: new Date(Date.UTC(2023, m, 1)).toISOString().slice(0, 10), value: 100 + 5 * m }));
    const t = trend(points, 'month');
    assert.equal(t.slopePerPeriod, 5);
    assert.equal(t.mannKendall?.trend, 'increasing');
  });

  it('points in any order give the same answer', () => {
    const random = seeded(5);
    const points = weekly(Array.from({ length: 20 }, (_, w) => w + random()));
    const shuffled = [...points].reverse();
    assert.deepEqual(trend(shuffled, 'week'), trend(points, 'week'));
  });

  it('refuses a point without a date or a finite value', () => {
    assert.throws(() => trend([{ periodStart: 'soon', value: 1 }], 'week'), { code: 'INVALID_SERIES' });
    assert.throws(() => trend([{ periodStart: '2025-01-06', value: Number.NaN }], 'week'), { code: 'INVALID_SERIES' });
  });
});
