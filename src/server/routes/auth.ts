import { z } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Context } from 'hono';
import type { BedsideApp, RouteInfo, ServerVariables } from '../app-types.ts';
import type { AppContext } from '../../operations/context.ts';
import { defineRoute, ErrorSchema, errorResponses, actorOf } from '../route.ts';
import { createWorkspaceWithOwner } from '../../operations/accounts.ts';
import { login, logout, SESSION_IDLE_MS } from '../../operations/auth.ts';
import { findMembership, findUser } from '../../storage/users.ts';
import { ROLES } from '../../domain/roles.ts';
import { SetupRequest, SignInRequest } from '../../domain/forms/index.ts';

export const SESSION_COOKIE = 'bedside_session';

const SessionSchema = z
  .object({
    userId: z.string(),
    email: z.string(),
    displayName: z.string(),
    workspaceId: z.string(),
    role: z.enum(ROLES),
    csrfToken: z.string().optional().openapi({ description: 'Send as X-CSRF-Token with every state-changing request made with the session cookie' }),
  })
  .openapi('Session');

function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function secureCookies(c: Context, publicUrl: string | undefined): boolean {
  return (publicUrl ?? c.req.url).startsWith('https:');
}

export function registerAuth(app: BedsideApp, table: RouteInfo[], ctx: AppContext, publicUrl: string | undefined): void {
  const startSession = (c: Context<{ Variables: ServerVariables }>, cookie: string, expiresAt: string): void => {
    setCookie(c, SESSION_COOKIE, cookie, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: secureCookies(c, publicUrl),
      path: '/',
      maxAge: Math.floor(SESSION_IDLE_MS / 1000),
      expires: new Date(expiresAt),
    });
  };

  app.openapi(
    defineRoute(table, 'public', {
      method: 'post',
      path: '/api/setup',
      summary: 'First run: create the workspace and its owner with the one-time setup link',
      request: { body: { content: { 'application/json': { schema: SetupRequest } }, required: true } },
      responses: {
        201: { description: 'Created; the owner is signed in', content: { 'application/json': { schema: SessionSchema } } },
        400: errorResponses[400],
        401: { description: 'Setup link invalid, expired or used', content: { 'application/json': { schema: ErrorSchema } } },
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      await createWorkspaceWithOwner(ctx, body, { setupToken: body.token });
      const session = await login(ctx, { email: body.email, password: body.password, clientAddress: clientAddress(c) });
      startSession(c, session.cookie, session.expiresAt);
      return c.json({ userId: session.userId, email: body.email.toLowerCase(), displayName: body.displayName, workspaceId: session.workspaceId, role: 'owner' as const, csrfToken: session.csrfToken }, 201);
    },
  );

  app.openapi(
    defineRoute(table, 'public', {
      method: 'post',
      path: '/api/auth/login',
      summary: 'Sign in with email and password (rate-limited); sets an HttpOnly session cookie',
      request: { body: { content: { 'application/json': { schema: SignInRequest } }, required: true } },
      responses: {
        200: { description: 'Signed in', content: { 'application/json': { schema: SessionSchema } } },
        400: errorResponses[400],
        401: { description: 'Wrong email or password', content: { 'application/json': { schema: ErrorSchema } } },
        429: { description: 'Too many failures; see Retry-After', content: { 'application/json': { schema: ErrorSchema } } },
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      // A new session id on every login: a planted cookie never becomes a signed-in session.
      const old = getCookie(c, SESSION_COOKIE);
      if (old) await logout(ctx, old);
      const session = await login(ctx, { ...body, clientAddress: clientAddress(c) });
      startSession(c, session.cookie, session.expiresAt);
      const user = (await findUser(ctx.storage.db, session.userId))!;
      const membership = (await findMembership(ctx.storage.db, session.workspaceId, session.userId))!;
      return c.json({ userId: user.id, email: user.email, displayName: user.display_name, workspaceId: session.workspaceId, role: membership.role, csrfToken: session.csrfToken }, 200);
    },
  );

  app.openapi(
    defineRoute(table, 'member', {
      method: 'post',
      path: '/api/auth/logout',
      summary: 'End the current session',
      responses: { 204: { description: 'Signed out' }, ...errorResponses },
    }),
    async (c) => {
      actorOf(c);
      const cookie = getCookie(c, SESSION_COOKIE);
      if (cookie) await logout(ctx, cookie);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );

  app.openapi(
    defineRoute(table, 'member', {
      method: 'get',
      path: '/api/session',
      summary: 'Who is signed in, in which workspace, with which role (and the CSRF token for a cookie session)',
      responses: { 200: { description: 'The session', content: { 'application/json': { schema: SessionSchema } } }, ...errorResponses },
    }),
    async (c) => {
      const actor = actorOf(c);
      const user = (await findUser(ctx.storage.db, actor.userId ?? ''))!;
      const csrfToken = 'csrfToken' in actor ? (actor.csrfToken as string) : undefined;
      return c.json({ userId: user.id, email: user.email, displayName: user.display_name, workspaceId: actor.workspaceId, role: actor.role, ...(csrfToken ? { csrfToken } : {}) }, 200);
    },
  );
}
