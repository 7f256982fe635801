import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildCalendar, detectGaps, nextFreeSlot, plannedSlots, resolveLocalTime, type CalendarPost, type PostingPlan } from './index.ts';

const PROCESS_ZONES = ['UTC', 'Asia/Tokyo', 'America/Los_Angeles', 'Europe/London', 'Australia/Sydney', 'Pacific/Chatham'];

const plans: PostingPlan[] = [
  { channelId: 'ny', zone: 'America/New_York', slots: [{ days: ['TU', 'TH', 'SA'], time: '10:00' }] },
  { channelId: 'berlin', zone: 'Europe/Berlin', slots: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], time: '02:30' }] },
  { channelId: 'sydney', zone: 'Australia/Sydney', rrule: 'FREQ=WEEKLY;BYDAY=SU;BYHOUR=2;BYMINUTE=30' },
  { channelId: 'kolkata', zone: 'Asia/Kolkata', rrule: 'DTSTART:20260105T091500\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO' },
];

const posts: CalendarPost[] = [
  { id: 'a', channelId: 'ny', at: '2026-03-10T14:20:00Z', state: 'published' },
  { id: 'b', channelId: 'ny', at: '2026-03-12T10:00:00-04:00', state: 'scheduled' },
  { id: 'c', channelId: 'berlin', at: '2026-03-29T01:00:00+01:00', state: 'published' },
];

/** Everything the calendar domain computes for a fixed input, as one comparable value. */
function snapshot(): string {
  const ranges: Array<[string, string]> = [
    ['2026-02-25T00:00:00Z', '2026-04-10T00:00:00Z'],
    ['2026-09-25T00:00:00Z', '2026-11-10T00:00:00Z'],
  ];
  return JSON.stringify({
    slots: plans.map((p) => ranges.map(([from, to]) => plannedSlots(p, from, to))),
    local: [
      resolveLocalTime('2026-03-08T02:30', 'America/New_York'),
      resolveLocalTime('2026-11-01T01:30', 'America/New_York'),
      resolveLocalTime('2026-10-04T02:30', 'Australia/Sydney'),
      resolveLocalTime('2026-06-01T09:00', 'Asia/Kolkata'),
    ],
    calendar: buildCalendar({ plans, posts, from: '2026-03-08T00:00:00Z', to: '2026-04-06T00:00:00Z', zone: 'America/Chicago' }),
    next: plans.map((p) => nextFreeSlot(p, posts, '2026-03-07T12:00:00Z')),
    gaps: plans.map((p) => detectGaps({ plan: p, posts, now: '2026-03-31T12:00:00Z', zone: p.zone })),
  });
}

describe('process time zone', () => {
  it('results do not depend on the process TZ', () => {
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
