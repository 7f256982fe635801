import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildCalendar } from './calendar.ts';
import { CalendarError } from './calendar-error.ts';
import type { WeeklyPostingPlan } from './posting-plan.ts';
import type { CalendarPost } from './slot-filling.ts';

const ZONE = 'America/New_York';

function plan(overrides: Partial<WeeklyPostingPlan> = {}): WeeklyPostingPlan {
  return { channelId: 'bluesky', zone: ZONE, slots: [{ days: ['TU', 'TH', 'SA'], time: '10:00' }], ...overrides };
}

let nextId = 1;
function post(at: string, overrides: Partial<CalendarPost> = {}): CalendarPost {
  return { id: `post-${nextId++}`, channelId: 'bluesky', at, state: 'scheduled', ...overrides };
}

// Week of Monday 9 March 2026, the first week of EDT (UTC-4): 10:00 local is 14:00Z.
const WEEK = { from: '2026-03-09T04:00:00Z', to: '2026-03-16T04:00:00Z', zone: ZONE };

function slotsOf(days: ReturnType<typeof buildCalendar>): Array<{ at: string; filledBy?: string }> {
  return days.flatMap((d) => d.slots);
}

describe('buildCalendar', () => {
  it('a week view has seven local days with the empty planned slots on their days', () => {
    const days = buildCalendar({ ...WEEK, plans: [plan()], posts: [] });
    assert.deepEqual(days.map((d) => d.date), ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15']);
    assert.deepEqual(
      days.filter((d) => d.slots.length > 0).map((d) => [d.date, d.slots.map((s) => s.at)]),
      [
        ['2026-03-10', ['2026-03-10T14:00:00.000Z']],
        ['2026-03-12', ['2026-03-12T14:00:00.000Z']],
        ['2026-03-14', ['2026-03-14T14:00:00.000Z']],
      ],
    );
    assert.ok(slotsOf(days).every((s) => s.filledBy === undefined));
  });

  it('the week of the spring-forward change still has seven days', () => {
    const days = buildCalendar({ from: '2026-03-02T05:00:00Z', to: '2026-03-09T04:00:00Z', zone: ZONE, plans: [plan()], posts: [] });
    assert.equal(days.length, 7);
    assert.equal(days[6]?.date, '2026-03-08');
  });

  it('a post at 10:20 fills the 10:00 slot', () => {
    const p = post('2026-03-10T14:20:00Z');
    const days = buildCalendar({ ...WEEK, plans: [plan()], posts: [p] });
    const tuesday = days.find((d) => d.date === '2026-03-10');
    assert.deepEqual(tuesday?.slots, [{ channelId: 'bluesky', at: '2026-03-10T14:00:00.000Z', filledBy: p.id }]);
    assert.deepEqual(tuesday?.posts, [p]);
  });

  it('a post two hours off the slot does not fill it, but a wider tolerance lets it', () => {
    const p = post('2026-03-10T16:00:00Z');
    assert.equal(slotsOf(buildCalendar({ ...WEEK, plans: [plan()], posts: [p] }))[0]?.filledBy, undefined);
    assert.equal(slotsOf(buildCalendar({ ...WEEK, plans: [plan()], posts: [p], slotToleranceMinutes: 180 }))[0]?.filledBy, p.id);
  });

  it('each post fills the nearest free slot: two posts near two slots pair up by distance', () => {
    const twoSlots = plan({ slots: [{ days: ['TU'], time: '10:00' }, { days: ['TU'], time: '11:00' }] });
    const late = post('2026-03-10T14:40:00Z'); // 10:40, nearer 11:00
    const early = post('2026-03-10T14:05:00Z'); // 10:05, nearer 10:00
    const slots = slotsOf(buildCalendar({ ...WEEK, plans: [twoSlots], posts: [late, early] }));
    assert.deepEqual(slots.map((s) => [s.at.slice(11, 16), s.filledBy]), [['14:00', early.id], ['15:00', late.id]]);
  });

  it('a second post near a filled slot does not fill it twice', () => {
    const first = post('2026-03-10T14:00:00Z');
    const second = post('2026-03-10T14:10:00Z');
    const days = buildCalendar({ ...WEEK, plans: [plan()], posts: [second, first] });
    assert.equal(slotsOf(days)[0]?.filledBy, first.id);
    assert.equal(days.find((d) => d.date === '2026-03-10')?.posts.length, 2);
  });

  it('drafts, failed posts and posts on another channel leave the slot empty', () => {
    const posts = [
      post('2026-03-10T14:00:00Z', { state: 'draft' }),
      post('2026-03-12T14:00:00Z', { state: 'failed' }),
      post('2026-03-14T14:00:00Z', { channelId: 'mastodon' }),
    ];
    const days = buildCalendar({ ...WEEK, plans: [plan()], posts });
    assert.ok(slotsOf(days).every((s) => s.filledBy === undefined));
    assert.equal(days.flatMap((d) => d.posts).length, 3);
  });

  it('slots of several channels sit side by side on the same day', () => {
    const days = buildCalendar({ ...WEEK, plans: [plan(), plan({ channelId: 'mastodon', slots: [{ days: ['TU'], time: '10:00' }] })], posts: [] });
    const tuesday = days.find((d) => d.date === '2026-03-10');
    assert.deepEqual(tuesday?.slots.map((s) => s.channelId), ['bluesky', 'mastodon']);
  });

  it('a post late in the evening in New York is on that local day, not the UTC day', () => {
    const p = post('2026-03-11T03:30:00Z', { state: 'draft' }); // 23:30 on the 10th, EDT
    const days = buildCalendar({ ...WEEK, plans: [plan()], posts: [p] });
    assert.deepEqual(days.find((d) => d.date === '2026-03-10')?.posts, [p]);
  });

  it('a slot at the start of the range can be filled by a post just before it', () => {
    const p = post('2026-03-10T13:30:00Z'); // 09:30, before the range below
    const days = buildCalendar({ from: '2026-03-10T14:00:00Z', to: '2026-03-11T04:00:00Z', zone: ZONE, plans: [plan()], posts: [p] });
    assert.equal(slotsOf(days)[0]?.filledBy, p.id);
    assert.deepEqual(days[0]?.posts, []);
  });

  it('a post whose time has no offset is refused, naming the post and field', () => {
    assert.throws(
      () => buildCalendar({ ...WEEK, plans: [plan()], posts: [post('2026-03-10T10:00', { id: 'post-bad' })] }),
      (err: unknown) =>
        err instanceof CalendarError && err.code === 'INVALID_INSTANT' && err.postId === 'post-bad' && err.field === 'at' && /post post-bad: at/.test(err.message),
    );
  });

  it('an unknown workspace zone and an empty range are refused', () => {
    assert.throws(() => buildCalendar({ ...WEEK, zone: 'Nowhere/City', plans: [], posts: [] }), /not an IANA zone/);
    assert.throws(() => buildCalendar({ ...WEEK, to: WEEK.from, plans: [], posts: [] }), /range is empty/);
  });
});
