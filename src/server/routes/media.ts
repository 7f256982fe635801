import { z } from '@hono/zod-openapi';
import type { BedsideApp, RouteInfo } from '../app-types.ts';
import type { AppContext } from '../../operations/context.ts';
import { defineRoute, errorResponses, actorOf } from '../route.ts';
import { readMedia, uploadMedia } from '../../operations/media.ts';

export function registerMedia(app: BedsideApp, table: RouteInfo[], ctx: AppContext): void {
  app.openapi(
    defineRoute(table, 'posts.draft', {
      method: 'post',
      path: '/api/media',
      summary: 'Upload an image (PNG, JPEG, GIF, WebP; up to 5 MB) as the raw request body; attach it to a post part with its alt text',
      request: { body: { content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) }, 'image/*': { schema: z.string().openapi({ format: 'binary' }) } }, required: true } },
      responses: { 201: { description: 'Stored', content: { 'application/json': { schema: z.object({ id: z.string(), mimeType: z.string(), size: z.number() }).openapi('Media') } } }, ...errorResponses },
    }),
    async (c) => c.json(await uploadMedia(ctx, actorOf(c), new Uint8Array(await c.req.arrayBuffer())), 201),
  );

  app.openapi(
    defineRoute(table, 'workspace.read', {
      method: 'get',
      path: '/api/media/{id}',
      summary: 'An uploaded image, with the type sniffed at upload (the composer shows it as a preview)',
      request: { params: z.object({ id: z.string().uuid().openapi({ param: { name: 'id', in: 'path' } }) }) },
      responses: { 200: { description: 'The image', content: { 'image/*': { schema: z.string().openapi({ format: 'binary' }) } } }, ...errorResponses },
    }),
    async (c) => {
      const { mimeType, data } = await readMedia(ctx, actorOf(c), c.req.valid('param').id);
      // An upload never changes (a new image gets a new id); private: it is the workspace's.
      return c.body(data as never, 200, { 'content-type': mimeType, 'cache-control': 'private, max-age=31536000, immutable', 'x-content-type-options': 'nosniff', 'content-disposition': 'inline' }) as never;
    },
  );
}
