import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  addBusinessMinutes,
  alwaysOpen,
  businessMinutesBetween,
  isWithinBusinessHours,
  nextOpening,
  officeHours,
  validateBusinessHours,
  type BusinessHours,
} from './business-hours.ts';
import { InboxError } from './inbox-error.ts';

const newYork = officeHours('America/New_York');
const london = officeHours('Europe/London');

function splitShift(zone = 'America/New_York'): BusinessHours {
  const day = [
    { start: '08:00', end: '12:00' },
    { start: '13:00', end: '17:00' },
  ];
  return { zone, days: { MO: day, TU: day, WE: day, TH: day, FR: day, SA: [], SU: [] } };
}

describe('addBusinessMinutes', () => {
  it('a message at 16:45 Friday with a 30-minute target is due Monday 09:15', () => {
    // Friday 2026-01-16 16:45 EST → Monday 2026-01-19 09:15 EST.
    assert.equal(addBusinessMinutes('2026-01-16T21:45:00Z', 30, newYork), '2026-01-19T14:15:00.000Z');
    assert.equal(addBusinessMinutes('2026-01-16T16:45:00-05:00', 30, newYork), '2026-01-19T14:15:00.000Z');
  });

  it('is still Monday 09:15 local across the spring-forward weekend in New York', () => {
    // Fri 2026-03-06 16:45 EST; clocks go forward Sunday 03-08; Monday 09:15 is EDT (UTC−4).
    assert.equal(addBusinessMinutes('2026-03-06T21:45:00Z', 30, newYork), '2026-03-09T13:15:00.000Z');
  });

  it('is still Monday 09:15 local across the fall-back weekend in New York', () => {
    // Fri 2026-10-30 16:45 EDT; clocks go back Sunday 11-01; Monday 09:15 is EST (UTC−5).
    assert.equal(addBusinessMinutes('2026-10-30T20:45:00Z', 30, newYork), '2026-11-02T14:15:00.000Z');
  });

  it('is still Monday 09:15 local across both DST weekends in London', () => {
    // Spring: Fri 2026-03-27 16:45 GMT → Mon 03-30 09:15 BST (08:15Z).
    assert.equal(addBusinessMinutes('2026-03-27T16:45:00Z', 30, london), '2026-03-30T08:15:00.000Z');
    // Autumn: Fri 2026-10-23 16:45 BST (15:45Z) → Mon 10-26 09:15 GMT.
    assert.equal(addBusinessMinutes('2026-10-23T15:45:00Z', 30, london), '2026-10-26T09:15:00.000Z');
  });

  it('a message arriving at night starts counting at the next opening', () => {
    // Tue 2026-01-20 02:00 EST → 09:00 opening + 30.
    assert.equal(addBusinessMinutes('2026-01-20T07:00:00Z', 30, newYork), '2026-01-20T14:30:00.000Z');
    // Tue 20:00 EST (Wed 01:00Z) → Wed 09:30 EST.
    assert.equal(addBusinessMinutes('2026-01-21T01:00:00Z', 30, newYork), '2026-01-21T14:30:00.000Z');
  });

  it('a target used up exactly at closing time is due at closing time', () => {
    assert.equal(addBusinessMinutes('2026-01-16T16:30:00-05:00', 30, newYork), '2026-01-16T22:00:00.000Z');
  });

  it('the clock stops over lunch in a split shift', () => {
    // Tue 11:50 + 30 → 12:00 (10 min), lunch, 13:00 + 20 = 13:20 EST.
    assert.equal(addBusinessMinutes('2026-01-20T11:50:00-05:00', 30, splitShift()), '2026-01-20T18:20:00.000Z');
    // Arriving at 12:30 starts at 13:00.
    assert.equal(addBusinessMinutes('2026-01-20T12:30:00-05:00', 30, splitShift()), '2026-01-20T18:30:00.000Z');
  });

  it('a target longer than a day carries over to the next business day', () => {
    // Mon 09:00 + 600 min = 480 on Monday + 120 → Tue 11:00 EST.
    assert.equal(addBusinessMinutes('2026-01-19T09:00:00-05:00', 600, newYork), '2026-01-20T16:00:00.000Z');
  });

  it('holidays are skipped', () => {
    const hours = officeHours('America/New_York', '09:00', '17:00', undefined, ['2026-12-25']);
    // Thu 2026-12-24 16:45 → Fri 25 is a holiday → Mon 28 09:15 EST.
    assert.equal(addBusinessMinutes('2026-12-24T16:45:00-05:00', 30, hours), '2026-12-28T14:15:00.000Z');
  });

  it('with 24/7 hours the business clock is the wall clock, DST nights included', () => {
    const hours = alwaysOpen('America/New_York');
    assert.equal(addBusinessMinutes('2026-01-16T21:45:00Z', 30, hours), '2026-01-16T22:15:00.000Z');
    // 01:30 EST on the spring-forward night + 60 min = 03:30 EDT: one real hour.
    assert.equal(addBusinessMinutes('2026-03-08T06:30:00Z', 60, hours), '2026-03-08T07:30:00.000Z');
    // 01:30 EDT on the fall-back night + 60 min = 01:30 EST: one real hour.
    assert.equal(addBusinessMinutes('2026-11-01T05:30:00Z', 60, hours), '2026-11-01T06:30:00.000Z');
    // Across midnight.
    assert.equal(addBusinessMinutes('2026-01-19T23:50:00-05:00', 30, hours), '2026-01-20T05:20:00.000Z');
  });

  it('0 minutes gives the next opening, or the instant itself when open', () => {
    assert.equal(addBusinessMinutes('2026-01-17T12:00:00-05:00', 0, newYork), '2026-01-19T14:00:00.000Z');
    assert.equal(nextOpening('2026-01-19T10:00:00-05:00', newYork), '2026-01-19T15:00:00.000Z');
  });

  it('refuses a negative target and an instant without an offset', () => {
    assert.throws(() => addBusinessMinutes('2026-01-19T10:00:00Z', -1, newYork), (e: unknown) => e instanceof InboxError && e.code === 'INVALID_MINUTES');
    assert.throws(
      () => addBusinessMinutes('2026-01-19T10:00:00', 30, newYork),
      (e: unknown) => e instanceof InboxError && e.code === 'INVALID_INSTANT' && e.field === 'startIso',
    );
  });
});

