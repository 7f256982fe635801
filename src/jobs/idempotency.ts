import type { Transaction } from 'kysely';
import type { Database } from '../storage/schema.ts';

/**
 * Records that `key` enqueued `jobId`, inside the enqueue's transaction. Returns the job id the
 * key already names when it was used before (then nothing is enqueued).
 */
export async function recordIdempotencyKey(
  trx: Transaction<Database>,
  kind: string,
  key: string,
  jobId: string,
): Promise<string | undefined> {
  const inserted = await trx
    .insertInto('job_keys')
    .values({ kind, key, job_id: jobId, created_at: new Date().toISOString() })
    .onConflict((oc) => oc.columns(['kind', 'key']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) return undefined;
  const existing = await trx
    .selectFrom('job_keys')
    .select('job_id')
    .where('kind', '=', kind)
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  return existing.job_id;
}
