import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { INBOX_ORDER_DESCRIPTION, compareInboxItems, sortInbox, type QueuedInboxItem } from './ordering.ts';

function queued(id: string, overrides: Partial<QueuedInboxItem> = {}): QueuedInboxItem {
  return { id, urgent: false, receivedAt: '2026-01-19T14:00:00Z', dueAt: '2026-01-19T14:30:00Z', ...overrides };
}

describe('inbox order', () => {
  it('urgent items jump the queue even when others are due sooner', () => {
    const order = sortInbox([
      queued('question', { dueAt: '2026-01-19T14:05:00Z' }),
      queued('self-harm', { urgent: true, dueAt: '2026-01-19T15:00:00Z' }),
    ]).map((i) => i.id);
    assert.deepEqual(order, ['self-harm', 'question']);
  });

  it('possibly urgent items come after the urgent ones and before the rest', () => {
    const order = sortInbox([
      queued('question', { dueAt: '2026-01-19T14:05:00Z' }),
      queued('maybe', { possiblyUrgent: true, dueAt: '2026-01-19T16:00:00Z' }),
      queued('self-harm', { urgent: true, dueAt: '2026-01-19T15:00:00Z' }),
    ]).map((i) => i.id);
    assert.deepEqual(order, ['self-harm', 'maybe', 'question']);
  });

  it('the rest go by due time, then by arrival, then by id', () => {
    const order = sortInbox([
      queued('late-due', { dueAt: '2026-01-20T14:00:00Z' }),
      queued('b-same', { receivedAt: '2026-01-19T13:00:00Z' }),
      queued('a-same', { receivedAt: '2026-01-19T13:00:00Z' }),
      queued('newer', { receivedAt: '2026-01-19T13:30:00Z' }),
      queued('soonest', { dueAt: '2026-01-19T14:10:00Z' }),
    ]).map((i) => i.id);
    assert.deepEqual(order, ['soonest', 'a-same', 'b-same', 'newer', 'late-due']);
  });

  it('an unreadable due time sorts last instead of throwing', () => {
    const order = [queued('broken', { dueAt: 'soon' }), queued('fine')].sort(compareInboxItems).map((i) => i.id);
    assert.deepEqual(order, ['fine', 'broken']);
  });

  it('describes itself for the UI', () => {
    assert.match(INBOX_ORDER_DESCRIPTION, /^Urgent items .* first; then possibly urgent ones; then by first-response due time/);
  });
});
