import { sql } from 'kysely';
import type { BedsideApp } from '../app-types.ts';
import type { AppContext } from '../../operations/context.ts';

/** Liveness and readiness: outside /api, no authentication, no details that could leak. */
export function registerHealth(app: BedsideApp, ctx: AppContext, isDraining: () => boolean): void {
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    if (isDraining()) return c.json({ status: 'draining' }, 503);
    try {
      await sql`select 1`.execute(ctx.storage.db);
      return c.json({ status: 'ready', engine: ctx.storage.engine });
    } catch {
      return c.json({ status: 'database unreachable' }, 503);
    }
  });
}
