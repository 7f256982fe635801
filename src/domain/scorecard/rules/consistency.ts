/**
 * Consistency: over the last 8 complete weeks, planned slots filled ÷ planned slots (all channels
 * with a plan, slots in outages left out), times a recency factor: 1 while the days since the last
 * post stay within the plan's longest gap + 1 day (the "allowed" silence), falling linearly to 0
 * at 4 × allowed. score = 100 × filledShare × recency (recency of the worst channel).
 */
import type { PostingPlan } from '../../calendar/index.ts';
import { cadenceOf, type CadenceVsPlan } from '../cadence.ts';
import type { WorkspaceHistory } from '../history.ts';
import { shortDate, shortDateTime } from '../time.ts';
import { clamp01, notEnoughData, plural, round1, scored, share, type FigureValue, type RuleScore } from './rule-score.ts';

export const CONSISTENCY_WEEKS = 8;

interface ChannelCadence {
  channelId: string;
  name: string;
  cadence: CadenceVsPlan;
  daysSilent: number;
  allowed: number;
  recency: number;
}

export function consistencyScore(history: WorkspaceHistory): RuleScore {
  const { input, zone } = history;
  const known = new Set(input.channels.map((c) => c.id));
  const plans = input.plans.filter((p) => known.has(p.channelId));
  if (plans.length === 0) {
    const name = history.primary ? history.primaryName : 'your primary channel';
    return notEnoughData(
      'consistency',
      history.primary ? `a posting plan for ${name} (none set)` : 'a connected channel with a posting plan',
      `${history.primary ? '' : 'Connect your primary channel, then '}set a posting plan for ${name}, e.g. Tue and Thu at 10:00, in the calendar.`,
    );
  }
  const disconnected = plans.map((p) => ({ plan: p, outage: history.currentOutage(p.channelId) })).filter((x) => x.outage !== undefined);
  if (disconnected.length === plans.length) {
    const first = disconnected[0];
    const what = first?.outage ? history.describeOutage(first.plan.channelId, first.outage) : 'channel disconnected';
    return notEnoughData('consistency', `${what}: posts since then are unknown`, `Reconnect ${history.channelName(first?.plan.channelId ?? '')} in Channels.`);
  }
  const channels: ChannelCadence[] = [];
  for (const plan of plans) {
    if (history.currentOutage(plan.channelId) !== undefined) continue;
    const cadence = planCadence(history, plan);
    const trackedMs = history.trackedSinceMs(plan.channelId) ?? history.nowMs;
    const daysSilent = cadence.daysSinceLastPost ?? Math.max(0, Math.floor((history.nowMs - trackedMs) / 86_400_000));
    const allowed = Math.ceil(cadence.largestPlannedGapDays ?? 7) + 1;
    const recency = clamp01(1 - Math.max(0, daysSilent - allowed) / (3 * allowed));
    channels.push({ channelId: plan.channelId, name: history.channelName(plan.channelId), cadence, daysSilent, allowed, recency });
  }
  const planned = channels.reduce((s, c) => s + c.cadence.plannedSlots, 0);
  const filled = channels.reduce((s, c) => s + c.cadence.filledSlots, 0);
  const worst = channels.reduce((a, b) => (b.recency < a.recency || (b.recency === a.recency && b.daysSilent > a.daysSilent) ? b : a));
  const weeksCounted = Math.max(...channels.map((c) => c.cadence.weeks.length));
  const figures: Record<string, FigureValue> = {
    weeksCounted,
    plannedSlots: planned,
    filledSlots: filled,
    daysSinceLastPost: worst.cadence.daysSinceLastPost,
    allowedSilenceDays: worst.allowed,
    emptySlotsNext14Days: channels.reduce((s, c) => s + c.cadence.emptyPlannedSlots.length, 0),
    missedSlotsLast30Days: channels.reduce((s, c) => s + c.cadence.missedSlots.length, 0),
    streakWeeks: Math.min(...channels.map((c) => c.cadence.streakWeeks)),
    slotsInOutages: channels.reduce((s, c) => s + c.cadence.slotsInOutages, 0),
  };
  if (planned === 0) {
    const tracked = history.trackedSinceMs(worst.channelId);
    return notEnoughData(
      'consistency',
      `one complete week with planned slots (tracking began ${tracked === undefined ? 'recently' : shortDate(tracked, zone)})`,
      nextSlotsAction(worst, zone) ?? 'Keep to the plan this week; the score appears after the first complete week.',
      figures,
    );
  }
  const filledShare = filled / planned;
  figures.filledShare = share(filledShare);
  figures.recency = round1(worst.recency);
  const score = 100 * filledShare * worst.recency;
  const silence = worst.daysSilent > worst.allowed;
  const explanation =
    `${filled} of ${planned} planned slots filled over the last ${plural(weeksCounted, 'complete week')}` +
    (silence ? `; no post on ${worst.name} for ${worst.daysSilent} days (the plan allows ${worst.allowed})` : '') +
    '.';
  let next: string;
  const empty = worst.cadence.emptyPlannedSlots;
  if (silence) {
    next =
      `No post on ${worst.name} for ${worst.daysSilent} days: ` +
      (empty.length > 0
        ? `${plural(empty.length, 'planned slot')} in the next 14 days ${empty.length === 1 ? 'is' : 'are'} empty — schedule posts for ${slotList(empty, zone)}.`
        : 'publish today, then keep to the plan.');
  } else {
    next = nextSlotsAction(worst, zone) ?? (channels.map((c) => nextSlotsAction(c, zone)).find((a) => a !== undefined) ?? `On plan (${plural(figures.streakWeeks as number, 'full week')} in a row): keep the queue filled two weeks ahead.`);
  }
  return scored('consistency', score, figures, explanation, next);
}

/**
 * The plan's cadence over the last 8 complete weeks (weeks before tracking and slots in outages left
 * out), computed once per history: the mastery check reads its streak too.
 */
export function planCadence(history: WorkspaceHistory, plan: PostingPlan): CadenceVsPlan {
  return history.memo(`cadence:${history.input.plans.indexOf(plan)}`, () => {
    const { input } = history;
    const channel = input.channels.find((c) => c.id === plan.channelId);
    return cadenceOf(plan, history.timeline, history.timelineMs, history.now, history.nowMs, history.zone, {
      weeks: CONSISTENCY_WEEKS,
      ...(channel ? { trackedSince: channel.connectedAt } : {}),
      outages: channel?.outages ?? [],
      scheduledPosts: input.scheduledPosts ?? [],
    });
  });
}

function nextSlotsAction(c: ChannelCadence, zone: string): string | undefined {
  const empty = c.cadence.emptyPlannedSlots;
  if (empty.length > 0) {
    return `${plural(empty.length, 'planned slot')} on ${c.name} in the next 14 days ${empty.length === 1 ? 'is' : 'are'} empty: schedule posts for ${slotList(empty, zone)}.`;
  }
  if (c.cadence.missedSlots.length > 0) {
    return `${plural(c.cadence.missedSlots.length, 'planned slot')} on ${c.name} missed in the last 30 days: queue posts ahead so the next ones go out.`;
  }
  return undefined;
}

function slotList(slots: readonly string[], zone: string): string {
  const shown = slots.slice(0, 3).map((s) => shortDateTime(Date.parse(s), zone));
  return slots.length > 3 ? `${shown.join(', ')} and ${slots.length - 3} more` : shown.join(', ');
}
