import { sql } from 'kysely';
import type { BedsideApp } from '../app-types.ts';
import type { AppContext } from '../../operations/context.ts';
import { liveWorkers } from '../../storage/workers.ts';
import { overdueTargets } from '../../storage/posts.ts';

/** A worker that has not said it is alive for this long is presumed gone. */
export const WORKER_SILENCE_MS = 60_000;
/** A post this late without an outcome means publishing is stuck (the watchdog's threshold). */
export const OVERDUE_MS = 5 * 60_000;

/**
 * Liveness and readiness, outside /api, without authentication; counts only, never content.
 * /readyz fails while no worker consumes jobs: due posts would otherwise wait silently.
 */
export function registerHealth(app: BedsideApp, ctx: AppContext, isDraining: () => boolean): void {
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    if (isDraining()) return c.json({ status: 'draining' }, 503);
    try {
      await sql`select 1`.execute(ctx.storage.db);
    } catch {
      return c.json({ status: 'database unreachable' }, 503);
    }
    const now = Date.now();
    const workers = await liveWorkers(ctx.storage.db, new Date(now - WORKER_SILENCE_MS).toISOString());
    const overdue = await overdueTargets(ctx.storage.db, new Date(now - OVERDUE_MS).toISOString());
    const body = { engine: ctx.storage.engine, workers, overduePosts: overdue };
    if (workers === 0) return c.json({ status: 'no worker is consuming jobs', ...body }, 503);
    return c.json({ status: 'ready', ...body }, 200);
  });
}
