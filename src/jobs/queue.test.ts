import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { ENGINES } from '../testing/engines.ts';
import { testContext } from '../testing/context.ts';
import { PermanentJobError, backoffDelayMs, type JobQueue, type JobInfo } from './queue.ts';

async function waitForState(queue: JobQueue, kind: string, id: string, states: string[], timeoutMs = 20_000): Promise<JobInfo> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const info = await queue.get(kind, id);
    if (info && states.includes(info.state)) return info;
    if (Date.now() > until) throw new Error(`job ${id} still ${info?.state ?? 'missing'} after ${timeoutMs} ms`);
    await sleep(50);
  }
}

test('backoff grows exponentially with jitter inside [half, full] of each step', () => {
  assert.equal(backoffDelayMs(1000, 1, () => 0), 500);
  assert.equal(backoffDelayMs(1000, 1, () => 1), 1000);
  assert.equal(backoffDelayMs(1000, 3, () => 0), 2000);
  assert.equal(backoffDelayMs(1000, 3, () => 1), 4000);
  assert.equal(backoffDelayMs(1000, 40, () => 1), 3_600_000);
});

for (const engine of ENGINES) {
  describe(`jobs on ${engine}`, () => {
    test('a job runs once with its payload and is completed', async () => {
      const { ctx, cleanup } = await testContext(engine);
      try {
        await ctx.queue.define('greet', { concurrency: 1 });
        const seen: unknown[] = [];
        await ctx.queue.work<{ n: number }>('greet', async (job) => {
          seen.push(job.payload);
        });
        const { id } = await ctx.queue.enqueue({ kind: 'greet', payload: { n: 1 } });
        const info = await waitForState(ctx.queue, 'greet', id, ['completed']);
        assert.equal(info.attempts, 1);
        assert.deepEqual(seen, [{ n: 1 }]);
      } finally {
        await cleanup();
      }
    });

    test('an idempotency key enqueues at most one job', async () => {
      const { ctx, cleanup } = await testContext(engine);
      try {
        await ctx.queue.define('publish-test');
        const a = await ctx.queue.enqueue({ kind: 'publish-test', payload: { post: 'p1' }, idempotencyKey: 'post:p1', runAt: new Date(Date.now() + 60_000) });
        const b = await ctx.queue.enqueue({ kind: 'publish-test', payload: { post: 'p1' }, idempotencyKey: 'post:p1', runAt: new Date(Date.now() + 60_000) });
        assert.equal(a.duplicate, false);
        assert.equal(b.duplicate, true);
        assert.equal(b.id, a.id);
      } finally {
        await cleanup();
      }
    });

    test('a job due later is not run early, and a cancelled job never runs', async () => {
      const { ctx, cleanup } = await testContext(engine);
      try {
        await ctx.queue.define('later');
        let ran = 0;
        await ctx.queue.work('later', async () => {
          ran += 1;
        });
        const later = await ctx.queue.enqueue({ kind: 'later', payload: {}, runAt: new Date(Date.now() + 60_000) });
        const cancelled = await ctx.queue.enqueue({ kind: 'later', payload: {}, runAt: new Date(Date.now() + 1_500) });
        assert.equal(await ctx.queue.cancel('later', cancelled.id), true);
        await sleep(2_500);
        assert.equal(ran, 0);
        assert.equal((await ctx.queue.get('later', later.id))?.state, 'queued');
        assert.equal((await ctx.queue.get('later', cancelled.id))?.state, 'cancelled');
      } finally {
        await cleanup();
      }
    });

    test('a failing job is retried with backoff and succeeds; one that keeps failing is dead-lettered', async () => {
      const { ctx, cleanup } = await testContext(engine);
      try {
        await ctx.queue.define('flaky', { maxAttempts: 3, backoffMs: 1000, concurrency: 1 });
        const tries = new Map<string, number[]>();
        await ctx.queue.work<{ failTimes: number; name: string }>('flaky', async (job) => {
          const list = tries.get(job.payload.name) ?? [];
          list.push(Date.now());
          tries.set(job.payload.name, list);
          if (job.attempt <= job.payload.failTimes) throw new Error('network is down');
        });
        const recovers = await ctx.queue.enqueue({ kind: 'flaky', payload: { failTimes: 1, name: 'recovers' } });
        const dies = await ctx.queue.enqueue({ kind: 'flaky', payload: { failTimes: 99, name: 'dies' } });
        const ok = await waitForState(ctx.queue, 'flaky', recovers.id, ['completed'], 30_000);
        assert.equal(ok.attempts, 2);
        const dead = await waitForState(ctx.queue, 'flaky', dies.id, ['dead'], 40_000);
        assert.equal(dead.attempts, 3);
        assert.match(dead.lastError ?? '', /network is down/);
        const times = tries.get('recovers')!;
        assert.ok(times[1]! - times[0]! >= 450, `second try waited ${times[1]! - times[0]!} ms`);
      } finally {
        await cleanup();
      }
    });

    test('a permanent error dead-letters at once, without retries', async () => {
      const { ctx, cleanup } = await testContext(engine);
      try {
        await ctx.queue.define('invalid', { maxAttempts: 5, backoffMs: 1000 });
        await ctx.queue.work('invalid', async () => {
          throw new PermanentJobError('post is over the length limit');
        });
        const { id } = await ctx.queue.enqueue({ kind: 'invalid', payload: {} });
        const info = await waitForState(ctx.queue, 'invalid', id, ['dead']);
        assert.equal(info.attempts, 1);
      } finally {
        await cleanup();
      }
    });

    test('effects recorded with finish() commit with the completion, and enqueue joins a caller transaction', async () => {
      const { ctx, cleanup } = await testContext(engine);
      try {
        await ctx.queue.define('effect');
        await ctx.queue.work<{ ws: string }>('effect', async (job) => {
          await job.finish(async (trx) => {
            await trx.insertInto('workspaces').values({ id: job.payload.ws, name: 'made by a job', time_zone: 'UTC', settings: '{}', created_at: new Date().toISOString(), updated_at: new Date().toISOString() }).execute();
          });
        });
        // A rolled-back transaction takes its enqueue with it.
        await assert.rejects(
          ctx.storage.db.transaction().execute(async (trx) => {
            await ctx.queue.enqueue({ kind: 'effect', payload: { ws: 'never' } }, { trx });
            throw new Error('user cancelled');
          }),
        );
        const { id } = await ctx.queue.enqueue({ kind: 'effect', payload: { ws: 'ws-job' } });
        await waitForState(ctx.queue, 'effect', id, ['completed']);
        await sleep(300);
        const rows = await ctx.storage.db.selectFrom('workspaces').select('id').execute();
        assert.deepEqual(rows.map((r) => r.id), ['ws-job']);
      } finally {
        await cleanup();
      }
    });
  });
}
