import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nextFreeSlot } from './queue.ts';
import type { PostingPlan } from './posting-plan.ts';
import type { CalendarPost } from './slot-filling.ts';

function plan(overrides: Partial<PostingPlan> = {}): PostingPlan {
  return { channelId: 'bluesky', zone: 'America/New_York', slots: [{ days: ['TU', 'TH', 'SA'], time: '10:00' }], ...overrides } as PostingPlan;
}

let nextId = 1;
function post(at: string, overrides: Partial<CalendarPost> = {}): CalendarPost {
  return { id: `post-${nextId++}`, channelId: 'bluesky', at, state: 'scheduled', ...overrides };
}

// Tuesday 10 March 2026, 09:00 EDT. Slots: Tue 10th, Thu 12th, Sat 14th at 14:00Z.
const NOW = '2026-03-10T13:00:00Z';

describe('nextFreeSlot', () => {
  it('the next free slot is the first planned slot after now', () => {
    assert.equal(nextFreeSlot(plan(), [], NOW), '2026-03-10T14:00:00.000Z');
  });

  it('the next free slot skips a filled one', () => {
    const posts = [post('2026-03-10T14:20:00Z'), post('2026-03-12T13:50:00Z')];
    assert.equal(nextFreeSlot(plan(), posts, NOW), '2026-03-14T14:00:00.000Z');
  });

  it('a slot less than the lead time away is skipped', () => {
    assert.equal(nextFreeSlot(plan(), [], '2026-03-10T13:57:00Z'), '2026-03-12T14:00:00.000Z');
    assert.equal(nextFreeSlot(plan(), [], '2026-03-10T13:57:00Z', { leadMinutes: 1 }), '2026-03-10T14:00:00.000Z');
  });

  it('drafts, failed posts and other channels do not hold a slot', () => {
    const posts = [
      post('2026-03-10T14:00:00Z', { state: 'draft' }),
      post('2026-03-10T14:00:00Z', { state: 'failed' }),
      post('2026-03-10T14:00:00Z', { channelId: 'mastodon' }),
    ];
    assert.equal(nextFreeSlot(plan(), posts, NOW), '2026-03-10T14:00:00.000Z');
  });

  it('a post already published just before now still holds the slot it filled', () => {
    const now = '2026-03-10T14:03:00Z';
    const posts = [post('2026-03-10T14:01:00Z', { state: 'published' })];
    assert.equal(nextFreeSlot(plan(), posts, now, { leadMinutes: 0 }), '2026-03-12T14:00:00.000Z');
  });

  it('the queued slot after the spring-forward change is still 10:00 local', () => {
    assert.equal(nextFreeSlot(plan(), [], '2026-03-07T16:00:00Z'), '2026-03-10T14:00:00.000Z');
  });

  it('returns null when no slot is free within the horizon', () => {
    const yearly: PostingPlan = { channelId: 'bluesky', zone: 'UTC', rrule: 'FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25;BYHOUR=9' };
    assert.equal(nextFreeSlot(yearly, [], NOW), null);
    assert.equal(nextFreeSlot(yearly, [], NOW, { horizonDays: 300 }), '2026-12-25T09:00:00.000Z');
  });
});
