/**
 * Wall-clock time in a workspace's IANA zone ⇄ UTC instants, without ever consulting the
 * process zone (`TZ`) or luxon's `Settings.defaultZone`: every conversion names its zone.
 */
import { DateTime, IANAZone } from 'luxon';
import { zoneOffsetMinutes } from './zone-offset.ts';

/** Wall-clock fields, as a person in the zone would read them off a clock. */
export interface LocalFields {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
}

export type LocalTimeErrorCode = 'INVALID_ZONE' | 'INVALID_TIME' | 'DST_GAP';

export type LocalTimeResult =
  | {
      ok: true;
      /** ISO instant in UTC, e.g. 2026-03-10T14:00:00.000Z */
      utc: string;
      /** Set when the wall-clock time happened twice (fall-back) and the earlier one was taken. */
      ambiguous?: true;
      note?: string;
    }
  | {
      ok: false;
      code: LocalTimeErrorCode;
      message: string;
      field?: string;
      postId?: string;
      /** For DST_GAP: the first wall-clock time after the gap, 'YYYY-MM-DDTHH:mm'. */
      proposedLocal?: string;
      proposedUtc?: string;
    };

export interface FieldContext {
  /** The field the value came from; defaults to 'scheduledAt'. */
  field?: string;
  /** The post the value belongs to, named in messages so the UI and API can point at it. */
  postId?: string;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
// An instant must carry its offset; a bare local time would be read in the process zone.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const validZones = new Set<string>();

export function isValidZone(zone: string): boolean {
  if (typeof zone !== 'string') return false;
  if (validZones.has(zone)) return true;
  // luxon checks through Intl on every call; a zone that was valid once stays valid.
  if (!IANAZone.isValidZone(zone)) return false;
  validZones.add(zone);
  return true;
}

/** Milliseconds since the epoch for an ISO instant with Z or an explicit offset; NaN otherwise. */
export function instantMs(value: string): number {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) return Number.NaN;
  return Date.parse(value);
}

export function toIsoUtc(ms: number): string {
  return new Date(ms).toISOString();
}

/** Wall-clock fields encoded as if they were UTC ("floating" time, as rrule works). */
export function floatingMs(fields: LocalFields): number {
  return Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute);
}

