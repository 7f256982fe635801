/**
 * A channel's posting plan (its cadence) and the planned slot instants it yields.
 *
 * Recurrence is expanded in floating wall-clock time (rrule without `tzid`, dates whose UTC
 * fields are the local fields) and each local time is then converted in the plan's zone.
 * rrule's own `tzid` support converts through the process zone and drifts across DST
 * (jkbrzt/rrule #355, #550, #611), so it is never used.
 */
import rrule from 'rrule';
import type { Options as RRuleOptions, RRule as RRuleInstance } from 'rrule';
import { CalendarError } from './calendar-error.ts';
import { fieldsOfFloating, floatingToUtcMs, instantMs, isValidZone, toIsoUtc, utcToFloatingMs } from './local-time.ts';

const { RRule } = rrule;

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** "Every Tue, Thu and Sat at 10:00", wall-clock time in the plan's zone. */
export interface WeeklySlot {
  days: readonly Weekday[];
  time: string; // 'HH:mm', 24-hour
}

export interface WeeklyPostingPlan {
  channelId: string;
  zone: string;
  slots: readonly WeeklySlot[];
}

/**
 * An RFC 5545 rule for cadences the weekly form cannot say ("first Monday of the month").
 * Either `RRULE:FREQ=…` / `FREQ=…`, optionally preceded by a `DTSTART:` line in local time
 * (no `Z`; a `TZID` must equal the plan's zone). Without DTSTART the rule must give BYHOUR.
 */
export interface RulePostingPlan {
  channelId: string;
  zone: string;
  rrule: string;
}

export type PostingPlan = WeeklyPostingPlan | RulePostingPlan;

export type PlanFindingCode = 'INVALID_CHANNEL' | 'INVALID_ZONE' | 'EMPTY_PLAN' | 'INVALID_SLOT' | 'INVALID_RRULE';

export interface PlanFinding {
  code: PlanFindingCode;
  /** Path of the offending field, e.g. 'slots[1].time' or 'rrule'. */
  field: string;
  message: string;
}

