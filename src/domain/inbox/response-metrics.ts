/**
 * Inbox response metrics for a period, computed over every conversation that arrived in it —
 * not only resolved ones: an item still waiting past its due time counts as breached, and the
 * response rate's denominator is everything that needed a response. Definitions: the comments
 * on ResponseFigures and RESPONSE_METRIC_DEFINITIONS (the same text, for docs and the UI).
 */
import { businessMsBetween, compileBusinessHours, requireInstant, type BusinessHours } from './business-hours.ts';
import { InboxError } from './inbox-error.ts';

export type ConversationResolution = 'replied' | 'moved_offline' | 'hidden' | 'closed';

export interface ResponseConversation {
  id: string;
  channelId: string;
  assigneeId?: string;
  receivedAt: string;
  /** The first-response due time stored when the conversation arrived (see sla.ts dueAt). */
  dueAt: string;
  /** When someone first replied or moved the conversation offline. */
  firstResponseAt?: string;
  firstResponseBy?: string;
  resolution?: ConversationResolution;
  /** False for conversations nobody should answer (spam, hidden noise, a thank-you). */
  needsResponse: boolean;
}

export interface ResponseMetricsInput {
  conversations: readonly ResponseConversation[];
  /** Conversations received in [from, to) are counted. */
  period: { from: string; to: string };
  now: string;
  /** The workspace's business hours, for first-response times in business minutes. */
  businessHours: BusinessHours;
}

export interface MinuteStats {
  /** null when no conversation was responded to. */
  median: number | null;
  p90: number | null;
}

export interface ResponseFigures {
  /** Conversations received in the period, whatever their status. */
  total: number;
  /** Of total, those that needed a response (needsResponse). */
  needingResponse: number;
  /** Of needingResponse, those with a first response (reply or move offline) at or before now. */
  responded: number;
  /** responded ÷ needingResponse (0–1); null when nothing needed a response. */
  respondedRate: number | null;
  /** Of responded, those not resolved as moved offline. */
  replied: number;
  /** Of needingResponse, those resolved by moving the conversation offline (DM, phone) — counted apart from replied. */
  movedOffline: number;
  /** Of needingResponse, those with no first response by now and no resolution: still in the queue. */
  open: number;
  /** Of needingResponse, those answered after dueAt, or unanswered with now past dueAt (open, closed or hidden alike). */
  breached: number;
  /** Of breached, those still open at now. */
  breachedOpen: number;
  /** receivedAt → firstResponseAt over responded conversations; linear-interpolated percentiles. */
  firstResponseMinutes: {
    /** Minutes inside the workspace's business hours (the clock ordinary targets run on). */
    business: MinuteStats;
    /** Elapsed wall-clock minutes, nights and weekends included. */
    wallClock: MinuteStats;
  };
}

export interface ResponseMetrics extends ResponseFigures {
  period: { from: string; to: string };
  now: string;
  /** Per person: the one who first responded, else the assignee; null for unassigned, unanswered ones. */
  perPerson: Array<{ personId: string | null } & ResponseFigures>;
  perChannel: Array<{ channelId: string } & ResponseFigures>;
}

export const RESPONSE_METRIC_GLOSSARY: Readonly<Record<keyof ResponseFigures | 'perPerson' | 'perChannel', string>> = {
  total: 'Conversations received in the period, whatever their status.',
  needingResponse: 'Of those, the ones that needed a response (spam, hidden noise and the like excluded).',
  responded:
    'Conversations needing a response that got a first response — a reply or moving the conversation offline — by now.',
  respondedRate:
    'Responded ÷ needing response. The denominator includes conversations still open and those closed without a response; empty when nothing needed a response.',
  replied:
    'Responded conversations other than those moved offline, so responded = replied + moved offline whenever moving offline recorded the first response (as it should).',
  movedOffline:
    'Conversations needing a response that were moved offline (direct message, phone) — the right answer for personal health questions, counted apart from replies.',
  open: 'Conversations needing a response with no response and no resolution yet: still in the queue.',
  breached:
    'Conversations needing a response whose first response came after the due time, or that have none and are past due now — open, closed or hidden alike.',
  breachedOpen: 'Breached conversations still open now.',
  firstResponseMinutes:
    'Time from arrival to first response over responded conversations: median and 90th percentile (linear interpolation between ranks), ' +
    'both in business minutes (only time inside business hours counts, the clock ordinary targets use) and in wall-clock minutes (elapsed time, nights and weekends included).',
  perPerson:
    'The same figures per person: a conversation belongs to whoever responded first, else to its assignee, else to "unassigned".',
  perChannel: 'The same figures per channel the conversation arrived on.',
};

