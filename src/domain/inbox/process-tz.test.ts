import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addBusinessMinutes, alwaysOpen, businessMinutesBetween, dueAt, officeHours, responseMetrics, slaState } from './index.ts';

const PROCESS_ZONES = ['UTC', 'Asia/Tokyo', 'America/Los_Angeles', 'Europe/London', 'Australia/Sydney', 'Pacific/Chatham'];

/** Everything the inbox domain computes for a fixed input, as one comparable value. */
function snapshot(): string {
  const ny = officeHours('America/New_York');
  const london = officeHours('Europe/London', '08:00', '18:00', ['MO', 'TU', 'WE', 'TH', 'FR', 'SA']);
  const policy = { firstResponseMinutes: 30, businessHours: ny };
  const starts = ['2026-03-06T21:45:00Z', '2026-03-08T06:30:00Z', '2026-10-23T15:45:00Z', '2026-10-31T23:59:00Z', '2026-11-01T05:30:00Z'];
  return JSON.stringify({
    added: starts.flatMap((s) => [ny, london, alwaysOpen('America/New_York')].map((h) => addBusinessMinutes(s, 95, h))),
    between: starts.map((s) => businessMinutesBetween(s, '2026-11-03T12:00:00Z', london)),
    due: starts.map((s) => dueAt({ receivedAt: s, urgent: false }, policy)),
    state: starts.map((s) => slaState({ receivedAt: s, urgent: false }, '2026-03-09T13:10:00Z', policy)),
    metrics: responseMetrics({
      conversations: starts.map((s, i) => ({
        id: `c${i}`,
        channelId: 'bluesky',
        receivedAt: s,
        dueAt: dueAt({ receivedAt: s, urgent: false }, policy),
        firstResponseAt: '2026-11-02T15:00:00Z',
        needsResponse: true,
      })),
      period: { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' },
      now: '2026-12-01T00:00:00Z',
      businessHours: ny,
    }),
  });
}

describe('process time zone', () => {
  it('inbox results do not depend on the process TZ', () => {
    const original = process.env.TZ;
    try {
      const results = new Map<string, string>();
      const offsets = new Set<number>();
      for (const zone of PROCESS_ZONES) {
        process.env.TZ = zone;
        offsets.add(new Date(2026, 0, 15).getTimezoneOffset());
        results.set(zone, snapshot());
      }
      assert.ok(offsets.size > 3, 'changing process.env.TZ took effect');
      const [reference] = results.values();
      for (const [zone, result] of results) assert.equal(result, reference, `results differ with TZ=${zone}`);
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});
