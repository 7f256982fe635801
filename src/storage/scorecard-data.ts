import { sql, type RawBuilder } from 'kysely';
import type { DbOrTrx, EngineName } from './engine.ts';
import type { AudienceWindow, Interaction, PostInstant, PublishedPost } from '../domain/scorecard/index.ts';

/**
 * What the scorecard reads, aggregated per workspace (posts with their latest metrics, interactions…).
 * Each read is one query returning rows already in the shape the scorecard takes: a workspace with
 * years of history reads tens of thousands of rows, so per-row work (extra round trips, re-mapping,
 * timestamp parsing) is what the read costs.
 */

/**
 * A timestamp column as the ISO string the app uses everywhere ('2025-01-02T03:04:05.678Z').
 * PostgreSQL formats it server-side: the driver's per-value `new Date(v).toISOString()` is the
 * dominant cost of reading tens of thousands of rows. Both truncate to milliseconds. SQLite stores
 * the ISO text already.
 */
function isoOf(engine: EngineName, column: string): RawBuilder<string> {
  return engine === 'postgres' ? sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : sql<string>`${sql.ref(column)}`;
}

interface PostRow {
  id: string;
  channel_id: string;
  published_at: string;
  /** The first part's text: what the scorecard reads of a thread. */
  text: string | null;
  likes: number | null;
  reposts: number | null;
  replies: number | null;
  quotes: number | null;
  impressions: number | null;
  unavailable: string | null;
  /** Whether the target has any metrics snapshot (the columns above are the latest one's). */
  has_metrics: number | boolean | null;
}

/**
 * Published posts since `since`, newest first, each with its latest metrics snapshot, in one query:
 * the latest snapshot is found per target through the (target_id, fetched_at) index (LATERAL on
 * PostgreSQL, a correlated rowid lookup on SQLite), so the cost does not grow with the number of
 * snapshots kept per post.
 */
export async function publishedPostsSince(db: DbOrTrx, engine: EngineName, workspaceId: string, since: string, limit = 50_000): Promise<PublishedPost[]> {
  const text = engine === 'postgres' ? sql`p.parts::json -> 0 ->> 'text'` : sql`json_extract(p.parts, '$[0].text')`;
  const cols = sql`t.id, t.channel_id, ${isoOf(engine, 't.published_at')} as published_at, ${text} as text, s.likes, s.reposts, s.replies, s.quotes, s.impressions, s.unavailable`;
  const where = sql`t.workspace_id = ${workspaceId} and t.state = 'published' and t.published_at >= ${since} order by t.published_at desc limit ${limit}`;
  const query =
    engine === 'postgres'
      ? sql<PostRow>`select ${cols}, s.found as has_metrics from post_targets t join posts p on p.id = t.post_id
          left join lateral (select x.likes, x.reposts, x.replies, x.quotes, x.impressions, x.unavailable, true as found from post_metric_snapshots x where x.target_id = t.id order by x.fetched_at desc limit 1) s on true
          where ${where}`
      : sql<PostRow>`select ${cols}, s.rowid is not null as has_metrics from post_targets t join posts p on p.id = t.post_id
          left join post_metric_snapshots s on s.rowid = (select x.rowid from post_metric_snapshots x where x.target_id = t.id order by x.fetched_at desc limit 1)
          where ${where}`;
  const { rows } = await query.execute(db);
  const posts: PublishedPost[] = new Array<PublishedPost>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const post: PublishedPost = { id: r.id, channelId: r.channel_id, publishedAt: r.published_at, text: r.text ?? '' };
    if (r.has_metrics) {
      post.metrics = r.unavailable
        ? { unavailable: r.unavailable }
        : { likes: r.likes ?? 0, reposts: r.reposts ?? 0, replies: r.replies ?? 0, quotes: r.quotes ?? 0, ...(r.impressions !== null ? { impressions: r.impressions } : {}) };
    }
    posts[i] = post;
  }
  return posts;
}

/**
 * Every post published since `since` as an instant on its channel (the long trends and the plan's
 * streak). One row per channel with the instants joined by commas: 20,000 rows of two columns cost
 * more in the driver than the query does. Unordered.
 */
