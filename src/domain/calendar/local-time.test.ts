import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolveLocalTime, validateScheduleTime } from './local-time.ts';

function resolved(local: string, zone: string): string {
  const r = resolveLocalTime(local, zone);
  assert.ok(r.ok, `expected ${local} in ${zone} to resolve, got ${JSON.stringify(r)}`);
  return r.utc;
}

describe('resolveLocalTime', () => {
  it('10:00 in New York is 15:00Z in winter and 14:00Z in summer', () => {
    assert.equal(resolved('2026-01-13T10:00', 'America/New_York'), '2026-01-13T15:00:00.000Z');
    assert.equal(resolved('2026-07-14T10:00', 'America/New_York'), '2026-07-14T14:00:00.000Z');
  });

  it('02:30 on the spring-forward day is refused as a DST gap, proposing 03:00', () => {
    const r = resolveLocalTime('2026-03-08T02:30', 'America/New_York', { postId: 'post-7' });
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.code, 'DST_GAP');
    assert.equal(r.field, 'scheduledAt');
    assert.equal(r.postId, 'post-7');
    assert.equal(r.proposedLocal, '2026-03-08T03:00');
    assert.equal(r.proposedUtc, '2026-03-08T07:00:00.000Z');
    assert.match(r.message, /post post-7: scheduledAt 2026-03-08T02:30 does not exist in America\/New_York/);
    assert.match(r.message, /03:00/);
  });

  it('the spring-forward gap is found in Berlin and in Sydney (October, southern hemisphere)', () => {
    const berlin = resolveLocalTime('2026-03-29T02:15', 'Europe/Berlin');
    assert.ok(!berlin.ok && berlin.code === 'DST_GAP' && berlin.proposedLocal === '2026-03-29T03:00');
    const sydney = resolveLocalTime('2026-10-04T02:59', 'Australia/Sydney');
    assert.ok(!sydney.ok && sydney.code === 'DST_GAP' && sydney.proposedLocal === '2026-10-04T03:00');
  });

  it('a half-hour DST gap (Lord Howe Island) proposes 02:30, not 03:00', () => {
    const r = resolveLocalTime('2026-10-04T02:10', 'Australia/Lord_Howe');
    assert.ok(!r.ok && r.code === 'DST_GAP');
    assert.equal(r.proposedLocal, '2026-10-04T02:30');
  });

  it('the minutes either side of a gap resolve normally', () => {
    assert.equal(resolved('2026-03-08T01:59', 'America/New_York'), '2026-03-08T06:59:00.000Z');
    assert.equal(resolved('2026-03-08T03:00', 'America/New_York'), '2026-03-08T07:00:00.000Z');
  });

  it('01:30 on the fall-back day resolves to the earlier instant and says so', () => {
    const r = resolveLocalTime('2026-11-01T01:30', 'America/New_York');
    assert.ok(r.ok);
    assert.equal(r.utc, '2026-11-01T05:30:00.000Z');
    assert.equal(r.ambiguous, true);
    assert.match(r.note ?? '', /happens twice/);
    assert.match(r.note ?? '', /2026-11-01T06:30:00.000Z/);
  });

  it('an ambiguous time in Berlin (October) and Sydney (April) also takes the earlier instant', () => {
    const berlin = resolveLocalTime('2026-10-25T02:30', 'Europe/Berlin');
    assert.ok(berlin.ok && berlin.ambiguous && berlin.utc === '2026-10-25T00:30:00.000Z');
    const sydney = resolveLocalTime('2026-04-05T02:30', 'Australia/Sydney');
    assert.ok(sydney.ok && sydney.ambiguous && sydney.utc === '2026-04-04T15:30:00.000Z');
  });

  it('a zone without DST never reports a gap or an overlap', () => {
    const r = resolveLocalTime('2026-03-08T02:30', 'Asia/Kolkata');
    assert.deepEqual(r, { ok: true, utc: '2026-03-07T21:00:00.000Z' });
  });

  it('an unknown zone is an INVALID_ZONE error on timeZone', () => {
    const r = resolveLocalTime('2026-03-10T10:00', 'Mars/Olympus_Mons');
    assert.ok(!r.ok && r.code === 'INVALID_ZONE' && r.field === 'timeZone');
    assert.match(r.message, /Mars\/Olympus_Mons/);
  });

  for (const bad of ['2026-3-8T10:00', '2026-02-30T10:00', '2026-03-08T24:00', '2026-03-08 10:00', '2026-03-08T10:00Z', '']) {
    it(`"${bad}" is an INVALID_TIME error naming the field`, () => {
      const r = resolveLocalTime(bad, 'America/New_York', { field: 'publishAt', postId: 'p1' });
      assert.ok(!r.ok && r.code === 'INVALID_TIME');
      assert.equal(r.field, 'publishAt');
      assert.match(r.message, /post p1: publishAt/);
    });
  }
});

describe('validateScheduleTime', () => {
  const now = '2026-03-10T12:00:00.000Z';

  it('a time five minutes in the past is refused as IN_PAST naming the post and scheduledAt', () => {
    const r = validateScheduleTime('2026-03-10T11:55:00.000Z', now, { postId: 'post-3' });
    assert.ok(!r.ok);
    assert.equal(r.code, 'IN_PAST');
    assert.equal(r.field, 'scheduledAt');
    assert.equal(r.postId, 'post-3');
    assert.match(r.message, /post post-3: scheduledAt .* 5 minutes in the past/);
  });

  it('a time 30 seconds in the past is within the grace and accepted', () => {
    assert.deepEqual(validateScheduleTime('2026-03-10T11:59:30.000Z', now), { ok: true });
  });

  it('the grace can be tightened', () => {
    assert.equal(validateScheduleTime('2026-03-10T11:59:30.000Z', now, { graceSeconds: 10 }).ok, false);
  });

  it('a time with an offset is compared as an instant', () => {
    assert.deepEqual(validateScheduleTime('2026-03-10T08:30:00-04:00', now), { ok: true });
  });

  it('a time without an offset is refused, since it would be read in the process zone', () => {
    const r = validateScheduleTime('2026-03-10T13:00:00', now);
    assert.ok(!r.ok && r.code === 'INVALID_INSTANT' && r.field === 'scheduledAt');
  });
});
