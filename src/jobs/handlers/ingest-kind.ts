/** Ingestion runs: one job per source and time slot; each run enqueues the next. */
export const INGEST_KIND = 'ingest-source';

export interface IngestPayload {
  sourceId: string;
}

/** How often a healthy source is read; an unhealthy one waits longer. */
export const INGEST_EVERY_MS = 60_000;
export const INGEST_UNHEALTHY_EVERY_MS = 5 * 60_000;

export function ingestJobKey(sourceId: string, at: number): string {
  return `${sourceId}:${Math.floor(at / 1000)}`;
}
