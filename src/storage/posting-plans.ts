import type { DbOrTrx } from './engine.ts';

/** A channel's cadence as stored: weekly slots or an RRULE (the zone is the workspace's). */
export type StoredPlan = { slots: Array<{ days: string[]; time: string }> } | { rrule: string };

export async function upsertPlan(db: DbOrTrx, workspaceId: string, channelId: string, plan: StoredPlan): Promise<void> {
  const now = new Date().toISOString();
  await db
    .insertInto('posting_plans')
    .values({ channel_id: channelId, workspace_id: workspaceId, plan: JSON.stringify(plan), updated_at: now })
    .onConflict((oc) => oc.column('channel_id').doUpdateSet({ plan: JSON.stringify(plan), updated_at: now }))
    .execute();
}

export async function findPlan(db: DbOrTrx, workspaceId: string, channelId: string): Promise<StoredPlan | undefined> {
  const row = await db.selectFrom('posting_plans').select('plan').where('workspace_id', '=', workspaceId).where('channel_id', '=', channelId).executeTakeFirst();
  return row && (JSON.parse(row.plan) as StoredPlan);
}

export async function listPlans(db: DbOrTrx, workspaceId: string): Promise<Array<{ channelId: string; plan: StoredPlan }>> {
  const rows = await db.selectFrom('posting_plans').select(['channel_id', 'plan']).where('workspace_id', '=', workspaceId).execute();
  return rows.map((r) => ({ channelId: r.channel_id, plan: JSON.parse(r.plan) as StoredPlan }));
}

/** Posts with a time on a channel, for the calendar: scheduled or published, in [from, to). */
export async function timedPostsOf(
  db: DbOrTrx,
  workspaceId: string,
  range: { from: string; to: string },
): Promise<Array<{ id: string; channelId: string; at: string; state: string; targetState: string }>> {
  const rows = await db
    .selectFrom('posts')
    .innerJoin('post_targets', 'post_targets.post_id', 'posts.id')
    .select(['posts.id', 'post_targets.channel_id', 'posts.scheduled_at', 'post_targets.published_at', 'posts.state', 'post_targets.state as target_state'])
    .where('posts.workspace_id', '=', workspaceId)
    .where((eb) =>
      eb.or([
        eb.and([eb('posts.scheduled_at', '>=', range.from), eb('posts.scheduled_at', '<', range.to)]),
        eb.and([eb('post_targets.published_at', '>=', range.from), eb('post_targets.published_at', '<', range.to)]),
      ]),
    )
    .limit(20_000)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    channelId: r.channel_id,
    at: (r.published_at ?? r.scheduled_at)!,
    // The calendar counts a channel as filled by what happened on it.
    state: r.target_state === 'published' ? 'published' : r.state,
    targetState: r.target_state,
  }));
}
