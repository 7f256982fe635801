/**
 * Safety analysis on worker threads, for batch ingestion and imports. The analysis is most of
 * what a mention costs on arrival (see bench/ingest), and it is pure, so it runs beside the thread
 * that writes to the database: while the main thread stores chunk n, the workers analyse chunks
 * n+1…; when the main thread has nothing to store yet it analyses a chunk itself (from the far end,
 * so it does not race the workers for the next one). With no worker threads it is the inline loop.
 *
 * Workers start on first use (a `bedside web` process never starts one) and are unref'd, so they
 * never hold a process open; a worker that dies has its chunk analysed on the main thread.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { analyzeMessage, type MessageAnalysis, type MessageInput, type OrgProfile } from '../safety/index.ts';
import type { BatchAnalyzer } from '../operations/context.ts';
import type { WorkerRequest } from './analysis-worker.ts';

/** Messages per chunk: large enough that posting a chunk costs little beside analysing it. */
const CHUNK = 100;

/**
 * Chunks a worker holds at once: the one it analyses and the next, so it never waits for the main
 * thread (busy storing or analysing a chunk itself) to hand it more.
 */
const IN_FLIGHT = 2;

interface PoolWorker {
  worker: Worker;
  /** Chunks sent and not answered yet. */
  inFlight: number;
  /** Profiles this worker already holds. */
  profiles: Set<number>;
  pending: Map<number, { resolve: (r: MessageAnalysis[]) => void; reject: (e: Error) => void }>;
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

  /** Chunks analysed on worker threads and on the calling thread, since the pool was made. */
  readonly analysed = { onWorkers: 0, onMainThread: 0 };

  constructor(readonly threads: number) {}

  private start(): void {
    if (this.started) return;
    this.started = true;
    for (let i = 0; i < this.threads; i++) {
      const worker = new Worker(new URL('./analysis-worker.mjs', import.meta.url));
      worker.unref();
      const entry: PoolWorker = { worker, inFlight: 0, profiles: new Set(), pending: new Map() };
      worker.on('message', (m: { chunkId: number; results: MessageAnalysis[] }) => {
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

  private run(entry: PoolWorker, inputs: MessageInput[], profile: OrgProfile): Promise<MessageAnalysis[]> {
    const profileId = this.profileId(profile);
    if (!entry.profiles.has(profileId)) {
      entry.worker.postMessage({ type: 'profile', profileId, profile } satisfies WorkerRequest);
      entry.profiles.add(profileId);
    }
    const chunkId = this.nextChunkId++;
    entry.inFlight++;
    return new Promise<MessageAnalysis[]>((resolve, reject) => {
      entry.pending.set(chunkId, { resolve, reject });
      entry.worker.postMessage({ type: 'analyze', chunkId, profileId, inputs } satisfies WorkerRequest);
    }).finally(() => {
      entry.inFlight--;
    });
  }

  async *chunks(inputs: MessageInput[], profile: OrgProfile): AsyncIterable<MessageAnalysis[]> {
    const parts: MessageInput[][] = [];
    for (let i = 0; i < inputs.length; i += CHUNK) parts.push(inputs.slice(i, i + CHUNK));
    const inline = (i: number): MessageAnalysis[] => {
      this.analysed.onMainThread++;
      return parts[i]!.map((input) => analyzeMessage(input, profile));
    };
    // A batch of one chunk gains nothing from a thread hop.
    if (this.threads === 0 || parts.length < 2) {
      for (let i = 0; i < parts.length; i++) yield inline(i);
      return;
    }
    this.start();
    const done: Array<MessageAnalysis[] | undefined> = [];
    let front = 0; // the next chunk a worker takes
    let back = parts.length - 1; // the next chunk the main thread takes when idle
    let wake: (() => void) | undefined;
    const pump = (): void => {
      for (const entry of this.workers) {
        while (entry.inFlight < IN_FLIGHT && front <= back) {
          const i = front++;
          this.run(entry, parts[i]!, profile)
            .then(
              (results) => {
                this.analysed.onWorkers++;
                return results;
              },
              () => inline(i),
            )
            .then((results) => {
              done[i] = results;
              pump();
              wake?.();
            });
        }
      }
    };
    pump();
    for (let i = 0; i < parts.length; i++) {
      while (done[i] === undefined) {
        if (front <= back) {
          const j = back--;
          done[j] = inline(j);
          // Let the workers' answers in: without a turn of the event loop none is read, no worker
          // gets its next chunk, and the main thread ends up analysing nearly everything itself.
          await new Promise<void>((resolve) => setImmediate(resolve));
          continue;
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
      yield done[i]!;
      done[i] = undefined; // let the chunk's results go once stored
    }
  }

  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
}
