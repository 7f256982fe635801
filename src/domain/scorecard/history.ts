/**
 * The workspace's history read once for a scorecard: instants parsed into numbers, outages per
 * channel, windows of recent posts, and the weekly series the long trends run on. Each rule reads
 * from here, so 20,000 posts are parsed once, not seven times, and what two rules (or the scorecard
 * and the mastery check) both need is computed once (`memo`).
 */
import { compilePillars, type CompiledPillar } from './pillars.ts';
import { DEFAULT_PROMOTIONAL_TARGET, DEFAULT_VALUE_WINDOW_DAYS } from './value-type.ts';
import { bucketOf, DAY_MS, localDay, periodBoundaries, requireInstant, requireZone, shortDate } from './time.ts';
import { ScorecardError } from './scorecard-error.ts';
import type { Interaction, PostInstant, PublishedPost, ScorecardChannel, ScorecardInput } from './types.ts';

/** How far back the weekly series go: three years. */
export const MAX_HISTORY_WEEKS = 156;

/**
 * Posts of this many days need their text and metrics (Quality and Focus look back 90 days, the
 * weekly trends' top posts too); older ones count only as instants (`postTimeline`).
 */
export const POST_DETAIL_DAYS = 90;

/** Days of posts with text and metrics a scorecard needs: `POST_DETAIL_DAYS`, or the value window when longer. */
export function postDetailDays(valueTarget?: ScorecardInput['valueTarget']): number {
  return Math.max(POST_DETAIL_DAYS, valueTarget?.days ?? DEFAULT_VALUE_WINDOW_DAYS);
}

/** Week i of the weekly series is [boundaries[i], boundaries[i+1]): complete local weeks, at most three years. */
function weekBoundaries(nowMs: number, zone: string): number[] {
  return periodBoundaries(nowMs - MAX_HISTORY_WEEKS * 7 * DAY_MS, nowMs, zone, 'week').slice(-(MAX_HISTORY_WEEKS + 1));
}

/**
 * The complete local weeks the long trends run on, oldest first, so storage can aggregate per week
 * (`weeklyAudience`) exactly as the scorecard buckets: [from, to) in ISO UTC, weekStart the local Monday.
 */
export function scorecardWeeks(now: string, zone: string): Array<{ weekStart: string; from: string; to: string }> {
  requireZone(zone);
  const b = weekBoundaries(requireInstant(now, 'now'), zone);
  return b.slice(0, -1).map((from, i) => ({ weekStart: localDay(from, zone), from: new Date(from).toISOString(), to: new Date(b[i + 1] ?? from).toISOString() }));
}

export interface Outage {
  from: number;
  to: number;
  reason?: string;
}

export interface WeeklySeries {
  /** Week starts, oldest first; week i is [boundaries[i], boundaries[i+1]). */
  boundaries: number[];
  /** Engaged people per week; NaN where unknown (before tracking, during an outage, before the data). */
  audience: Float64Array;
  /** Primary-channel posts per week; NaN where unknown. */
  posts: Float64Array;
}

export class WorkspaceHistory {
  readonly input: ScorecardInput;
  readonly now: string;
  readonly nowMs: number;
  readonly zone: string;
  readonly primary: ScorecardChannel | undefined;
  readonly pillars: CompiledPillar[];
  readonly promotionalTarget: number;
  readonly valueDays: number;
  /** publishedAt of input.posts[i], parsed. */
  readonly postMs: Float64Array;
  /** Every published post as an instant: input.postTimeline, else input.posts. */
  readonly timeline: readonly PostInstant[];
  /** publishedAt of timeline[i], parsed. */
  readonly timelineMs: Float64Array;
  private readonly outages = new Map<string, Outage[]>();
  private readonly memos = new Map<string, unknown>();
  private series: WeeklySeries | undefined;
  private interactionTimes: Float64Array | undefined;

