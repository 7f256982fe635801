import { z } from '@hono/zod-openapi';
import type { BedsideApp, RouteInfo } from '../app-types.ts';
import type { AppContext } from '../../operations/context.ts';
import { defineRoute, errorResponses, actorOf } from '../route.ts';
import { apiTokens, createApiToken, revokeToken } from '../../operations/auth.ts';

const TokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    userId: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiToken');

export function registerTokens(app: BedsideApp, table: RouteInfo[], ctx: AppContext): void {
  app.openapi(
    defineRoute(table, 'workspace.read', {
      method: 'get',
      path: '/api/tokens',
      summary: 'API tokens: your own (owners and admins see everyone’s)',
      responses: { 200: { description: 'Tokens', content: { 'application/json': { schema: z.object({ tokens: z.array(TokenSchema) }) } } }, ...errorResponses },
    }),
    async (c) => c.json({ tokens: (await apiTokens(ctx, actorOf(c))).map(({ workspaceId: _w, ...t }) => t) }, 200),
  );

  app.openapi(
    defineRoute(table, 'workspace.read', {
      method: 'post',
      path: '/api/tokens',
      summary: 'Create an API token acting with your role (the secret is shown once)',
      request: {
        body: {
          content: { 'application/json': { schema: z.object({ name: z.string().trim().min(1).max(80), expiresAt: z.string().datetime().optional() }) } },
          required: true,
        },
      },
      responses: {
        201: { description: 'Created', content: { 'application/json': { schema: z.object({ token: z.string(), record: TokenSchema }) } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { token, record } = await createApiToken(ctx, actorOf(c), c.req.valid('json'));
      const { workspaceId: _w, ...rest } = record;
      return c.json({ token, record: rest }, 201);
    },
  );

  app.openapi(
    defineRoute(table, 'workspace.read', {
      method: 'delete',
      path: '/api/tokens/{id}',
      summary: 'Revoke an API token',
      request: { params: z.object({ id: z.string().uuid().openapi({ param: { name: 'id', in: 'path' } }) }) },
      responses: { 204: { description: 'Revoked' }, ...errorResponses },
    }),
    async (c) => {
      await revokeToken(ctx, actorOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
}
