/**
 * The seven-rules scorecard: one 0–100 score per rule with the figures behind it, a one-line
 * explanation and the next concrete action; "not enough data yet" with what is missing instead of
 * a misleading number. Formulas: docs/scorecard.md and the comment at the top of each rule file.
 */
import { WorkspaceHistory } from './history.ts';
import { masteryOf, type Mastery } from './mastery.ts';
import { acknowledgmentScore } from './rules/acknowledgment.ts';
import { consistencyScore } from './rules/consistency.ts';
import { focusScore } from './rules/focus.ts';
import { listenScore } from './rules/listen.ts';
import { patienceScore } from './rules/patience.ts';
import { qualityScore } from './rules/quality.ts';
import type { RuleScore } from './rules/rule-score.ts';
import { valueScore } from './rules/value.ts';
import type { ScorecardInput } from './types.ts';

export interface Scorecard {
  /** In the order Listen, Quality, Focus, Consistency, Value, Acknowledgment, Patience. */
  rules: RuleScore[];
  /** Mean of the rules that have a score, when at least 4 of the 7 do. */
  overall?: number;
}

/** An overall figure from fewer rules would hide the ones that cannot be judged yet. */
export const OVERALL_MIN_RULES = 4;

export function scorecard(input: ScorecardInput, now: string): Scorecard {
  return scorecardOf(new WorkspaceHistory(input, now));
}

/**
 * The scorecard and the primary channel's mastery check (null without a primary channel) over one
 * reading of the history: the plan's cadence and the weekly series are computed once for both.
 */
export function scorecardWithMastery(input: ScorecardInput, now: string): { scorecard: Scorecard; mastery: Mastery | null } {
  const history = new WorkspaceHistory(input, now);
  return { scorecard: scorecardOf(history), mastery: input.primaryChannelId ? masteryOf(history) : null };
}

function scorecardOf(history: WorkspaceHistory): Scorecard {
  const rules = [
    listenScore(history),
    qualityScore(history),
    focusScore(history),
    consistencyScore(history),
    valueScore(history),
    acknowledgmentScore(history),
    patienceScore(history),
  ];
  const scores = rules.flatMap((r) => (r.score === null ? [] : [r.score]));
  return scores.length >= OVERALL_MIN_RULES ? { rules, overall: Math.round(scores.reduce((s, x) => s + x, 0) / scores.length) } : { rules };
}
