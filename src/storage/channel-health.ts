/**
 * A channel's publishing health: its run of failures, its pause, and the posts that wait while it
 * is paused (targets "parked": scheduled, no job, error code CHANNEL_PAUSED).
 */
import { sql } from 'kysely';
import type { DbOrTrx } from './engine.ts';
import type { Channel, ChannelStatus } from './channels.ts';

/** The error code of a target waiting for its channel to be resumed. */
export const CHANNEL_PAUSED = 'CHANNEL_PAUSED';

/** Statuses in which nothing is published on the channel until someone resumes it. */
export function publishingPaused(status: ChannelStatus): boolean {
  return status === 'paused' || status === 'auth_revoked';
}

/**
 * Reads the channel's status under its row lock (PostgreSQL): a pause, a park and a resume of the
 * same channel then happen one after the other, so no post is parked after the resume looked.
 */
export async function lockChannelStatus(trx: DbOrTrx, workspaceId: string, channelId: string): Promise<Pick<Channel, 'status' | 'statusReason'> | undefined> {
  await trx.updateTable('channels').set({ status: sql`status` }).where('workspace_id', '=', workspaceId).where('id', '=', channelId).execute();
  const row = await trx.selectFrom('channels').select(['status', 'status_reason']).where('workspace_id', '=', workspaceId).where('id', '=', channelId).executeTakeFirst();
  return row && { status: row.status as ChannelStatus, statusReason: row.status_reason };
}

/** One more publishing failure in a row; returns the run: how many, and since when. */
export async function countPublishFailure(trx: DbOrTrx, workspaceId: string, channelId: string, now: Date): Promise<{ failures: number; since: string }> {
  await trx
    .updateTable('channels')
    .set({ publish_failures: sql`publish_failures + 1`, publish_failing_since: sql`coalesce(publish_failing_since, ${now.toISOString()})` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', channelId)
    .execute();
  const row = await trx.selectFrom('channels').select(['publish_failures', 'publish_failing_since']).where('workspace_id', '=', workspaceId).where('id', '=', channelId).executeTakeFirst();
  return { failures: row?.publish_failures ?? 0, since: row?.publish_failing_since ?? now.toISOString() };
}

export async function resetPublishFailures(trx: DbOrTrx, workspaceId: string, channelId: string): Promise<void> {
  await trx
    .updateTable('channels')
    .set({ publish_failures: 0, publish_failing_since: null })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', channelId)
    .where('publish_failures', '>', 0)
    .execute();
}

export interface ParkedTarget {
  targetId: string;
  postId: string;
  revision: number;
}

/** The channel's posts waiting for a resume, oldest first. */
export async function parkedTargets(trx: DbOrTrx, workspaceId: string, channelId: string): Promise<ParkedTarget[]> {
  const rows = await trx
    .selectFrom('post_targets')
    .innerJoin('posts', 'posts.id', 'post_targets.post_id')
    .select(['post_targets.id as targetId', 'posts.id as postId', 'posts.revision as revision'])
    .where('post_targets.workspace_id', '=', workspaceId)
    .where('post_targets.channel_id', '=', channelId)
    .where('post_targets.state', '=', 'scheduled')
    .where('post_targets.job_id', 'is', null)
    .where('post_targets.error_code', '=', CHANNEL_PAUSED)
    .orderBy('posts.scheduled_at')
    .execute();
  return rows.map((r) => ({ targetId: r.targetId, postId: r.postId, revision: Number(r.revision) }));
}
