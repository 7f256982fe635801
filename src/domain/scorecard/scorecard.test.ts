import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { buildHistory, emptyWorkspace, NOW, PRIMARY, seeded, ZONE } from './constructed-histories.ts';
import { RULES, type RuleName, type RuleScore } from './rules/rule-score.ts';
import { scorecard } from './scorecard.ts';
import type { ScorecardInput } from './types.ts';

function rule(input: ScorecardInput, name: RuleName, now = NOW): RuleScore {
  const found = scorecard(input, now).rules.find((r) => r.rule === name);
  assert.ok(found, `rule ${name} missing`);
  return found;
}

describe('scorecard on a healthy two-year history', () => {
  const card = scorecard(buildHistory({ weeks: 104 }), NOW);

  it('scores all seven rules, in order, each with figures, an explanation and a next action', () => {
    assert.deepEqual(card.rules.map((r) => r.rule), [...RULES]);
    for (const r of card.rules) {
      assert.equal(r.status, 'ok', `${r.rule}: ${r.missing ?? ''}`);
      assert.ok(r.score !== null && r.score >= 0 && r.score <= 100);
      assert.ok(Object.keys(r.figures).length > 0);
      assert.ok(r.explanation.length > 0 && r.nextAction.length > 0);
    }
    assert.ok(card.overall !== undefined && card.overall >= 85, String(card.overall));
  });

  it('on plan, within the value target and answering on time scores full marks on those rules', () => {
    const by = Object.fromEntries(card.rules.map((r) => [r.rule, r]));
    assert.equal(by.consistency?.score, 100);
    assert.equal(by.value?.score, 100);
    assert.equal(by.acknowledgment?.score, 100);
    assert.equal(by.focus?.score, 100);
    assert.equal(by.consistency?.figures.streakWeeks, 104);
  });
});

describe('Value', () => {
  it('an account posting 90% promotion scores low on Value and is told how many other posts it needs', () => {
    const input = buildHistory({ weeks: 20, typeOf: (i) => (i % 10 === 0 ? 'educational' : 'promotional') });
    const value = rule(input, 'value');
    assert.equal(value.score, 0);
    assert.equal(value.figures.promotionalShare, 0.889); // 8 of the 9 posts in the last 30 days
    assert.match(value.explanation, /8 of 9 posts in the last 30 days were promotional \(89%\), over the target of 20%/);
    assert.match(value.nextAction, /Make the next 31 posts non-promotional/);
  });

  it('falls linearly from 100 at the target to 0 at three times the target', () => {
    // Every third post promotional: 3 of the 9 posts of the last 30 days (33%) → 100 × (0.6 − 0.333) / 0.4 = 67.
    const input = buildHistory({ weeks: 20, typeOf: (i) => (i % 3 === 0 ? 'promotional' : 'educational') });
    const value = rule(input, 'value');
    assert.equal(value.figures.promotional, 3);
    assert.equal(value.score, 67);
  });

  it('a stricter workspace target lowers the same mix', () => {
    const input = buildHistory({ weeks: 20, overrides: { valueTarget: { promotionalShare: 0.05 } } });
    assert.ok((rule(input, 'value').score ?? 100) < 50);
  });
});

