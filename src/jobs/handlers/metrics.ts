import type { AppContext } from '../../operations/context.ts';
import type { JobQueue, JobRun } from '../queue.ts';
import { openChannelSession } from '../../operations/channels.ts';
import { insertSnapshots, publishedTargets } from '../../storage/metrics.ts';
import { findChannel } from '../../storage/channels.ts';
import { METRICS_EVERY_MS, METRICS_FOLLOW_DAYS, METRICS_KIND, metricsJobKey, type MetricsPayload } from './metrics-kind.ts';

export async function registerMetrics(ctx: AppContext, queue: JobQueue): Promise<void> {
  await queue.work<MetricsPayload>(METRICS_KIND, (job) => snapshotChannel(ctx, queue, job));
}

export async function scheduleMetrics(queue: JobQueue, payload: MetricsPayload, delayMs: number): Promise<void> {
  const at = Date.now() + delayMs;
  await queue.enqueue({ kind: METRICS_KIND, payload, runAt: new Date(at), idempotencyKey: metricsJobKey(payload.channelId, at), workspaceId: payload.workspaceId });
}

/**
 * Snapshots the metrics of a channel's recent posts so their history is kept (years, for the
 * Patience rule). A post the network no longer has is recorded as unavailable with the reason —
 * never as zero.
 */
export async function snapshotChannel(ctx: AppContext, queue: JobQueue, job: JobRun<MetricsPayload>): Promise<void> {
  const { workspaceId, channelId } = job.payload;
  if (!(await findChannel(ctx.storage.db, workspaceId, channelId))) return; // disconnected: the chain ends
  const since = new Date(Date.now() - METRICS_FOLLOW_DAYS * 86_400_000).toISOString();
  const targets = await publishedTargets(ctx.storage.db, workspaceId, channelId, since);
  if (targets.length > 0) {
    const { session } = await openChannelSession(ctx, workspaceId, channelId);
    const metrics = await session.metrics(targets.map((t) => ({ uri: t.uri, ...(t.cid ? { cid: t.cid } : {}) })));
    const byUri = new Map(metrics.map((m) => [m.uri, m]));
    await insertSnapshots(
      ctx.storage.db,
      workspaceId,
      targets.map((t) => {
        const m = byUri.get(t.uri);
        return m
          ? { targetId: t.targetId, channelId, likes: m.likes, reposts: m.reposts, replies: m.replies, quotes: m.quotes, impressions: m.impressions ?? null, unavailable: null }
          : { targetId: t.targetId, channelId, likes: null, reposts: null, replies: null, quotes: null, impressions: null, unavailable: 'deleted on the network' };
      }),
    );
  }
  await scheduleMetrics(queue, job.payload, METRICS_EVERY_MS);
}
