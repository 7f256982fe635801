import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detectGaps } from './gaps.ts';
import { plannedSlots, type WeeklyPostingPlan } from './posting-plan.ts';
import type { CalendarPost } from './slot-filling.ts';

const ZONE = 'America/New_York';

function plan(overrides: Partial<WeeklyPostingPlan> = {}): WeeklyPostingPlan {
  return { channelId: 'bluesky', zone: ZONE, slots: [{ days: ['TU', 'TH'], time: '10:00' }], ...overrides };
}

let nextId = 1;
function post(at: string, overrides: Partial<CalendarPost> = {}): CalendarPost {
  return { id: `post-${nextId++}`, channelId: 'bluesky', at, state: 'published', ...overrides };
}

// Thursday 19 March 2026, 12:00 EDT; the current week began Monday 16 March.
const NOW = '2026-03-19T16:00:00Z';

/** Published posts at 10:05 local on each given date (EST before 8 March, EDT after). */
function publishedOn(...dates: string[]): CalendarPost[] {
  return dates.map((d) => post(`${d}T10:05:00${d < '2026-03-08' ? '-05:00' : '-04:00'}`));
}

describe('detectGaps', () => {
  it('with nothing published, days since last post is null and every past slot is missed', () => {
    const gaps = detectGaps({ plan: plan(), posts: [], now: NOW, zone: ZONE });
    assert.equal(gaps.daysSinceLastPost, null);
    assert.equal(gaps.lastPostAt, undefined);
    assert.equal(gaps.streakWeeks, 0);
    // 30 days back is 17 Feb 12:00 local; its 10:00 slot is just outside.
    assert.equal(gaps.missedSlots[0], '2026-02-19T15:00:00.000Z');
    assert.equal(gaps.missedSlots.at(-1), '2026-03-19T14:00:00.000Z');
    assert.equal(gaps.missedSlots.length, 9);
  });

  it('days since last post counts local days: 23:30 yesterday in New York is 1 day ago', () => {
    const posts = [post('2026-03-17T03:30:00Z')]; // 16 March 23:30 EDT
    const gaps = detectGaps({ plan: plan(), posts, now: '2026-03-17T13:00:00Z', zone: ZONE });
    assert.equal(gaps.daysSinceLastPost, 1);
    assert.equal(gaps.lastPostAt, '2026-03-17T03:30:00.000Z');
  });

  it('a post scheduled for later does not count as the last post', () => {
    const posts = [post('2026-03-12T14:00:00Z'), post('2026-03-24T14:00:00Z', { state: 'scheduled' })];
    assert.equal(detectGaps({ plan: plan(), posts, now: NOW, zone: ZONE }).daysSinceLastPost, 7);
  });

  it('lists upcoming planned slots with nothing scheduled in the next 14 days', () => {
    const posts = [
      post('2026-03-24T14:00:00Z', { state: 'scheduled' }),
      post('2026-03-26T14:00:00Z', { state: 'draft' }),
    ];
    const gaps = detectGaps({ plan: plan(), posts, now: NOW, zone: ZONE });
    assert.deepEqual(gaps.emptyPlannedSlots, ['2026-03-26T14:00:00.000Z', '2026-03-31T14:00:00.000Z', '2026-04-02T14:00:00.000Z']);
  });

  it('a past slot whose post failed or never went out is missed; one still within its tolerance is not yet', () => {
    const posts = [...publishedOn('2026-03-10', '2026-03-12'), post('2026-03-17T14:00:00Z', { state: 'failed' })];
    const gaps = detectGaps({ plan: plan(), posts, now: '2026-03-19T15:00:00Z', zone: ZONE });
    assert.ok(gaps.missedSlots.includes('2026-03-17T14:00:00.000Z'));
    assert.ok(!gaps.missedSlots.includes('2026-03-19T14:00:00.000Z'), 'the 10:00 slot an hour ago may still be filled');
    assert.ok(!gaps.missedSlots.includes('2026-03-10T14:00:00.000Z'));
  });

  it('the streak counts complete weeks with every slot published, back to the first week with a miss', () => {
    const posts = publishedOn('2026-02-19', '2026-02-24', '2026-02-26', '2026-03-03', '2026-03-05', '2026-03-10', '2026-03-12');
    // Week of 16 Feb misses Tuesday the 17th; the current week (Tuesday 17 March missed) is not complete.
    const gaps = detectGaps({ plan: plan(), posts, now: NOW, zone: ZONE });
    assert.equal(gaps.streakWeeks, 3);
    assert.deepEqual(gaps.missedSlots, ['2026-03-17T14:00:00.000Z', '2026-03-19T14:00:00.000Z']);
    assert.equal(gaps.daysSinceLastPost, 7);
  });

  it('a scheduled but unpublished post does not keep a week in the streak', () => {
    const posts = [...publishedOn('2026-03-10'), post('2026-03-12T14:00:00Z', { state: 'scheduled' })];
    assert.equal(detectGaps({ plan: plan(), posts, now: NOW, zone: ZONE }).streakWeeks, 0);
  });

  it('posts on other channels are ignored', () => {
    const posts = publishedOn('2026-03-10', '2026-03-12').map((p) => ({ ...p, channelId: 'mastodon' }));
    const gaps = detectGaps({ plan: plan(), posts, now: NOW, zone: ZONE });
    assert.equal(gaps.daysSinceLastPost, null);
    assert.equal(gaps.streakWeeks, 0);
  });

  it('a streak runs back across both clock changes of a year to the one missed slot, and caps at 104 weeks', () => {
    // Monday 00:30 and Sunday 23:30 local: slots an hour from the week's edges, on both sides of each clock change.
    const edges = plan({ slots: [{ days: ['MO'], time: '00:30' }, { days: ['SU'], time: '23:30' }] });
    const now = '2026-03-19T16:00:00Z';
    const slots = plannedSlots(edges, '2024-01-01T00:00:00Z', '2026-03-16T04:00:00Z');
    const posts = slots.map((at) => post(at));
    // The week of Monday 3 Nov 2025 (after the fall-back on the 2nd) misses its Sunday slot: 18 full weeks after it.
    const missing = slots.find((at) => at.startsWith('2025-11-10T04:30'));
    assert.ok(missing, 'Sunday 9 Nov 23:30 EST is 04:30Z');
    assert.equal(detectGaps({ plan: edges, posts: posts.filter((p) => p.at !== missing), now, zone: ZONE }).streakWeeks, 18);
    assert.equal(detectGaps({ plan: edges, posts, now, zone: ZONE }).streakWeeks, 104);
  });

  it('slots the caller expanded already give the same report; an expansion not covering the windows is not used', () => {
    const edges = plan({ slots: [{ days: ['MO'], time: '00:30' }, { days: ['SU'], time: '23:30' }] });
    // Every slot to the end of last week but those of December 2025.
    const posts = plannedSlots(edges, '2024-06-01T00:00:00Z', '2026-03-16T04:00:00Z').filter((at) => !at.startsWith('2025-12')).map((at) => post(at));
    const alone = detectGaps({ plan: edges, posts, now: NOW, zone: ZONE });
    const fromMs = Date.parse('2024-01-01T00:00:00Z');
    const toMs = Date.parse('2026-04-10T00:00:00Z');
    const slots = plannedSlots(edges, '2024-01-01T00:00:00Z', '2026-04-10T00:00:00Z').map((at) => Date.parse(at));
    assert.deepEqual(detectGaps({ plan: edges, posts, now: NOW, zone: ZONE, plannedSlots: { fromMs, toMs, slots } }), alone);
    // Too short (ends before the 14 days ahead): expanded again rather than read as "no slots".
    assert.deepEqual(detectGaps({ plan: edges, posts, now: NOW, zone: ZONE, plannedSlots: { fromMs, toMs: Date.parse(NOW), slots: [] } }), alone);
    assert.ok(alone.streakWeeks === 10 && alone.emptyPlannedSlots.length === 4 && alone.missedSlots.length === 1);
  });

  it('weeks are Monday-start in the workspace zone, not in UTC', () => {
    // Sunday 15 March 21:00 EDT is Monday 01:00Z: it belongs to the week of 9 March locally.
    const sundayPlan = plan({ slots: [{ days: ['SU'], time: '21:00' }] });
    const posts = [post('2026-03-16T01:00:00Z')];
    const gaps = detectGaps({ plan: sundayPlan, posts, now: '2026-03-16T14:00:00Z', zone: ZONE });
    assert.equal(gaps.streakWeeks, 1);
  });
});
