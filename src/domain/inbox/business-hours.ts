/**
 * A workspace's business hours (weekly shifts in its IANA zone, plus holidays) and a clock that
 * runs only inside them: "30 business minutes after 16:45 on Friday" is Monday 09:15 with
 * 9–17 Mon–Fri hours. Shifts are wall-clock times in `zone`; the process zone is never consulted.
 */
import { floatingToUtcMs, instantMs, isValidZone, toIsoUtc, utcToFloatingMs } from '../calendar/local-time.ts';
import { InboxError, type InboxIssue } from './inbox-error.ts';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One staffed stretch of a day, wall-clock 'HH:mm'; `end` may be '24:00' (until midnight). */
export interface BusinessShift {
  start: string;
  end: string;
}

export interface BusinessHours {
  /** IANA zone the shifts and holidays are read in, e.g. America/New_York. */
  zone: string;
  /** Shifts per weekday; [] for a closed day. Overnight cover is two shifts: 22:00–24:00 and 00:00–06:00 the next day. */
  days: Record<Weekday, BusinessShift[]>;
  /** Local dates ('YYYY-MM-DD') on which the inbox is not staffed at all. */
  holidays?: string[];
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const CLOCK = /^(\d{2}):(\d{2})$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Date.getUTCDay() order (0 = Sunday), read on floating (wall-clock-as-UTC) milliseconds.
const DAY_OF_WEEK: readonly Weekday[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
// More than a century of days without enough open minutes means the hours are effectively never open.
const MAX_DAYS_SCANNED = 40_000;

/** Mon–Fri (or the given days) from `start` to `end`, other days closed. */
export function officeHours(
  zone: string,
  start = '09:00',
  end = '17:00',
  days: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR'],
  holidays: string[] = [],
): BusinessHours {
  const week = Object.fromEntries(WEEKDAYS.map((d) => [d, days.includes(d) ? [{ start, end }] : []]));
  return { zone, days: week as Record<Weekday, BusinessShift[]>, holidays };
}

/** Staffed around the clock: the business clock equals the wall clock. */
export function alwaysOpen(zone = 'UTC'): BusinessHours {
  return officeHours(zone, '00:00', '24:00', WEEKDAYS);
}

/** Every problem with `hours`, each naming its field (`zone`, `days.MO[1].end`, `holidays[0]`); [] when valid. */
export function validateBusinessHours(hours: BusinessHours): InboxIssue[] {
  const issues: InboxIssue[] = [];
  if (typeof hours !== 'object' || hours === null) {
    return [{ field: 'businessHours', message: 'business hours must be an object with zone and days' }];
  }
  if (!isValidZone(hours.zone)) {
    issues.push({ field: 'zone', message: `zone "${String(hours.zone)}" is not an IANA zone name (e.g. America/New_York)` });
  }
  if (typeof hours.days !== 'object' || hours.days === null) {
    issues.push({ field: 'days', message: 'days must map MO…SU to lists of shifts ([] for a closed day)' });
  } else {
    for (const key of Object.keys(hours.days)) {
      if (!(WEEKDAYS as readonly string[]).includes(key)) {
        issues.push({ field: `days.${key}`, message: `days.${key} is not a weekday; use ${WEEKDAYS.join(', ')}` });
      }
    }
    let openMinutes = 0;
    for (const day of WEEKDAYS) {
      const shifts = hours.days[day];
      if (!Array.isArray(shifts)) {
        issues.push({ field: `days.${day}`, message: `days.${day} is missing; use [] for a closed day` });
        continue;
      }
      const parsed: Array<{ start: number; end: number; field: string }> = [];
      shifts.forEach((shift, i) => {
        const field = `days.${day}[${i}]`;
        const start = clockMinutes(shift?.start, false);
        const end = clockMinutes(shift?.end, true);
        if (start === null) issues.push({ field: `${field}.start`, message: `${field}.start "${String(shift?.start)}" is not a time HH:mm (00:00–23:59)` });
        if (end === null) issues.push({ field: `${field}.end`, message: `${field}.end "${String(shift?.end)}" is not a time HH:mm (00:01–24:00)` });
        if (start === null || end === null) return;
        if (end <= start) {
          issues.push({
            field: `${field}.end`,
            message: `${field} ends (${shift.end}) at or before it starts (${shift.start}); split an overnight shift into one ending 24:00 and one starting 00:00 the next day`,
          });
          return;
        }
        parsed.push({ start, end, field });
      });
      parsed.sort((a, b) => a.start - b.start);
      for (let i = 1; i < parsed.length; i++) {
        const prev = parsed[i - 1];
        const cur = parsed[i];
        if (prev && cur && cur.start < prev.end) {
          issues.push({ field: cur.field, message: `${cur.field} overlaps ${prev.field}` });
        }
      }
      openMinutes += parsed.reduce((sum, s) => sum + s.end - s.start, 0);
    }
    if (openMinutes === 0 && !issues.some((i) => i.field.startsWith('days'))) {
      issues.push({ field: 'days', message: 'business hours are never open; add at least one shift' });
    }
  }
  if (hours.holidays !== undefined) {
    if (!Array.isArray(hours.holidays)) {
      issues.push({ field: 'holidays', message: "holidays must be a list of local dates 'YYYY-MM-DD'" });
    } else {
      hours.holidays.forEach((h, i) => {
        if (!isLocalDate(h)) issues.push({ field: `holidays[${i}]`, message: `holidays[${i}] "${String(h)}" is not a date YYYY-MM-DD` });
      });
    }
  }
  return issues;
}

/**
 * The instant `minutes` business minutes after `startIso`, as ISO UTC. The clock stands still
 * outside shifts and on holidays, so a message arriving at night starts counting at the next
 * opening; 0 minutes gives the next opening (or `startIso` itself when open). A target that is
 * used up exactly at closing time is due at closing time, not at the next opening.
 */
export function addBusinessMinutes(startIso: string, minutes: number, hours: BusinessHours): string {
  const schedule = compileBusinessHours(hours);
  const start = requireInstant(startIso, 'startIso');
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new InboxError('INVALID_MINUTES', `minutes must be a finite number ≥ 0, got ${String(minutes)}`, { field: 'minutes' });
  }
  return toIsoUtc(addBusinessMs(schedule, start, minutes * MINUTE_MS));
}

/** The first instant at or after `iso` when the inbox is staffed. */
export function nextOpening(iso: string, hours: BusinessHours): string {
  return addBusinessMinutes(iso, 0, hours);
}

/** Whether `iso` falls inside a shift (start inclusive, end exclusive). */
export function isWithinBusinessHours(iso: string, hours: BusinessHours): boolean {
  const schedule = compileBusinessHours(hours);
  const at = requireInstant(iso, 'iso');
  return openIntervals(schedule, at, at + 1).length > 0;
}

/**
 * Business minutes from `aIso` to `bIso` (fractional when the instants are not on whole
 * minutes); negative when `bIso` is before `aIso`.
 */
export function businessMinutesBetween(aIso: string, bIso: string, hours: BusinessHours): number {
  const schedule = compileBusinessHours(hours);
  return businessMsBetween(schedule, requireInstant(aIso, 'aIso'), requireInstant(bIso, 'bIso')) / MINUTE_MS;
}

// ---------------------------------------------------------------------------------------------
// Compiled form, shared with the SLA and metrics modules so a batch validates the hours once.

/** Validated business hours with shifts as minutes of the day, indexed by Date.getUTCDay(). */
export interface BusinessSchedule {
  zone: string;
  shiftsByDay: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  holidays: ReadonlySet<string>;
  /** Open intervals per local day, filled as days are visited (zone look-ups are the slow part). */
  dayCache: Map<number, ReadonlyArray<readonly [number, number]>>;
}

export function compileBusinessHours(hours: BusinessHours): BusinessSchedule {
  const issues = validateBusinessHours(hours);
  const [first] = issues;
  if (first) {
    throw new InboxError('INVALID_BUSINESS_HOURS', `invalid business hours: ${issues.map((i) => i.message).join('; ')}`, {
      field: first.field,
      issues,
    });
  }
  const shiftsByDay = DAY_OF_WEEK.map((day) =>
    hours.days[day]
      .map((s) => [clockMinutes(s.start, false) ?? 0, clockMinutes(s.end, true) ?? 0] as const)
      .sort((a, b) => a[0] - b[0]),
  );
  return { zone: hours.zone, shiftsByDay, holidays: new Set(hours.holidays ?? []), dayCache: new Map() };
}

export function addBusinessMs(schedule: BusinessSchedule, start: number, ms: number): number {
  let remaining = ms;
  let day = localMidnight(start, schedule.zone) - DAY_MS; // a shift of yesterday may end after `start`
  for (let scanned = 0; scanned < MAX_DAYS_SCANNED; scanned++, day += DAY_MS) {
    for (const [open, close] of dayIntervals(schedule, day)) {
      const from = Math.max(open, start);
      if (from >= close) continue;
      if (remaining <= close - from) return from + remaining;
      remaining -= close - from;
    }
  }
  throw new InboxError('INVALID_BUSINESS_HOURS', 'business hours never reach the target (no open minutes ahead)', { field: 'days' });
}

export function businessMsBetween(schedule: BusinessSchedule, a: number, b: number): number {
  if (b < a) return -businessMsBetween(schedule, b, a);
  return openIntervals(schedule, a, b).reduce((sum, [open, close]) => sum + close - open, 0);
}

/** The open stretches inside [from, to), clipped, in time order. */
function openIntervals(schedule: BusinessSchedule, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const last = localMidnight(to, schedule.zone) + DAY_MS;
  for (let day = localMidnight(from, schedule.zone) - DAY_MS; day <= last; day += DAY_MS) {
    for (const [open, close] of dayIntervals(schedule, day)) {
      const lo = Math.max(open, from);
      const hi = Math.min(close, to);
      if (hi > lo) out.push([lo, hi]);
    }
  }
  return out;
}

/**
 * The UTC intervals of one local day's shifts. Shift edges are wall-clock times: an edge that
 * happens twice (fall-back) takes the earlier instant, one inside a spring-forward gap moves
 * forward by the gap, so a shift spanning the change lasts its real elapsed time (a 00:00–24:00
 * day is 23 or 25 hours long) and an hour that does not exist is not counted.
 */
function dayIntervals(schedule: BusinessSchedule, floatingMidnight: number): ReadonlyArray<readonly [number, number]> {
  const cached = schedule.dayCache.get(floatingMidnight);
  if (cached) return cached;
  const date = new Date(floatingMidnight);
  const shifts = schedule.holidays.has(date.toISOString().slice(0, 10)) ? [] : (schedule.shiftsByDay[date.getUTCDay()] ?? []);
  const out: Array<[number, number]> = [];
  for (const [start, end] of shifts) {
    const open = floatingToUtcMs(floatingMidnight + start * MINUTE_MS, schedule.zone);
    const close = floatingToUtcMs(floatingMidnight + end * MINUTE_MS, schedule.zone);
    if (close > open) out.push([open, close]);
  }
  schedule.dayCache.set(floatingMidnight, out);
  return out;
}

/** Local midnight of the day containing instant `ms` in `zone`, as floating milliseconds. */
function localMidnight(ms: number, zone: string): number {
  const floating = utcToFloatingMs(ms, zone);
  return floating - (((floating % DAY_MS) + DAY_MS) % DAY_MS);
}

function clockMinutes(value: unknown, isEnd: boolean): number | null {
  const m = typeof value === 'string' ? CLOCK.exec(value) : null;
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59) return null;
  const total = h * 60 + min;
  return isEnd ? (total >= 1 && total <= 24 * 60 ? total : null) : total < 24 * 60 ? total : null;
}

function isLocalDate(value: unknown): boolean {
  const m = typeof value === 'string' ? LOCAL_DATE.exec(value) : null;
  if (!m) return false;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === value;
}

export function requireInstant(value: string, field: string, conversationId?: string): number {
  const ms = instantMs(value);
  if (Number.isNaN(ms)) {
    const who = conversationId ? `conversation ${conversationId}: ` : '';
    throw new InboxError('INVALID_INSTANT', `${who}${field} "${String(value)}" is not an ISO instant with Z or an offset`, {
      field,
      ...(conversationId ? { conversationId } : {}),
    });
  }
  return ms;
}
