import { z } from '@hono/zod-openapi';
import type { BedsideApp, RouteInfo } from '../app-types.ts';
import type { AppContext } from '../../operations/context.ts';
import { defineRoute, errorResponses, actorOf } from '../route.ts';
import { calendar, consistency, nextSlot, postingPlan, setPostingPlan } from '../../operations/calendar.ts';
import { PostingPlanRequest } from '../../domain/forms/index.ts';

// zod's own .meta(), not .openapi(): a shared schema may be built before @hono/zod-openapi adds that method to zod.
const PlanSchema = PostingPlanRequest.meta({ id: 'PostingPlan', description: 'Weekly slots in the workspace time zone (e.g. Tue/Thu/Sat 10:00) or an RFC 5545 RRULE' });

const ChannelParam = z.object({ id: z.string().uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export function registerCalendar(app: BedsideApp, table: RouteInfo[], ctx: AppContext): void {
  app.openapi(
    defineRoute(table, 'workspace.read', {
      method: 'get',
      path: '/api/channels/{id}/plan',
      summary: "A channel's posting plan (cadence) and its description",
      request: { params: ChannelParam },
      responses: { 200: { description: 'The plan, or null', content: { 'application/json': { schema: z.object({ plan: PlanSchema.nullable(), description: z.string().nullable() }) } } }, ...errorResponses },
    }),
    async (c) => c.json((await postingPlan(ctx, actorOf(c), c.req.valid('param').id)) as never, 200),
  );

  app.openapi(
    defineRoute(table, 'workspace.manage', {
      method: 'put',
      path: '/api/channels/{id}/plan',
      summary: "Set a channel's posting plan",
      request: { params: ChannelParam, body: { content: { 'application/json': { schema: PlanSchema } }, required: true } },
      responses: { 200: { description: 'Saved', content: { 'application/json': { schema: z.object({ plan: PlanSchema, description: z.string() }) } } }, ...errorResponses },
    }),
    async (c) => c.json((await setPostingPlan(ctx, actorOf(c), c.req.valid('param').id, c.req.valid('json'))) as never, 200),
  );

  app.openapi(
    defineRoute(table, 'workspace.read', {
      method: 'get',
      path: '/api/channels/{id}/next-slot',
      summary: 'The queue: the next planned slot nothing fills yet',
      request: { params: ChannelParam },
      responses: { 200: { description: 'The slot (UTC), or null when none in 90 days', content: { 'application/json': { schema: z.object({ at: z.string().nullable() }) } } }, ...errorResponses },
    }),
    async (c) => c.json({ at: await nextSlot(ctx, actorOf(c), c.req.valid('param').id) }, 200),
  );

  app.openapi(
    defineRoute(table, 'workspace.read', {
      method: 'get',
      path: '/api/calendar',
      summary: 'Posts and planned slots (empty ones too) per day of a range, in the workspace time zone',
      request: { query: z.object({ from: z.string().datetime({ offset: true }), to: z.string().datetime({ offset: true }) }) },
      responses: {
        200: {
          description: 'Days',
          content: {
            'application/json': {
              schema: z.object({
                zone: z.string(),
                days: z.array(z.object({ date: z.string(), slots: z.array(z.object({ channelId: z.string(), at: z.string(), filledBy: z.string().optional() })), posts: z.array(z.object({ id: z.string(), channelId: z.string(), at: z.string(), state: z.string() }).passthrough()) })),
              }),
            },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json((await calendar(ctx, actorOf(c), new Date(q.from), new Date(q.to))) as never, 200);
    },
  );

  app.openapi(
    defineRoute(table, 'workspace.read', {
      method: 'get',
      path: '/api/consistency',
      summary: 'Per channel: days since the last post, empty planned slots ahead, missed slots, on-plan streak',
      responses: {
        200: {
          description: 'Gaps',
          content: { 'application/json': { schema: z.object({ channels: z.array(z.object({ channelId: z.string(), handle: z.string(), report: z.object({ daysSinceLastPost: z.number().nullable(), lastPostAt: z.string().optional(), emptyPlannedSlots: z.array(z.string()), missedSlots: z.array(z.string()), streakWeeks: z.number() }) })) }) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => c.json({ channels: await consistency(ctx, actorOf(c)) }, 200),
  );
}
