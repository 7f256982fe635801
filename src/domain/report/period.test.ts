import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lastCompleteMonth, previousPeriod, reportPeriod, ReportError } from './index.ts';

test('a month runs from the 1st 00:00 to the next 1st in the workspace zone, clock change included', () => {
  const march = reportPeriod('2026-03', 'America/New_York', '2026-05-02T12:00:00Z');
  assert.equal(march.from, '2026-03-01T05:00:00.000Z', 'EST before the change');
  assert.equal(march.to, '2026-04-01T04:00:00.000Z', 'EDT after it');
  assert.equal((Date.parse(march.to) - Date.parse(march.from)) / 3_600_000, 743);
  assert.equal(march.label, 'March 2026');
  assert.equal(march.complete, true);
  assert.equal(march.asOf, '2026-04-01T03:59:59.999Z', 'figures as of the last millisecond of the month');
});

test('the running month is month to date, as of now', () => {
  const p = reportPeriod('2026-10', 'America/Chicago', '2026-10-15T17:00:00Z');
  assert.equal(p.complete, false);
  assert.equal(p.asOf, '2026-10-15T17:00:00.000Z');
});

test('the month before January is December of the year before, complete', () => {
  const prev = previousPeriod(reportPeriod('2026-01', 'Europe/London', '2026-01-10T00:00:00Z'));
  assert.equal(prev.month, '2025-12');
  assert.equal(prev.complete, true);
  assert.equal(prev.to, '2026-01-01T00:00:00.000Z');
});

test('a malformed or future month is refused naming the field', () => {
  for (const bad of ['2026-13', '2026-1', 'October', '2026-10-01', '']) {
    assert.throws(() => reportPeriod(bad, 'America/Chicago', '2026-11-01T00:00:00Z'), (e: unknown) => e instanceof ReportError && e.field === 'month' && /YYYY-MM/.test(e.message), bad);
  }
  assert.throws(() => reportPeriod('2027-01', 'America/Chicago', '2026-11-01T00:00:00Z'), (e: unknown) => e instanceof ReportError && e.field === 'month' && /not begun/.test(e.message));
  assert.throws(() => reportPeriod('2026-10', 'Mars/Olympus', '2026-11-01T00:00:00Z'), (e: unknown) => e instanceof ReportError && e.field === 'zone');
});

test('the default month is the last complete one in the workspace zone', () => {
  // 1 Nov 03:00 UTC is still 31 Oct in Chicago: September is the last complete month there.
  assert.equal(lastCompleteMonth('America/Chicago', '2026-11-01T03:00:00Z'), '2026-09');
  assert.equal(lastCompleteMonth('UTC', '2026-11-01T03:00:00Z'), '2026-10');
});
