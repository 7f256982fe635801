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
import { masteryCheck, scorecard, type Pillar, type ScorecardInput } from '../domain/scorecard/index.ts';
import { topQuestions, topTerms } from '../domain/listening/trends/index.ts';
import { toPlan } from './calendar.ts';
import { slaPolicyOf } from './ingest.ts';
import { toResponseConversations } from './inbox-metrics.ts';

const DAY = 86_400_000;

/** Top terms are computed over at most this many of the newest mentions of the last 30 days. */
const TERMS_SAMPLE = 10_000;
/** Questions of the last 7 days are read up to this many (the newest). */
const QUESTIONS_LIMIT = 50_000;

/**
 * Gathers the workspace's history in the compact shapes the scorecard reads. The reads are
 * independent, so they run concurrently (PostgreSQL serves them on several pooled connections).
 */
export async function scorecardInput(ctx: AppContext, workspaceId: string, now: Date): Promise<ScorecardInput> {
  const db = ctx.storage.db;
  const engine = ctx.storage.engine;
  const nowIso = now.toISOString();
  const since = new Date(now.getTime() - 3 * 366 * DAY).toISOString();
  const month = new Date(now.getTime() - 30 * DAY).toISOString();
  const week = new Date(now.getTime() - 7 * DAY).toISOString();
  const [ws, channels, planRows, posts, interactions, policy, conversationRows, counts, recent, scheduled] = await Promise.all([
    findWorkspace(db, workspaceId),
    listChannels(db, workspaceId),
    listPlans(db, workspaceId),
    publishedPostsSince(db, engine, workspaceId, since),
    interactionsSince(db, engine, workspaceId, since),
    slaPolicyOf(ctx, workspaceId),
    conversationsBetween(db, workspaceId, month, nowIso),
    mentionCounts(db, workspaceId, month),
    // Top terms are a trend list: a sample of the newest mentions of 30 days ranks the same terms
    // without reading (and tokenising) every text of a busy month.
    recentMentions(db, workspaceId, month, nowIso, TERMS_SAMPLE),
    scheduledTargets(db, workspaceId, nowIso),
  ]);
  if (!ws) throw new OperationError('NOT_FOUND', 'workspace not found');
  const zone = ws.timeZone;
  const primary = channels.find((c) => c.primary) ?? channels[0];
  const plans = planRows.map((p) => toPlan(p.channelId, zone, p.plan));
  // The sample holds the whole week unless it is full and ends inside the week: then read the week.
  const sampleCoversWeek = recent.length < TERMS_SAMPLE || (recent[recent.length - 1]?.createdAt ?? nowIso) < week;
  const thisWeek = sampleCoversWeek ? recent.filter((m) => m.createdAt >= week) : await recentMentions(db, workspaceId, week, nowIso, QUESTIONS_LIMIT);
  const settings = ws.settings as { pillars?: Pillar[]; valueTarget?: { promotionalShare?: number; days?: number } };
  return {
    zone,
    primaryChannelId: primary?.id ?? '',
    channels: channels.map((c) => ({ id: c.id, name: c.handle, connectedAt: c.createdAt, ...(c.status === 'auth_revoked' ? { outages: [{ from: c.createdAt, reason: c.statusReason ?? 'credentials refused' }] } : {}) })),
    plans,
    posts,
    scheduledPosts: scheduled.map((t) => ({ id: t.id, channelId: t.channel_id, at: t.scheduled_at! })),
    interactions,
    interactionsSince: channels.length ? channels.map((c) => c.createdAt).sort()[0]! : nowIso,
    inbox: { conversations: toResponseConversations(conversationRows), firstResponseMinutes: policy.firstResponseMinutes, businessHours: policy.businessHours },
    listening: {
      queries: counts.queries,
      mentionsLast30Days: counts.matched,
      mentionsReadLast30Days: counts.read,
      questionsThisWeek: topQuestions(thisWeek, week, nowIso, 10),
      topTermsLast30Days: topTerms(recent, month, nowIso, 20),
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
