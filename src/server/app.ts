import { OpenAPIHono } from '@hono/zod-openapi';
import { getCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import type { AppContext } from '../operations/context.ts';
import { actorFromApiToken, actorFromSession } from '../operations/auth.ts';
import { OperationError } from '../operations/errors.ts';
import type { BedsideApp, RouteInfo, ServerVariables } from './app-types.ts';
import { errorResponse, validationError } from './errors.ts';
import { registerHealth } from './routes/health.ts';
import { registerAuth, SESSION_COOKIE } from './routes/auth.ts';
import { registerWorkspace } from './routes/workspace.ts';
import { registerMembers } from './routes/members.ts';
import { registerTokens } from './routes/tokens.ts';
import { registerChannels } from './routes/channels.ts';
import { registerPosts } from './routes/posts.ts';
import { registerCalendar } from './routes/calendar.ts';
import { registerInbox } from './routes/inbox.ts';
import { registerListening } from './routes/listening.ts';
import { registerMedia } from './routes/media.ts';
import { registerScorecard } from './routes/scorecard.ts';
import { registerReports } from './routes/reports.ts';
import { bodyLimit } from 'hono/body-limit';
import { registerWeb } from './web.ts';
import { VerifiedTokens } from './verified-tokens.ts';

export interface ServerOptions {
  publicUrl?: string | undefined;
  isDraining?: () => boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const STARTS_SESSION = new Set(['/api/auth/login', '/api/setup']);

/**
 * Whether a browser's Origin header names another site. Same host as the request (the scheme may
 * differ behind a TLS-terminating proxy) or BEDSIDE_PUBLIC_URL's origin is ours; no header is not a
 * browser's cross-site request (scripts, curl), and "null" (a sandboxed page) is foreign.
 */
function isForeignOrigin(origin: string | undefined, host: string, publicUrl: string | undefined): boolean {
  if (origin === undefined) return false;
  if (publicUrl && origin === new URL(publicUrl).origin) return false;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** Builds the HTTP app. `routes` lists every API route with the access it requires. */
export function createServerApp(ctx: AppContext, options: ServerOptions = {}): { app: BedsideApp; routes: RouteInfo[] } {
  const routes: RouteInfo[] = [];
  const app: BedsideApp = new OpenAPIHono<{ Variables: ServerVariables }>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.target, result.error);
    },
  });

  // Structured access log: method, matched route pattern, status, time. Never bodies, queries or cookies.
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    ctx.logger.info({ method: c.req.method, route: c.req.routePath, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
  });

  // Bodies are small JSON, or one image (5 MB) on /api/media. GET and HEAD handlers read no body, and
  // asking for one builds the full fetch Request (abort signal, headers) on every read: skip them.
  const limitBody = bodyLimit({ maxSize: 6 * 1024 * 1024, onError: () => { throw new OperationError('INVALID_REQUEST', 'the request body is larger than 6 MB', { field: 'body' }); } });
  app.use('/api/*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next)));

  const verifiedTokens = new VerifiedTokens();
  const lookupToken = (token: string) => actorFromApiToken(ctx, token);
  app.use('/api/*', async (c, next) => {
    c.set('actor', undefined);
    c.set('viaCookie', false);
    const authorization = c.req.header('authorization');
    if (authorization) {
      const [scheme, token] = authorization.split(' ');
      const actor = scheme?.toLowerCase() === 'bearer' && token ? await verifiedTokens.actorFor(token, lookupToken) : undefined;
      if (!actor) throw new OperationError('UNAUTHENTICATED', 'the API token is invalid, expired or revoked');
      c.set('actor', actor);
    } else {
      // A browser names the page that sent a write: one from another site is refused before any cookie counts.
      if (!SAFE_METHODS.has(c.req.method) && isForeignOrigin(c.req.header('origin'), c.req.header('host') ?? new URL(c.req.url).host, options.publicUrl)) {
        throw new OperationError('CSRF_FAILED', 'cross-origin request refused: the Origin header is not this Bedside');
      }
      // Signing in replaces whatever session the browser holds (even one planted by someone else,
      // whose CSRF token the person does not have): those routes act on no session.
      const cookie = STARTS_SESSION.has(c.req.path) ? undefined : getCookie(c, SESSION_COOKIE);
      const actor = cookie ? await actorFromSession(ctx, cookie) : undefined;
      if (actor) {
        // Cookies ride along with cross-site requests: state changes also need the session's CSRF token.
        if (!SAFE_METHODS.has(c.req.method) && c.req.header('x-csrf-token') !== actor.csrfToken) {
          throw new OperationError('CSRF_FAILED', 'missing or wrong X-CSRF-Token header (GET /api/session gives it)');
        }
        c.set('actor', actor);
        c.set('viaCookie', true);
      }
    }
    if (SAFE_METHODS.has(c.req.method)) return next();
    // Any write may revoke a token or change a role: verified tokens are looked up again afterwards.
    try {
      await next();
    } finally {
      verifiedTokens.forgetAll();
    }
  });

  registerHealth(app, ctx, options.isDraining ?? (() => false));
  registerAuth(app, routes, ctx, options.publicUrl);
  registerWorkspace(app, routes, ctx);
  registerMembers(app, routes, ctx);
  registerTokens(app, routes, ctx);
  registerChannels(app, routes, ctx);
  registerPosts(app, routes, ctx);
  registerCalendar(app, routes, ctx);
  registerInbox(app, routes, ctx);
  registerListening(app, routes, ctx);
  registerMedia(app, routes, ctx);
  registerScorecard(app, routes, ctx);
  registerReports(app, routes, ctx);

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE });
  app.openAPIRegistry.registerComponent('securitySchemes', 'token', { type: 'http', scheme: 'bearer' });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Bedside API', version: '0.1.0', description: 'Errors are JSON {error: {code, message, field?}}.' },
  });

  registerWeb(app);

  app.notFound((c) => c.json({ error: { code: 'NOT_FOUND', message: `no route ${c.req.method} ${new URL(c.req.url).pathname}` } }, 404));
  app.onError((err, c) => {
    if (err instanceof OperationError) return errorResponse(c, err);
    if (err instanceof HTTPException && err.status < 500) {
      // e.g. a body that is not JSON at all
      return errorResponse(c, new OperationError('INVALID_REQUEST', err.message || 'malformed request'));
    }
    ctx.logger.error({ route: c.req.routePath, err: { name: err.name, message: err.message } }, 'unhandled error');
    return c.json({ error: { code: 'INTERNAL', message: 'internal error: the server log has the details' } }, 500);
  });
  return { app, routes };
}
