/**
 * A worker process for the multi-worker test (src/jobs/multi-worker.test.ts): works the
 * "drain-test" kind on PostgreSQL; each job records one effect row in the transaction that
 * completes it, so a job that ran to completion twice would leave two rows.
 */
import { sql } from 'kysely';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { boot } from '../runtime/boot.ts';

const booted = await boot({ logger: pino({ level: 'silent' }), queueTuning: { pollMs: 500, maintenanceIntervalSeconds: 1, leaseMs: 3000 } });
const { queue } = booted.ctx;
await queue.define('drain-test', { maxAttempts: 5, backoffMs: 1000, leaseMs: 3000, concurrency: 8 });
await queue.work<{ n: number }>('drain-test', async (job) => {
  await sleep(5);
  await job.finish(async (trx) => {
    await sql`insert into drain_effects (job_id, worker) values (${job.id}, ${process.pid})`.execute(trx);
  });
});
process.stdout.write('READY\n');
process.once('SIGTERM', () => void booted.close().then(() => process.exit(0)));
