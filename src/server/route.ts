import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { RouteAccess, RouteInfo, ServerVariables } from './app-types.ts';
import type { Actor } from '../operations/context.ts';
import { OperationError } from '../operations/errors.ts';

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }) })
  .openapi('Error');

/** The error answers every authenticated route may give, for the OpenAPI document. */
export const errorResponses = {
  400: { description: 'Malformed request: the field is named', content: { 'application/json': { schema: ErrorSchema } } },
  401: { description: 'No valid session or token', content: { 'application/json': { schema: ErrorSchema } } },
  403: { description: 'The role may not do this, or the CSRF token is missing', content: { 'application/json': { schema: ErrorSchema } } },
} as const;

/** Declares a route and records who may call it, so tests can walk every route × role. */
export function defineRoute<R extends RouteConfig>(table: RouteInfo[], access: RouteAccess, config: R): R {
  table.push({ method: config.method.toUpperCase(), path: config.path, access });
  const security = access === 'public' ? [] : [{ session: [] }, { token: [] }];
  return createRoute({ ...config, security, description: `${config.description ?? ''}\n\nAccess: ${access}`.trim() });
}

/** The signed-in actor, or a 401. Permission checks are the operations' own. */
export function actorOf(c: Context<{ Variables: ServerVariables }>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new OperationError('UNAUTHENTICATED', 'sign in first (session cookie or Authorization: Bearer token)');
  return actor;
}
