import type { DbOrTrx } from './engine.ts';

export async function beat(db: DbOrTrx, w: { id: string; host: string; pid: number; startedAt: string }): Promise<void> {
  const now = new Date().toISOString();
  await db
    .insertInto('worker_heartbeats')
    .values({ id: w.id, host: w.host, pid: w.pid, started_at: w.startedAt, seen_at: now })
    .onConflict((oc) => oc.column('id').doUpdateSet({ seen_at: now }))
    .execute();
}

export async function removeWorker(db: DbOrTrx, id: string): Promise<void> {
  await db.deleteFrom('worker_heartbeats').where('id', '=', id).execute();
}

/** Workers seen since `since`; old rows (crashed processes) are swept as a side effect. */
export async function liveWorkers(db: DbOrTrx, since: string): Promise<number> {
  await db.deleteFrom('worker_heartbeats').where('seen_at', '<', new Date(Date.parse(since) - 3_600_000).toISOString()).execute();
  const row = await db.selectFrom('worker_heartbeats').select((eb) => eb.fn.countAll<number>().as('n')).where('seen_at', '>=', since).executeTakeFirstOrThrow();
  return Number(row.n);
}