export function fieldsOfFloating(ms: number): LocalFields {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

/** The wall-clock reading in `zone` at instant `ms`, as floating milliseconds. */
export function utcToFloatingMs(ms: number, zone: string): number {
  return ms + zoneOffsetMinutes(zone, ms) * MINUTE_MS;
}

/** 'YYYY-MM-DDTHH:mm' as read in `zone` at the instant `ms`. */
export function formatLocal(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** 'YYYY-MM-DD' as read in `zone` at the instant `ms`. */
export function localDate(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM-dd');
}

type Resolution =
  | { kind: 'exact'; ms: number }
  | { kind: 'ambiguous'; earlier: number; later: number }
  | { kind: 'gap'; before: number; gapEnd: number };

/**
 * Every instant whose wall-clock reading in `zone` equals the floating time `local`.
 * Luxon alone is not enough: for a fall-back overlap it picks the later instant, and for a
 * spring-forward gap it silently shifts; here both cases are reported.
 */
export function resolveFloating(local: number, zone: string): Resolution {
  const offsetAt = (ms: number): number => zoneOffsetMinutes(zone, ms);
  // Offsets in force around this wall-clock time; two transitions within 3 days do not occur.
  const offsets = new Set<number>();
  for (const shift of [-36, -12, 0, 12, 36]) offsets.add(offsetAt(local + shift * HOUR_MS));
  const matches = [...offsets]
    .map((offset) => local - offset * MINUTE_MS)
    .filter((ms) => offsetAt(ms) * MINUTE_MS === local - ms)
    .sort((a, b) => a - b);
  const [first, second] = matches;
  if (first !== undefined && second !== undefined && second !== first) {
    return { kind: 'ambiguous', earlier: first, later: second };
  }
  if (first !== undefined) return { kind: 'exact', ms: first };

  // Spring-forward gap: find the transition instant between the two candidate readings.
  const before = offsetAt(local - 36 * HOUR_MS);
  const after = offsetAt(local + 36 * HOUR_MS);
  let lo = Math.min(local - before * MINUTE_MS, local - after * MINUTE_MS);
  let hi = Math.max(local - before * MINUTE_MS, local - after * MINUTE_MS);
  const offsetAtLo = offsetAt(lo);
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (offsetAt(mid) === offsetAtLo) lo = mid;
    else hi = mid;
  }
  return { kind: 'gap', before: local - before * MINUTE_MS, gapEnd: hi };
}

/**
 * The instant for a planned wall-clock time, never failing: an ambiguous time takes the
 * earlier instant, a time in a gap moves forward by the gap's length (02:30 → 03:30 in New
 * York), the same as Temporal's 'compatible' disambiguation.
 */
export function floatingToUtcMs(local: number, zone: string): number {
  // The same offset 36 hours either side (two transitions within 3 days do not occur): the reading is
  // unique, which is what resolveFloating would find, without its search.
  const before = zoneOffsetMinutes(zone, local - 36 * HOUR_MS);
  if (before === zoneOffsetMinutes(zone, local + 36 * HOUR_MS)) return local - before * MINUTE_MS;
  const r = resolveFloating(local, zone);
  if (r.kind === 'exact') return r.ms;
  if (r.kind === 'ambiguous') return r.earlier;
  return r.before;
}

function describeWhere(ctx: FieldContext): string {
  const field = ctx.field ?? 'scheduledAt';
  return ctx.postId ? `post ${ctx.postId}: ${field}` : field;
}

/**
 * A wall-clock time entered in the workspace's zone ('YYYY-MM-DDTHH:mm') → a UTC instant.
 * Refuses times that do not exist (spring-forward gap) and proposes the first valid time
 * after the gap; takes the earlier of two instants for a time that happens twice.
 */
export function resolveLocalTime(local: string, zone: string, ctx: FieldContext = {}): LocalTimeResult {
  const field = ctx.field ?? 'scheduledAt';
  const named = ctx.postId ? { postId: ctx.postId } : {};
  if (!isValidZone(zone)) {
    return {
      ok: false,
      code: 'INVALID_ZONE',
      field: 'timeZone',
      ...named,
      message: `time zone "${String(zone)}" is not an IANA zone name (e.g. America/Chicago)`,
    };
  }
  const m = typeof local === 'string' ? LOCAL_TIME.exec(local) : null;
  const fields: LocalFields | null = m
    ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]) }
    : null;
  // Date.UTC rolls 2026-02-30 over to March; a round trip shows such a date does not exist.
  if (!fields || formatFloating(floatingMs(fields)) !== local) {
    return {
      ok: false,
      code: 'INVALID_TIME',
      field,
      ...named,
      message: `${describeWhere(ctx)} "${String(local)}" is not a valid local date and time (expected YYYY-MM-DDTHH:mm)`,
    };
  }
  const r = resolveFloating(floatingMs(fields), zone);
  if (r.kind === 'exact') return { ok: true, utc: toIsoUtc(r.ms) };
  if (r.kind === 'ambiguous') {
    const earlier = DateTime.fromMillis(r.earlier, { zone });
    const later = DateTime.fromMillis(r.later, { zone });
    return {
      ok: true,
      utc: toIsoUtc(r.earlier),
      ambiguous: true,
      note:
        `${local} happens twice in ${zone} (clocks go back); using the earlier one ` +
        `(UTC${earlier.toFormat('ZZ')}, ${toIsoUtc(r.earlier)}) rather than the later ` +
        `(UTC${later.toFormat('ZZ')}, ${toIsoUtc(r.later)})`,
    };
  }
  const proposedLocal = formatLocal(r.gapEnd, zone);
  return {
    ok: false,
    code: 'DST_GAP',
    field,
    ...named,
    proposedLocal,
    proposedUtc: toIsoUtc(r.gapEnd),
    message:
      `${describeWhere(ctx)} ${local} does not exist in ${zone}: clocks spring forward that day. ` +
      `The next valid time is ${proposedLocal.slice(11)} (${proposedLocal})`,
  };
}

function formatFloating(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}

export type ScheduleTimeResult =
  | { ok: true }
  | { ok: false; code: 'IN_PAST' | 'INVALID_INSTANT'; field: string; postId?: string; message: string };

export interface ScheduleTimeOptions extends FieldContext {
  /** How far in the past a time may be and still be accepted (clock skew, slow forms). */
  graceSeconds?: number;
}

/** A schedule time must be an instant with an offset and not (beyond a small grace) in the past. */
export function validateScheduleTime(utc: string, now: string, opts: ScheduleTimeOptions = {}): ScheduleTimeResult {
  const field = opts.field ?? 'scheduledAt';
  const named = opts.postId ? { postId: opts.postId } : {};
  const at = instantMs(utc);
  if (Number.isNaN(at)) {
    return {
      ok: false,
      code: 'INVALID_INSTANT',
      field,
      ...named,
      message: `${describeWhere(opts)} "${String(utc)}" is not an ISO instant with Z or an offset`,
    };
  }
  const nowMs = instantMs(now);
  if (Number.isNaN(nowMs)) throw new RangeError(`now "${String(now)}" is not an ISO instant with Z or an offset`);
  const graceMs = (opts.graceSeconds ?? 60) * 1000;
  if (at < nowMs - graceMs) {
    return {
      ok: false,
      code: 'IN_PAST',
      field,
      ...named,
      message: `${describeWhere(opts)} ${toIsoUtc(at)} is ${describeDuration(nowMs - at)} in the past (now ${toIsoUtc(nowMs)})`,
    };
  }
  return { ok: true };
}

function describeDuration(ms: number): string {
  const minutes = Math.round(ms / MINUTE_MS);
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(ms / HOUR_MS);
  if (hours < 48) return `${hours} hours`;
  return `${Math.round(hours / 24)} days`;
}
