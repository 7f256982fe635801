import type { Storage } from '../storage/engine.ts';
import type { JobQueue } from './queue.ts';
import { SqliteJobQueue } from './sqlite-queue.ts';
import { PgBossJobQueue } from './pgboss-queue.ts';

export * from './queue.ts';

export interface QueueTuning {
  pollMs?: number;
  maintenanceIntervalSeconds?: number;
  /** Replaces every kind's leaseMs (operators tune how fast a dead worker's jobs return). */
  leaseMs?: number;
}

/** The queue that fits the storage engine: in-process on SQLite, pg-boss on PostgreSQL. */
export function createJobQueue(storage: Storage, databaseUrl: string | undefined, tuning: QueueTuning = {}): JobQueue {
  if (storage.engine === 'postgres') {
    if (!databaseUrl) throw new Error('PostgreSQL storage needs its DATABASE_URL for the job queue');
    const options: { maintenanceIntervalSeconds?: number; pollingIntervalSeconds?: number } = {};
    if (tuning.maintenanceIntervalSeconds !== undefined) options.maintenanceIntervalSeconds = tuning.maintenanceIntervalSeconds;
    if (tuning.pollMs !== undefined) options.pollingIntervalSeconds = Math.max(0.5, tuning.pollMs / 1000);
    return new PgBossJobQueue(storage.db, databaseUrl, { ...options, ...(tuning.leaseMs ? { leaseMs: tuning.leaseMs } : {}) });
  }
  return new SqliteJobQueue(storage.db, { ...(tuning.pollMs === undefined ? {} : { pollMs: tuning.pollMs }), ...(tuning.leaseMs ? { leaseMs: tuning.leaseMs } : {}) });
}
