/**
 * Safety analysis on worker threads, for batch ingestion and imports. The analysis is most of
 * what a mention costs on arrival (see bench/ingest), and it is pure, so it runs beside the thread
 * that writes to the database: while the main thread stores chunk n, the workers analyse chunks
 * n+1… — of this batch and of the next one the caller has already handed over, from one queue.
 * When the main thread has nothing to store yet it analyses too: the chunk it waits for from its
 * far end, message by message, while the worker works from the front (shared-claims.ts), or a
 * queued chunk whole. With no worker threads it is the inline loop.
 *
 * Workers start on first use (a `bedside web` process never starts one) and are unref'd, so they
 * never hold a process open; a worker that dies has its chunk analysed on the main thread.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { analyzeMessage, type MessageInput, type OrgProfile } from '../safety/index.ts';
import { ingestAnalysis, type IngestAnalysis } from '../operations/ingest-analysis.ts';
import type { BatchAnalyzer } from '../operations/context.ts';
import type { WorkerRequest } from './analysis-worker.ts';
import { claimBack, newClaims } from './shared-claims.ts';

/**
 * Messages per chunk: large enough that posting a chunk costs little beside analysing it, and that
 * the database writes a chunk in few statements (bench/ingest: 100 → 250 helped PostgreSQL most).
 */
export const CHUNK = 250;

/**
 * Chunks a worker holds at once: the one it works on and the next, so it has work while the main
 * thread is in its synchronous database writes (which is when answers wait unread). No more: since
 * the main thread analyses the end of the chunk it waits for, a worker running ahead gains nothing,
 * and its answers read early lived on through the main thread's scavenges (bench/ingest: 6 → 2 cut
 * the CPU of the GC threads and of the worker, 122 → 113 µs/msg over all threads).
 */
const IN_FLIGHT = 2;

/** A chunk of a batch: queued for a worker, sent to one, or analysed. */
interface Job {
  inputs: MessageInput[];
  profile: OrgProfile;
  state: 'queued' | 'sent' | 'done';
  results?: IngestAnalysis[] | undefined;
  /** Once sent: the claim cell the worker and the waiting caller share. */
  claims?: Int32Array | undefined;
  /** Results of the messages the caller claimed from the back, last message first. */
  tail?: IngestAnalysis[] | undefined;
  /** Wakes the caller waiting for this chunk. */
  wake?: () => void;
}

interface PoolWorker {
  worker: Worker;
  /** Chunks sent and not answered yet. */
  inFlight: number;
  /** Profiles this worker already holds. */
  profiles: Set<number>;
  pending: Map<number, { resolve: (r: IngestAnalysis[]) => void; reject: (e: Error) => void }>;
}

/** Threads to use by default: every core but the one the database work runs on, at most 4. */
export function defaultAnalysisThreads(): number {
  return Math.max(0, Math.min(4, availableParallelism() - 1));
}

export class AnalysisPool implements BatchAnalyzer {
  private workers: PoolWorker[] = [];
  private started = false;
  private profileIds = new WeakMap<OrgProfile, number>();
  private nextProfileId = 1;
  private nextChunkId = 1;
  /** Chunks waiting for a worker, oldest first, across every batch handed over. */
  private queue: Job[] = [];

  /**
   * Since the pool was made: chunks answered by worker threads, chunks analysed whole on the calling
   * thread, and messages of sent chunks the calling thread analysed while it waited for them.
   */
  readonly analysed = { onWorkers: 0, onMainThread: 0, sharedOnMainThread: 0 };

  constructor(readonly threads: number) {}

