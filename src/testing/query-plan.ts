import { CompiledQuery, sql, type Compilable } from 'kysely';
import type { Storage } from '../storage/engine.ts';

/** The plan the engine chooses for a query, as text (PostgreSQL told to avoid the scan a tiny test table makes cheap). */
export async function queryPlan(storage: Storage, query: Compilable): Promise<string> {
  const { sql: text, parameters } = query.compile();
  return storage.db.transaction().execute(async (trx) => {
    if (storage.engine === 'postgres') await sql`set local enable_seqscan = off`.execute(trx);
    const result = await trx.executeQuery<Record<string, string>>(CompiledQuery.raw(`${storage.engine === 'sqlite' ? 'explain query plan' : 'explain'} ${text}`, [...parameters]));
    return result.rows.map((r) => r.detail ?? r['QUERY PLAN'] ?? '').join('\n');
  });
}
