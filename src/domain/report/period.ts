/**
 * The report's calendar month in the workspace's zone: from the 1st at 00:00 local time to the
 * next 1st (so a month with a clock change is 743 or 745 hours long and still one month).
 */
import { DateTime } from 'luxon';
import { isValidZone } from '../calendar/index.ts';
import { ReportError } from './report-error.ts';

export interface ReportPeriod {
  /** 'YYYY-MM'. */
  month: string;
  /** 'October 2026'. */
  label: string;
  zone: string;
  /** First instant of the month (ISO, UTC). */
  from: string;
  /** First instant of the next month: the period is [from, to). */
  to: string;
  /** The instant the figures are as of: the month's last millisecond, or now while the month runs. */
  asOf: string;
  /** False while the month is still running: the report is "month to date". */
  complete: boolean;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The period of `month` ('YYYY-MM') in `zone`; refused when malformed or not begun by `now`. */
export function reportPeriod(month: string, zone: string, now: string): ReportPeriod {
  if (!isValidZone(zone)) throw new ReportError('INVALID_ZONE', `zone "${zone}" is not an IANA zone name (e.g. America/Chicago)`, 'zone');
  const match = MONTH.exec(month);
  if (!match) throw new ReportError('INVALID_MONTH', `month must be YYYY-MM (e.g. 2026-10), got "${month}"`, 'month');
  const start = DateTime.fromObject({ year: Number(match[1]), month: Number(match[2]), day: 1 }, { zone });
  const nowMs = Date.parse(now);
  if (Number.isNaN(nowMs)) throw new ReportError('INVALID_MONTH', `now "${now}" is not an ISO instant`, 'now');
  if (start.toMillis() > nowMs) throw new ReportError('INVALID_MONTH', `month ${month} has not begun yet in ${zone}`, 'month');
  const end = start.plus({ months: 1 });
  const complete = end.toMillis() <= nowMs;
  return {
    month,
    label: start.setLocale('en-GB').toFormat('LLLL yyyy'),
    zone,
    from: start.toUTC().toISO()!,
    to: end.toUTC().toISO()!,
    asOf: new Date(complete ? end.toMillis() - 1 : nowMs).toISOString(),
    complete,
  };
}

/** The month before `period`, always complete. */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  const start = DateTime.fromISO(period.from, { zone: period.zone }).minus({ months: 1 });
  return reportPeriod(start.toFormat('yyyy-MM'), period.zone, period.from);
}

/** The last complete month in `zone` at `now`, as 'YYYY-MM': the default report. */
export function lastCompleteMonth(zone: string, now: string): string {
  return DateTime.fromISO(now, { zone }).startOf('month').minus({ months: 1 }).toFormat('yyyy-MM');
}
