import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { officeHours } from './business-hours.ts';
import { InboxError } from './inbox-error.ts';
import { dueAt, slaState, validateSlaPolicy, type SlaPolicy, type SlaTrackedItem } from './sla.ts';

function policy(overrides: Partial<SlaPolicy> = {}): SlaPolicy {
  return { firstResponseMinutes: 30, businessHours: officeHours('America/New_York'), ...overrides };
}

function item(overrides: Partial<SlaTrackedItem> = {}): SlaTrackedItem {
  // Friday 2026-01-16 16:45 EST.
  return { receivedAt: '2026-01-16T21:45:00Z', urgent: false, ...overrides };
}

describe('dueAt', () => {
  it('a message at 16:45 Friday with a 30-minute target is due Monday 09:15', () => {
    assert.equal(dueAt(item(), policy()), '2026-01-19T14:15:00.000Z');
  });

  it('an urgent message is due 15 wall-clock minutes later, nights and weekends included', () => {
    assert.equal(dueAt(item({ urgent: true }), policy()), '2026-01-16T22:00:00.000Z');
    // Saturday 03:00 EST.
    assert.equal(dueAt(item({ urgent: true, receivedAt: '2026-01-17T08:00:00Z' }), policy()), '2026-01-17T08:15:00.000Z');
  });

  it('the urgent target can be set per workspace', () => {
    assert.equal(dueAt(item({ urgent: true }), policy({ urgentFirstResponseMinutes: 5 })), '2026-01-16T21:50:00.000Z');
  });

  it('a possibly urgent message gets a first look within 60 wall-clock minutes, Friday night too; the target can be set', () => {
    assert.equal(dueAt(item({ possiblyUrgent: true }), policy()), '2026-01-16T22:45:00.000Z');
    assert.equal(dueAt(item({ possiblyUrgent: true, receivedAt: '2026-01-18T07:00:00Z' }), policy({ possiblyUrgentFirstResponseMinutes: 20 })), '2026-01-18T07:20:00.000Z');
    // Urgent wins over possibly urgent.
    assert.equal(dueAt(item({ urgent: true, possiblyUrgent: true }), policy()), '2026-01-16T22:00:00.000Z');
  });

  it('an invalid policy is refused, naming the field', () => {
    assert.deepEqual(
      validateSlaPolicy(policy({ firstResponseMinutes: 0, urgentFirstResponseMinutes: Number.NaN, possiblyUrgentFirstResponseMinutes: -1, businessHours: officeHours('Nowhere/Land') })).map(
        (i) => i.field,
      ),
      ['firstResponseMinutes', 'urgentFirstResponseMinutes', 'possiblyUrgentFirstResponseMinutes', 'businessHours.zone'],
    );
    assert.throws(
      () => dueAt(item(), policy({ firstResponseMinutes: -5 })),
      (e: unknown) => e instanceof InboxError && e.code === 'INVALID_POLICY' && e.field === 'firstResponseMinutes',
    );
  });
});

describe('slaState', () => {
  it('is measured on the business clock: 15 of 30 business minutes left on Monday morning is ok', () => {
    // Almost all of the wall-clock time since Friday has passed, but half the target is left.
    assert.equal(slaState(item(), '2026-01-19T14:00:00Z', policy()), 'ok');
    assert.equal(slaState(item(), '2026-01-17T12:00:00Z', policy()), 'ok');
  });

  it('is due soon when less than 20% of the target is left', () => {
    assert.equal(slaState(item(), '2026-01-19T14:09:00Z', policy()), 'ok'); // 6 of 30 left: exactly 20%
    assert.equal(slaState(item(), '2026-01-19T14:10:00Z', policy()), 'due_soon');
    assert.equal(slaState(item(), '2026-01-19T14:15:00Z', policy()), 'due_soon');
  });

  it('an unanswered item past its due time is breached', () => {
    assert.equal(slaState(item(), '2026-01-19T14:16:00Z', policy()), 'breached');
  });

  it('an item answered in time stays ok; one answered late stays breached', () => {
    assert.equal(slaState(item({ firstResponseAt: '2026-01-19T14:14:00Z' }), '2026-01-20T10:00:00Z', policy()), 'ok');
    assert.equal(slaState(item({ firstResponseAt: '2026-01-19T14:20:00Z' }), '2026-01-20T10:00:00Z', policy()), 'breached');
  });

  it('an urgent item is due soon in its last 3 of 15 wall-clock minutes', () => {
    const urgent = item({ urgent: true, receivedAt: '2026-01-17T08:00:00Z' });
    assert.equal(slaState(urgent, '2026-01-17T08:11:00Z', policy()), 'ok');
    assert.equal(slaState(urgent, '2026-01-17T08:12:30Z', policy()), 'due_soon');
    assert.equal(slaState(urgent, '2026-01-17T08:15:01Z', policy()), 'breached');
  });

  it('a possibly urgent item is due soon in its last 12 of 60 wall-clock minutes, on a Saturday', () => {
    const lane = item({ possiblyUrgent: true, receivedAt: '2026-01-17T08:00:00Z' });
    assert.equal(slaState(lane, '2026-01-17T08:47:00Z', policy()), 'ok');
    assert.equal(slaState(lane, '2026-01-17T08:49:00Z', policy()), 'due_soon');
    assert.equal(slaState(lane, '2026-01-17T09:00:01Z', policy()), 'breached');
  });

  it('the due time stored on the item wins over the current policy', () => {
    const stored = item({ dueAt: '2026-01-19T15:00:00Z' });
    assert.equal(slaState(stored, '2026-01-19T14:30:00Z', policy()), 'ok');
    assert.equal(slaState(stored, '2026-01-19T15:00:01Z', policy()), 'breached');
  });
});
