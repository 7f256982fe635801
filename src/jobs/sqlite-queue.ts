import { randomUUID } from 'node:crypto';
import { sql, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../storage/schema.ts';
import type { Db } from '../storage/engine.ts';
import {
  DEFAULT_JOB_OPTIONS,
  JobLostError,
  PermanentJobError,
  backoffDelayMs,
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

type JobRow = Selectable<Database['jobs']>;

interface Worker {
  kind: string;
  handler: JobHandler<unknown>;
  running: number;
}

/**
 * The embedded engine's queue: one table, one in-process worker loop. Each try holds a lease
 * (locked_until), renewed while it runs; a try whose process died is taken again when its lease
 * runs out, so a SIGKILL loses nothing.
 */
export class SqliteJobQueue implements JobQueue {
  readonly engine = 'sqlite' as const;
  readonly #db: Db;
  readonly #kinds = new Map<string, JobKindOptions>();
  readonly #workers: Worker[] = [];
  readonly #inFlight = new Set<Promise<void>>();
  readonly #pollMs: number;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  #polling = false;

  readonly #leaseMs: number | undefined;

  constructor(db: Db, options: { pollMs?: number; leaseMs?: number } = {}) {
    this.#db = db;
    this.#pollMs = options.pollMs ?? 250;
    this.#leaseMs = options.leaseMs;
  }

  async define(kind: string, options: Partial<JobKindOptions> = {}): Promise<void> {
    this.#kinds.set(kind, { ...DEFAULT_JOB_OPTIONS, ...options, ...(this.#leaseMs ? { leaseMs: this.#leaseMs } : {}) });
  }

  #options(kind: string): JobKindOptions {
    const options = this.#kinds.get(kind);
    if (!options) throw new Error(`job kind "${kind}" is not defined`);
    return options;
  }

  async enqueue<P>(spec: JobSpec<P>, options: { trx?: Transaction<Database> } = {}): Promise<EnqueueResult> {
    const kindOptions = this.#options(spec.kind);
    const write = async (trx: Transaction<Database>): Promise<EnqueueResult> => {
      const id = randomUUID();
      if (spec.idempotencyKey !== undefined) {
        const existing = await recordIdempotencyKey(trx, spec.kind, spec.idempotencyKey, id);
        if (existing) return { id: existing, duplicate: true };
      }
      const now = new Date().toISOString();
      await trx
        .insertInto('jobs')
        .values({
          id,
          kind: spec.kind,
          payload: JSON.stringify(spec.payload),
          state: 'queued',
          run_at: (spec.runAt ?? new Date()).toISOString(),
          max_attempts: spec.maxAttempts ?? kindOptions.maxAttempts,
          backoff_ms: kindOptions.backoffMs,
          last_error: null,
          locked_until: null,
          workspace_id: spec.workspaceId ?? null,
          created_at: now,
          updated_at: now,
          finished_at: null,
        })
        .execute();
      return { id, duplicate: false };
    };
    const result = options.trx ? await write(options.trx) : await this.#db.transaction().execute(write);
    this.#wake();
    return result;
  }

  async cancel(kind: string, id: string): Promise<boolean> {
    const result = await this.#db
      .updateTable('jobs')
      .set({ state: 'cancelled', updated_at: new Date().toISOString(), finished_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('kind', '=', kind)
      .where('state', '=', 'queued')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async get(kind: string, id: string): Promise<JobInfo | undefined> {
    const row = await this.#db.selectFrom('jobs').selectAll().where('id', '=', id).where('kind', '=', kind).executeTakeFirst();
    if (!row) return undefined;
    return { id: row.id, kind: row.kind, state: row.state as JobState, attempts: row.attempts, runAt: row.run_at, lastError: row.last_error };
  }

  async work<P>(kind: string, handler: JobHandler<P>): Promise<void> {
    this.#options(kind);
    this.#workers.push({ kind, handler: handler as JobHandler<unknown>, running: 0 });
    this.#stopped = false;
    this.#timer ??= setInterval(() => this.#wake(), this.#pollMs);
    this.#wake();
  }

  #wake(): void {
    if (this.#stopped || this.#polling || this.#workers.length === 0) return;
    this.#polling = true;
    this.#poll()
      .catch(() => undefined) // a failed poll (e.g. database busy) is retried on the next tick
      .finally(() => {
        this.#polling = false;
      });
  }

  async #poll(): Promise<void> {
    for (const worker of this.#workers) {
      const options = this.#options(worker.kind);
      while (!this.#stopped && worker.running < options.concurrency) {
        const claimed = await this.#claim(worker.kind, options.leaseMs);
        if (!claimed) break;
        worker.running += 1;
        const run = this.#run(worker, claimed, options).finally(() => {
          worker.running -= 1;
          this.#inFlight.delete(run);
          this.#wake();
        });
        this.#inFlight.add(run);
      }
    }
  }

  /** Takes the next due job, or one whose lease ran out (its worker died), atomically. */
  async #claim(kind: string, leaseMs: number): Promise<JobRow | undefined> {
    const now = new Date();
    const nowIso = now.toISOString();
    const row = await this.#db
      .updateTable('jobs')
      .set({
        state: 'running',
        attempts: sql`attempts + 1`,
        locked_until: new Date(now.getTime() + leaseMs).toISOString(),
        updated_at: nowIso,
      })
      .where(
        'id',
        '=',
        this.#db
          .selectFrom('jobs')
          .select('id')
          .where('kind', '=', kind)
          .where((eb) =>
            eb.or([
              eb.and([eb('state', '=', 'queued'), eb('run_at', '<=', nowIso)]),
              eb.and([eb('state', '=', 'running'), eb('locked_until', '<', nowIso)]),
            ]),
          )
          .orderBy('run_at')
          .limit(1),
      )
      .returningAll()
      .executeTakeFirst();
    return row as JobRow | undefined;
  }

  async #run(worker: Worker, row: JobRow, options: JobKindOptions): Promise<void> {
    const attempt = row.attempts;
    let finished = false;
    const renew = setInterval(() => {
      void this.#db
        .updateTable('jobs')
        .set({ locked_until: new Date(Date.now() + options.leaseMs).toISOString() })
        .where('id', '=', row.id)
        .where('state', '=', 'running')
        .where('attempts', '=', attempt)
        .execute()
        .catch(() => undefined);
    }, Math.max(50, Math.floor(options.leaseMs / 3)));
    try {
      await worker.handler({
        id: row.id,
        kind: row.kind,
        payload: JSON.parse(row.payload) as unknown,
        attempt,
        lastAttempt: attempt >= row.max_attempts,
        finish: async (effects) => {
          await this.#db.transaction().execute(async (trx) => {
            await effects(trx);
            await this.#complete(trx, row.id, attempt);
          });
          finished = true;
        },
      });
      if (!finished) await this.#db.transaction().execute((trx) => this.#complete(trx, row.id, attempt));
    } catch (err) {
      if (err instanceof JobLostError) return;
      const dead = err instanceof PermanentJobError || attempt >= row.max_attempts;
      const now = new Date();
      await this.#db
        .updateTable('jobs')
        .set({
          state: dead ? 'dead' : 'queued',
          run_at: dead ? row.run_at : new Date(now.getTime() + backoffDelayMs(row.backoff_ms, attempt)).toISOString(),
          last_error: describeError(err),
          locked_until: null,
          updated_at: now.toISOString(),
          finished_at: dead ? now.toISOString() : null,
        })
        .where('id', '=', row.id)
        .where('state', '=', 'running')
        .where('attempts', '=', attempt)
        .execute();
    } finally {
      clearInterval(renew);
    }
  }

  async #complete(trx: Transaction<Database>, id: string, attempt: number): Promise<void> {
    const now = new Date().toISOString();
    const result = await trx
      .updateTable('jobs')
      .set({ state: 'completed', locked_until: null, updated_at: now, finished_at: now })
      .where('id', '=', id)
      .where('state', '=', 'running')
      .where('attempts', '=', attempt)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new JobLostError(`job ${id} try ${attempt} lost its lease`);
  }

  async stop(options: { timeoutMs?: number } = {}): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    const drained = Promise.allSettled([...this.#inFlight]);
    const timeout = new Promise((resolve) => setTimeout(resolve, options.timeoutMs ?? 30_000).unref());
    await Promise.race([drained, timeout]);
  }
}
