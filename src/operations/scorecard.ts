import type { AppContext, Actor } from './context.ts';
import { auditActor, requirePermission } from './context.ts';
import { OperationError } from './errors.ts';
import { appendAudit } from '../storage/audit-log.ts';
import { findWorkspace, updateWorkspace } from '../storage/workspaces.ts';
import { listChannels } from '../storage/channels.ts';
import { listPlans } from '../storage/posting-plans.ts';
import { conversationsBetween } from '../storage/inbox.ts';
import { recentMentions } from '../storage/mentions.ts';
import { interactionsSince, mentionCounts, publishedPostsSince, scheduledTargets } from '../storage/scorecard-data.ts';
import { masteryCheck, scorecard, type Interaction, type Pillar, type ScorecardInput, type PublishedPost } from '../domain/scorecard/index.ts';
import { topQuestions, topTerms } from '../domain/listening/trends/index.ts';
import { toPlan } from './calendar.ts';
import { slaPolicyOf } from './ingest.ts';
import { toResponseConversations } from './inbox-metrics.ts';

const DAY = 86_400_000;

/** Gathers the workspace's history in the compact shapes the scorecard reads. */
export async function scorecardInput(ctx: AppContext, workspaceId: string, now: Date): Promise<ScorecardInput> {
  const db = ctx.storage.db;
  const ws = await findWorkspace(db, workspaceId);
  if (!ws) throw new OperationError('NOT_FOUND', 'workspace not found');
  const zone = ws.timeZone;
  const channels = await listChannels(db, workspaceId);
  const primary = channels.find((c) => c.primary) ?? channels[0];
  const plans = (await listPlans(db, workspaceId)).map((p) => toPlan(p.channelId, zone, p.plan));
  const posts: PublishedPost[] = (await publishedPostsSince(db, workspaceId, new Date(now.getTime() - 3 * 366 * DAY).toISOString())).map((p) => ({
    id: p.targetId,
    channelId: p.channelId,
    publishedAt: p.publishedAt,
    text: p.text,
    ...(p.metrics
      ? { metrics: p.metrics.unavailable ? { unavailable: p.metrics.unavailable } : { likes: p.metrics.likes ?? 0, reposts: p.metrics.reposts ?? 0, replies: p.metrics.replies ?? 0, quotes: p.metrics.quotes ?? 0, ...(p.metrics.impressions !== null ? { impressions: p.metrics.impressions } : {}) } }
      : {}),
  }));
  const since = new Date(now.getTime() - 3 * 366 * DAY).toISOString();
  const interactions: Interaction[] = (await interactionsSince(db, workspaceId, since)).map((i) => ({ personId: i.person_id, at: i.at, kind: i.kind as Interaction['kind'] }));
  const policy = await slaPolicyOf(ctx, workspaceId);
  const month = new Date(now.getTime() - 30 * DAY).toISOString();
  const conversations = toResponseConversations(await conversationsBetween(db, workspaceId, month, now.toISOString()));
  const counts = await mentionCounts(db, workspaceId, month);
  const week = new Date(now.getTime() - 7 * DAY).toISOString();
  const recent = await recentMentions(db, workspaceId, month, now.toISOString(), 50_000);
  const settings = ws.settings as { pillars?: Pillar[]; valueTarget?: { promotionalShare?: number; days?: number } };
  return {
    zone,
    primaryChannelId: primary?.id ?? '',
    channels: channels.map((c) => ({ id: c.id, name: c.handle, connectedAt: c.createdAt, ...(c.status === 'auth_revoked' ? { outages: [{ from: c.createdAt, reason: c.statusReason ?? 'credentials refused' }] } : {}) })),
    plans,
    posts,
    scheduledPosts: (await scheduledTargets(db, workspaceId, now.toISOString())).map((t) => ({ id: t.id, channelId: t.channel_id, at: t.scheduled_at! })),
    interactions,
    interactionsSince: channels.length ? channels.map((c) => c.createdAt).sort()[0]! : now.toISOString(),
    inbox: { conversations, firstResponseMinutes: policy.firstResponseMinutes, businessHours: policy.businessHours },
    listening: {
      queries: counts.queries,
      mentionsLast30Days: counts.matched,
      mentionsReadLast30Days: counts.read,
      questionsThisWeek: topQuestions(recent.filter((m) => m.createdAt >= week), week, now.toISOString(), 10),
      topTermsLast30Days: topTerms(recent, month, now.toISOString(), 20),
    },
    pillars: settings.pillars ?? [],
    ...(settings.valueTarget ? { valueTarget: settings.valueTarget } : {}),
  };
}

export async function workspaceScorecard(ctx: AppContext, actor: Actor, now = new Date()) {
  requirePermission(actor, 'workspace.read');
  const input = await scorecardInput(ctx, actor.workspaceId, now);
  return { scorecard: scorecard(input, now.toISOString()), mastery: input.primaryChannelId ? masteryCheck(input, now.toISOString()) : null };
}

/** The owner may unlock a second channel before the primary one is mastered; the audit log records it. */
export async function overrideStartSmall(ctx: AppContext, actor: Actor): Promise<void> {
  requirePermission(actor, 'members.grant_owner');
  await ctx.storage.db.transaction().execute(async (trx) => {
    const ws = await findWorkspace(trx, actor.workspaceId);
    if (!ws) throw new OperationError('NOT_FOUND', 'workspace not found');
    await updateWorkspace(trx, actor.workspaceId, { settings: { ...ws.settings, startSmallOverriddenAt: new Date().toISOString() } as typeof ws.settings });
    await appendAudit(trx, ctx.storage.engine, { workspaceId: actor.workspaceId, ...auditActor(actor), action: 'start_small.overridden', entityType: 'workspace', entityId: actor.workspaceId, details: {} });
  });
}
