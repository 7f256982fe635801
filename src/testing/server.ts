import type { EngineName } from '../storage/engine.ts';
import { testContext } from './context.ts';
import { createServerApp } from '../server/app.ts';
import { createWorkspaceWithOwner, addMember } from '../operations/accounts.ts';
import { ROLES, type Role } from '../domain/roles.ts';
import type { AppContext, Actor } from '../operations/context.ts';
import type { BedsideApp, RouteInfo } from '../server/app-types.ts';

export const PASSWORD = 'correct horse battery staple';

export interface SignedIn {
  cookie: string;
  csrf: string;
  userId: string;
}

export interface TestServer {
  ctx: AppContext;
  app: BedsideApp;
  routes: RouteInfo[];
  workspaceId: string;
  ownerId: string;
  ownerActor: Actor;
  /** One signed-in member per role, for the permission walk. */
  as: Record<Role, SignedIn>;
  request(method: string, path: string, options?: { as?: SignedIn; body?: unknown; csrf?: string | null; bearer?: string; headers?: Record<string, string> }): Promise<Response>;
  login(email: string, password?: string): Promise<SignedIn>;
  cleanup(): Promise<void>;
}

export function cookieFrom(res: Response): string | undefined {
  const raw = res.headers.get('set-cookie');
  return raw?.match(/bedside_session=([^;]*)/)?.[1];
}

/** A server app over a fresh database with an owner and one member per role, each signed in. */
export async function testServer(engine: EngineName): Promise<TestServer> {
  const { ctx, cleanup } = await testContext(engine);
  const { app, routes } = createServerApp(ctx);
  const { workspaceId, userId: ownerId } = await createWorkspaceWithOwner(
    ctx,
    { workspaceName: 'Riverside Regional', timeZone: 'America/Chicago', email: 'owner@riverside.example', displayName: 'Olivia Owner', password: PASSWORD },
    { cli: true },
  );
  const ownerActor: Actor = { type: 'user', workspaceId, userId: ownerId, role: 'owner' };
  for (const role of ROLES.filter((r) => r !== 'owner')) {
    await addMember(ctx, ownerActor, { email: `${role}@riverside.example`, displayName: `${role} person`, role, password: PASSWORD });
  }

  const request: TestServer['request'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.as) headers.cookie = `bedside_session=${options.as.cookie}`;
    if (options.as && options.csrf !== null) headers['x-csrf-token'] = options.csrf ?? options.as.csrf;
    if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
    let body: string | Uint8Array | undefined;
    if (options.body !== undefined && typeof options.body === 'object' && options.body !== null && 'raw' in options.body) {
      headers['content-type'] = 'application/octet-stream';
      body = (options.body as { raw: Uint8Array }).raw;
    } else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    }
    return app.request(path, { method, headers, body });
  };

  const login = async (email: string, password = PASSWORD): Promise<SignedIn> => {
    const res = await request('POST', '/api/auth/login', { body: { email, password } });
    if (res.status !== 200) throw new Error(`login of ${email} failed: ${res.status} ${await res.text()}`);
    const json = (await res.json()) as { csrfToken: string; userId: string };
    return { cookie: cookieFrom(res)!, csrf: json.csrfToken, userId: json.userId };
  };

  const as = {} as Record<Role, SignedIn>;
  for (const role of ROLES) as[role] = await login(role === 'owner' ? 'owner@riverside.example' : `${role}@riverside.example`);
  return { ctx, app, routes, workspaceId, ownerId, ownerActor, as, request, login, cleanup };
}
