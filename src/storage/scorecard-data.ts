import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { Db, DbOrTrx, EngineName } from './engine.ts';
import type { Database } from './schema.ts';
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

// The safety engine's intents are stored as JSON text ('["question","complaint"]'). Spelled as the
// predicate of the partial index mentions_questions (migration 0010), as a literal, so both engines use it.
const ASKS_A_QUESTION = sql<boolean>`intents like '%"question"%'`;

/** Mentions created in [from, to) that the safety engine marked as asking a question (read through mentions_questions). */
export function questionMentionsIn(db: DbOrTrx, workspaceId: string, from: string, to: string) {
  return db.selectFrom('mentions').where('workspace_id', '=', workspaceId).where('created_at', '>=', from).where('created_at', '<', to).where(ASKS_A_QUESTION);
}

/** How many mentions created in [from, to) ask a question, counted over all of them. */
export async function questionMentionCount(db: DbOrTrx, workspaceId: string, from: string, to: string): Promise<number> {
  const row = await questionMentionsIn(db, workspaceId, from, to).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The newest `limit` mentions created in [from, to) that ask a question, newest first, as the listening trends read them. */
export async function questionMentions(db: DbOrTrx, workspaceId: string, from: string, to: string, limit: number): Promise<Array<{ id: string; text: string; createdAt: string }>> {
  const rows = await questionMentionsIn(db, workspaceId, from, to).select(['id', 'text', 'created_at']).orderBy('created_at', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, text: r.text, createdAt: r.created_at }));
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

/** A scorecard week's UTC bounds, [from, to), as `scorecardWeeks` gives them. */
export interface WeekBounds {
  from: string;
  to: string;
}

/**
 * Unique people with an interaction other than a follow in each week, as `engagedPeoplePerPeriod`
 * counts them. A week complete at `now` is read from `weekly_engaged_people`; the complete weeks
 * missing there (never counted, or cleared by a late interaction) are counted and stored, under the
 * workspace's lock so a count never outlives an insert that should clear it. Weeks not complete at
 * `now` are counted live and never stored.
 */
export async function weeklyEngagedPeople(db: Db, engine: EngineName, workspaceId: string, weeks: readonly WeekBounds[], now: string): Promise<number[]> {
  const counts = new Array<number>(weeks.length).fill(0);
  if (weeks.length === 0) return counts;
  const stored = await db.selectFrom('weekly_engaged_people').select(['week_from', 'week_to', 'engaged_people']).where('workspace_id', '=', workspaceId).execute();
  const known = new Map(stored.map((r) => [`${r.week_from}/${r.week_to}`, Number(r.engaged_people)]));
  const complete: number[] = [];
  const live: number[] = [];
  weeks.forEach((w, i) => {
    const n = w.to <= now ? known.get(`${w.from}/${w.to}`) : undefined;
    if (n !== undefined) counts[i] = n;
    else (w.to <= now ? complete : live).push(i);
  });
  if (live.length > 0) for (const [i, n] of await countWeeks(db, engine, workspaceId, weeks, live)) counts[i] = n;
  if (complete.length === 0) return counts;
  // Rows of weeks no longer asked for: older than the series, or bounds of another zone.
  const wanted = new Set(weeks.map((w) => `${w.from}/${w.to}`));
  const stale = stored.filter((r) => !wanted.has(`${r.week_from}/${r.week_to}`));
  let counted: Map<number, number>;
  try {
    counted = await db.transaction().execute(async (trx) => {
      await lockWeeklyEngagedPeople(trx, workspaceId);
      const fresh = await countWeeks(trx, engine, workspaceId, weeks, complete);
      if (stale.length > 0) {
        await trx
          .deleteFrom('weekly_engaged_people')
          .where('workspace_id', '=', workspaceId)
          .where((eb) => eb.or(stale.map((r) => eb.and([eb('week_from', '=', r.week_from), eb('week_to', '=', r.week_to)]))))
          .execute();
      }
      const rows = [...fresh].map(([i, n]) => ({ workspace_id: workspaceId, week_from: weeks[i]!.from, week_to: weeks[i]!.to, engaged_people: n }));
      for (let k = 0; k < rows.length; k += 200) {
        await trx
          .insertInto('weekly_engaged_people')
          .values(rows.slice(k, k + 200))
          .onConflict((oc) => oc.columns(['workspace_id', 'week_from', 'week_to']).doUpdateSet((eb) => ({ engaged_people: eb.ref('excluded.engaged_people') })))
          .execute();
      }
      return fresh;
    });
  } catch {
    // Storing is only a saving (e.g. SQLite refuses the write when another process wrote meanwhile): count live.
    counted = await countWeeks(db, engine, workspaceId, weeks, complete);
  }
  for (const [i, n] of counted) counts[i] = n;
  return counts;
}

/**
 * Takes the workspace's row lock for the rest of the transaction (a no-op update: the one row lock
 * both engines have). The weekly rollup's recount and every interaction insert take it first, so
 * they run one after the other and a recount always sees the interactions an insert cleared it for.
 */
export async function lockWeeklyEngagedPeople(trx: Transaction<Database>, workspaceId: string): Promise<void> {
  await trx.updateTable('workspaces').set((eb) => ({ time_zone: eb.ref('time_zone') })).where('id', '=', workspaceId).execute();
}

/** Clears the stored counts of every week holding an instant in [fromAt, toAt]: interactions of those weeks arrived. */
export async function clearWeeklyEngagedPeople(trx: Transaction<Database>, workspaceId: string, fromAt: string, toAt: string): Promise<void> {
  await trx.deleteFrom('weekly_engaged_people').where('workspace_id', '=', workspaceId).where('week_from', '<=', toAt).where('week_to', '>', fromAt).execute();
}

/** Counts of the weeks at `indices` (ascending), one query per run of adjacent weeks. */
async function countWeeks(db: DbOrTrx, engine: EngineName, workspaceId: string, weeks: readonly WeekBounds[], indices: readonly number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  let start = 0;
  while (start < indices.length) {
    let end = start + 1;
    while (end < indices.length && indices[end] === indices[end - 1]! + 1 && weeks[indices[end]!]!.from === weeks[indices[end - 1]!]!.to) end++;
    const run = indices.slice(start, end);
    const perWeek = await engagedPeoplePerPeriod(db, engine, workspaceId, [weeks[run[0]!]!.from, ...run.map((i) => weeks[i]!.to)]);
    run.forEach((i, k) => out.set(i, perWeek[k] ?? 0));
    start = end;
  }
  return out;
}

/**
 * person_id as a grouping key. PostgreSQL sorts to group when it has no statistics yet (a freshly
 * filled table): byte order ("C") sorts ids several times faster than the database's locale, and
 * grouping needs no particular order.
 */
function personKey(engine: EngineName): RawBuilder<string> {
  return engine === 'postgres' ? sql<string>`person_id collate "C"` : sql<string>`person_id`;
}
