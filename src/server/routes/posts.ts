import { z } from '@hono/zod-openapi';
import type { BedsideApp, RouteInfo } from '../app-types.ts';
import type { AppContext } from '../../operations/context.ts';
import { defineRoute, errorResponses, actorOf } from '../route.ts';
import { approvePost, cancelPost, commentOnPost, createPost, editPost, getPost, posts, requestChanges, retryTarget, schedulePost, submitPost, unschedulePost } from '../../operations/posts.ts';
import { checkComposerDraft } from '../../operations/composer.ts';
import { localTimeToInstant, nextSlot } from '../../operations/calendar.ts';
import { POST_STATES } from '../../domain/posts/lifecycle.ts';
import type { Post } from '../../storage/posts.ts';
import { OperationError } from '../../operations/errors.ts';
import { ApproveRequest, CommentRequest, ComposerCheckRequest, CreatePostRequest, EditPostRequest, RetryRequest, ScheduleRequest } from '../../domain/forms/index.ts';

/** A part as the API returns it (requests are checked with the shared PostPart). */
const PartSchema = z.object({
  text: z.string().max(10_000),
  images: z.array(z.object({ mediaId: z.string().max(100).optional(), altText: z.string().max(5000) })).max(10).optional(),
});

const TargetSchema = z.object({
  id: z.string(),
  channelId: z.string(),
  state: z.string(),
  remote: z.array(z.object({ uri: z.string(), cid: z.string().optional(), url: z.string().optional() })),
  publishedAt: z.string().nullable(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable().openapi({ description: 'Why this channel failed, in words a user can act on' }),
});

const PostSchema = z
  .object({
    id: z.string(),
    authorId: z.string().nullable(),
    state: z.enum(POST_STATES),
    parts: z.array(PartSchema),
    scheduledAt: z.string().nullable(),
    revision: z.number(),
    approvedBy: z.string().nullable(),
    approvedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    targets: z.array(TargetSchema),
  })
  .openapi('Post');

const FindingSchema = z
  .object({
    rule: z.string(),
    severity: z.enum(['block', 'warn', 'info']),
    message: z.string(),
    span: z.object({ start: z.number(), end: z.number() }).optional(),
    network: z.string().optional(),
    field: z.string().optional(),
    suggestion: z.string().optional(),
  })
  .openapi('Finding');

const IdParam = z.object({ id: z.string().uuid().openapi({ param: { name: 'id', in: 'path' } }) });

function view(post: Post): z.infer<typeof PostSchema> {
  const { workspaceId: _w, targets, ...rest } = post;
  return { ...rest, targets: targets.map(({ jobId: _j, ...t }) => t) };
}

export function registerPosts(app: BedsideApp, table: RouteInfo[], ctx: AppContext): void {
  const json = <T extends z.ZodTypeAny>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
  const postResponse = (_status: 200, description: string) => ({ 200: { description, content: { 'application/json': { schema: PostSchema } } }, ...errorResponses }) as const;

  app.openapi(
    defineRoute(table, 'workspace.read', {
      method: 'get',
      path: '/api/posts',
      summary: 'Posts, newest change first (keyset-paginated); filter by state and scheduled time',
      request: {
        query: z.object({
          state: z.string().optional().openapi({ description: 'Comma-separated states' }),
          from: z.string().datetime({ offset: true }).optional(),
          to: z.string().datetime({ offset: true }).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          after: z.string().max(200).optional().openapi({ description: 'The nextCursor of the previous page' }),
        }),
      },
      responses: { 200: { description: 'A page of posts', content: { 'application/json': { schema: z.object({ posts: z.array(PostSchema), nextCursor: z.string().nullable() }) } } }, ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const states = q.state?.split(',').filter(Boolean) as Post['state'][] | undefined;
      const bad = states?.find((s) => !(POST_STATES as readonly string[]).includes(s));
      if (bad) throw new OperationError('INVALID_REQUEST', `unknown state "${bad}"`, { field: 'state' });
      const after = q.after ? (JSON.parse(Buffer.from(q.after, 'base64url').toString()) as { updatedAt: string; id: string }) : undefined;
      const list = await posts(ctx, actorOf(c), { states, from: q.from && new Date(q.from).toISOString(), to: q.to && new Date(q.to).toISOString(), limit: q.limit, after });
      const last = list[list.length - 1];
      const nextCursor = list.length === q.limit && last ? Buffer.from(JSON.stringify({ updatedAt: last.updatedAt, id: last.id })).toString('base64url') : null;
      return c.json({ posts: list.map(view), nextCursor }, 200);
    },
  );

  app.openapi(
    defineRoute(table, 'posts.draft', {
      method: 'post',
      path: '/api/posts',
      summary: 'Create a draft for one or more channels (an Idempotency-Key header makes retries safe)',
      request: { ...json(CreatePostRequest), headers: z.object({ 'idempotency-key': z.string().max(200).optional() }) },
      responses: {
        201: { description: 'Created', content: { 'application/json': { schema: PostSchema } } },
        200: { description: 'The earlier post with this Idempotency-Key', content: { 'application/json': { schema: PostSchema } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { post, duplicate } = await createPost(ctx, actorOf(c), { ...c.req.valid('json'), idempotencyKey: c.req.valid('header')['idempotency-key'] });
      if (duplicate) return c.json(view(post), 200);
      return c.json(view(post), 201);
    },
  );

  app.openapi(
    defineRoute(table, 'workspace.read', {
      method: 'get',
      path: '/api/posts/{id}',
      summary: 'One post with its channels’ states and the reviewers’ comments',
      request: { params: IdParam },
      responses: {
        200: { description: 'The post', content: { 'application/json': { schema: PostSchema.extend({ comments: z.array(z.object({ id: z.string(), authorId: z.string().nullable(), body: z.string(), createdAt: z.string() })) }) } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const post = await getPost(ctx, actorOf(c), c.req.valid('param').id);
      return c.json({ ...view(post), comments: post.comments }, 200);
    },
  );

  app.openapi(
    defineRoute(table, 'posts.draft', {
      method: 'patch',
      path: '/api/posts/{id}',
      summary: 'Edit a post; an approved or scheduled post goes back to review',
      request: { params: IdParam, ...json(EditPostRequest) },
      responses: postResponse(200, 'Edited'),
    }),
    async (c) => c.json(view(await editPost(ctx, actorOf(c), c.req.valid('param').id, c.req.valid('json'))), 200),
  );

  const action = (path: string, access: 'posts.draft' | 'posts.approve', summary: string, run: (id: string, body: Record<string, unknown>, c: Parameters<typeof actorOf>[0]) => Promise<Post>, body?: z.ZodTypeAny) =>
    app.openapi(
      defineRoute(table, access, { method: 'post', path: `/api/posts/{id}/${path}`, summary, request: { params: IdParam, ...(body ? json(body) : {}) }, responses: postResponse(200, 'The post after the change') }),
      async (c) => {
        const id = (c.req.valid as (t: 'param') => { id: string })('param').id;
        const payload = body ? ((c.req.valid as (t: 'json') => Record<string, unknown>)('json')) : {};
        return c.json(view(await run(id, payload, c)), 200);
      },
    );

  action('submit', 'posts.draft', 'Submit a draft for review', (id, _b, c) => submitPost(ctx, actorOf(c), id));
  action('approve', 'posts.approve', 'Approve a post in review (not your own)', (id, b, c) => approvePost(ctx, actorOf(c), id, b.comment as string | undefined), ApproveRequest);
  action('request-changes', 'posts.approve', 'Send a post back to its author with a comment', (id, b, c) => requestChanges(ctx, actorOf(c), id, b.comment as string), CommentRequest);
  action(
    'schedule',
    'posts.draft',
    'Schedule: at an instant (scheduledAt, ISO 8601 with offset), at a wall-clock time in the workspace zone (localTime, YYYY-MM-DDTHH:mm; DST gaps refused), or in the next free planned slot (slot: "next")',
    async (id, b, c) => {
      const actor = actorOf(c);
      const given = ['scheduledAt', 'localTime', 'slot'].filter((k) => b[k] !== undefined);
      if (given.length !== 1) throw new OperationError('INVALID_REQUEST', 'give exactly one of scheduledAt, localTime or slot', { field: 'scheduledAt' });
      let at: Date;
      if (b.scheduledAt) at = new Date(b.scheduledAt as string);
      else if (b.localTime) at = await localTimeToInstant(ctx, actor, b.localTime as string, id);
      else {
        const post = await getPost(ctx, actor, id);
        const slot = await nextSlot(ctx, actor, post.targets[0]!.channelId);
        if (!slot) throw new OperationError('CONFLICT', 'no free planned slot in the next 90 days', { field: 'slot' });
        at = new Date(slot);
      }
      return schedulePost(ctx, actor, id, at);
    },
    ScheduleRequest,
  );
  action('unschedule', 'posts.draft', 'Take a post off the schedule', (id, _b, c) => unschedulePost(ctx, actorOf(c), id));
  action('cancel', 'posts.draft', 'Cancel a post that has not gone out', (id, _b, c) => cancelPost(ctx, actorOf(c), id));
  action('retry', 'posts.draft', 'Try one failed channel again', (id, b, c) => retryTarget(ctx, actorOf(c), id, b.targetId as string), RetryRequest);

  app.openapi(
    defineRoute(table, 'posts.comment', {
      method: 'post',
      path: '/api/posts/{id}/comments',
      summary: 'Comment on a post (reviewers and editors)',
      request: { params: IdParam, ...json(CommentRequest) },
      responses: { 204: { description: 'Added' }, ...errorResponses },
    }),
    async (c) => {
      await commentOnPost(ctx, actorOf(c), c.req.valid('param').id, c.req.valid('json').comment);
      return c.body(null, 204);
    },
  );

  app.openapi(
    defineRoute(table, 'workspace.read', {
      method: 'post',
      path: '/api/composer/check',
      summary: 'Composer findings for a draft on the chosen channels: length per network, alt text, hashtags, link preview',
      request: json(ComposerCheckRequest),
      responses: {
        200: {
          description: 'Findings',
          content: { 'application/json': { schema: z.object({ findings: z.array(FindingSchema), blocked: z.boolean(), linkPreviewUrl: z.string().optional(), perNetwork: z.record(z.string(), z.object({ length: z.number(), limit: z.number(), remaining: z.number() }).passthrough()) }) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const result = await checkComposerDraft(ctx, actorOf(c), c.req.valid('json'));
      return c.json(result as never, 200);
    },
  );
}
