/** One rule's score with the figures behind it, and the small vocabulary the rule files share. */

export const RULES = ['listen', 'quality', 'focus', 'consistency', 'value', 'acknowledgment', 'patience'] as const;
export type RuleName = (typeof RULES)[number];

export type FigureValue = number | string | null;

export interface RuleScore {
  rule: RuleName;
  /** 0–100, higher is better; null when there is not enough data to score honestly. */
  score: number | null;
  status: 'ok' | 'not_enough_data';
  /** With not_enough_data: what is missing, in words the team can act on. */
  missing?: string;
  /** The numbers behind the score; a figure that could not be fetched reads "unavailable (reason)". */
  figures: Record<string, FigureValue>;
  /** One line: why the score is what it is. */
  explanation: string;
  /** The next concrete thing to do, with numbers and names from the data. */
  nextAction: string;
}

export function scored(rule: RuleName, score: number, figures: Record<string, FigureValue>, explanation: string, nextAction: string): RuleScore {
  return { rule, score: clampScore(score), status: 'ok', figures, explanation, nextAction };
}

export function notEnoughData(rule: RuleName, missing: string, nextAction: string, figures: Record<string, FigureValue> = {}): RuleScore {
  return { rule, score: null, status: 'not_enough_data', missing, figures, explanation: `Not enough data yet: ${missing}.`, nextAction };
}

export function clampScore(score: number): number {
  return Math.round(Math.min(100, Math.max(0, score)));
}

export function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

export function unavailable(reason: string): string {
  return `unavailable (${reason})`;
}

/** A share rounded to 3 decimals, for figures. */
export function share(x: number | null): number | null {
  return x === null ? null : Math.round(x * 1000) / 1000;
}

export function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** "45 min", "3 h 10 min", "2 days 4 h". */
export function duration(minutes: number): string {
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  if (m < 48 * 60) return `${Math.floor(m / 60)} h${m % 60 === 0 ? '' : ` ${m % 60} min`}`;
  const h = Math.round(m / 60);
  return `${Math.floor(h / 24)} days${h % 24 === 0 ? '' : ` ${h % 24} h`}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
