import type { DbOrTrx } from './engine.ts';

/** What the scorecard reads, aggregated per workspace (posts with their latest metrics, interactions…). */

export async function publishedPostsSince(db: DbOrTrx, workspaceId: string, since: string, limit = 50_000) {
  const rows = await db
    .selectFrom('post_targets as t')
    .innerJoin('posts as p', 'p.id', 't.post_id')
    .select(['t.id as target_id', 't.channel_id', 't.published_at', 'p.parts'])
    .where('t.workspace_id', '=', workspaceId)
    .where('t.state', '=', 'published')
    .where('t.published_at', '>=', since)
    .orderBy('t.published_at', 'desc')
    .limit(limit)
    .execute();
  const ids = rows.map((r) => r.target_id);
  const latest = new Map<string, { likes: number | null; reposts: number | null; replies: number | null; quotes: number | null; impressions: number | null; unavailable: string | null }>();
  for (let i = 0; i < ids.length; i += 500) {
    const snaps = await db
      .selectFrom('post_metric_snapshots')
      .select(['target_id', 'likes', 'reposts', 'replies', 'quotes', 'impressions', 'unavailable', 'fetched_at'])
      .where('target_id', 'in', ids.slice(i, i + 500))
      .orderBy('fetched_at', 'desc')
      .execute();
    for (const s of snaps) if (!latest.has(s.target_id)) latest.set(s.target_id, s);
  }
  return rows.map((r) => ({ targetId: r.target_id, channelId: r.channel_id, publishedAt: r.published_at!, text: (JSON.parse(r.parts) as Array<{ text: string }>)[0]?.text ?? '', metrics: latest.get(r.target_id) }));
}

export async function scheduledTargets(db: DbOrTrx, workspaceId: string, from: string) {
  return db
    .selectFrom('post_targets as t')
    .innerJoin('posts as p', 'p.id', 't.post_id')
    .select(['t.id', 't.channel_id', 'p.scheduled_at'])
    .where('t.workspace_id', '=', workspaceId)
    .where('t.state', '=', 'scheduled')
    .where('p.scheduled_at', '>=', from)
    .limit(10_000)
    .execute();
}

export async function interactionsSince(db: DbOrTrx, workspaceId: string, since: string, limit = 500_000) {
  return db.selectFrom('interactions').select(['person_id', 'at', 'kind']).where('workspace_id', '=', workspaceId).where('at', '>=', since).orderBy('at').limit(limit).execute();
}

export async function mentionCounts(db: DbOrTrx, workspaceId: string, since: string): Promise<{ matched: number; read: number; queries: number }> {
  const matched = await db.selectFrom('query_matches').innerJoin('mentions', 'mentions.id', 'query_matches.mention_id').select((eb) => eb.fn.count<number>('query_matches.mention_id').distinct().as('n')).where('query_matches.workspace_id', '=', workspaceId).where('mentions.created_at', '>=', since).executeTakeFirstOrThrow();
  const read = await db
    .selectFrom('query_matches')
    .innerJoin('inbox_items', 'inbox_items.mention_id', 'query_matches.mention_id')
    .innerJoin('mentions', 'mentions.id', 'query_matches.mention_id')
    .select((eb) => eb.fn.count<number>('query_matches.mention_id').distinct().as('n'))
    .where('query_matches.workspace_id', '=', workspaceId)
    .where('mentions.created_at', '>=', since)
    .where('inbox_items.status', '!=', 'new')
    .executeTakeFirstOrThrow();
  const queries = await db.selectFrom('listening_queries').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
  return { matched: Number(matched.n), read: Number(read.n), queries: Number(queries.n) };
}
