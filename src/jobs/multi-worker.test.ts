import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { freshStorage } from '../testing/engines.ts';
import { createJobQueue } from './index.ts';

/** CI runs a reduced size; `DRAIN_JOBS=20000` runs the full one. */
const JOBS = Number(process.env.DRAIN_JOBS ?? 2000);

test(`4 worker processes on one PostgreSQL drain ${JOBS} jobs while one is SIGKILLed and restarted: none lost, none completed twice`, async (t) => {
  const { storage, database, cleanup } = await freshStorage('postgres');
  const queue = createJobQueue(storage, database.databaseUrl, { leaseMs: 3000 });
  const workers: ChildProcess[] = [];
  const start = (): ChildProcess => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.databaseUrl, BEDSIDE_SECRET_KEY: Buffer.alloc(32, 3).toString('base64'), BEDSIDE_DATA_DIR: database.dataDir };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/testing/drain-worker.ts'], { env, stdio: 'ignore' });
    workers.push(child);
    return child;
  };
  try {
    await sql`create table drain_effects (job_id text not null, worker integer not null)`.execute(storage.db);
    await queue.define('drain-test', { maxAttempts: 5, backoffMs: 1000, leaseMs: 3000, concurrency: 8 });
    const ids = new Set<string>();
    for (let i = 0; i < JOBS; i++) ids.add((await queue.enqueue({ kind: 'drain-test', payload: { n: i } })).id);
    const effects = async (): Promise<number> => Number((await sql<{ n: number }>`select count(*) as n from drain_effects`.execute(storage.db)).rows[0]!.n);
    const victim = start();
    for (let i = 0; i < 3; i++) start();
    const until = Date.now() + 300_000;
    while ((await effects()) < JOBS / 4 && Date.now() < until) await sleep(100);
    assert.equal(victim.exitCode, null, 'the first worker was still running when it was to be killed');
    const exited = new Promise((resolve) => victim.once('exit', resolve));
    victim.kill('SIGKILL');
    await exited;
    const atKill = await effects();
    start();
    while ((await effects()) < JOBS && Date.now() < until) await sleep(200);
    assert.equal(await effects(), JOBS, `not drained within the time limit (${await effects()} of ${JOBS})`);
    await sleep(1500); // anything still finishing would show up as a duplicate now
    const rows = (await sql<{ job_id: string; n: number; workers: number }>`select job_id, count(*) as n, count(distinct worker) as workers from drain_effects group by job_id`.execute(storage.db)).rows;
    const twice = rows.filter((r) => Number(r.n) > 1);
    assert.equal(twice.length, 0, `${twice.length} jobs completed twice`);
    assert.equal(rows.length, JOBS, 'every job completed');
    assert.ok(rows.every((r) => ids.has(r.job_id)));
    const perWorker = (await sql<{ worker: number; n: number }>`select worker, count(*) as n from drain_effects group by worker`.execute(storage.db)).rows;
    // Which processes get how much depends on timing (a loaded machine may starve one); what must
    // hold is that several shared the work and nothing was lost or doubled.
    assert.ok(perWorker.length >= 2, 'the work was shared');
    t.diagnostic(`${atKill} done when one worker was killed; jobs per worker process: ${perWorker.map((w) => w.n).join(', ')}`);
  } finally {
    for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
    await queue.stop({ timeoutMs: 2000 });
    await cleanup();
  }
});