describe('not enough data', () => {
  it('a workspace with no data says, for every rule, that there is not enough data and what is missing', () => {
    const card = scorecard(emptyWorkspace(), NOW);
    assert.equal(card.overall, undefined);
    const missing = Object.fromEntries(card.rules.map((r) => [r.rule, r.missing]));
    for (const r of card.rules) {
      assert.equal(r.status, 'not_enough_data', r.rule);
      assert.equal(r.score, null);
      assert.ok((r.missing ?? '').length > 0);
      assert.match(r.explanation, /^Not enough data yet: /);
    }
    assert.match(missing.listen ?? '', /listening query/);
    assert.match(missing.quality ?? '', /0 so far/);
    assert.match(missing.focus ?? '', /content pillars/);
    assert.match(missing.consistency ?? '', /posting plan for Bluesky @mercy.health/);
    assert.match(missing.value ?? '', /at least 5 posts in the last 30 days/);
    assert.match(missing.acknowledgment ?? '', /conversations needing a response/);
    assert.match(missing.patience ?? '', /12 complete weeks of engaged-audience history \(0 so far/);
  });

  it('one week of data: Patience is not enough data, naming the weeks so far', () => {
    const patience = rule(buildHistory({ weeks: 1 }), 'patience');
    assert.equal(patience.status, 'not_enough_data');
    assert.match(patience.missing ?? '', /1 so far; enough after /);
  });

  it('eleven weeks is still not enough for Patience; twelve is', () => {
    assert.equal(rule(buildHistory({ weeks: 11 }), 'patience').status, 'not_enough_data');
    assert.equal(rule(buildHistory({ weeks: 12 }), 'patience').status, 'ok');
  });
});

describe('Consistency', () => {
  it('a channel silent for a month scores low and says "no post for N days" with the empty slots', () => {
    const consistency = rule(buildHistory({ weeks: 20, silentDays: 30 }), 'consistency');
    assert.equal(consistency.status, 'ok');
    assert.equal(consistency.score, 0);
    assert.equal(consistency.figures.daysSinceLastPost, 30);
    assert.match(consistency.nextAction, /^No post on Bluesky @mercy\.health for 30 days: 4 planned slots in the next 14 days are empty — schedule posts for Tue 24 Mar 10:00/);
  });

  it('a nine-day silence with the plan allowing six lowers the score but does not zero it', () => {
    const consistency = rule(buildHistory({ weeks: 20, silentDays: 9 }), 'consistency');
    assert.equal(consistency.figures.daysSinceLastPost, 9); // last post Tue 10 Mar, now Thu 19 Mar
    assert.ok(consistency.score !== null && consistency.score > 0 && consistency.score < 100, String(consistency.score));
    assert.match(consistency.nextAction, /No post on Bluesky @mercy\.health for 9 days: 4 planned slots/);
  });
});

describe('a disconnected channel', () => {
  it('still disconnected after a month: the affected rules say what is missing instead of a number', () => {
    const input = buildHistory({ weeks: 52, outageFromDaysAgo: 30 });
    const card = scorecard(input, NOW);
    const by = Object.fromEntries(card.rules.map((r) => [r.rule, r]));
    for (const name of ['consistency', 'quality', 'acknowledgment'] as const) {
      assert.equal(by[name]?.status, 'not_enough_data', name);
      assert.match(by[name]?.missing ?? '', /Bluesky @mercy\.health disconnected since Tue 17 Feb \(app password revoked\)/);
    }
    assert.match(String(by.quality?.figures.engagedAudience90Days), /^unavailable \(/);
    // The outage weeks are unknown, not zero: the long trend does not read them as a collapse.
    assert.equal(by.patience?.status, 'ok');
    assert.notEqual(by.patience?.figures.audienceTrend, 'decreasing');
  });

  it('reconnected a week ago: slots during the outage are not counted as missed', () => {
    const input = buildHistory({ weeks: 52, outageFromDaysAgo: 40, outageToDaysAgo: 9 });
    const consistency = rule(input, 'consistency');
    assert.equal(consistency.status, 'ok');
    assert.ok((consistency.figures.slotsInOutages as number) > 0);
    assert.equal(consistency.figures.filledShare, 1);
  });
});

describe('posts deleted on the network', () => {
  it('count for cadence and the mix, and their metrics show as unavailable with the reason, not as zero', () => {
    const input = buildHistory({ weeks: 20 });
    const recent = input.posts.slice(-3);
    const posts = input.posts.map((p) => (recent.includes(p) ? { ...p, deletedAt: NOW, metrics: { unavailable: 'deleted on the network' } } : p));
    const card = scorecard({ ...input, posts }, NOW);
    const quality = card.rules.find((r) => r.rule === 'quality');
    assert.equal(quality?.figures.metricsUnavailable, 'unavailable (3 posts: deleted on the network)');
    assert.equal(quality?.figures.postsWithMetrics, (quality?.figures.postsLast90Days as number) - 3);
    assert.equal(card.rules.find((r) => r.rule === 'consistency')?.score, 100);
  });
});

describe('Patience', () => {
  it('a rising engaged audience over 2 years is an increasing trend', () => {
    const random = seeded(11);
    const input = buildHistory({ weeks: 104, audience: (w) => 150 + 2 * w + (random() - 0.5) * 40, aggregateAudience: true });
    const patience = rule(input, 'patience');
    assert.equal(patience.figures.audienceTrend, 'increasing');
    assert.ok(Math.abs((patience.figures.audienceSlopePerWeek as number) - 2) < 0.3);
    assert.match(patience.explanation, /^Engaged audience rising by 2(\.\d)? people a week/);
    assert.equal(rule(input, 'quality').figures.audienceTrend26Weeks, 'increasing');
  });

  it('a steady account with one bad week shows the week as noise', () => {
    const random = seeded(12);
    const input = buildHistory({ weeks: 104, audience: (w) => (w === 103 ? 355 : 400 + (random() - 0.5) * 60), aggregateAudience: true });
    const patience = rule(input, 'patience');
    assert.equal(patience.figures.audienceTrend, 'no trend');
    assert.equal(patience.figures.latestWeekAudience, 355);
    assert.equal(patience.figures.latestWeekIsNoise, 'yes');
    assert.match(patience.explanation, /last week's 355 is within the normal range \d+–\d+, so it is noise, not change/);
    assert.match(patience.nextAction, /^Last week dipped to 355, inside the normal range \d+–\d+: noise, not change/);
  });

  it('a collapse in the last week is outside the normal range and asks what changed', () => {
    const random = seeded(13);
    const input = buildHistory({ weeks: 104, audience: (w) => (w === 103 ? 90 : 400 + (random() - 0.5) * 60), aggregateAudience: true });
    const patience = rule(input, 'patience');
    assert.equal(patience.figures.latestWeekIsNoise, 'no');
    assert.match(patience.nextAction, /^Last week's engaged audience \(90\) fell below the normal range/);
  });

  it('weekly aggregates from storage and raw interactions give the same answer', () => {
    const audience = (w: number): number => 100 + (w % 7) * 3;
    const raw = rule(buildHistory({ weeks: 30, audience }), 'patience');
    const aggregated = rule(buildHistory({ weeks: 30, audience, aggregateAudience: true }), 'patience');
    assert.deepEqual(aggregated.figures, raw.figures);
    assert.equal(aggregated.score, raw.score);
  });
});

describe('Listen', () => {
  const question = { question: 'When are the flu shot hours?', count: 3, terms: ['flu', 'shot', 'hours'], examples: [] };

  it('an unanswered question of the week becomes the next action, with its count and terms', () => {
    const base = buildHistory({ weeks: 20 });
    const input = { ...base, listening: { ...(base.listening as Exclude<ScorecardInput['listening'], { unavailable: string }>), questionsThisWeek: [question] } };
    const listen = rule(input, 'listen');
    assert.equal(listen.nextAction, '3 questions about flu shot hours this week: answer them in a post ("When are the flu shot hours?").');
    assert.equal(listen.figures.answeredShare, 0);
    assert.equal(listen.score, 48); // 100 × (0.5 × 114/120 + 0.5 × 0)
  });

  it('a post this week that answers it counts, and the score rises', () => {
    const base = buildHistory({ weeks: 20 });
    const answer = { id: 'faq', channelId: PRIMARY, publishedAt: '2026-03-18T15:00:00Z', text: 'Flu shot hours this week: Mon–Fri 8am to 6pm at every clinic.' };
    const input = {
      ...base,
      posts: [...base.posts, answer],
      listening: { ...(base.listening as Exclude<ScorecardInput['listening'], { unavailable: string }>), questionsThisWeek: [question] },
    };
    const listen = rule(input, 'listen');
    assert.equal(listen.figures.answeredShare, 1);
    assert.equal(listen.score, 98);
  });

  it('the week\'s questions are counted over every mention asking one; the answered share is over the top questions', () => {
    const base = buildHistory({ weeks: 20 });
    const listening = base.listening as Exclude<ScorecardInput['listening'], { unavailable: string }>;
    const listen = rule({ ...base, listening: { ...listening, questionsThisWeek: [question], questionMentionsThisWeek: 1200 } }, 'listen');
    assert.equal(listen.figures.questionsThisWeek, 1200);
    assert.equal(listen.figures.questionsInTopQuestions, 3);
    assert.equal(listen.figures.answeredShare, 0);
    assert.match(listen.explanation, /1200 questions asked this week: 0 of the 3 asking its top questions were answered in a post/);
    // Without storage's count, the questions grouped are all there is.
    const grouped = rule({ ...base, listening: { ...listening, questionsThisWeek: [question] } }, 'listen');
    assert.equal(grouped.figures.questionsThisWeek, 3);
    assert.equal(grouped.figures.questionsInTopQuestions, undefined);
  });

  it('listening that could not be read is unavailable (reason), not zero', () => {
    const listen = rule(buildHistory({ weeks: 20, overrides: { listening: { unavailable: 'search API rate limited' } } }), 'listen');
    assert.equal(listen.status, 'not_enough_data');
    assert.equal(listen.figures.mentionsLast30Days, 'unavailable (search API rate limited)');
  });
});

describe('Acknowledgment', () => {
  it('waiting conversations lower the score and are the next action', () => {
    const base = buildHistory({ weeks: 20 });
    const inbox = base.inbox as Exclude<ScorecardInput['inbox'], { unavailable: string }>;
    const conversations = inbox.conversations.map((c, i) => (i < 3 ? { ...c, firstResponseAt: undefined, resolution: undefined } : c));
    const ack = rule({ ...base, inbox: { ...inbox, conversations } }, 'acknowledgment');
    assert.equal(ack.figures.open, 3);
    assert.ok((ack.score ?? 100) < 80);
    assert.match(ack.nextAction, /^3 conversations waiting for a response, 3 past due: answer the overdue ones first/);
  });

  it('a slow median first response against the target lowers the score', () => {
    const base = buildHistory({ weeks: 20 });
    const inbox = base.inbox as Exclude<ScorecardInput['inbox'], { unavailable: string }>;
    const slow = rule({ ...base, inbox: { ...inbox, firstResponseMinutes: 10 } }, 'acknowledgment'); // 25 min against 10
    assert.equal(slow.score, 85); // timeliness (40 − 25) / 30 = 0.5 → 70 + 0.3 × 50
    assert.match(slow.nextAction, /^Median first response is 25 min against a 10 min target/);
  });
});

describe('Focus', () => {
  it('posts on no pillar lower Focus and are named in the next action', () => {
    const base = buildHistory({ weeks: 20 });
    const posts = base.posts.map((p, i) => (i % 2 === 0 ? { ...p, text: 'Our cafeteria has a new soup of the day.' } : p));
    const focus = rule({ ...base, posts }, 'focus');
    assert.ok((focus.score ?? 100) < 60, String(focus.score));
    assert.ok((focus.figures.offPillarPosts as number) >= 4);
  });
});

describe('time zones and clocks', () => {
  it('the same history gives the same scorecard whatever the process time zone', () => {
    const input = buildHistory({ weeks: 30 });
    const original = process.env.TZ;
    try {
      const results = ['UTC', 'Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Chatham'].map((tz) => {
        process.env.TZ = tz;
        return JSON.stringify(scorecard(input, NOW));
      });
      for (const r of results) assert.equal(r, results[0]);
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });

  it('a week with a clock change is still one week: every Tue/Thu slot filled across the DST weeks', () => {
    // Now is 11 days after clocks went forward in New York; also check the week clocks went back.
    const november = DateTime.fromISO('2025-11-06T12:00:00', { zone: ZONE }).toUTC().toISO() ?? '';
    for (const now of [NOW, november]) {
      const consistency = rule(buildHistory({ weeks: 20, now }), 'consistency', now);
      assert.equal(consistency.figures.plannedSlots, 16, now);
      assert.equal(consistency.figures.filledShare, 1, now);
    }
  });
});

describe('bad input', () => {
  it('an unknown zone and a malformed instant are refused with a code naming the field', () => {
    assert.throws(() => scorecard({ ...emptyWorkspace(), zone: 'Mars/Olympus' }, NOW), { code: 'INVALID_ZONE', field: 'zone' });
    const input = buildHistory({ weeks: 2 });
    const posts = [...input.posts, { id: 'bad', channelId: PRIMARY, publishedAt: '2026-03-01 10:00', text: 'x' }];
    assert.throws(() => scorecard({ ...input, posts }, NOW), { code: 'INVALID_INSTANT', itemId: 'bad' });
  });
});