export async function publishedPostTimeline(db: DbOrTrx, engine: EngineName, workspaceId: string, since: string): Promise<PostInstant[]> {
  const where = sql`t.workspace_id = ${workspaceId} and t.state = 'published' and t.published_at >= ${since} group by t.channel_id`;
  const { rows } = await (
    engine === 'postgres'
      ? sql<{ channel_id: string; instants: string }>`select t.channel_id, string_agg(${isoOf(engine, 't.published_at')}, ',') as instants from post_targets t where ${where}`
      : sql<{ channel_id: string; instants: string }>`select t.channel_id, group_concat(t.published_at, ',') as instants from post_targets t where ${where}`
  ).execute(db);
  const out: PostInstant[] = [];
  for (const r of rows) for (const publishedAt of r.instants.split(',')) out.push({ channelId: r.channel_id, publishedAt });
  return out;
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

/**
 * Interactions since `since`, oldest first, as the scorecard takes them. Follows are left out: the
 * scorecard counts people who liked, reposted, replied, quoted or mentioned (every audience
 * figure skips kind 'follow'), and follows are a large share of the rows.
 */
export async function interactionsSince(db: DbOrTrx, engine: EngineName, workspaceId: string, since: string, limit = 500_000): Promise<Interaction[]> {
  const rows = await db
    .selectFrom('interactions')
    .select(['person_id as personId', isoOf(engine, 'at').as('at'), 'kind'])
    .where('workspace_id', '=', workspaceId)
    .where('at', '>=', since)
    .where('kind', '!=', 'follow')
    // Newest first, so a capped read keeps the recent days every rule needs; returned oldest first.
    .orderBy('interactions.at', 'desc')
    .limit(limit)
    .execute();
  return (rows as Interaction[]).reverse();
}

export async function mentionCounts(db: DbOrTrx, workspaceId: string, since: string): Promise<{ matched: number; read: number; queries: number }> {
  const [matched, read, queries] = await Promise.all([
    db.selectFrom('query_matches').innerJoin('mentions', 'mentions.id', 'query_matches.mention_id').select((eb) => eb.fn.count<number>('query_matches.mention_id').distinct().as('n')).where('query_matches.workspace_id', '=', workspaceId).where('mentions.created_at', '>=', since).executeTakeFirstOrThrow(),
    db
      .selectFrom('query_matches')
      .innerJoin('inbox_items', 'inbox_items.mention_id', 'query_matches.mention_id')
      .innerJoin('mentions', 'mentions.id', 'query_matches.mention_id')
      .select((eb) => eb.fn.count<number>('query_matches.mention_id').distinct().as('n'))
      .where('query_matches.workspace_id', '=', workspaceId)
      .where('mentions.created_at', '>=', since)
      .where('inbox_items.status', '!=', 'new')
      .executeTakeFirstOrThrow(),
    db.selectFrom('listening_queries').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow(),
  ]);
  return { matched: Number(matched.n), read: Number(read.n), queries: Number(queries.n) };
}

/**
 * Engaged people and the loyal core in (from, to]: people with an interaction other than a follow,
 * and those with at least `minInteractions` of them, counted per person in the database.
 */
export async function audienceWindowCounts(db: DbOrTrx, engine: EngineName, workspaceId: string, from: string, to: string, days: number, minInteractions: number): Promise<AudienceWindow> {
  const person = personKey(engine);
  const { rows } = await sql<{ engaged: number | string; loyal: number | string | null }>`
    select count(*) as engaged, sum(case when p.n >= ${minInteractions} then 1 else 0 end) as loyal
    from (select ${person} as person, count(*) as n from interactions
          where workspace_id = ${workspaceId} and at > ${from} and at <= ${to} and kind <> 'follow'
          group by ${person}) p`.execute(db);
  const row = rows[0];
  return { days, minInteractions, engaged: Number(row?.engaged ?? 0), loyal: Number(row?.loyal ?? 0) };
}

/**
 * Unique people with an interaction other than a follow in each of the consecutive periods
 * [boundaries[i], boundaries[i+1]): one count per period, 0 where nobody interacted. PostgreSQL
 * buckets each row with width_bucket in one scan; SQLite joins the periods as a VALUES table, one
 * index range each.
 */
export async function engagedPeoplePerPeriod(db: DbOrTrx, engine: EngineName, workspaceId: string, boundaries: readonly string[]): Promise<number[]> {
  const periods = boundaries.length - 1;
  const counts = new Array<number>(Math.max(0, periods)).fill(0);
  if (periods < 1) return counts;
  const first = boundaries[0]!;
  const last = boundaries[periods]!;
  let rows: Array<{ i: number | string; n: number | string }>;
  if (engine === 'postgres') {
    // width_bucket gives 1 for the first period; then one row per distinct (period, person).
    ({ rows } = await sql<{ i: number; n: number }>`
      select b - 1 as i, count(*) as n from (
        select width_bucket(at, ${[...boundaries]}::timestamptz[]) as b, ${personKey(engine)} as person from interactions
        where workspace_id = ${workspaceId} and at >= ${first} and at < ${last} and kind <> 'follow'
        group by 1, 2) d
      group by b`.execute(db));
  } else {
    const values = sql.join(boundaries.slice(0, -1).map((from, i) => sql`(${i}, ${from}, ${boundaries[i + 1]!})`));
    ({ rows } = await sql<{ i: number; n: number }>`
      with period(i, s, e) as (values ${values})
      select period.i as i, count(distinct x.person_id) as n from period
      join interactions x on x.workspace_id = ${workspaceId} and x.at >= period.s and x.at < period.e and x.kind <> 'follow'
      group by period.i`.execute(db));
  }
  for (const r of rows) {
    const i = Number(r.i);
    if (i >= 0 && i < periods) counts[i] = Number(r.n);
  }
  return counts;
}

/**
 * person_id as a grouping key. PostgreSQL sorts to group when it has no statistics yet (a freshly
 * filled table): byte order ("C") sorts ids several times faster than the database's locale, and
 * grouping needs no particular order.
 */
function personKey(engine: EngineName): RawBuilder<string> {
  return engine === 'postgres' ? sql<string>`person_id collate "C"` : sql<string>`person_id`;
}
