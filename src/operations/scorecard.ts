import type { AppContext, Actor } from './context.ts';
import { auditActor, requirePermission } from './context.ts';
import { OperationError } from './errors.ts';
import { appendAudit } from '../storage/audit-log.ts';
import { findWorkspace, updateWorkspace } from '../storage/workspaces.ts';
import { listChannels } from '../storage/channels.ts';
import { listPlans } from '../storage/posting-plans.ts';
import { conversationsBetween } from '../storage/inbox.ts';
import { recentMentions } from '../storage/mentions.ts';
import {
  audienceWindowCounts,
  interactionsSince,
  mentionCounts,
  publishedPostsSince,
  publishedPostTimeline,
  questionMentionCount,
  questionMentions,
  scheduledTargets,
  weeklyEngagedPeople,
} from '../storage/scorecard-data.ts';
import { postDetailDays, QUALITY_AUDIENCE, scorecardWeeks, scorecardWithMastery, type Pillar, type ScorecardInput, type ValueTarget } from '../domain/scorecard/index.ts';
import { termsAndQuestions } from '../domain/listening/trends/index.ts';
import { toPlan } from './calendar.ts';
import { slaPolicyOf } from './ingest.ts';
import { toResponseConversations } from './inbox-metrics.ts';

const DAY = 86_400_000;

/**
 * Top terms (30 days) are counted over at most this many of the newest mentions of the last 30 days:
 * a trend list that a sample this size ranks alike, while every mention read costs microseconds to
 * tokenise. A busier workspace's term counts are those of the sample.
 */
const TERMS_SAMPLE = 2_000;

/**
 * This week's questions are grouped from at most this many of the newest mentions of the last 7 days
 * that ask a question (the safety engine's intent): ~10 µs each to split and group, and a share
 * answered estimated from 500 mentions is within a few points. How many asked one is counted in the
 * database over all of them; the Listen score's answered share is over the top questions found.
 */
const QUESTIONS_SAMPLE = 500;

export interface ScorecardReadOptions {
  /**
   * Also read the raw interactions of this many days: the monthly report counts a month's engaged
   * people from them. The scorecard itself reads storage's aggregates; 0 reads none. Default 90.
   */
  interactionDays?: number;
}

/**
 * Gathers the workspace's history in the compact shapes the scorecard reads: posts of the detailed
 * window with text and metrics, older ones as instants, the audience counted by the database (per
 * person for 90 days, per local week for three years) rather than read row by row. The reads are
 * independent, so they run concurrently (PostgreSQL serves them on several pooled connections).
 */
export async function scorecardInput(ctx: AppContext, workspaceId: string, now: Date, options: ScorecardReadOptions = {}): Promise<ScorecardInput> {
  const db = ctx.storage.db;
  const engine = ctx.storage.engine;
  const nowIso = now.toISOString();
  const daysAgo = (days: number): string => new Date(now.getTime() - days * DAY).toISOString();
  const since = daysAgo(3 * 366);
  const month = daysAgo(30);
  const week = daysAgo(7);
  // The zone (weeks) and the value window (detailed posts) shape the other reads.
  const ws = await findWorkspace(db, workspaceId);
  if (!ws) throw new OperationError('NOT_FOUND', 'workspace not found');
  const zone = ws.timeZone;
  const settings = ws.settings as { pillars?: Pillar[]; valueTarget?: ValueTarget };
  const weeks = scorecardWeeks(nowIso, zone);
  const interactionDays = options.interactionDays ?? 90;
  const [channels, planRows, posts, timeline, audienceWindow, weeklyPeople, rows, policy, conversationRows, counts, recent, questionCount, questions, scheduled] = await Promise.all([
    listChannels(db, workspaceId),
    listPlans(db, workspaceId),
    publishedPostsSince(db, engine, workspaceId, daysAgo(postDetailDays(settings.valueTarget))),
    publishedPostTimeline(db, engine, workspaceId, since),
    audienceWindowCounts(db, engine, workspaceId, daysAgo(QUALITY_AUDIENCE.days), nowIso, QUALITY_AUDIENCE.days, QUALITY_AUDIENCE.minInteractions),
    weeklyEngagedPeople(db, engine, workspaceId, weeks, nowIso),
    interactionDays > 0 ? interactionsSince(db, engine, workspaceId, daysAgo(interactionDays)) : [],
    slaPolicyOf(ctx, workspaceId),
    conversationsBetween(db, workspaceId, month, nowIso),
    mentionCounts(db, workspaceId, month),
    recentMentions(db, workspaceId, month, nowIso, TERMS_SAMPLE),
    questionMentionCount(db, workspaceId, week, nowIso),
    questionMentions(db, workspaceId, week, nowIso, QUESTIONS_SAMPLE),
    scheduledTargets(db, workspaceId, nowIso),
  ]);
  const primary = channels.find((c) => c.primary) ?? channels[0];
  const plans = planRows.map((p) => toPlan(p.channelId, zone, p.plan));
  const trackedSince = channels.length ? channels.map((c) => c.createdAt).sort()[0]! : nowIso;
  // Mentions read for both lists are tokenised once.
  const trends = termsAndQuestions({ terms: { mentions: recent, from: month, to: nowIso, n: 20 }, questions: { mentions: questions, from: week, to: nowIso, n: 10 } });
  return {
    zone,
    primaryChannelId: primary?.id ?? '',
    channels: channels.map((c) => ({ id: c.id, name: c.handle, connectedAt: c.createdAt, ...(c.status === 'auth_revoked' ? { outages: [{ from: c.createdAt, reason: c.statusReason ?? 'credentials refused' }] } : {}) })),
    plans,
    posts,
    postTimeline: timeline,
    scheduledPosts: scheduled.map((t) => ({ id: t.id, channelId: t.channel_id, at: t.scheduled_at! })),
    interactions: rows,
    interactionsSince: trackedSince,
    audienceWindow,
    // Weeks from the one tracking began in are known (0 when nobody interacted); earlier ones are not listed, so unknown.
    weeklyAudience: weeks.flatMap((w, i) => (w.from >= trackedSince ? [{ weekStart: w.weekStart, engagedPeople: weeklyPeople[i] ?? 0 }] : [])),
    inbox: { conversations: toResponseConversations(conversationRows), firstResponseMinutes: policy.firstResponseMinutes, businessHours: policy.businessHours },
    listening: {
      queries: counts.queries,
      mentionsLast30Days: counts.matched,
      mentionsReadLast30Days: counts.read,
      questionsThisWeek: trends.questions,
      questionMentionsThisWeek: questionCount,
      topTermsLast30Days: trends.terms,
    },
    pillars: settings.pillars ?? [],
    ...(settings.valueTarget ? { valueTarget: settings.valueTarget } : {}),
  };
}

export async function workspaceScorecard(ctx: AppContext, actor: Actor, now = new Date()) {
  requirePermission(actor, 'workspace.read');
  const input = await scorecardInput(ctx, actor.workspaceId, now, { interactionDays: 0 });
  return scorecardWithMastery(input, now.toISOString());
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
