import type { Transaction } from 'kysely';
import type { Database } from '../storage/schema.ts';

/** How a kind of job behaves unless a single job says otherwise. */
export interface JobKindOptions {
  /** Total tries before the job is dead-lettered (state "dead"). */
  maxAttempts: number;
  /** Base of the exponential backoff between tries; each wait is jittered. */
  backoffMs: number;
  /** How long one try may run before it is presumed lost (worker died) and tried again. */
  leaseMs: number;
  /** Jobs of this kind one worker runs at once. */
  concurrency: number;
}

export const DEFAULT_JOB_OPTIONS: JobKindOptions = { maxAttempts: 5, backoffMs: 5_000, leaseMs: 15 * 60_000, concurrency: 2 };

export interface JobSpec<P> {
  kind: string;
  payload: P;
  runAt?: Date | undefined;
  /** The same key for the same kind enqueues at most one job, ever. */
  idempotencyKey?: string | undefined;
  maxAttempts?: number | undefined;
  workspaceId?: string | undefined;
}

export interface EnqueueResult {
  id: string;
  /** true when the idempotency key had already enqueued this job. */
  duplicate: boolean;
}

export type JobState = 'queued' | 'running' | 'completed' | 'cancelled' | 'dead';

export interface JobInfo {
  id: string;
  kind: string;
  state: JobState;
  attempts: number;
  runAt: string;
  lastError: string | null;
}

export interface JobRun<P> {
  id: string;
  kind: string;
  payload: P;
  /** 1 on the first try. */
  attempt: number;
  /** true when a failure of this try dead-letters the job (no tries left). */
  lastAttempt: boolean;
  /**
   * Records the job's database effects and its completion in one transaction: if the process
   * dies before it commits, neither happened and the job is tried again; if it commits, the job
   * is never run again. Throws JobLostError when the try had already been presumed lost.
   */
  finish(effects: (trx: Transaction<Database>) => Promise<void>): Promise<void>;
}

export type JobHandler<P> = (job: JobRun<P>) => Promise<void>;

/** A handler throws this for an error no retry can fix: the job goes straight to "dead". */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
}

/** The try outlived its lease and another try owns the job now; its effects were rolled back. */
export class JobLostError extends Error {
  override readonly name = 'JobLostError';
}

/** Durable jobs, the same API over the embedded database and over pg-boss on PostgreSQL. */
export interface JobQueue {
  readonly engine: 'sqlite' | 'postgres';
  /** Declares a kind (creates its queue); needed before enqueue or work. */
  define(kind: string, options?: Partial<JobKindOptions>): Promise<void>;
  enqueue<P>(spec: JobSpec<P>, options?: { trx?: Transaction<Database> }): Promise<EnqueueResult>;
  cancel(kind: string, id: string): Promise<boolean>;
  get(kind: string, id: string): Promise<JobInfo | undefined>;
  /** Starts consuming jobs of this kind in this process. */
  work<P>(kind: string, handler: JobHandler<P>): Promise<void>;
  /** Stops taking jobs; waits up to timeoutMs for running ones (graceful drain). */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

/** Exponential backoff with "equal jitter": half fixed, half random, capped at an hour. */
export function backoffDelayMs(baseMs: number, attempt: number, random: () => number = Math.random): number {
  const exp = Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 60 * 60_000);
  return Math.round(exp / 2 + (exp / 2) * random());
}

/** Error text kept with a job: the first line, bounded; never the payload. */
export function describeError(err: unknown): string {
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return message.split('\n')[0]!.slice(0, 500);
}
