/**
 * A worker process for the crash test (src/jobs/crash.test.ts): works the "crash-test" kind on
 * the database named by the environment, announcing each try on stdout. The first try sleeps
 * long enough to be killed mid-flight; later tries finish, recording one effect row.
 */
import { sql } from 'kysely';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { boot } from '../runtime/boot.ts';

export const CRASH_KIND = 'crash-test';
export const CRASH_LEASE_MS = 2_000;

const booted = await boot({ logger: pino({ level: 'silent' }), queueTuning: { pollMs: 100, maintenanceIntervalSeconds: 1 } });
const { queue } = booted.ctx;
await queue.define(CRASH_KIND, { maxAttempts: 5, backoffMs: 1_000, leaseMs: CRASH_LEASE_MS, concurrency: 1 });
await queue.work<{ label: string }>(CRASH_KIND, async (job) => {
  process.stdout.write(`STARTED ${job.id} ${job.attempt}\n`);
  await sleep(job.attempt === 1 ? 60_000 : 300);
  await job.finish(async (trx) => {
    await sql`insert into crash_effects (job_id, attempt) values (${job.id}, ${job.attempt})`.execute(trx);
  });
  process.stdout.write(`FINISHED ${job.id} ${job.attempt}\n`);
});
process.stdout.write('READY\n');
