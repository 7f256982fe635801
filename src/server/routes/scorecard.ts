import { z } from '@hono/zod-openapi';
import type { BedsideApp, RouteInfo } from '../app-types.ts';
import type { AppContext } from '../../operations/context.ts';
import { defineRoute, errorResponses, actorOf } from '../route.ts';
import { overrideStartSmall, workspaceScorecard } from '../../operations/scorecard.ts';
import { scorecardTrends } from '../../operations/scorecard-trends.ts';

export function registerScorecard(app: BedsideApp, table: RouteInfo[], ctx: AppContext): void {
  app.openapi(
    defineRoute(table, 'workspace.read', {
      method: 'get',
      path: '/api/scorecard',
      summary: 'The seven-rules scorecard (0–100 per rule with figures, explanation, next action; "not enough data" says what is missing) and the mastery check of the primary channel',
      responses: { 200: { description: 'Scorecard', content: { 'application/json': { schema: z.object({ scorecard: z.unknown(), mastery: z.unknown() }) } } }, ...errorResponses },
    }),
    async (c) => c.json((await workspaceScorecard(ctx, actorOf(c))) as never, 200),
  );
  app.openapi(
    defineRoute(table, 'workspace.read', {
      method: 'get',
      path: '/api/scorecard/trends',
      summary: 'The weekly series behind the Patience rule: engaged audience (unknown weeks null) with its trend line and noise band, posts per week, and the top posts of 90 days',
      responses: {
        200: {
          description: 'Weekly series',
          content: {
            'application/json': {
              schema: z.object({
                zone: z.string(),
                weeks: z.array(z.object({ weekStart: z.string(), audience: z.number().nullable(), posts: z.number().nullable(), expected: z.number().nullable(), low: z.number().nullable(), high: z.number().nullable() })),
                audience: z.object({ direction: z.string().nullable(), slopePerWeek: z.number().nullable(), p: z.number().nullable(), notEnoughData: z.string().optional() }),
                topPosts: z.array(z.object({ id: z.string(), channelId: z.string(), publishedAt: z.string(), text: z.string(), engagements: z.number(), replies: z.number() })),
              }),
            },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await scorecardTrends(ctx, actorOf(c)), 200),
  );
  app.openapi(
    defineRoute(table, 'members.grant_owner', {
      method: 'post',
      path: '/api/start-small/override',
      summary: 'Owner only: unlock a second channel before the primary one is mastered (recorded in the audit log)',
      responses: { 204: { description: 'Unlocked' }, ...errorResponses },
    }),
    async (c) => {
      await overrideStartSmall(ctx, actorOf(c));
      return c.body(null, 204);
    },
  );
}
