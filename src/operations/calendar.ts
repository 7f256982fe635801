import type { AppContext, Actor } from './context.ts';
import { auditActor, requirePermission } from './context.ts';
import { OperationError } from './errors.ts';
import { appendAudit } from '../storage/audit-log.ts';
import { findChannel, listChannels } from '../storage/channels.ts';
import { findWorkspace } from '../storage/workspaces.ts';
import { findPlan, listPlans, timedPostsOf, upsertPlan, type StoredPlan } from '../storage/posting-plans.ts';
import {
  buildCalendar,
  describePlan,
  detectGaps,
  nextFreeSlot,
  resolveLocalTime,
  validatePostingPlan,
  type CalendarDay,
  type GapReport,
  type PostingPlan,
  type Weekday,
} from '../domain/calendar/index.ts';

async function zoneOf(ctx: AppContext, workspaceId: string): Promise<string> {
  return (await findWorkspace(ctx.storage.db, workspaceId))?.timeZone ?? 'UTC';
}

export function toPlan(channelId: string, zone: string, stored: StoredPlan): PostingPlan {
  return 'rrule' in stored ? { channelId, zone, rrule: stored.rrule } : { channelId, zone, slots: stored.slots.map((s) => ({ days: s.days as Weekday[], time: s.time })) };
}

export async function setPostingPlan(ctx: AppContext, actor: Actor, channelId: string, stored: StoredPlan): Promise<{ plan: StoredPlan; description: string }> {
  requirePermission(actor, 'workspace.manage');
  if (!(await findChannel(ctx.storage.db, actor.workspaceId, channelId))) throw new OperationError('NOT_FOUND', `no channel ${channelId}`, { field: 'channelId' });
  const plan = toPlan(channelId, await zoneOf(ctx, actor.workspaceId), stored);
  const [problem] = validatePostingPlan(plan);
  if (problem) throw new OperationError('INVALID_REQUEST', `posting plan: ${problem.message}`, { field: problem.field });
  await ctx.storage.db.transaction().execute(async (trx) => {
    await upsertPlan(trx, actor.workspaceId, channelId, stored);
    await appendAudit(trx, ctx.storage.engine, { workspaceId: actor.workspaceId, ...auditActor(actor), action: 'posting_plan.set', entityType: 'channel', entityId: channelId, details: {} });
  });
  return { plan: stored, description: describePlan(plan) };
}

export async function postingPlan(ctx: AppContext, actor: Actor, channelId: string): Promise<{ plan: StoredPlan | null; description: string | null }> {
  requirePermission(actor, 'workspace.read');
  const stored = await findPlan(ctx.storage.db, actor.workspaceId, channelId);
  if (!stored) return { plan: null, description: null };
  return { plan: stored, description: describePlan(toPlan(channelId, await zoneOf(ctx, actor.workspaceId), stored)) };
}

async function plansAndPosts(ctx: AppContext, workspaceId: string, from: string, to: string) {
  const zone = await zoneOf(ctx, workspaceId);
  const plans = (await listPlans(ctx.storage.db, workspaceId)).map((p) => toPlan(p.channelId, zone, p.plan));
  const posts = await timedPostsOf(ctx.storage.db, workspaceId, { from, to });
  return { zone, plans, posts };
}

/** Days of the range in the workspace's zone: planned slots (empty or filled) and the posts. */
export async function calendar(ctx: AppContext, actor: Actor, from: Date, to: Date): Promise<{ zone: string; days: CalendarDay[] }> {
  requirePermission(actor, 'workspace.read');
  if (!(from < to)) throw new OperationError('INVALID_REQUEST', '`from` must be before `to`', { field: 'from' });
  if (to.getTime() - from.getTime() > 100 * 86_400_000) throw new OperationError('INVALID_REQUEST', 'a calendar range is at most 100 days', { field: 'to' });
  const { zone, plans, posts } = await plansAndPosts(ctx, actor.workspaceId, from.toISOString(), to.toISOString());
  return { zone, days: buildCalendar({ plans, posts, from: from.toISOString(), to: to.toISOString(), zone }) };
}

/** The queue: the first planned slot after now that nothing fills. */
export async function nextSlot(ctx: AppContext, actor: Actor, channelId: string, now = new Date()): Promise<string | null> {
  requirePermission(actor, 'workspace.read');
  const zone = await zoneOf(ctx, actor.workspaceId);
  const stored = await findPlan(ctx.storage.db, actor.workspaceId, channelId);
  if (!stored) throw new OperationError('CONFLICT', `channel ${channelId} has no posting plan yet: set one to use the queue`, { field: 'channelId' });
  const posts = await timedPostsOf(ctx.storage.db, actor.workspaceId, { from: now.toISOString(), to: new Date(now.getTime() + 91 * 86_400_000).toISOString() });
  return nextFreeSlot(toPlan(channelId, zone, stored), posts, now.toISOString());
}

/** Per channel with a plan: days since the last post, empty upcoming slots, missed slots, streak. */
export async function consistency(ctx: AppContext, actor: Actor, now = new Date()): Promise<Array<{ channelId: string; handle: string; report: GapReport }>> {
  requirePermission(actor, 'workspace.read');
  const from = new Date(now.getTime() - 2 * 366 * 86_400_000).toISOString();
  const to = new Date(now.getTime() + 15 * 86_400_000).toISOString();
  const { zone, plans, posts } = await plansAndPosts(ctx, actor.workspaceId, from, to);
  const channels = await listChannels(ctx.storage.db, actor.workspaceId);
  return plans.map((plan) => ({
    channelId: plan.channelId,
    handle: channels.find((c) => c.id === plan.channelId)?.handle ?? '',
    report: detectGaps({ plan, posts, now: now.toISOString(), zone }),
  }));
}

/** A wall-clock time typed in the workspace's zone, as a UTC instant (DST gaps refused). */
export async function localTimeToInstant(ctx: AppContext, actor: Actor, local: string, postId: string): Promise<Date> {
  const result = resolveLocalTime(local, await zoneOf(ctx, actor.workspaceId), { field: 'localTime', postId });
  if (!result.ok) throw new OperationError('INVALID_REQUEST', result.message, { field: 'localTime' });
  return new Date(result.utc);
}
