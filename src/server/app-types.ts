import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Actor } from '../operations/context.ts';
import type { Permission } from '../domain/roles.ts';

export interface ServerVariables {
  actor: Actor | undefined;
  /** Set when the actor came from a session cookie (CSRF applies). */
  viaCookie: boolean;
}

export type BedsideApp = OpenAPIHono<{ Variables: ServerVariables }>;

/** What a route requires: nothing, any signed-in member, or a permission of the domain's role table. */
export type RouteAccess = 'public' | 'member' | Permission;

export interface RouteInfo {
  method: string;
  path: string;
  access: RouteAccess;
}
