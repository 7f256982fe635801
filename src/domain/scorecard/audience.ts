/**
 * The engaged audience (rule "Quality", "Patience"): unique people who liked, reposted, replied,
 * quoted or mentioned the account in a window, and the loyal core among them (≥ 3 interactions).
 * Follows are not counted: following is not engaging, and follower counts are not a goal here.
 */
import { ScorecardError } from './scorecard-error.ts';
import { bucketOf, DAY_MS, localDay, periodBoundaries, requireInstant } from './time.ts';
import type { Interaction, WeeklyAudience } from './types.ts';

export const DEFAULT_AUDIENCE_DAYS = 90;
export const DEFAULT_LOYAL_MIN_INTERACTIONS = 3;

export interface AudienceCounts {
  /** Unique people with at least one interaction (follows excluded) in (now − days, now]. */
  engaged: number;
  /** Of those, people with at least `minInteractions` interactions. */
  loyal: number;
  /** Interactions counted (follows excluded). */
  interactions: number;
  days: number;
}

/** Engaged audience and loyal core in one pass over the interactions. */
export function audienceCounts(
  interactions: readonly Interaction[],
  now: string,
  days = DEFAULT_AUDIENCE_DAYS,
  minInteractions = DEFAULT_LOYAL_MIN_INTERACTIONS,
): AudienceCounts {
  if (!(days > 0)) throw new ScorecardError('INVALID_OPTION', `days must be > 0, got ${String(days)}`, { field: 'days' });
  const nowMs = requireInstant(now, 'now');
  const fromMs = nowMs - days * DAY_MS;
  const perPerson = new Map<string, number>();
  let counted = 0;
  let loyal = 0;
  for (const it of interactions) {
    if (it.kind === 'follow') continue;
    const at = requireInstant(it.at, 'at', it.personId);
    if (at <= fromMs || at > nowMs) continue;
    counted++;
    const c = (perPerson.get(it.personId) ?? 0) + 1;
    perPerson.set(it.personId, c);
    if (c === minInteractions) loyal++;
  }
  return { engaged: perPerson.size, loyal, interactions: counted, days };
}

/** Unique people who interacted in the last `days` days (denominator-free count). */
export function engagedAudience(interactions: readonly Interaction[], now: string, days = DEFAULT_AUDIENCE_DAYS): number {
  return audienceCounts(interactions, now, days).engaged;
}

/** People with at least `minInteractions` interactions in the last `days` days. */
export function loyalCore(
  interactions: readonly Interaction[],
  now: string,
  days = DEFAULT_AUDIENCE_DAYS,
  minInteractions = DEFAULT_LOYAL_MIN_INTERACTIONS,
): number {
  return audienceCounts(interactions, now, days, minInteractions).loyal;
}

/**
 * Unique people per complete local week (Monday 00:00 in `zone`) from `from` to the week before
 * the one containing `now`: the reference for what storage aggregates as WeeklyAudience rows.
 * Weeks nobody interacted in are listed with 0.
 */
export function weeklyEngagedAudience(interactions: readonly Interaction[], zone: string, from: string, now: string): WeeklyAudience[] {
  const boundaries = periodBoundaries(requireInstant(from, 'from'), requireInstant(now, 'now'), zone, 'week');
  const weeks = boundaries.length - 1;
  const people: Array<Set<string>> = Array.from({ length: weeks }, () => new Set<string>());
  for (const it of interactions) {
    if (it.kind === 'follow') continue;
    const w = bucketOf(boundaries, requireInstant(it.at, 'at', it.personId));
    if (w >= 0) people[w]?.add(it.personId);
  }
  return people.map((set, w) => ({ weekStart: localDay(boundaries[w] ?? 0, zone), engagedPeople: set.size }));
}