/** The definition of every response figure, as one text for docs and the UI. */
export const RESPONSE_METRIC_DEFINITIONS: string = [
  'Inbox response metrics — computed over all conversations received in the period, not only resolved ones.',
  ...Object.entries(RESPONSE_METRIC_GLOSSARY).map(([name, text]) => `- ${name}: ${text}`),
].join('\n');

const MINUTE_MS = 60_000;

/** Response figures for the period, overall, per person and per channel. */
export function responseMetrics(input: ResponseMetricsInput): ResponseMetrics {
  const schedule = compileBusinessHours(input.businessHours);
  const from = requireInstant(input.period.from, 'period.from');
  const to = requireInstant(input.period.to, 'period.to');
  const now = requireInstant(input.now, 'now');
  if (to <= from) {
    throw new InboxError('INVALID_PERIOD', `period.to (${input.period.to}) must be after period.from (${input.period.from})`, { field: 'period.to' });
  }

  const facts: ConversationFacts[] = [];
  for (const c of input.conversations) {
    const received = requireInstant(c.receivedAt, 'receivedAt', c.id);
    if (received < from || received >= to) continue;
    const due = requireInstant(c.dueAt, 'dueAt', c.id);
    const answeredAt = c.firstResponseAt === undefined ? undefined : requireInstant(c.firstResponseAt, 'firstResponseAt', c.id);
    // A response stamped after `now` has not happened yet as far as this report is concerned.
    const responded = answeredAt !== undefined && answeredAt <= now ? answeredAt : undefined;
    facts.push({
      conversation: c,
      responded: c.needsResponse && responded !== undefined,
      open: c.needsResponse && responded === undefined && c.resolution === undefined,
      breached: c.needsResponse && (responded !== undefined ? responded > due : now > due),
      businessMinutes: responded === undefined ? 0 : businessMsBetween(schedule, received, responded) / MINUTE_MS,
      wallMinutes: responded === undefined ? 0 : (responded - received) / MINUTE_MS,
    });
  }

  const byPerson = groupBy(facts, (f) => f.conversation.firstResponseBy ?? f.conversation.assigneeId ?? null);
  const byChannel = groupBy(facts, (f) => f.conversation.channelId);
  return {
    period: { from: input.period.from, to: input.period.to },
    now: input.now,
    ...figures(facts),
    perPerson: sortedKeys(byPerson).map((personId) => ({ personId, ...figures(byPerson.get(personId) ?? []) })),
    perChannel: sortedKeys(byChannel).map((channelId) => ({ channelId, ...figures(byChannel.get(channelId) ?? []) })),
  };
}

/** Value at share `p` (0–1) of sorted `values`, interpolating linearly between ranks; null when empty. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const low = sorted[lo] ?? 0;
  const high = sorted[hi] ?? low;
  return low + (high - low) * (rank - lo);
}

interface ConversationFacts {
  conversation: ResponseConversation;
  responded: boolean;
  open: boolean;
  breached: boolean;
  businessMinutes: number;
  wallMinutes: number;
}

function figures(facts: readonly ConversationFacts[]): ResponseFigures {
  const needing = facts.filter((f) => f.conversation.needsResponse);
  const responded = needing.filter((f) => f.responded);
  const breached = needing.filter((f) => f.breached);
  const business = responded.map((f) => f.businessMinutes);
  const wall = responded.map((f) => f.wallMinutes);
  return {
    total: facts.length,
    needingResponse: needing.length,
    responded: responded.length,
    respondedRate: needing.length === 0 ? null : responded.length / needing.length,
    replied: responded.filter((f) => f.conversation.resolution !== 'moved_offline').length,
    movedOffline: needing.filter((f) => f.conversation.resolution === 'moved_offline').length,
    open: needing.filter((f) => f.open).length,
    breached: breached.length,
    breachedOpen: breached.filter((f) => f.open).length,
    firstResponseMinutes: {
      business: { median: percentile(business, 0.5), p90: percentile(business, 0.9) },
      wallClock: { median: percentile(wall, 0.5), p90: percentile(wall, 0.9) },
    },
  };
}

function groupBy<K>(facts: readonly ConversationFacts[], key: (f: ConversationFacts) => K): Map<K, ConversationFacts[]> {
  const groups = new Map<K, ConversationFacts[]>();
  for (const f of facts) {
    const k = key(f);
    const list = groups.get(k);
    if (list) list.push(f);
    else groups.set(k, [f]);
  }
  return groups;
}

// Alphabetical, with the unassigned (null) group last.
function sortedKeys<K extends string | null>(groups: Map<K, unknown>): K[] {
  return [...groups.keys()].sort((a, b) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1));
}
