/**
 * "Start small": the mastery check for the primary channel. Bedside suggests (and unlocks) a
 * second channel only when all three checks pass; the owner may override, which the caller records
 * in the audit log.
 *   - on plan: the calendar's streak of complete weeks with every planned slot published ≥ 8
 *   - responses: of conversations on the channel in the last 30 days that needed a response and
 *     were answered or are past due, ≥ 90% answered by their due time
 *   - audience: the weekly engaged audience of the last 26 known weeks (≥ 8 of them) is not
 *     decreasing (Mann–Kendall)
 */
import { knownWeeks, WorkspaceHistory } from './history.ts';
import { responseWithinTarget } from './response.ts';
import { planCadence } from './rules/consistency.ts';
import { AUDIENCE_TREND_WEEKS } from './rules/quality.ts';
import { pct, plural, round1 } from './rules/rule-score.ts';
import { DAY_MS } from './time.ts';
import { trend } from './trend.ts';
import { isUnavailable, type ScorecardInput } from './types.ts';

export const MASTERY_STREAK_WEEKS = 8;
export const MASTERY_RESPONSE_RATE = 0.9;

export type MasteryCheckName = 'on_plan_8_weeks' | 'responses_within_target' | 'engaged_audience_not_falling';

export interface MasteryCheck {
  name: MasteryCheckName;
  passed: boolean;
  detail: string;
}

export interface Mastery {
  channelId: string;
  mastered: boolean;
  checks: MasteryCheck[];
  /** What to tell the team: ready for a second channel, or what is left to do. */
  message: string;
}

export function masteryCheck(input: ScorecardInput, now: string): Mastery {
  return masteryOf(new WorkspaceHistory(input, now));
}

/** The mastery check over a history read once (the scorecard may share it). */
export function masteryOf(history: WorkspaceHistory): Mastery {
  const { input } = history;
  const channelId = input.primaryChannelId;
  const name = history.primaryName;
  const checks = [planCheck(history), responseCheck(history), audienceCheck(history)];
  const mastered = checks.every((c) => c.passed);
  const open = checks.filter((c) => !c.passed);
  return {
    channelId,
    mastered,
    checks,
    message: mastered
      ? `${name} is mastered: 8 weeks on plan, responses within target and a steady or growing audience. You can add a second channel.`
      : `Keep to ${name} for now: ${open.map((c) => c.detail).join('; ')}.`,
  };
}

function planCheck(history: WorkspaceHistory): MasteryCheck {
  const { input } = history;
  const plan = input.plans.find((p) => p.channelId === input.primaryChannelId);
  if (plan === undefined) return { name: 'on_plan_8_weeks', passed: false, detail: `no posting plan for ${history.primaryName} yet` };
  // The streak is the calendar's (detectGaps over two years): the Consistency rule's cadence has it.
  const cadence = planCadence(history, plan);
  const passed = cadence.streakWeeks >= MASTERY_STREAK_WEEKS;
  return {
    name: 'on_plan_8_weeks',
    passed,
    detail: passed
      ? `${plural(cadence.streakWeeks, 'complete week')} in a row on plan`
      : `${plural(cadence.streakWeeks, 'complete week')} in a row on plan, ${MASTERY_STREAK_WEEKS} needed`,
  };
}

function responseCheck(history: WorkspaceHistory): MasteryCheck {
  const inbox = history.input.inbox;
  if (isUnavailable(inbox)) return { name: 'responses_within_target', passed: false, detail: `inbox unavailable (${inbox.unavailable})` };
  const r = responseWithinTarget(inbox.conversations, history.nowMs - 30 * DAY_MS, history.nowMs, history.input.primaryChannelId);
  if (r.rate === null) {
    return { name: 'responses_within_target', passed: true, detail: 'no conversation needed a response in the last 30 days' };
  }
  const passed = r.rate >= MASTERY_RESPONSE_RATE;
  return {
    name: 'responses_within_target',
    passed,
    detail: `${r.onTime} of ${plural(r.decided, 'conversation')} answered within target in 30 days (${pct(r.rate)}${passed ? '' : `, ${pct(MASTERY_RESPONSE_RATE)} needed`})`,
  };
}

function audienceCheck(history: WorkspaceHistory): MasteryCheck {
  const series = history.weekly();
  const t = trend(knownWeeks(series, series.audience, AUDIENCE_TREND_WEEKS), 'week');
  if (t.mannKendall === null) return { name: 'engaged_audience_not_falling', passed: false, detail: `engaged audience trend: ${t.notEnoughData ?? 'not enough data'}` };
  const passed = t.mannKendall.trend !== 'decreasing';
  return {
    name: 'engaged_audience_not_falling',
    passed,
    detail: passed
      ? `engaged audience ${t.mannKendall.trend === 'increasing' ? 'rising' : 'steady'} over ${t.points} weeks`
      : `engaged audience falling by ${Math.abs(round1(t.slopePerPeriod ?? 0))} people a week over ${t.points} weeks`,
  };
}
