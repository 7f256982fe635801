import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { ENGINES, freshStorage, type TestDatabase } from '../testing/engines.ts';
import { createJobQueue } from './index.ts';

const KIND = 'crash-test';

function startWorker(database: TestDatabase): { child: ChildProcess; lines: string[]; waitFor: (re: RegExp, ms?: number) => Promise<string> } {
  const env: NodeJS.ProcessEnv = { ...process.env, BEDSIDE_DATA_DIR: database.dataDir };
  if (database.databaseUrl) {
    env.DATABASE_URL = database.databaseUrl;
    env.BEDSIDE_SECRET_KEY = Buffer.alloc(32, 1).toString('base64');
  } else delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/testing/crash-worker.ts'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: string[] = [];
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => lines.push(...chunk.split('\n').filter(Boolean)));
  const waitFor = async (re: RegExp, ms = 30_000): Promise<string> => {
    const until = Date.now() + ms;
    for (;;) {
      const hit = lines.find((l) => re.test(l));
      if (hit) return hit;
      if (Date.now() > until) throw new Error(`worker never printed ${re} (saw: ${lines.join(' | ')})`);
      await sleep(50);
    }
  };
  return { child, lines, waitFor };
}

for (const engine of ENGINES) {
  describe(`crash recovery on ${engine}`, () => {
    test('a worker SIGKILLed with a job in flight: after restart the job completes exactly once', async () => {
      const { storage, database, cleanup } = await freshStorage(engine);
      const queue = createJobQueue(storage, database.databaseUrl, { maintenanceIntervalSeconds: 1 });
      const children: ChildProcess[] = [];
      try {
        await sql`create table crash_effects (job_id text not null, attempt integer not null)`.execute(storage.db);
        await queue.define(KIND, { maxAttempts: 5, backoffMs: 1_000, leaseMs: 2_000, concurrency: 1 });
        const { id } = await queue.enqueue({ kind: KIND, payload: { label: 'in flight' } });

        const first = startWorker(database);
        children.push(first.child);
        await first.waitFor(new RegExp(`STARTED ${id} 1`));
        first.child.kill('SIGKILL');
        await new Promise((resolve) => first.child.once('exit', resolve));
        assert.equal((await queue.get(KIND, id))?.state, 'running', 'the killed try is still marked running');

        const second = startWorker(database);
        children.push(second.child);
        await second.waitFor(new RegExp(`FINISHED ${id} \\d`), 40_000);
        const info = await queue.get(KIND, id);
        assert.equal(info?.state, 'completed');
        await sleep(500);
        const effects = await sql<{ job_id: string; attempt: number }>`select job_id, attempt from crash_effects`.execute(storage.db);
        assert.equal(effects.rows.length, 1, 'exactly one effect');
        assert.equal(effects.rows[0]!.job_id, id);
        assert.ok(Number(effects.rows[0]!.attempt) >= 2, 'the effect came from a later try');
      } finally {
        for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
        await queue.stop({ timeoutMs: 2000 });
        await cleanup();
      }
    });
  });
}
