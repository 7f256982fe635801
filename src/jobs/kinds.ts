import type { JobKindOptions, JobQueue } from './queue.ts';
import { PUBLISH_KIND } from './handlers/publish-kind.ts';
import { SESSION_CLEANUP } from './handlers/session-cleanup-kind.ts';
import { INGEST_KIND } from './handlers/ingest-kind.ts';
import { METRICS_KIND } from './handlers/metrics-kind.ts';
import { ALERT_KIND } from './handlers/alert-kind.ts';

/**
 * Every job kind and how it retries. Declared by every process at start, so a web-only process
 * can enqueue what worker processes run.
 */
export const JOB_KINDS: Record<string, Partial<JobKindOptions>> = {
  // A publish call takes seconds; a try silent for 2 minutes is presumed lost and reconciled.
  // Calls are I/O-bound: many in flight per worker keeps a burst of due posts on time.
  [PUBLISH_KIND]: { maxAttempts: 6, backoffMs: 10_000, leaseMs: 2 * 60_000, concurrency: 64 },
  // A run reads a few pages; a failed run is not retried here (the next run comes anyway).
  [INGEST_KIND]: { maxAttempts: 1, backoffMs: 10_000, leaseMs: 5 * 60_000, concurrency: 4 },
  [METRICS_KIND]: { maxAttempts: 3, backoffMs: 60_000, leaseMs: 10 * 60_000, concurrency: 2 },
  [SESSION_CLEANUP]: { maxAttempts: 3, backoffMs: 60_000, leaseMs: 5 * 60_000, concurrency: 1 },
  // An alert is one short HTTP call; a receiver that is down is tried for about an hour and a half.
  [ALERT_KIND]: { maxAttempts: 8, backoffMs: 15_000, leaseMs: 60_000, concurrency: 4 },
};

export async function defineJobKinds(queue: JobQueue): Promise<void> {
  for (const [kind, options] of Object.entries(JOB_KINDS)) await queue.define(kind, options);
}
