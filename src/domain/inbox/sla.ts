/**
 * First-response targets (SLAs): when an inbox item is due and whether it is on track.
 * Ordinary items run on the workspace's business clock; urgent ones (emergency, self-harm) and
 * possibly urgent ones (a person must look to decide) run on the wall clock around the clock,
 * because nobody waits for Monday with those.
 */
import {
  addBusinessMs,
  businessMsBetween,
  compileBusinessHours,
  requireInstant,
  validateBusinessHours,
  type BusinessHours,
  type BusinessSchedule,
} from './business-hours.ts';
import { toIsoUtc } from '../calendar/local-time.ts';
import { InboxError, type InboxIssue } from './inbox-error.ts';

export const DEFAULT_URGENT_FIRST_RESPONSE_MINUTES = 15;
/** A first look at a possibly urgent message: long enough for one person on call, short enough to matter. */
export const DEFAULT_POSSIBLY_URGENT_FIRST_RESPONSE_MINUTES = 60;
/** An item is due soon when less than this share of its target is left. */
export const DUE_SOON_SHARE = 0.2;

export interface SlaPolicy {
  /** First-response target in business minutes. */
  firstResponseMinutes: number;
  /** First-response target for urgent items in wall-clock minutes, 24/7; default 15. */
  urgentFirstResponseMinutes?: number;
  /** First-response target for possibly urgent items in wall-clock minutes, 24/7; default 60. */
  possiblyUrgentFirstResponseMinutes?: number;
  businessHours: BusinessHours;
}

/** Which clock and target an item runs on: urgent, possibly urgent, or ordinary. */
export interface SlaRank {
  urgent: boolean;
  possiblyUrgent?: boolean | undefined;
}

export interface SlaItem extends SlaRank {
  receivedAt: string;
}

export interface SlaTrackedItem extends SlaItem {
  /** The due time stored when the item arrived; recomputed from the policy when absent. */
  dueAt?: string;
  /** When someone first replied or moved the conversation offline. */
  firstResponseAt?: string;
}

export type SlaState = 'ok' | 'due_soon' | 'breached';

/** Every problem with `policy`, each naming its field; [] when valid. */
export function validateSlaPolicy(policy: SlaPolicy): InboxIssue[] {
  const issues: InboxIssue[] = [];
  if (!isPositiveMinutes(policy.firstResponseMinutes)) {
    issues.push({ field: 'firstResponseMinutes', message: `firstResponseMinutes must be a number of minutes > 0, got ${String(policy.firstResponseMinutes)}` });
  }
  for (const field of ['urgentFirstResponseMinutes', 'possiblyUrgentFirstResponseMinutes'] as const) {
    const value = policy[field];
    if (value !== undefined && !isPositiveMinutes(value)) issues.push({ field, message: `${field} must be a number of minutes > 0, got ${String(value)}` });
  }
  for (const issue of validateBusinessHours(policy.businessHours)) {
    issues.push({ field: `businessHours.${issue.field}`, message: `businessHours: ${issue.message}` });
  }
  return issues;
}

/** When the first response to `item` is due under `policy`, as ISO UTC. */
export function dueAt(item: SlaItem, policy: SlaPolicy): string {
  return toIsoUtc(compileSlaPolicy(policy).dueMs(requireInstant(item.receivedAt, 'receivedAt'), item));
}

/**
 * Where `item` stands at `now`: 'breached' once `now` is past the due time without a response
 * (or the response came late), 'due_soon' when less than 20% of the target is left (measured
 * on the item's own clock: business minutes, or wall-clock minutes for urgent and possibly urgent items), else 'ok'.
 * An item answered in time stays 'ok'.
 */
export function slaState(item: SlaTrackedItem, now: string, policy: SlaPolicy): SlaState {
  const sla = compileSlaPolicy(policy);
  const received = requireInstant(item.receivedAt, 'receivedAt');
  const nowMs = requireInstant(now, 'now');
  const due = item.dueAt !== undefined ? requireInstant(item.dueAt, 'dueAt') : sla.dueMs(received, item);
  const responded = item.firstResponseAt !== undefined ? requireInstant(item.firstResponseAt, 'firstResponseAt') : undefined;
  if (responded !== undefined && responded <= nowMs) return responded > due ? 'breached' : 'ok';
  if (nowMs > due) return 'breached';
  const leftMs = sla.aroundTheClock(item) ? due - Math.max(nowMs, received) : businessMsBetween(sla.schedule, Math.max(nowMs, received), due);
  return leftMs < DUE_SOON_SHARE * sla.targetMs(item) ? 'due_soon' : 'ok';
}

/** A validated policy with its business hours compiled, for computing many due times at once. */
export interface CompiledSlaPolicy {
  schedule: BusinessSchedule;
  /** True when the rank's target counts wall-clock time, nights and weekends included. */
  aroundTheClock(rank: SlaRank): boolean;
  targetMs(rank: SlaRank): number;
  dueMs(receivedMs: number, rank: SlaRank): number;
}

export function compileSlaPolicy(policy: SlaPolicy): CompiledSlaPolicy {
  const issues = validateSlaPolicy(policy);
  const [first] = issues;
  if (first) {
    throw new InboxError('INVALID_POLICY', `invalid SLA policy: ${issues.map((i) => i.message).join('; ')}`, { field: first.field, issues });
  }
  const schedule = compileBusinessHours(policy.businessHours);
  const normalMs = policy.firstResponseMinutes * 60_000;
  const urgentMs = (policy.urgentFirstResponseMinutes ?? DEFAULT_URGENT_FIRST_RESPONSE_MINUTES) * 60_000;
  const possiblyUrgentMs = (policy.possiblyUrgentFirstResponseMinutes ?? DEFAULT_POSSIBLY_URGENT_FIRST_RESPONSE_MINUTES) * 60_000;
  const aroundTheClock = (rank: SlaRank): boolean => rank.urgent || rank.possiblyUrgent === true;
  const targetMs = (rank: SlaRank): number => (rank.urgent ? urgentMs : rank.possiblyUrgent ? possiblyUrgentMs : normalMs);
  return {
    schedule,
    aroundTheClock,
    targetMs,
    dueMs: (received, rank) => (aroundTheClock(rank) ? received + targetMs(rank) : addBusinessMs(schedule, received, normalMs)),
  };
}

function isPositiveMinutes(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
