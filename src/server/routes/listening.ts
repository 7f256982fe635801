import { z } from '@hono/zod-openapi';
import type { BedsideApp, RouteInfo } from '../app-types.ts';
import type { AppContext } from '../../operations/context.ts';
import { defineRoute, errorResponses, actorOf } from '../route.ts';
import { addFeed, addHashtag, audienceTopics, createQuery, explainQueryError, queries, queryMatches, removeQuery, removeSource, searchMentions, sources } from '../../operations/listening.ts';
import type { Mention } from '../../storage/mentions.ts';
import { FeedRequest, HashtagRequest, ListeningQueryRequest, ValidateQueryRequest } from '../../domain/forms/index.ts';

const json = <T extends z.ZodTypeAny>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const IdParam = z.object({ id: z.string().uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const QuerySchema = z.object({ id: z.string(), name: z.string(), query: z.string(), createdAt: z.string() }).openapi('ListeningQuery');
const MentionList = z.object({ mentions: z.array(z.object({ id: z.string(), network: z.string(), kind: z.string(), author: z.object({ handle: z.string() }).passthrough(), text: z.string(), url: z.string().nullable(), createdAt: z.string(), sentiment: z.string(), intents: z.array(z.string()), urgent: z.boolean() }).passthrough()) });

function view(m: Mention) {
  const { remote: _r, analysis: _a, ...rest } = m;
  return rest;
}

export function registerListening(app: BedsideApp, table: RouteInfo[], ctx: AppContext): void {
  app.openapi(
    defineRoute(table, 'workspace.read', {
      method: 'get',
      path: '/api/listening/queries',
      summary: 'Saved listening queries',
      responses: { 200: { description: 'Queries', content: { 'application/json': { schema: z.object({ queries: z.array(QuerySchema) }) } } }, ...errorResponses },
    }),
    async (c) => c.json({ queries: await queries(ctx, actorOf(c)) }, 200),
  );

  app.openapi(
    defineRoute(table, 'workspace.read', {
      method: 'post',
      path: '/api/listening/validate',
      summary: 'Validate a query as it is typed: the problem and its column, with a caret line',
      request: json(ValidateQueryRequest),
      responses: {
        200: { description: 'ok, or the error', content: { 'application/json': { schema: z.object({ ok: z.boolean(), message: z.string().optional(), column: z.number().optional(), length: z.number().optional(), pointer: z.string().optional() }) } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      actorOf(c);
      return c.json(explainQueryError(c.req.valid('json').query), 200);
    },
  );

  app.openapi(
    defineRoute(table, 'workspace.manage', {
      method: 'post',
      path: '/api/listening/queries',
      summary: 'Save a listening query (words, "phrases", AND/OR/NOT, parentheses, NEAR/n, author:, lang:)',
      request: json(ListeningQueryRequest),
      responses: { 201: { description: 'Saved', content: { 'application/json': { schema: QuerySchema } } }, ...errorResponses },
    }),
    async (c) => c.json(await createQuery(ctx, actorOf(c), c.req.valid('json')), 201),
  );

  app.openapi(
    defineRoute(table, 'workspace.manage', {
      method: 'delete',
      path: '/api/listening/queries/{id}',
      summary: 'Delete a listening query (its matches go with it; the mentions stay)',
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...errorResponses },
    }),
    async (c) => {
      await removeQuery(ctx, actorOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    defineRoute(table, 'workspace.read', {
      method: 'get',
      path: '/api/listening/queries/{id}/mentions',
      summary: 'Mentions a query matched, newest first',
      request: { params: IdParam, query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }) },
      responses: { 200: { description: 'Mentions', content: { 'application/json': { schema: MentionList } } }, ...errorResponses },
    }),
    async (c) => c.json({ mentions: (await queryMatches(ctx, actorOf(c), c.req.valid('param').id, c.req.valid('query').limit)).map(view) }, 200),
  );

  app.openapi(
    defineRoute(table, 'workspace.read', {
      method: 'get',
      path: '/api/mentions/search',
      summary: 'Search stored mentions with the query language (full-text index, confirmed by the matcher)',
      request: { query: z.object({ q: z.string().min(1).max(2000), limit: z.coerce.number().int().min(1).max(200).default(50) }) },
      responses: { 200: { description: 'Mentions', content: { 'application/json': { schema: MentionList } } }, ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json({ mentions: (await searchMentions(ctx, actorOf(c), q.q, q.limit)).map(view) }, 200);
    },
  );

  app.openapi(
    defineRoute(table, 'workspace.read', {
      method: 'get',
      path: '/api/listening/topics',
      summary: 'What the audience cares about: top terms and questions of a period, emerging terms (last hour vs 12 before, last day vs 14 before)',
      request: { query: z.object({ from: z.string().datetime({ offset: true }), to: z.string().datetime({ offset: true }) }) },
      responses: { 200: { description: 'Topics', content: { 'application/json': { schema: z.object({ topTerms: z.array(z.unknown()), topQuestions: z.array(z.unknown()), emerging: z.object({ hour: z.array(z.unknown()), day: z.array(z.unknown()) }) }) } } }, ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json((await audienceTopics(ctx, actorOf(c), new Date(q.from), new Date(q.to))) as never, 200);
    },
  );

  const SourceSchema = z.object({ id: z.string(), kind: z.string(), ref: z.string(), health: z.string(), healthReason: z.string().nullable(), lastRunAt: z.string().nullable(), lastOkAt: z.string().nullable() }).openapi('Source');
  const sourceView = (s: Awaited<ReturnType<typeof sources>>[number]) => ({ id: s.id, kind: s.kind, ref: s.ref, health: s.health, healthReason: s.healthReason, lastRunAt: s.lastRunAt, lastOkAt: s.lastOkAt });
  app.openapi(
    defineRoute(table, 'workspace.read', {
      method: 'get',
      path: '/api/sources',
      summary: 'Where mentions come from (channel notifications, query searches, feeds, Mastodon hashtags) and whether each is healthy, with the reason',
      responses: { 200: { description: 'Sources', content: { 'application/json': { schema: z.object({ sources: z.array(SourceSchema) }) } } }, ...errorResponses },
    }),
    async (c) => c.json({ sources: (await sources(ctx, actorOf(c))).map(sourceView) }, 200),
  );
  app.openapi(
    defineRoute(table, 'workspace.manage', {
      method: 'post',
      path: '/api/sources/feeds',
      summary: 'Listen to an RSS, Atom or JSON Feed (news sites, review sites, blogs)',
      request: json(FeedRequest),
      responses: { 201: { description: 'Added', content: { 'application/json': { schema: SourceSchema } } }, ...errorResponses },
    }),
    async (c) => c.json(sourceView(await addFeed(ctx, actorOf(c), c.req.valid('json').url)), 201),
  );
  app.openapi(
    defineRoute(table, 'workspace.manage', {
      method: 'post',
      path: '/api/sources/hashtags',
      summary: "Listen to a Mastodon hashtag (#FluShot): its public timeline, read through the workspace's Mastodon channel from the newest posts on",
      request: json(HashtagRequest),
      responses: { 201: { description: 'Added', content: { 'application/json': { schema: SourceSchema } } }, ...errorResponses },
    }),
    async (c) => c.json(sourceView(await addHashtag(ctx, actorOf(c), c.req.valid('json').tag)), 201),
  );
  app.openapi(
    defineRoute(table, 'workspace.manage', {
      method: 'delete',
      path: '/api/sources/{id}',
      summary: 'Stop listening to a feed or a Mastodon hashtag (the mentions it brought in stay)',
      request: { params: IdParam },
      responses: { 204: { description: 'Removed' }, ...errorResponses },
    }),
    async (c) => {
      await removeSource(ctx, actorOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
}