  constructor(input: ScorecardInput, now: string) {
    requireZone(input.zone);
    this.input = input;
    this.now = now;
    this.nowMs = requireInstant(now, 'now');
    this.zone = input.zone;
    this.primary = input.channels.find((c) => c.id === input.primaryChannelId);
    this.pillars = compilePillars(input.pillars);
    this.promotionalTarget = input.valueTarget?.promotionalShare ?? DEFAULT_PROMOTIONAL_TARGET;
    this.valueDays = input.valueTarget?.days ?? DEFAULT_VALUE_WINDOW_DAYS;
    if (!(this.promotionalTarget > 0 && this.promotionalTarget <= 1)) {
      throw new ScorecardError('INVALID_OPTION', `valueTarget.promotionalShare must be in (0, 1], got ${String(this.promotionalTarget)}`, {
        field: 'valueTarget.promotionalShare',
      });
    }
    if (!(this.valueDays > 0)) {
      throw new ScorecardError('INVALID_OPTION', `valueTarget.days must be > 0, got ${String(this.valueDays)}`, { field: 'valueTarget.days' });
    }
    this.postMs = parseInstants(input.posts);
    this.timeline = input.postTimeline ?? input.posts;
    this.timelineMs = input.postTimeline === undefined ? this.postMs : parseInstants(input.postTimeline);
    for (const channel of input.channels) {
      requireInstant(channel.connectedAt, 'connectedAt', channel.id);
      this.outages.set(
        channel.id,
        (channel.outages ?? []).map((o) => ({
          from: requireInstant(o.from, 'outages.from', channel.id),
          to: o.to === undefined ? Number.POSITIVE_INFINITY : requireInstant(o.to, 'outages.to', channel.id),
          ...(o.reason !== undefined ? { reason: o.reason } : {}),
        })),
      );
    }
  }

  /** What `compute` returns, computed once per history under `key`. */
  memo<T>(key: string, compute: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = compute();
    this.memos.set(key, value);
    return value;
  }

  channelName(channelId: string): string {
    return this.input.channels.find((c) => c.id === channelId)?.name ?? channelId;
  }

  get primaryName(): string {
    return this.channelName(this.input.primaryChannelId);
  }

  trackedSinceMs(channelId: string): number | undefined {
    const c = this.input.channels.find((ch) => ch.id === channelId);
    return c === undefined ? undefined : Date.parse(c.connectedAt);
  }

  outagesOf(channelId: string): readonly Outage[] {
    return this.outages.get(channelId) ?? [];
  }

  /** The outage the channel is in right now, if any. */
  currentOutage(channelId: string): Outage | undefined {
    return this.outagesOf(channelId).find((o) => o.from <= this.nowMs && o.to > this.nowMs);
  }

  /** Days of (now − days, now] the channel was disconnected. */
  outageDaysWithin(channelId: string, days: number): number {
    const from = this.nowMs - days * DAY_MS;
    let ms = 0;
    for (const o of this.outagesOf(channelId)) ms += Math.max(0, Math.min(o.to, this.nowMs) - Math.max(o.from, from));
    return ms / DAY_MS;
  }

  /** "Bluesky @mercy disconnected since Mon 2 Feb (token revoked)" or "… disconnected Mon 2 Feb → Wed 4 Mar". */
  describeOutage(channelId: string, o: Outage): string {
    const name = this.channelName(channelId);
    const reason = o.reason ? ` (${o.reason})` : '';
    const when = o.to > this.nowMs ? `since ${shortDate(o.from, this.zone)}` : `${shortDate(o.from, this.zone)} → ${shortDate(o.to, this.zone)}`;
    return `${name} disconnected ${when}${reason}`;
  }

  /** Interaction instants, parsed once. */
  interactionMs(): Float64Array {
    if (this.interactionTimes !== undefined) return this.interactionTimes;
    const list = this.input.interactions;
    const times = new Float64Array(list.length);
    for (let i = 0; i < list.length; i++) {
      const it = list[i] as Interaction;
      times[i] = requireInstant(it.at, 'at', it.personId);
    }
    this.interactionTimes = times;
    return times;
  }

  /** Engaged people and loyal core (≥ minInteractions) in (now − days, now], follows excluded. */
  audience(days: number, minInteractions: number): { engaged: number; loyal: number } {
    const counted = this.input.audienceWindow;
    if (counted !== undefined && counted.days === days && counted.minInteractions === minInteractions) return { engaged: counted.engaged, loyal: counted.loyal };
    const times = this.interactionMs();
    const list = this.input.interactions;
    const from = this.nowMs - days * DAY_MS;
    const perPerson = new Map<string, number>();
    let loyal = 0;
    for (let i = 0; i < list.length; i++) {
      const at = times[i] ?? 0;
      const it = list[i] as Interaction;
      if (at <= from || at > this.nowMs || it.kind === 'follow') continue;
      const c = (perPerson.get(it.personId) ?? 0) + 1;
      perPerson.set(it.personId, c);
      if (c === minInteractions) loyal++;
    }
    return { engaged: perPerson.size, loyal };
  }

