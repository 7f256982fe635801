import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildHistory, NOW } from './constructed-histories.ts';
import { masteryCheck } from './mastery.ts';
import type { ScorecardInput } from './types.ts';

function check(input: ScorecardInput, name: string): { passed: boolean; detail: string } {
  const found = masteryCheck(input, NOW).checks.find((c) => c.name === name);
  assert.ok(found, name);
  return found;
}

describe('masteryCheck (start small)', () => {
  it('a primary channel on plan for months, answering on time with a steady audience, is mastered', () => {
    const m = masteryCheck(buildHistory({ weeks: 30 }), NOW);
    assert.equal(m.mastered, true, JSON.stringify(m.checks));
    assert.deepEqual(m.checks.map((c) => c.name), ['on_plan_8_weeks', 'responses_within_target', 'engaged_audience_not_falling']);
    assert.match(m.message, /You can add a second channel/);
  });

  it('six weeks on plan is not yet eight, and six weeks of audience is too few for a trend', () => {
    const m = masteryCheck(buildHistory({ weeks: 6 }), NOW);
    assert.equal(m.mastered, false);
    assert.equal(m.checks[0]?.detail, '6 complete weeks in a row on plan, 8 needed');
    assert.equal(m.checks[2]?.passed, false);
    assert.match(m.checks[2]?.detail ?? '', /8 weeks of data needed for a trend, 6 so far/);
    assert.match(m.message, /^Keep to Bluesky @mercy\.health for now: /);
  });

  it('a missed slot breaks the streak: only the full weeks after it count', () => {
    // Tuesday 24 February is missed; the complete weeks after it are those of 2 and 9 March.
    const input = buildHistory({ weeks: 30 });
    const posts = input.posts.filter((p) => !p.publishedAt.startsWith('2026-02-24'));
    assert.equal(posts.length, input.posts.length - 1);
    assert.equal(check({ ...input, posts }, 'on_plan_8_weeks').detail, '2 complete weeks in a row on plan, 8 needed');
  });

  it('responses under 90% within target fail the response check, with the numbers', () => {
    const input = buildHistory({ weeks: 30 });
    const inbox = input.inbox as Exclude<ScorecardInput['inbox'], { unavailable: string }>;
    const late = inbox.conversations.map((c, i) => (i < 2 ? { ...c, firstResponseAt: new Date(Date.parse(c.dueAt) + 3_600_000).toISOString() } : c));
    const result = check({ ...input, inbox: { ...inbox, conversations: late } }, 'responses_within_target');
    assert.equal(result.passed, false);
    assert.match(result.detail, /^5 of 7 conversations answered within target in 30 days \(71%, 90% needed\)$/);
  });

  it('a falling engaged audience fails the audience check', () => {
    const result = check(buildHistory({ weeks: 30, audience: (w) => 600 - 10 * w, aggregateAudience: true }), 'engaged_audience_not_falling');
    assert.equal(result.passed, false);
    assert.match(result.detail, /^engaged audience falling by 10 people a week over 26 weeks$/);
  });

  it('without a posting plan the channel cannot be on plan', () => {
    const result = check(buildHistory({ weeks: 30, overrides: { plans: [] } }), 'on_plan_8_weeks');
    assert.deepEqual(result, { name: 'on_plan_8_weeks', passed: false, detail: 'no posting plan for Bluesky @mercy.health yet' });
  });
});
