import type { AppContext } from '../../operations/context.ts';
import type { JobQueue } from '../queue.ts';

import { SESSION_CLEANUP } from './session-cleanup-kind.ts';
const EVERY_MS = 60 * 60_000;

/** Deletes expired sessions every hour; each run enqueues the next (one per hour, by idempotency key). */
export async function registerSessionCleanup(_ctx: AppContext, queue: JobQueue): Promise<void> {
  const scheduleNext = async (): Promise<void> => {
    const slot = Math.floor(Date.now() / EVERY_MS) + 1;
    await queue.enqueue({ kind: SESSION_CLEANUP, payload: {}, runAt: new Date(slot * EVERY_MS), idempotencyKey: `slot-${slot}` });
  };
  await queue.work(SESSION_CLEANUP, async (job) => {
    await job.finish(async (trx) => {
      await trx.deleteFrom('sessions').where('expires_at', '<', new Date().toISOString()).execute();
    });
    await scheduleNext();
  });
  await scheduleNext();
}