  /** Posts published in (now − days, now], any channel unless one is named. */
  postsWithin(days: number, channelId?: string): PublishedPost[] {
    const from = this.nowMs - days * DAY_MS;
    const out: PublishedPost[] = [];
    const posts = this.input.posts;
    for (let i = 0; i < posts.length; i++) {
      const at = this.postMs[i] ?? 0;
      const post = posts[i] as PublishedPost;
      if (at > from && at <= this.nowMs && (channelId === undefined || post.channelId === channelId)) out.push(post);
    }
    return out;
  }

  /** Weekly engaged audience and primary-channel posts, complete local weeks up to three years back. */
  weekly(): WeeklySeries {
    if (this.series !== undefined) return this.series;
    const primaryId = this.input.primaryChannelId;
    const tracked = this.trackedSinceMs(primaryId) ?? Number.POSITIVE_INFINITY;
    const boundaries = weekBoundaries(this.nowMs, this.zone);
    const weeks = boundaries.length - 1;
    const outages = this.outagesOf(primaryId);
    const known = (w: number, dataFrom: number): boolean => {
      const start = boundaries[w] ?? 0;
      const end = boundaries[w + 1] ?? 0;
      return start >= tracked && start >= dataFrom && !outages.some((o) => o.from < end && o.to > start);
    };

    const posts = new Float64Array(weeks);
    const timeline = this.timeline;
    for (let i = 0; i < timeline.length; i++) {
      if ((timeline[i] as PostInstant).channelId !== primaryId) continue;
      const w = bucketOf(boundaries, this.timelineMs[i] ?? 0);
      if (w >= 0) posts[w] = (posts[w] ?? 0) + 1;
    }
    for (let w = 0; w < weeks; w++) if (!known(w, Number.NEGATIVE_INFINITY)) posts[w] = Number.NaN;

    const audience = new Float64Array(weeks);
    let audienceFrom = Number.POSITIVE_INFINITY;
    const given = this.input.weeklyAudience;
    if (given !== undefined) {
      const byWeek = new Map<string, number>();
      for (const row of given) {
        byWeek.set(row.weekStart, row.engagedPeople);
        const start = Date.parse(`${row.weekStart}T00:00:00Z`) - 14 * 3_600_000; // earliest any zone's Monday 00:00 can be
        if (start < audienceFrom) audienceFrom = start;
      }
      for (let w = 0; w < weeks; w++) audience[w] = byWeek.get(localDay(boundaries[w] ?? 0, this.zone)) ?? 0;
    } else {
      if (this.input.interactionsSince !== undefined) audienceFrom = requireInstant(this.input.interactionsSince, 'interactionsSince');
      const people: Array<Set<string>> = Array.from({ length: weeks }, () => new Set<string>());
      const times = this.interactionMs();
      const list = this.input.interactions;
      for (let i = 0; i < list.length; i++) {
        const it = list[i] as Interaction;
        if (it.kind === 'follow') continue;
        const at = times[i] ?? 0;
        if (this.input.interactionsSince === undefined && at < audienceFrom) audienceFrom = at;
        const w = bucketOf(boundaries, at);
        if (w >= 0) people[w]?.add(it.personId);
      }
      people.forEach((set, w) => {
        audience[w] = set.size;
      });
    }
    for (let w = 0; w < weeks; w++) if (!known(w, audienceFrom)) audience[w] = Number.NaN;
    this.series = { boundaries, audience, posts };
    return this.series;
  }
}

/** The known weeks among the last `weeks` of a weekly series, as trend points. */
export function knownWeeks(series: WeeklySeries, values: Float64Array, weeks = Number.POSITIVE_INFINITY): Array<{ periodStart: string; value: number }> {
  const out: Array<{ periodStart: string; value: number }> = [];
  const first = Math.max(0, values.length - weeks);
  for (let w = first; w < values.length; w++) {
    const v = values[w] ?? Number.NaN;
    if (!Number.isNaN(v)) out.push({ periodStart: new Date(series.boundaries[w] ?? 0).toISOString(), value: v });
  }
  return out;
}

function parseInstants(posts: readonly PostInstant[]): Float64Array {
  const ms = new Float64Array(posts.length);
  for (let i = 0; i < posts.length; i++) {
    const p = posts[i] as PostInstant;
    ms[i] = requireInstant(p.publishedAt, 'publishedAt', p.id);
  }
  return ms;
}