describe('businessMinutesBetween', () => {
  it('counts only minutes inside business hours', () => {
    assert.equal(businessMinutesBetween('2026-01-16T16:45:00-05:00', '2026-01-19T09:15:00-05:00', newYork), 30);
    assert.equal(businessMinutesBetween('2026-01-19T09:15:00-05:00', '2026-01-16T16:45:00-05:00', newYork), -30);
    assert.equal(businessMinutesBetween('2026-01-19T07:00:00-05:00', '2026-01-19T20:00:00-05:00', splitShift()), 480);
  });

  it('a whole working week is 40 hours', () => {
    assert.equal(businessMinutesBetween('2026-01-18T00:00:00Z', '2026-01-25T00:00:00Z', newYork), 40 * 60);
  });

  it('a shift spanning the DST change lasts its real elapsed time', () => {
    const sundayNight = officeHours('America/New_York', '00:00', '06:00', ['SU']);
    // 00:00–06:00 on the spring-forward Sunday is 5 real hours; on the fall-back Sunday 7.
    assert.equal(businessMinutesBetween('2026-03-07T12:00:00Z', '2026-03-09T12:00:00Z', sundayNight), 300);
    assert.equal(businessMinutesBetween('2026-10-31T12:00:00Z', '2026-11-02T12:00:00Z', sundayNight), 420);
    // With 24/7 hours, the spring-forward weekend has 47 hours.
    assert.equal(businessMinutesBetween('2026-03-07T05:00:00Z', '2026-03-09T04:00:00Z', alwaysOpen('America/New_York')), 47 * 60);
  });

  it('agrees with addBusinessMinutes', () => {
    const start = '2026-03-05T15:10:00-05:00';
    for (const minutes of [0, 1, 29, 30, 400, 1000, 2500]) {
      const end = addBusinessMinutes(start, minutes, splitShift());
      assert.equal(businessMinutesBetween(start, end, splitShift()), minutes, `${minutes} minutes`);
    }
  });
});

describe('isWithinBusinessHours', () => {
  it('opening is inside, closing is outside', () => {
    assert.equal(isWithinBusinessHours('2026-01-19T09:00:00-05:00', newYork), true);
    assert.equal(isWithinBusinessHours('2026-01-19T16:59:00-05:00', newYork), true);
    assert.equal(isWithinBusinessHours('2026-01-19T17:00:00-05:00', newYork), false);
    assert.equal(isWithinBusinessHours('2026-01-17T12:00:00-05:00', newYork), false);
  });
});

describe('validateBusinessHours', () => {
  it('office hours and 24/7 hours are valid', () => {
    assert.deepEqual(validateBusinessHours(newYork), []);
    assert.deepEqual(validateBusinessHours(alwaysOpen('Europe/London')), []);
    assert.deepEqual(validateBusinessHours(splitShift()), []);
  });

  it('each problem names its field', () => {
    const hours = {
      zone: 'Mars/Olympus',
      days: {
        ...newYork.days,
        MO: [{ start: '9:00', end: '17:00' }],
        TU: [{ start: '17:00', end: '09:00' }],
        WE: [
          { start: '08:00', end: '12:00' },
          { start: '11:00', end: '17:00' },
        ],
        TH: [{ start: '09:00', end: '24:30' }],
        SA: undefined,
      },
      holidays: ['2026-02-30'],
    } as unknown as BusinessHours;
    const fields = validateBusinessHours(hours).map((i) => i.field);
    assert.deepEqual(fields.sort(), ['days.MO[0].start', 'days.SA', 'days.TH[0].end', 'days.TU[0].end', 'days.WE[1]', 'holidays[0]', 'zone']);
  });

  it('hours that are never open are refused', () => {
    const closed = officeHours('UTC', '09:00', '17:00', []);
    assert.deepEqual(validateBusinessHours(closed).map((i) => i.field), ['days']);
    assert.throws(
      () => addBusinessMinutes('2026-01-19T10:00:00Z', 30, closed),
      (e: unknown) => e instanceof InboxError && e.code === 'INVALID_BUSINESS_HOURS' && e.field === 'days',
    );
  });

  it('an overnight shift is refused with advice to split it', () => {
    const [issue] = validateBusinessHours(officeHours('UTC', '22:00', '06:00'));
    assert.match(issue?.message ?? '', /split an overnight shift/);
  });
});
