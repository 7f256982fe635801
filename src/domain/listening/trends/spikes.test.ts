import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { baselineSpread, emergingTerms } from './spikes.ts';
import type { TrendMention } from './terms.ts';
import { TrendsError } from './trends-error.ts';

const NOW = '2026-03-10T12:00:00Z';
const NOW_MS = Date.parse(NOW);

let seq = 0;
function mention(text: string, minutesAgo: number): TrendMention {
  seq += 1;
  return { id: `m${seq}`, text, createdAt: new Date(NOW_MS - minutesAgo * 60_000).toISOString() };
}

/** `perHour[0]` mentions of `text` in the last hour, `perHour[1]` in the hour before, … */
function hourly(text: string, perHour: number[]): TrendMention[] {
  return perHour.flatMap((count, hour) => Array.from({ length: count }, (_, i) => mention(text, hour * 60 + 5 + i)));
}

const terms = (found: Array<{ term: string }>) => found.map((t) => t.term);

describe('emergingTerms', () => {
  it('a term seen 8 times in the last hour after ~1 per hour before is emerging; a steady term is not', () => {
    const mentions = [
      ...hourly('Parking!', [8, 1, 1, 0, 1, 2, 1, 1, 0, 1, 1, 1, 1]),
      ...hourly('Cafeteria.', [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5]),
    ];
    const found = emergingTerms(mentions, NOW, { window: 'hour' });
    assert.deepEqual(terms(found), ['parking']);
    const [parking] = found;
    assert.equal(parking?.current, 8);
    assert.equal(parking?.baselineMean, 11 / 12);
    assert.ok((parking?.score ?? 0) > 3);
  });

  it('an ordinary wobble in a busy term is not a spike', () => {
    const mentions = hourly('Visiting hours', [9, 5, 7, 4, 6, 5, 8, 3, 6, 5, 7, 4, 6]);
    assert.deepEqual(emergingTerms(mentions, NOW, { window: 'hour' }), []);
  });

  it('a brand-new term needs the minimum count: 3 mentions emerge, 2 do not', () => {
    assert.deepEqual(terms(emergingTerms(hourly('Measles', [3]), NOW, { window: 'hour' })), ['measles']);
    assert.deepEqual(emergingTerms(hourly('Measles', [2]), NOW, { window: 'hour' }), []);
    assert.deepEqual(terms(emergingTerms(hourly('Measles', [2]), NOW, { window: 'hour', minCount: 2 })), ['measles']);
  });

  it('a pair that carries the spike is listed instead of its words', () => {
    const found = emergingTerms([...hourly('Flu shot', [6]), ...hourly('Flu', [1, 1, 1, 1])], NOW, { window: 'hour' });
    assert.deepEqual(terms(found), ['flu shot']);
    assert.equal(found[0]?.kind, 'bigram');
  });

  it('terms are ranked by score and give up to three recent example mentions from the current window', () => {
    const mentions = [...hourly('Measles', [10, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]), ...hourly('Outage', [4])];
    const found = emergingTerms(mentions, NOW, { window: 'hour' });
    assert.deepEqual(terms(found), ['outage', 'measles']);
    const measles = found[1];
    assert.equal(measles?.examples.length, 3);
    const times = new Map(mentions.map((m) => [m.id, Date.parse(m.createdAt)]));
    const exampleTimes = (measles?.examples ?? []).map((id) => times.get(id) ?? 0);
    assert.ok(exampleTimes.every((t) => t >= NOW_MS - 3_600_000));
    assert.deepEqual(exampleTimes, [...exampleTimes].sort((a, b) => b - a));
  });

  it('the day window compares the last 24 hours with the 14 days before', () => {
    const daily = (text: string, perDay: number[]) =>
      perDay.flatMap((count, day) => Array.from({ length: count }, (_, i) => mention(text, day * 1440 + 30 + i * 113)));
    const mentions = [...daily('Heatwave', [12, 2, 1, 2, 1, 2, 2, 1, 2, 1, 2, 2, 1, 2, 1]), ...daily('Cafeteria', [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5])];
    assert.deepEqual(terms(emergingTerms(mentions, NOW, { window: 'day' })), ['heatwave']);
    // In hourly windows the same mentions are too thin to say anything.
    assert.deepEqual(emergingTerms(mentions, NOW, { window: 'hour' }), []);
  });

  it('mentions at or after now, or older than the baseline, are not counted', () => {
    const mentions = [...hourly('Parking', [2]), mention('Parking', 0), mention('Parking', -10)];
    assert.deepEqual(emergingTerms(mentions, NOW, { window: 'hour' }), []);
    const old = [...hourly('Parking', [3]), ...Array.from({ length: 20 }, () => mention('Parking', 13 * 60 + 5))];
    assert.deepEqual(terms(emergingTerms(old, NOW, { window: 'hour' })), ['parking']);
  });

  it('refuses a bad window, option or time, naming the field', () => {
    const bad = (f: () => unknown, field: string) => assert.throws(f, (e: unknown) => e instanceof TrendsError && e.field === field);
    bad(() => emergingTerms([], NOW, { window: 'week' as 'day' }), 'window');
    bad(() => emergingTerms([], NOW, { window: 'hour', k: -1 }), 'k');
    bad(() => emergingTerms([], 'now', { window: 'hour' }), 'now');
    bad(() => emergingTerms([{ id: 'x', text: 'hi', createdAt: '2026-03-10 11:00' }], NOW, { window: 'hour' }), 'mentions[0].createdAt');
  });
});

describe('baselineSpread', () => {
  it('a zero baseline still has a spread: the Poisson floor with one smoothed mention', () => {
    assert.deepEqual(baselineSpread(new Array(12).fill(0)), { mean: 0, spread: Math.sqrt(1 / 12) });
  });

  it('a flat baseline uses the Poisson floor; a noisy one its standard deviation', () => {
    assert.deepEqual(baselineSpread([4, 4, 4, 4]), { mean: 4, spread: Math.sqrt(17 / 4) });
    assert.deepEqual(baselineSpread([0, 20, 0, 20]), { mean: 10, spread: 10 });
  });
});
