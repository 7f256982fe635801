import { z } from '@hono/zod-openapi';
import type { BedsideApp, RouteInfo } from '../app-types.ts';
import type { AppContext } from '../../operations/context.ts';
import { defineRoute, errorResponses, actorOf } from '../route.ts';
import { channels, connectChannel, disconnectChannel, resumeChannel } from '../../operations/channels.ts';
import { ConnectChannelRequest, ResumeChannelRequest } from '../../domain/forms/index.ts';

const ChannelSchema = z
  .object({
    id: z.string(),
    network: z.string(),
    handle: z.string(),
    displayName: z.string().nullable(),
    status: z.string().openapi({ description: 'active; paused (publishing stopped after repeated network failures); auth_revoked (the network refused the credentials: resume with new ones)' }),
    statusReason: z.string().nullable().openapi({ description: 'Why the channel is not active, in words for the user' }),
    primary: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('Channel');

export function registerChannels(app: BedsideApp, table: RouteInfo[], ctx: AppContext): void {
  app.openapi(
    defineRoute(table, 'workspace.read', {
      method: 'get',
      path: '/api/channels',
      summary: 'Connected accounts (credentials are never returned)',
      responses: { 200: { description: 'Channels', content: { 'application/json': { schema: z.object({ channels: z.array(ChannelSchema) }) } } }, ...errorResponses },
    }),
    async (c) => c.json({ channels: (await channels(ctx, actorOf(c))).map(({ workspaceId: _w, ...ch }) => ch) }, 200),
  );

  app.openapi(
    defineRoute(table, 'channels.manage', {
      method: 'post',
      path: '/api/channels',
      summary: 'Connect an account; its credentials are stored encrypted (AES-256-GCM)',
      request: {
        body: { content: { 'application/json': { schema: ConnectChannelRequest } }, required: true },
      },
      responses: { 201: { description: 'Connected', content: { 'application/json': { schema: ChannelSchema } } }, ...errorResponses },
    }),
    async (c) => {
      const { workspaceId: _w, ...channel } = await connectChannel(ctx, actorOf(c), c.req.valid('json'));
      return c.json(channel, 201);
    },
  );

  app.openapi(
    defineRoute(table, 'channels.manage', {
      method: 'post',
      path: '/api/channels/{id}/resume',
      summary: 'Resume publishing on a paused channel, optionally with new credentials (checked with the network first); its waiting posts go out',
      request: {
        params: z.object({ id: z.string().uuid().openapi({ param: { name: 'id', in: 'path' } }) }),
        body: { content: { 'application/json': { schema: ResumeChannelRequest } }, required: false },
      },
      responses: {
        200: { description: 'Resumed', content: { 'application/json': { schema: ChannelSchema.extend({ resumedPosts: z.number().int() }) } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const body = c.req.header('content-type')?.includes('application/json') ? c.req.valid('json') : {};
      const { workspaceId: _w, ...channel } = await resumeChannel(ctx, actorOf(c), c.req.valid('param').id, { credentials: body.credentials });
      return c.json(channel, 200);
    },
  );

  app.openapi(
    defineRoute(table, 'channels.manage', {
      method: 'delete',
      path: '/api/channels/{id}',
      summary: 'Disconnect an account (its credentials are deleted)',
      request: { params: z.object({ id: z.string().uuid().openapi({ param: { name: 'id', in: 'path' } }) }) },
      responses: { 204: { description: 'Disconnected' }, ...errorResponses },
    }),
    async (c) => {
      await disconnectChannel(ctx, actorOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
}
