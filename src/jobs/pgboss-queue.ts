import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import { CompiledQuery, type Transaction } from 'kysely';
import type { Database } from '../storage/schema.ts';
import type { Db } from '../storage/engine.ts';
import {
  DEFAULT_JOB_OPTIONS,
  JobLostError,
  PermanentJobError,
  describeError,
  type EnqueueResult,
  type JobHandler,
  type JobInfo,
  type JobKindOptions,
  type JobQueue,
  type JobSpec,
  type JobState,
} from './queue.ts';
import { recordIdempotencyKey } from './idempotency.ts';

/** Lets pg-boss run its SQL inside one of our Kysely transactions. */
function bossDb(trx: Transaction<Database> | Db): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const result = await trx.executeQuery(CompiledQuery.raw(text, values as unknown[]));
      return { rows: result.rows as unknown[] as never[] };
    },
  };
}

const STATE: Record<string, JobState> = {
  created: 'queued',
  retry: 'queued',
  active: 'running',
  completed: 'completed',
  cancelled: 'cancelled',
  failed: 'dead',
};

/**
 * PostgreSQL mode: pg-boss does the queueing (SKIP LOCKED claims, expiry of lost tries,
 * exponential backoff with jitter, dead-letter queues), so any number of worker processes on
 * any number of machines share the work.
 */
export class PgBossJobQueue implements JobQueue {
  readonly engine = 'postgres' as const;
  readonly #boss: PgBoss;
  readonly #db: Db;
  readonly #kinds = new Map<string, JobKindOptions>();
  #started: Promise<void> | undefined;

  readonly #leaseMs: number | undefined;

