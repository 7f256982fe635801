import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { officeHours } from './business-hours.ts';
import { InboxError } from './inbox-error.ts';
import {
  RESPONSE_METRIC_DEFINITIONS,
  RESPONSE_METRIC_GLOSSARY,
  percentile,
  responseMetrics,
  type ResponseConversation,
  type ResponseMetricsInput,
} from './response-metrics.ts';

const NOW = '2026-01-23T17:00:00Z'; // Friday 12:00 EST

function conversation(id: string, overrides: Partial<ResponseConversation> = {}): ResponseConversation {
  // Monday 2026-01-19 10:00 EST, due 10:30.
  return {
    id,
    channelId: 'bluesky',
    receivedAt: '2026-01-19T15:00:00Z',
    dueAt: '2026-01-19T15:30:00Z',
    needsResponse: true,
    ...overrides,
  };
}

function answered(id: string, minutesAfter: number, overrides: Partial<ResponseConversation> = {}): ResponseConversation {
  const at = new Date(Date.parse('2026-01-19T15:00:00Z') + minutesAfter * 60_000).toISOString();
  return conversation(id, { firstResponseAt: at, firstResponseBy: 'ana', resolution: 'replied', ...overrides });
}

function metrics(conversations: ResponseConversation[], overrides: Partial<ResponseMetricsInput> = {}) {
  return responseMetrics({
    conversations,
    period: { from: '2026-01-12T00:00:00Z', to: '2026-01-26T00:00:00Z' },
    now: NOW,
    businessHours: officeHours('America/New_York'),
    ...overrides,
  });
}

describe('responseMetrics', () => {
  it('an open item past due counts as breached', () => {
    const m = metrics([conversation('waiting')]);
    assert.equal(m.open, 1);
    assert.equal(m.breached, 1);
    assert.equal(m.breachedOpen, 1);
    assert.equal(m.responded, 0);
    assert.equal(m.respondedRate, 0);
  });

  it('an open item not yet due is open but not breached', () => {
    const m = metrics([conversation('fresh', { receivedAt: '2026-01-23T16:50:00Z', dueAt: '2026-01-23T17:20:00Z' })]);
    assert.equal(m.open, 1);
    assert.equal(m.breached, 0);
  });

  it('moved offline is counted apart from replied', () => {
    const m = metrics([answered('public-reply', 10), answered('dm-instead', 12, { resolution: 'moved_offline' })]);
    assert.equal(m.responded, 2);
    assert.equal(m.replied, 1);
    assert.equal(m.movedOffline, 1);
  });

  it("the response rate's denominator is everything that needed a response, open and closed ones included", () => {
    const m = metrics([
      answered('a', 10),
      answered('b', 20),
      conversation('still-open'),
      conversation('closed-unanswered', { resolution: 'closed' }),
      conversation('spam', { needsResponse: false, resolution: 'hidden' }),
    ]);
    assert.equal(m.total, 5);
    assert.equal(m.needingResponse, 4);
    assert.equal(m.responded, 2);
    assert.equal(m.respondedRate, 0.5);
    assert.equal(m.open, 1);
    // Both unanswered ones are past due; the spam needed nothing and breaches nothing.
    assert.equal(m.breached, 2);
    assert.equal(m.breachedOpen, 1);
  });

  it('a conversation answered after its due time is breached even though it is resolved', () => {
    const m = metrics([answered('late', 45), answered('on-time', 30)]);
    assert.equal(m.breached, 1);
    assert.equal(m.breachedOpen, 0);
  });

  it('first-response time is given in business minutes and in wall-clock minutes', () => {
    const m = metrics([
      // Friday 16:45 EST, answered Monday 09:15: 30 business minutes, 3870 wall-clock minutes.
      conversation('over-weekend', {
        receivedAt: '2026-01-16T21:45:00Z',
        dueAt: '2026-01-19T14:15:00Z',
        firstResponseAt: '2026-01-19T14:15:00Z',
        firstResponseBy: 'ana',
      }),
      answered('quick', 10),
    ]);
    assert.deepEqual(m.firstResponseMinutes.business, { median: 20, p90: 28 });
    assert.deepEqual(m.firstResponseMinutes.wallClock, { median: 1940, p90: 10 + 0.9 * 3860 });
  });

  it('response times are empty, not zero, when nothing was answered', () => {
    const m = metrics([conversation('waiting')]);
    assert.deepEqual(m.firstResponseMinutes.business, { median: null, p90: null });
    assert.equal(metrics([]).respondedRate, null);
  });

  it('per person: the first responder gets the conversation, else its assignee, else unassigned (listed last)', () => {
    const m = metrics([
      answered('a', 10, { firstResponseBy: 'ben', assigneeId: 'ana' }),
      answered('b', 40, { firstResponseBy: 'ana' }),
      conversation('c', { assigneeId: 'ana' }),
      conversation('d'),
    ]);
    assert.deepEqual(
      m.perPerson.map((p) => [p.personId, p.needingResponse, p.responded, p.breached]),
      [
        ['ana', 2, 1, 2],
        ['ben', 1, 1, 0],
        [null, 1, 0, 1],
      ],
    );
  });

  it('per channel', () => {
    const m = metrics([answered('a', 10), answered('b', 20, { channelId: 'mastodon' }), conversation('c', { channelId: 'mastodon' })]);
    assert.deepEqual(
      m.perChannel.map((c) => [c.channelId, c.total, c.respondedRate]),
      [
        ['bluesky', 1, 1],
        ['mastodon', 2, 0.5],
      ],
    );
  });

  it('counts conversations received in the period only, and no response stamped after now', () => {
    const m = metrics([
      conversation('before', { receivedAt: '2026-01-05T15:00:00Z' }),
      conversation('after', { receivedAt: '2026-01-26T00:00:00Z' }),
      answered('future-reply', 60 * 24 * 10),
    ]);
    assert.equal(m.total, 1);
    assert.equal(m.responded, 0);
    assert.equal(m.open, 0); // resolved as replied, so not in the queue
    assert.equal(m.breached, 1);
  });

  it('an unreadable time names the conversation and the field', () => {
    assert.throws(
      () => metrics([conversation('x1', { dueAt: 'tomorrow' })]),
      (e: unknown) => e instanceof InboxError && e.code === 'INVALID_INSTANT' && e.field === 'dueAt' && e.conversationId === 'x1',
    );
    assert.throws(
      () => metrics([], { period: { from: '2026-01-26T00:00:00Z', to: '2026-01-12T00:00:00Z' } }),
      (e: unknown) => e instanceof InboxError && e.code === 'INVALID_PERIOD',
    );
  });

  it('every figure is defined for docs and the UI', () => {
    for (const name of Object.keys(RESPONSE_METRIC_GLOSSARY)) {
      assert.match(RESPONSE_METRIC_DEFINITIONS, new RegExp(`^- ${name}: `, 'm'));
    }
    assert.match(RESPONSE_METRIC_DEFINITIONS, /not only resolved ones/);
  });
});

describe('percentile', () => {
  it('interpolates linearly between ranks', () => {
    assert.equal(percentile([5], 0.9), 5);
    assert.equal(percentile([1, 2, 3, 4], 0.5), 2.5);
    assert.equal(percentile([10, 1, 5], 0.5), 5);
    assert.equal(percentile([0, 10], 0.9), 9);
    assert.equal(percentile([], 0.5), null);
  });
});
