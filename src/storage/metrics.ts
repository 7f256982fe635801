import type { Transaction } from 'kysely';
import type { DbOrTrx } from './engine.ts';
import type { Database } from './schema.ts';
import { timeOrderedId } from './row-ids.ts';
import { clearWeeklyEngagedPeople, lockWeeklyEngagedPeople } from './scorecard-data.ts';

/**
 * Stores interactions, skipping ones already stored. In the same transaction, the weekly engaged
 * people stored for the weeks they fall in are cleared (a late like changes a completed week), after
 * taking the workspace's lock the scorecard's recount takes too.
 */
export async function insertInteractions(
  db: DbOrTrx,
  workspaceId: string,
  channelId: string,
  items: Array<{ externalId: string; personId: string; kind: string; at: string }>,
): Promise<void> {
  if (items.length === 0) return;
  const write = async (trx: Transaction<Database>): Promise<void> => {
    await lockWeeklyEngagedPeople(trx, workspaceId);
    let first: string | undefined;
    let last: string | undefined;
    for (let i = 0; i < items.length; i += 300) {
      const chunk = items.slice(i, i + 300);
      const inserted = await trx
        .insertInto('interactions')
        .values(chunk.map((x) => ({ id: timeOrderedId(), workspace_id: workspaceId, channel_id: channelId, external_id: x.externalId, person_id: x.personId, kind: x.kind, at: x.at })))
        .onConflict((oc) => oc.columns(['workspace_id', 'external_id']).doNothing())
        .returning(['at', 'kind'])
        .execute();
      // Follows are not counted, and re-read interactions (skipped) change nothing.
      for (const r of inserted) {
        if (r.kind === 'follow') continue;
        if (first === undefined || r.at < first) first = r.at;
        if (last === undefined || r.at > last) last = r.at;
      }
    }
    if (first !== undefined && last !== undefined) await clearWeeklyEngagedPeople(trx, workspaceId, first, last);
  };
  if (db.isTransaction) await write(db as Transaction<Database>);
  else await db.transaction().execute(write);
}

export async function insertSnapshots(
  db: DbOrTrx,
  workspaceId: string,
  rows: Array<{ targetId: string; channelId: string; likes: number | null; reposts: number | null; replies: number | null; quotes: number | null; impressions: number | null; unavailable: string | null }>,
): Promise<void> {
  const now = new Date().toISOString();
  for (let i = 0; i < rows.length; i += 300) {
    const chunk = rows.slice(i, i + 300);
    if (chunk.length === 0) continue;
    await db
      .insertInto('post_metric_snapshots')
      .values(chunk.map((r) => ({ id: timeOrderedId(), workspace_id: workspaceId, target_id: r.targetId, channel_id: r.channelId, fetched_at: now, likes: r.likes, reposts: r.reposts, replies: r.replies, quotes: r.quotes, impressions: r.impressions, unavailable: r.unavailable })))
      .execute();
  }
}

/** Published targets of a channel since `since`, with their remote refs, for a metrics run. */
export async function publishedTargets(db: DbOrTrx, workspaceId: string, channelId: string, since: string): Promise<Array<{ targetId: string; uri: string; cid: string | null }>> {
  const rows = await db
    .selectFrom('post_targets')
    .select(['id', 'remote'])
    .where('workspace_id', '=', workspaceId)
    .where('channel_id', '=', channelId)
    .where('state', '=', 'published')
    .where('published_at', '>=', since)
    .limit(5000)
    .execute();
  return rows.flatMap((r) => {
    const first = r.remote ? (JSON.parse(r.remote) as Array<{ uri: string; cid?: string }>)[0] : undefined;
    return first ? [{ targetId: r.id, uri: first.uri, cid: first.cid ?? null }] : [];
  });
}

export async function latestSnapshots(db: DbOrTrx, targetIds: string[]) {
  if (targetIds.length === 0) return [];
  return db.selectFrom('post_metric_snapshots').selectAll().where('target_id', 'in', targetIds).orderBy('fetched_at', 'desc').execute();
}
