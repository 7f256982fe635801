import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { CalendarError } from './calendar-error.ts';
import { describePlan, plannedSlots, validatePostingPlan, type PostingPlan, type Weekday, type WeeklyPostingPlan } from './posting-plan.ts';

function weeklyPlan(zone: string, days: Weekday[] = ['TU', 'TH', 'SA'], time = '10:00'): WeeklyPostingPlan {
  return { channelId: 'bluesky-main', zone, slots: [{ days, time }] };
}

function local(iso: string, zone: string): DateTime {
  return DateTime.fromISO(iso, { zone });
}

/** Every slot is at `time` on one of `days` in the plan's zone. */
function assertWallClock(slots: string[], zone: string, days: Weekday[], time: string): void {
  const names = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
  for (const slot of slots) {
    const t = local(slot, zone);
    assert.equal(t.toFormat('HH:mm'), time, `${slot} is ${t.toISO()} in ${zone}`);
    assert.ok(days.includes(names[t.weekday - 1] as Weekday), `${slot} falls on ${t.weekdayShort}`);
  }
}

function utcOffsets(slots: string[], zone: string): number[] {
  return [...new Set(slots.map((s) => local(s, zone).offset))];
}

describe('plannedSlots across DST', () => {
  const cases: Array<{ name: string; zone: string; from: string; to: string; offsets: [number, number] }> = [
    { name: 'the March DST change in New York', zone: 'America/New_York', from: '2026-03-01T00:00:00Z', to: '2026-03-15T00:00:00Z', offsets: [-300, -240] },
    { name: 'the November DST change in New York', zone: 'America/New_York', from: '2026-10-25T00:00:00Z', to: '2026-11-08T00:00:00Z', offsets: [-240, -300] },
    { name: 'the March DST change in Berlin', zone: 'Europe/Berlin', from: '2026-03-22T00:00:00Z', to: '2026-04-05T00:00:00Z', offsets: [60, 120] },
    { name: 'the October DST change in Berlin', zone: 'Europe/Berlin', from: '2026-10-18T00:00:00Z', to: '2026-11-01T00:00:00Z', offsets: [120, 60] },
    { name: 'the April DST end in Sydney', zone: 'Australia/Sydney', from: '2026-03-29T00:00:00Z', to: '2026-04-12T00:00:00Z', offsets: [660, 600] },
    { name: 'the October DST start in Sydney', zone: 'Australia/Sydney', from: '2026-09-27T00:00:00Z', to: '2026-10-11T00:00:00Z', offsets: [600, 660] },
  ];
  for (const c of cases) {
    it(`10:00 Tuesday stays 10:00 local across ${c.name}`, () => {
      const slots = plannedSlots(weeklyPlan(c.zone), c.from, c.to);
      assert.equal(slots.length, 6);
      assertWallClock(slots, c.zone, ['TU', 'TH', 'SA'], '10:00');
      assert.deepEqual(utcOffsets(slots, c.zone), c.offsets);
    });
  }

  it('a daily 10:00 slot is planned on the transition Sundays themselves, at 10:00 local', () => {
    const plan = weeklyPlan('America/New_York', ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']);
    const march = plannedSlots(plan, '2026-03-07T00:00:00Z', '2026-03-10T00:00:00Z');
    assert.deepEqual(march, ['2026-03-07T15:00:00.000Z', '2026-03-08T14:00:00.000Z', '2026-03-09T14:00:00.000Z']);
    const november = plannedSlots(plan, '2026-10-31T00:00:00Z', '2026-11-03T00:00:00Z');
    assert.deepEqual(november, ['2026-10-31T14:00:00.000Z', '2026-11-01T15:00:00.000Z', '2026-11-02T15:00:00.000Z']);
  });

  it('10:00 in Kolkata (no DST) is 04:30Z all year', () => {
    const plan = weeklyPlan('Asia/Kolkata');
    const slots = [
      ...plannedSlots(plan, '2026-03-01T00:00:00Z', '2026-03-15T00:00:00Z'),
      ...plannedSlots(plan, '2026-10-25T00:00:00Z', '2026-11-08T00:00:00Z'),
    ];
    assert.equal(slots.length, 12);
    assert.ok(slots.every((s) => s.endsWith('T04:30:00.000Z')), slots.join(' '));
  });

  it('a 02:30 slot on the spring-forward day moves to 03:30; on the fall-back day 01:30 is planned once', () => {
    const every = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as Weekday[];
    const spring = plannedSlots(weeklyPlan('America/New_York', every, '02:30'), '2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z');
    assert.deepEqual(spring, ['2026-03-08T07:30:00.000Z']); // 03:30 EDT
    const fall = plannedSlots(weeklyPlan('America/New_York', every, '01:30'), '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z');
    assert.deepEqual(fall, ['2026-11-01T05:30:00.000Z']); // the first 01:30, EDT
  });

  it('slots are sorted and de-duplicated across several slot definitions', () => {
    const plan: PostingPlan = {
      channelId: 'c',
      zone: 'Europe/Berlin',
      slots: [
        { days: ['MO'], time: '17:00' },
        { days: ['MO', 'WE'], time: '09:00' },
        { days: ['MO'], time: '09:00' },
      ],
    };
    assert.deepEqual(plannedSlots(plan, '2026-06-01T00:00:00Z', '2026-06-04T00:00:00Z'), [
      '2026-06-01T07:00:00.000Z',
      '2026-06-01T15:00:00.000Z',
      '2026-06-03T07:00:00.000Z',
    ]);
  });

  it('the range is half-open: a slot exactly at `to` is left out, one exactly at `from` kept', () => {
    const plan = weeklyPlan('UTC', ['TU'], '10:00');
    assert.deepEqual(plannedSlots(plan, '2026-03-03T10:00:00Z', '2026-03-10T10:00:00Z'), ['2026-03-03T10:00:00.000Z']);
  });
});

describe('plannedSlots from an RRULE', () => {
  it('the first Monday of each month at 09:30 stays 09:30 in Berlin across March', () => {
    const plan: PostingPlan = { channelId: 'c', zone: 'Europe/Berlin', rrule: 'RRULE:FREQ=MONTHLY;BYDAY=1MO;BYHOUR=9;BYMINUTE=30' };
    const slots = plannedSlots(plan, '2026-02-01T00:00:00Z', '2026-05-01T00:00:00Z');
    assert.deepEqual(slots, ['2026-02-02T08:30:00.000Z', '2026-03-02T08:30:00.000Z', '2026-04-06T07:30:00.000Z']);
  });

  it('a DTSTART with the plan zone as TZID sets the time and the fortnightly phase', () => {
    const plan: PostingPlan = {
      channelId: 'c',
      zone: 'America/New_York',
      rrule: 'DTSTART;TZID=America/New_York:20260303T100000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
    };
    const slots = plannedSlots(plan, '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z');
    assert.deepEqual(slots, ['2026-03-03T15:00:00.000Z', '2026-03-17T14:00:00.000Z', '2026-03-31T14:00:00.000Z']);
  });

  it('a UTC UNTIL is an instant: the slot at exactly that instant is the last', () => {
    const plan: PostingPlan = { channelId: 'c', zone: 'America/New_York', rrule: 'FREQ=DAILY;BYHOUR=10;UNTIL=20260312T140000Z' };
    const slots = plannedSlots(plan, '2026-03-10T00:00:00Z', '2026-03-20T00:00:00Z');
    assert.deepEqual(slots, ['2026-03-10T14:00:00.000Z', '2026-03-11T14:00:00.000Z', '2026-03-12T14:00:00.000Z']);
  });
});

describe('validatePostingPlan', () => {
  it('a good weekly plan has no findings', () => {
    assert.deepEqual(validatePostingPlan(weeklyPlan('America/Chicago')), []);
  });

  it('bad days and times are named by their field path', () => {
    const plan = { channelId: 'c', zone: 'America/Chicago', slots: [{ days: ['TU'], time: '10:00' }, { days: ['TUE'], time: '7pm' }] };
    const findings = validatePostingPlan(plan as unknown as PostingPlan);
    assert.deepEqual(findings.map((f) => f.field), ['slots[1].days[0]', 'slots[1].time']);
    assert.match(findings[0]?.message ?? '', /"TUE" is not a day/);
    assert.match(findings[1]?.message ?? '', /"7pm" is not a 24-hour time/);
  });

  it('an unknown zone, a missing channel and an empty slot list are each reported', () => {
    const findings = validatePostingPlan({ channelId: '', zone: 'Europe/Atlantis', slots: [] });
    assert.deepEqual(findings.map((f) => f.code), ['INVALID_CHANNEL', 'INVALID_ZONE', 'EMPTY_PLAN']);
  });

  const badRules: Array<[string, RegExp]> = [
    ['FREQ=MINUTELY;BYHOUR=10', /not a posting cadence/],
    ['FREQ=WEEKLY;BYDAY=XX;BYHOUR=10', /BYDAY "XX" is not a day/],
    ['FREQ=WEEKLY;BYDAY=TU', /does not say what time/],
    ['FREQ=WEEKLY;BYHOUR=25', /BYHOUR "25"/],
    ['FREQ=WEEKLY;BYHOUR=10;COLOR=RED', /COLOR is not supported/],
    ['BYHOUR=10', /FREQ is required/],
    ['DTSTART:20260303T100000Z\nRRULE:FREQ=WEEKLY', /no trailing Z/],
    ['DTSTART;TZID=Europe/Paris:20260303T100000\nRRULE:FREQ=WEEKLY', /differs from the plan's zone/],
    ['FREQ=DAILY;BYHOUR=10;COUNT=5', /COUNT needs a DTSTART/],
    ['EXDATE:20260303T100000\nRRULE:FREQ=DAILY;BYHOUR=10', /unsupported line/],
    ['', /empty/],
  ];
  for (const [rule, message] of badRules) {
    it(`rrule ${JSON.stringify(rule)} is refused on field rrule (${message.source})`, () => {
      const findings = validatePostingPlan({ channelId: 'c', zone: 'America/New_York', rrule: rule });
      assert.ok(findings.length > 0);
      assert.ok(findings.every((f) => f.field === 'rrule' && f.code === 'INVALID_RRULE'));
      assert.ok(findings.some((f) => message.test(f.message)), JSON.stringify(findings));
    });
  }

  it('plannedSlots refuses an invalid plan with a CalendarError naming the field', () => {
    assert.throws(
      () => plannedSlots(weeklyPlan('America/New_York', ['TU'], '10am'), '2026-03-01T00:00:00Z', '2026-03-08T00:00:00Z'),
      (err: unknown) => err instanceof CalendarError && err.code === 'INVALID_PLAN' && err.field === 'slots[0].time',
    );
  });

  it('plannedSlots refuses a range bound without an offset', () => {
    assert.throws(
      () => plannedSlots(weeklyPlan('UTC'), '2026-03-01T00:00', '2026-03-08T00:00:00Z'),
      (err: unknown) => err instanceof CalendarError && err.code === 'INVALID_INSTANT' && err.field === 'from',
    );
  });
});

describe('describePlan', () => {
  it('reads a weekly plan as days and time with the zone', () => {
    assert.equal(describePlan(weeklyPlan('America/Chicago', ['SA', 'TU', 'TH'])), 'Tue, Thu, Sat at 10:00 (America/Chicago)');
  });

  it('joins several slots and says "Every day" for all seven', () => {
    const plan: PostingPlan = {
      channelId: 'c',
      zone: 'UTC',
      slots: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], time: '08:00' }, { days: ['FR'], time: '16:30' }],
    };
    assert.equal(describePlan(plan), 'Every day at 08:00; Fri at 16:30 (UTC)');
  });

  it('reads an RRULE in words with its time', () => {
    const plan: PostingPlan = { channelId: 'c', zone: 'Europe/Berlin', rrule: 'FREQ=MONTHLY;BYDAY=1MO;BYHOUR=9;BYMINUTE=30' };
    assert.equal(describePlan(plan), 'Every month on the 1st Monday at 09:30 (Europe/Berlin)');
  });
});
