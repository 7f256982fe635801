/**
 * A zone's UTC offset at an instant, remembered per quarter hour. luxon asks Intl for every
 * lookup (a few microseconds each), and a two-year calendar or scorecard makes tens of thousands
 * of them for the same few offsets. A quarter hour is cached only when its two ends agree, so a
 * transition inside it (no zone has two within 15 minutes) is always answered exactly.
 */
import { IANAZone } from 'luxon';

const BUCKET_MS = 15 * 60_000;
const MAX_ENTRIES_PER_ZONE = 100_000;
const caches = new Map<string, { tz: IANAZone; offsets: Map<number, number> }>();

/** Offset from UTC in minutes of `zone` at `ms`, as luxon's IANAZone.offset gives it. */
export function zoneOffsetMinutes(zone: string, ms: number): number {
  let cache = caches.get(zone);
  if (cache === undefined) {
    cache = { tz: IANAZone.create(zone), offsets: new Map() };
    caches.set(zone, cache);
  }
  const bucket = Math.floor(ms / BUCKET_MS);
  const known = cache.offsets.get(bucket);
  if (known !== undefined) return known;
  const start = cache.tz.offset(bucket * BUCKET_MS);
  const end = cache.tz.offset(bucket * BUCKET_MS + BUCKET_MS - 1);
  if (start !== end) return cache.tz.offset(ms);
  if (cache.offsets.size >= MAX_ENTRIES_PER_ZONE) cache.offsets.clear();
  cache.offsets.set(bucket, start);
  return start;
}