const DAY_MS = 86_400_000;
const MAX_RANGE_MS = 3 * 366 * DAY_MS;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
// Anchor for rules without DTSTART: a Monday, so INTERVAL=2 weeks has a fixed, clock-free phase.
const RULE_ANCHOR = Date.UTC(2000, 0, 3);
const DAY_LABEL: Record<Weekday, string> = { MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun' };
const RULE_KEYS = new Set([
  'FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'WKST', 'BYDAY', 'BYMONTH', 'BYMONTHDAY', 'BYYEARDAY',
  'BYWEEKNO', 'BYSETPOS', 'BYHOUR', 'BYMINUTE', 'BYSECOND',
]);
const ALLOWED_FREQ = new Set(['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY']);

export function isRulePlan(plan: PostingPlan): plan is RulePostingPlan {
  return typeof (plan as RulePostingPlan).rrule === 'string';
}

/** Everything wrong with a plan, each naming its field; an empty list means the plan is usable. */
export function validatePostingPlan(plan: PostingPlan): PlanFinding[] {
  const findings: PlanFinding[] = [];
  if (typeof plan.channelId !== 'string' || plan.channelId.trim() === '') {
    findings.push({ code: 'INVALID_CHANNEL', field: 'channelId', message: 'channelId is required' });
  }
  if (!isValidZone(plan.zone)) {
    findings.push({
      code: 'INVALID_ZONE',
      field: 'zone',
      message: `zone "${String(plan.zone)}" is not an IANA zone name (e.g. America/Chicago)`,
    });
  }
  if (isRulePlan(plan)) findings.push(...parseRule(plan.rrule, plan.zone).findings);
  else findings.push(...validateSlots(plan.slots));
  return findings;
}

function validateSlots(slots: readonly WeeklySlot[] | undefined): PlanFinding[] {
  if (!Array.isArray(slots) || slots.length === 0) {
    return [{ code: 'EMPTY_PLAN', field: 'slots', message: 'a plan needs at least one slot (days and a time) or an rrule' }];
  }
  const findings: PlanFinding[] = [];
  slots.forEach((slot, i) => {
    const days: unknown = slot?.days;
    if (!Array.isArray(days) || days.length === 0) {
      findings.push({ code: 'INVALID_SLOT', field: `slots[${i}].days`, message: `slots[${i}].days needs at least one day (MO…SU)` });
    } else {
      days.forEach((day: unknown, j) => {
        if (!(WEEKDAYS as readonly unknown[]).includes(day)) {
          findings.push({
            code: 'INVALID_SLOT',
            field: `slots[${i}].days[${j}]`,
            message: `slots[${i}].days[${j}] "${String(day)}" is not a day; use one of ${WEEKDAYS.join(', ')}`,
          });
        }
      });
    }
    if (typeof slot?.time !== 'string' || !TIME.test(slot.time)) {
      findings.push({
        code: 'INVALID_SLOT',
        field: `slots[${i}].time`,
        message: `slots[${i}].time "${String(slot?.time)}" is not a 24-hour time HH:mm (e.g. 09:30)`,
      });
    }
  });
  return findings;
}

interface ParsedRule {
  findings: PlanFinding[];
  /** rrule options for floating expansion; absent when there are findings. */
  options?: Partial<RRuleOptions>;
}

function ruleFinding(message: string): PlanFinding {
  return { code: 'INVALID_RRULE', field: 'rrule', message };
}

function parseRule(text: string, zone: string): ParsedRule {
  if (typeof text !== 'string' || text.trim() === '') return { findings: [ruleFinding('rrule is empty')] };
  const findings: PlanFinding[] = [];
  let dtstart: number | undefined;
  let rulePart: string | undefined;
  for (const line of text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    const start = /^DTSTART(?:;TZID=([^:;]+))?:(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/i.exec(line);
    if (/^DTSTART/i.test(line)) {
      if (!start) {
        findings.push(ruleFinding(`DTSTART "${line}" is not of the form DTSTART:YYYYMMDDTHHMMSS`));
        continue;
      }
      const [, tzid, y, mo, d, h, mi, s, z] = start;
      if (z) findings.push(ruleFinding(`DTSTART must be a local time in ${zone} (no trailing Z)`));
      if (tzid && tzid !== zone) findings.push(ruleFinding(`DTSTART TZID=${tzid} differs from the plan's zone ${zone}`));
      dtstart = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
      if (new Date(dtstart).toISOString().slice(0, 19).replace(/[-:]/g, '') !== `${y}${mo}${d}T${h}${mi}${s}`) {
        findings.push(ruleFinding(`DTSTART "${line}" is not a real date and time`));
      }
    } else if (/^RRULE:/i.test(line) || /^[A-Z]+=/i.test(line)) {
      if (rulePart !== undefined) findings.push(ruleFinding('only one RRULE line is supported'));
      rulePart = line.replace(/^RRULE:/i, '');
    } else {
      findings.push(ruleFinding(`unsupported line "${line}" (only DTSTART and RRULE are read)`));
    }
  }
  if (rulePart === undefined) return { findings: [...findings, ruleFinding('no RRULE found (e.g. FREQ=WEEKLY;BYDAY=TU,TH;BYHOUR=10)')] };

  const parts = new Map<string, string>();
  for (const part of rulePart.split(';').filter(Boolean)) {
    const [key, value, extra] = part.split('=');
    const name = (key ?? '').toUpperCase();
    if (value === undefined || value === '' || extra !== undefined) findings.push(ruleFinding(`"${part}" is not KEY=VALUE`));
    else if (!RULE_KEYS.has(name)) findings.push(ruleFinding(`${name} is not supported in a posting plan`));
    else parts.set(name, value.toUpperCase());
  }
  const freq = parts.get('FREQ');
  if (!freq) findings.push(ruleFinding('FREQ is required (DAILY, WEEKLY, MONTHLY or YEARLY)'));
  else if (!ALLOWED_FREQ.has(freq)) findings.push(ruleFinding(`FREQ=${freq} is not a posting cadence; use DAILY, WEEKLY, MONTHLY or YEARLY`));
  const byday = parts.get('BYDAY');
  if (byday !== undefined) {
    for (const token of byday.split(',')) {
      if (!/^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.test(token)) findings.push(ruleFinding(`BYDAY "${token}" is not a day (MO…SU, optionally with an ordinal like 1MO)`));
    }
  }
  const ranges: Array<[string, number, number]> = [
    ['BYHOUR', 0, 23], ['BYMINUTE', 0, 59], ['BYSECOND', 0, 59], ['INTERVAL', 1, 1000], ['COUNT', 1, 100_000],
    ['BYMONTH', 1, 12], ['BYMONTHDAY', -31, 31], ['BYSETPOS', -366, 366], ['BYYEARDAY', -366, 366], ['BYWEEKNO', -53, 53],
  ];
  for (const [key, min, max] of ranges) {
    const value = parts.get(key);
    if (value === undefined) continue;
    for (const n of value.split(',')) {
      if (!/^[+-]?\d+$/.test(n) || Number(n) < min || Number(n) > max || Number(n) === 0 && min < 0) {
        findings.push(ruleFinding(`${key} "${n}" must be a whole number from ${min} to ${max}`));
      }
    }
  }
  if (!parts.has('BYHOUR') && dtstart === undefined) {
    findings.push(ruleFinding('the rule does not say what time to post: add BYHOUR (and BYMINUTE) or a DTSTART'));
  }
  if (parts.has('COUNT') && dtstart === undefined) findings.push(ruleFinding('COUNT needs a DTSTART to count from'));
  if (findings.length > 0) return { findings };

  let options: Partial<RRuleOptions>;
  try {
    options = RRule.parseString(rulePart);
  } catch (err) {
    return { findings: [ruleFinding(`rrule could not be read: ${(err as Error).message}`)] };
  }
  const until = options.until;
  if (until && /UNTIL=\d{8}T\d{6}Z/i.test(rulePart) && isValidZone(zone)) {
    // A UTC UNTIL is an instant; expansion compares floating local times, so convert it.
    options.until = new Date(utcToFloatingMs(until.getTime(), zone));
  }
  options.tzid = null;
  options.dtstart = new Date(dtstart ?? RULE_ANCHOR);
  if (!parts.has('BYSECOND')) options.bysecond = [0];
  return { findings: [], options };
}

function assertUsable(plan: PostingPlan): void {
  const findings = validatePostingPlan(plan);
  if (findings.length > 0) {
    throw new CalendarError('INVALID_PLAN', `posting plan for channel ${String(plan.channelId)}: ${findings.map((f) => f.message).join('; ')}`, {
      field: findings[0]?.field,
    });
  }
}

function weeklyRules(plan: WeeklyPostingPlan, anchor: number): RRuleInstance[] {
  return plan.slots.map((slot) => {
    const [hour, minute] = slot.time.split(':').map(Number);
    return new RRule({
      freq: RRule.WEEKLY,
      byweekday: slot.days.map((d) => RRule[d]),
      byhour: [hour ?? 0],
      byminute: [minute ?? 0],
      bysecond: [0],
      dtstart: new Date(anchor),
    });
  });
}

/** Parse an ISO instant that must carry its offset; throws a CalendarError naming the field. */
export function requireInstant(value: string, field: string, postId?: string): number {
  const ms = instantMs(value);
  if (Number.isNaN(ms)) {
    const where = postId ? `post ${postId}: ${field}` : field;
    throw new CalendarError('INVALID_INSTANT', `${where} "${String(value)}" is not an ISO instant with Z or an offset`, {
      field,
      ...(postId ? { postId } : {}),
    });
  }
  return ms;
}

/**
 * Planned slot instants of `plan` in the UTC range [from, to), ISO UTC strings, sorted.
 * 10:00 in the plan's zone stays 10:00 local on both sides of a DST change. A slot whose
 * local time falls in a spring-forward gap moves forward by the gap (02:30 → 03:30); one that
 * happens twice (fall-back) is planned once, at the earlier instant.
 */
export function plannedSlots(plan: PostingPlan, from: string, to: string): string[] {
  return plannedSlotMs(plan, requireInstant(from, 'from'), requireInstant(to, 'to')).map(toIsoUtc);
}

export function plannedSlotMs(plan: PostingPlan, fromMs: number, toMs: number): number[] {
  assertUsable(plan);
  if (toMs < fromMs) throw new CalendarError('INVALID_RANGE', 'the range ends before it starts (to < from)', { field: 'to' });
  if (toMs - fromMs > MAX_RANGE_MS) throw new CalendarError('INVALID_RANGE', 'the range is longer than three years', { field: 'to' });
  if (toMs === fromMs) return [];
  // Widen by two days in floating time: zone offsets never exceed ±14 h.
  const lo = utcToFloatingMs(fromMs, plan.zone) - 2 * DAY_MS;
  const hi = utcToFloatingMs(toMs, plan.zone) + 2 * DAY_MS;
  const rules = isRulePlan(plan)
    ? [new RRule(parseRule(plan.rrule, plan.zone).options)]
    : weeklyRules(plan, startOfFloatingDay(lo));
  const instants = new Set<number>();
  for (const rule of rules) {
    for (const occurrence of rule.between(new Date(lo), new Date(hi), true)) {
      const local = occurrence.getTime();
      const f = fieldsOfFloating(local);
      // Seconds are dropped: slots are minute-precise.
      const ms = floatingToUtcMs(Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute), plan.zone);
      if (ms >= fromMs && ms < toMs) instants.add(ms);
    }
  }
  return [...instants].sort((a, b) => a - b);
}

function startOfFloatingDay(ms: number): number {
  return ms - (((ms % DAY_MS) + DAY_MS) % DAY_MS);
}

/** "Tue, Thu, Sat at 10:00 (America/Chicago)"; several slots are joined with "; ". */
export function describePlan(plan: PostingPlan): string {
  if (isRulePlan(plan)) {
    const parsed = parseRule(plan.rrule, plan.zone);
    let text = plan.rrule.trim().replace(/\s*\n\s*/g, ' ');
    if (parsed.options) {
      const rule = new RRule(parsed.options);
      // rrule's text leaves out the time of day; say it, since that is what people plan by.
      if (rule.isFullyConvertibleToText()) text = `${capitalise(rule.toText())} at ${ruleTimes(parsed.options).join(', ')}`;
    }
    return `${text} (${plan.zone})`;
  }
  const parts = plan.slots.map((slot) => {
    const days = WEEKDAYS.filter((d) => slot.days.includes(d));
    const label = days.length === 7 ? 'Every day' : days.map((d) => DAY_LABEL[d]).join(', ');
    return `${label} at ${slot.time}`;
  });
  return `${parts.join('; ')} (${plan.zone})`;
}

function ruleTimes(options: Partial<RRuleOptions>): string[] {
  const start = options.dtstart ?? new Date(RULE_ANCHOR);
  const list = (v: number | number[] | null | undefined, fallback: number): number[] =>
    v === null || v === undefined ? [fallback] : Array.isArray(v) ? [...v].sort((a, b) => a - b) : [v];
  const pad = (n: number): string => String(n).padStart(2, '0');
  return list(options.byhour, start.getUTCHours()).flatMap((h) =>
    list(options.byminute, start.getUTCMinutes()).map((m) => `${pad(h)}:${pad(m)}`),
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