  constructor(db: Db, connectionString: string, options: { maintenanceIntervalSeconds?: number; pollingIntervalSeconds?: number; leaseMs?: number } = {}) {
    this.#db = db;
    this.#leaseMs = options.leaseMs;
    this.#polling = options.pollingIntervalSeconds ?? 0.5;
    this.#boss = new PgBoss({
      connectionString,
      schema: 'pgboss',
      max: 4,
      // Lost tries (a worker that died) are found by pg-boss's maintenance pass.
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
      application_name: 'bedside-jobs',
    });
    this.#boss.on('error', () => undefined); // reported through job states; a blip must not crash
  }

  readonly #polling: number;

  async #ensureStarted(): Promise<void> {
    this.#started ??= this.#boss.start().then(() => undefined);
    await this.#started;
  }

  async define(kind: string, options: Partial<JobKindOptions> = {}): Promise<void> {
    const merged = { ...DEFAULT_JOB_OPTIONS, ...options, ...(this.#leaseMs ? { leaseMs: this.#leaseMs } : {}) };
    this.#kinds.set(kind, merged);
    await this.#ensureStarted();
    const common = {
      retryLimit: merged.maxAttempts - 1,
      retryDelay: Math.max(1, Math.round(merged.backoffMs / 1000)),
      retryBackoff: true,
      expireInSeconds: Math.max(1, Math.round(merged.leaseMs / 1000)),
    };
    const dead = `${kind}__dead`;
    await this.#createQueue(dead, { name: dead });
    await this.#createQueue(kind, { name: kind, ...common, deadLetter: dead });
    await this.#boss.updateQueue(kind, { name: kind, ...common, deadLetter: dead });
  }

  /** Creates a queue unless it exists; processes starting together may race to create it. */
  async #createQueue(name: string, options: PgBoss.Queue): Promise<void> {
    if (await this.#boss.getQueue(name)) return;
    try {
      await this.#boss.createQueue(name, options);
    } catch (err) {
      if (!(await this.#boss.getQueue(name))) throw err; // a real failure, not another process winning the race
    }
  }

  #options(kind: string): JobKindOptions {
    const options = this.#kinds.get(kind);
    if (!options) throw new Error(`job kind "${kind}" is not defined`);
    return options;
  }

  async enqueue<P>(spec: JobSpec<P>, options: { trx?: Transaction<Database> } = {}): Promise<EnqueueResult> {
    this.#options(spec.kind);
    await this.#ensureStarted();
    const write = async (trx: Transaction<Database>): Promise<EnqueueResult> => {
      const id = randomUUID();
      if (spec.idempotencyKey !== undefined) {
        const existing = await recordIdempotencyKey(trx, spec.kind, spec.idempotencyKey, id);
        if (existing) return { id: existing, duplicate: true };
      }
      const sendOptions: PgBoss.SendOptions = { id, db: bossDb(trx) };
      if (spec.runAt) sendOptions.startAfter = spec.runAt;
      if (spec.maxAttempts !== undefined) sendOptions.retryLimit = spec.maxAttempts - 1;
      const payload = { payload: spec.payload, workspaceId: spec.workspaceId ?? null };
      const sent = await this.#boss.send(spec.kind, payload, sendOptions);
      if (!sent) throw new Error(`pg-boss refused job ${id} of kind ${spec.kind}`);
      return { id, duplicate: false };
    };
    return options.trx ? write(options.trx) : this.#db.transaction().execute(write);
  }

  async cancel(kind: string, id: string): Promise<boolean> {
    await this.#ensureStarted();
    const job = await this.#boss.getJobById(kind, id);
    if (!job || (job.state !== 'created' && job.state !== 'retry')) return false;
    await this.#boss.cancel(kind, id);
    return (await this.#boss.getJobById(kind, id))?.state === 'cancelled';
  }

  async get(kind: string, id: string): Promise<JobInfo | undefined> {
    await this.#ensureStarted();
    const job = await this.#boss.getJobById(kind, id, { includeArchive: true });
    if (!job) return undefined;
    const output = job.output as { message?: string } | null;
    return {
      id: job.id,
      kind,
      state: job.state === 'failed' && job.retryCount < job.retryLimit ? 'queued' : (STATE[job.state] ?? 'queued'),
      attempts: job.retryCount + (job.state === 'created' || job.state === 'retry' ? 0 : 1),
      runAt: new Date(job.startAfter).toISOString(),
      lastError: job.state === 'failed' || job.state === 'retry' ? (output?.message ?? null) : null,
    };
  }

  async work<P>(kind: string, handler: JobHandler<P>): Promise<void> {
    const options = this.#options(kind);
    await this.#ensureStarted();
    const workOne = async (job: PgBoss.JobWithMetadata<{ payload: P }>): Promise<void> => {
      let finished = false;
      try {
        await handler({
          id: job.id,
          kind,
          payload: job.data.payload,
          attempt: job.retryCount + 1,
          lastAttempt: job.retryCount >= job.retryLimit,
          finish: async (effects) => {
            await this.#db.transaction().execute(async (trx) => {
              await effects(trx);
              const result = (await this.#boss.complete(kind, job.id, {}, { db: bossDb(trx) })) as unknown as { affected?: number };
              if (result?.affected !== 1) throw new JobLostError(`job ${job.id} was no longer active`);
            });
            finished = true;
          },
        });
        if (!finished) await this.#boss.complete(kind, job.id);
      } catch (err) {
        if (err instanceof JobLostError) return;
        if (err instanceof PermanentJobError) {
          // No retry can fix it: spend the remaining tries so pg-boss dead-letters it now.
          await this.#db.transaction().execute(async (trx) => {
            await trx.executeQuery(
              CompiledQuery.raw('update pgboss.job set retry_limit = retry_count where name = $1 and id = $2', [kind, job.id]),
            );
          });
        }
        await this.#boss.fail(kind, job.id, { message: describeError(err) });
      }
    };
    // One worker per slot: pg-boss polls each independently, so slots never wait on each other.
    for (let i = 0; i < options.concurrency; i++) {
      await this.#boss.work<{ payload: P }>(
        kind,
        { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: this.#polling },
        async (jobs) => {
          for (const job of jobs) await workOne(job);
        },
      );
    }
  }

  async stop(options: { timeoutMs?: number } = {}): Promise<void> {
    if (!this.#started) return;
    await this.#started.catch(() => undefined);
    await this.#boss.stop({ graceful: true, wait: true, timeout: options.timeoutMs ?? 30_000 });
  }
}