  private start(): void {
    if (this.started) return;
    this.started = true;
    for (let i = 0; i < this.threads; i++) {
      const worker = new Worker(new URL('./analysis-worker.mjs', import.meta.url));
      worker.unref();
      const entry: PoolWorker = { worker, inFlight: 0, profiles: new Set(), pending: new Map() };
      worker.on('message', (m: { chunkId: number; results: IngestAnalysis[] }) => {
        const waiter = entry.pending.get(m.chunkId);
        entry.pending.delete(m.chunkId);
        waiter?.resolve(m.results);
      });
      const fail = (error: Error): void => {
        this.workers = this.workers.filter((w) => w !== entry);
        for (const waiter of entry.pending.values()) waiter.reject(error);
        entry.pending.clear();
      };
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`analysis worker exited with code ${code}`)));
      this.workers.push(entry);
    }
  }

  private profileId(profile: OrgProfile): number {
    let id = this.profileIds.get(profile);
    if (id === undefined) {
      id = this.nextProfileId++;
      this.profileIds.set(profile, id);
    }
    return id;
  }

  private run(entry: PoolWorker, inputs: MessageInput[], profile: OrgProfile, claims: Int32Array): Promise<IngestAnalysis[]> {
    const profileId = this.profileId(profile);
    if (!entry.profiles.has(profileId)) {
      entry.worker.postMessage({ type: 'profile', profileId, profile } satisfies WorkerRequest);
      entry.profiles.add(profileId);
    }
    const chunkId = this.nextChunkId++;
    entry.inFlight++;
    return new Promise<IngestAnalysis[]>((resolve, reject) => {
      entry.pending.set(chunkId, { resolve, reject });
      entry.worker.postMessage({ type: 'analyze', chunkId, profileId, inputs, claims } satisfies WorkerRequest);
    }).finally(() => {
      entry.inFlight--;
    });
  }

  /**
   * Analyses `inputs` in chunks, yielded in order. The work is queued at once, not when iteration
   * starts, so a caller can hand over its next batch before it stores this one and the workers never
   * wait for the database. While the caller waits for a chunk a worker has, it analyses that
   * chunk's last messages (the worker takes the first ones); for a chunk still queued, its own last
   * queued chunk whole (from the far end, so it does not race the workers for the next one).
   */
  chunks(inputs: MessageInput[], profile: OrgProfile): AsyncIterable<IngestAnalysis[]> {
    const jobs: Job[] = [];
    for (let i = 0; i < inputs.length; i += CHUNK) jobs.push({ inputs: inputs.slice(i, i + CHUNK), profile, state: 'queued' });
    // A batch of one chunk gains nothing from a thread hop.
    const threaded = this.threads > 0 && jobs.length >= 2;
    if (threaded) {
      this.start();
      this.queue.push(...jobs);
      this.pump();
    }
    return { [Symbol.asyncIterator]: () => this.results(jobs, threaded) };
  }

  private async *results(jobs: Job[], threaded: boolean): AsyncGenerator<IngestAnalysis[]> {
    let back = jobs.length - 1;
    for (const job of jobs) {
      if (!threaded) this.inline(job);
      while (job.state !== 'done') {
        if (job.state === 'sent') {
          // Waiting would leave this thread idle (the worker is the slower side of an import):
          // analyse the chunk's end meanwhile. The worker answers once the two claims meet.
          this.share(job);
          // The answer comes through the event loop, so it cannot have come yet.
          await new Promise<void>((resolve) => (job.wake = resolve));
          continue;
        }
        while (back >= 0 && jobs[back]!.state !== 'queued') back--;
        if (back >= 0) {
          const own = jobs[back]!;
          this.queue.splice(this.queue.indexOf(own), 1);
          this.inline(own);
          // Let the workers' answers in: without a turn of the event loop none is read, no worker
          // gets its next chunk, and the main thread ends up analysing nearly everything itself.
          await new Promise<void>((resolve) => setImmediate(resolve));
          continue;
        }
        await new Promise<void>((resolve) => (job.wake = resolve));
      }
      yield job.results!;
      job.results = undefined; // let the chunk's results go once stored
    }
  }

  /** Analyses the sent chunk's messages from the back until the worker's claims from the front meet them. */
  private share(job: Job): void {
    const tail = (job.tail ??= []);
    for (let i = claimBack(job.claims!); i >= 0; i = claimBack(job.claims!)) {
      const input = job.inputs[i]!;
      tail.push(ingestAnalysis(analyzeMessage(input, job.profile), input.text));
      this.analysed.sharedOnMainThread++;
    }
  }

  private inline(job: Job): void {
    this.analysed.onMainThread++;
    job.results = job.inputs.map((input) => ingestAnalysis(analyzeMessage(input, job.profile), input.text));
    job.state = 'done';
  }

  /** Hands queued chunks, oldest first, to workers with room. */
  private pump(): void {
    for (const entry of this.workers) {
      while (entry.inFlight < IN_FLIGHT && this.queue.length > 0) {
        const job = this.queue.shift()!;
        job.state = 'sent';
        job.claims = newClaims(job.inputs.length);
        this.run(entry, job.inputs, job.profile, job.claims).then(
          (head) => {
            this.analysed.onWorkers++;
            // The worker's prefix, then what this thread claimed from the back (kept last first).
            const tail = job.tail;
            if (tail) for (let k = tail.length - 1; k >= 0; k--) head.push(tail[k]!);
            job.tail = undefined;
            job.results = head;
            job.state = 'done';
            this.pump();
            job.wake?.();
          },
          () => {
            // The worker died: the chunk is analysed here instead.
            this.inline(job);
            this.pump();
            job.wake?.();
          },
        );
      }
    }
  }

  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
}
