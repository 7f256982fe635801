import type { AppContext, Actor } from './context.ts';
import { requirePermission } from './context.ts';
import { weeklyTrends, type WeeklyTrends } from '../domain/scorecard/index.ts';
import { scorecardInput } from './scorecard.ts';

/** The weekly series behind the Patience rule (audience with its noise band, posts) and the top posts, for the analytics charts. */
export async function scorecardTrends(ctx: AppContext, actor: Actor, now = new Date()): Promise<WeeklyTrends> {
  requirePermission(actor, 'workspace.read');
  const input = await scorecardInput(ctx, actor.workspaceId, now, { interactionDays: 0 });
  return weeklyTrends(input, now.toISOString());
}
