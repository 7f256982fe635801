import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../storage/schema.ts';
import type { AppContext } from '../../operations/context.ts';
import { JobLostError, type JobQueue, type JobRun } from '../queue.ts';
import { ConnectorError, PartialThreadError, type OutgoingPost, type PublishedPost } from '../../connectors/index.ts';
import { openChannelSession, pauseChannel } from '../../operations/channels.ts';
import { appendAudit } from '../../storage/audit-log.ts';
import { findChannel } from '../../storage/channels.ts';
import { CHANNEL_PAUSED, countPublishFailure, lockChannelStatus, publishingPaused, resetPublishFailures } from '../../storage/channel-health.ts';
import { finishAttempt, findPost, insertAttempt, lockTarget, resolveUnknownAttempts, uncertainAttempts, updatePostRow, updateTarget, type Post, type RemoteRef } from '../../storage/posts.ts';
import { rollUp, type TargetState } from '../../domain/posts/lifecycle.ts';
import { mediaData } from '../../storage/media.ts';
import { PUBLISH_KIND, networkKey, publishJobKey, type PublishPayload } from './publish-kind.ts';

const READABLE: Record<string, string> = {
  AUTH_REVOKED: 'the network refused the channel’s credentials: reconnect the channel, then retry',
  INVALID_CONTENT: 'the network refused the content',
  NOT_FOUND: 'the post it replies to no longer exists',
  DELETED_REMOTELY: 'the post went out and was then deleted on the network; Bedside does not publish it again',
  PERMANENT: 'the network refused the post',
  TRANSIENT: 'the network kept failing; Bedside gave up after several tries',
  RATE_LIMITED: 'the network’s rate limit was reached',
};

/**
 * When publishing on a channel pauses: after this many failures in a row on the channel (any of
 * its posts, no success between) lasting at least this long. A network that is down fails every
 * post the same way, and retrying each to its last try would only dead-letter them; the duration
 * keeps a moment of overload (many posts failing at once, then going through) from pausing it.
 * With the publish kind's backoff, one post alone reaches both before its last try.
 */
export interface PauseRule {
  failures: number;
  ms: number;
}

export const DEFAULT_PAUSE_RULE: PauseRule = { failures: 5, ms: 60_000 };

function toRemote(p: PublishedPost): RemoteRef {
  return { uri: p.uri, ...(p.cid ? { cid: p.cid } : {}), ...(p.url ? { url: p.url } : {}) };
}

/**
 * Publishes one post to one channel, exactly once:
 * 1. claim: a publish attempt is written (outcome unknown) before any network call;
 * 2. if an earlier attempt's outcome is unknown (the process died), reconcile by reading the
 *    network for the post's idempotency key instead of publishing blindly;
 * 3. publish with stable per-part keys (Bluesky derives the record key from them, so the network
 *    itself refuses a duplicate);
 * 4. the result and the job's completion commit together.
 * Rate limits re-queue after Retry-After (never sooner); transient errors back off; after a long
 * run of failures on the channel (PauseRule), or when the network refuses its credentials, the
 * channel is paused and its posts wait (parked, not failed) until someone resumes it; permanent
 * errors fail the channel target with a readable reason. Nothing is dropped silently.
 */
export async function registerPublish(ctx: AppContext, queue: JobQueue, options: { pauseAfter?: PauseRule } = {}): Promise<void> {
  const pauseAfter = options.pauseAfter ?? DEFAULT_PAUSE_RULE;
  await queue.work<PublishPayload>(PUBLISH_KIND, (job) => publishTarget(ctx, queue, job, pauseAfter));
}

async function settle(trx: Transaction<Database>, ctx: AppContext, post: Post, targetId: string, state: TargetState, change: Parameters<typeof updateTarget>[2], details: Record<string, string | number | null>): Promise<void> {
  await updateTarget(trx, targetId, { state, ...change });
  const fresh = (await findPost(trx, post.workspaceId, post.id))!;
  await updatePostRow(trx, post.id, { state: rollUp(fresh.targets.map((t) => t.state)) }, fresh.revision);
  await appendAudit(trx, ctx.storage.engine, {
    workspaceId: post.workspaceId,
    actorType: 'system',
    actorId: null,
    action: state === 'published' ? 'post.published' : state === 'failed' ? 'post.publish_failed' : 'post.publish_deferred',
    entityType: 'post',
    entityId: post.id,
    details: { target: targetId, revision: post.revision, ...details },
  });
}

export async function publishTarget(ctx: AppContext, queue: JobQueue, job: JobRun<PublishPayload>, pauseAfter: PauseRule = DEFAULT_PAUSE_RULE): Promise<void> {
  const { workspaceId, postId, targetId, revision } = job.payload;
  const attemptId = randomUUID();

  // 1. Claim, in one transaction; a stale job (edited, cancelled, already done) stops here.
  const claim = await ctx.storage.db.transaction().execute(async (trx) => {
    await lockTarget(trx, targetId);
    const post = await findPost(trx, workspaceId, postId);
    const target = post?.targets.find((t) => t.id === targetId);
    if (!post || !target || post.revision !== revision) return undefined;
    if (!['scheduled', 'publishing', 'partially_published', 'failed'].includes(post.state)) return undefined;
    if (target.state !== 'scheduled' && target.state !== 'publishing' && target.state !== 'unconfirmed') return undefined;
    // A paused channel: the post waits for the resume without touching the network.
    const channel = await findChannel(trx, workspaceId, target.channelId);
    if (channel && publishingPaused(channel.status)) return { post, target, reconcile: false, parked: true };
    // An earlier try may have reached the network (died, timed out, cut off): look before publishing again.
    const uncertain = await uncertainAttempts(trx, targetId);
    await insertAttempt(trx, { id: attemptId, workspaceId, targetId, revision });
    await updateTarget(trx, targetId, { state: 'publishing' });
    if (post.state === 'scheduled') await updatePostRow(trx, postId, { state: 'publishing' }, post.revision);
    return { post, target, reconcile: uncertain > 0, parked: false };
  });
  if (!claim) {
    await job.finish(async () => undefined);
    return;
  }
  const { post, target } = claim;
  if (claim.parked) {
    await job.finish((trx) => park(trx, ctx, queue, post, targetId, target.channelId));
    return;
  }
  const parts: OutgoingPost[] = [];
  for (const [i, part] of post.parts.entries()) {
    const images: NonNullable<OutgoingPost['images']> = [];
    for (const image of part.images ?? []) {
      const media = image.mediaId ? await mediaData(ctx.storage.db, workspaceId, image.mediaId) : undefined;
      if (media) images.push({ data: media.data, mimeType: media.mimeType, altText: image.altText });
    }
    parts.push({ text: part.text, idempotencyKey: networkKey(targetId, revision, i), ...(images.length ? { images } : {}) });
  }

  try {
    const { session } = await openChannelSession(ctx, workspaceId, target.channelId);
    let published: PublishedPost[] = [];
    // 2. Reconcile an attempt that may have reached the network before the process died.
    if (claim.reconcile) {
      for (const part of parts) {
        const found = await session.findOwnPost(part.idempotencyKey!, new Date(post.scheduledAt ?? post.updatedAt), { text: part.text });
        if (!found) break;
        published.push(found);
      }
    }
    // 3. Publish what is not out yet (all of it, unless reconciliation found some parts).
    if (published.length < parts.length) {
      const rest = parts.slice(published.length);
      if (published.length > 0) {
        const last = published[published.length - 1]!;
        const first = published[0]!;
        rest[0] = { ...rest[0]!, replyTo: { uri: last.uri, ...(last.cid ? { cid: last.cid } : {}), root: { uri: first.uri, ...(first.cid ? { cid: first.cid } : {}) } } };
      }
      const out = rest.length === 1 && published.length === 0 ? [await session.publish(rest[0]!)] : await session.publishThread(rest);
      published = [...published, ...out];
    }
    // 4. Record the result with the job's completion.
    await job.finish(async (trx) => {
      await finishAttempt(trx, attemptId, 'published');
      await resolveUnknownAttempts(trx, targetId, 'reconciled');
      await resetPublishFailures(trx, workspaceId, target.channelId);
      await settle(trx, ctx, post, targetId, 'published', { remote: published.map(toRemote), publishedAt: published[0]!.publishedAt, errorCode: null, errorMessage: null }, { parts: published.length, reconciled: claim.reconcile ? 1 : 0 });
    });
  } catch (err) {
    // The try outlived its lease and another owns the job: its attempt stays unknown, and is reconciled.
    if (err instanceof JobLostError) throw err;
    const error = err instanceof ConnectorError ? err : new ConnectorError('TRANSIENT', err instanceof Error ? err.message : String(err));
    const partial = err instanceof PartialThreadError ? err.published : [];
    if (error.code === 'RATE_LIMITED') {
      // Come back when the network allows: a successor job at Retry-After, in the same transaction.
      const at = new Date(Date.now() + (error.retryAfterSeconds ?? 60) * 1000).toISOString();
      await job.finish(async (trx) => {
        await finishAttempt(trx, attemptId, 'retry', error.code);
        const next = await queue.enqueue({ kind: PUBLISH_KIND, payload: job.payload, runAt: new Date(at), idempotencyKey: `${publishJobKey(targetId, revision, at)}:rate-limited`, workspaceId }, { trx });
        await settle(trx, ctx, post, targetId, 'scheduled', { jobId: next.id, errorCode: error.code, errorMessage: `rate limited by the network: trying again at ${at}` }, { retry_at: at });
      });
      return;
    }
    if (error.code === 'AUTH_REVOKED') {
      // The token expired or was revoked: nothing more can go out on this channel until it is reconnected.
      await job.finish(async (trx) => {
        await finishAttempt(trx, attemptId, 'retry', error.code);
        await pauseChannel(ctx, trx, { workspaceId, channelId: target.channelId, status: 'auth_revoked', reason: 'the network refused the stored credentials: reconnect the channel', code: error.code });
        await park(trx, ctx, queue, post, targetId, target.channelId);
      });
      return;
    }
    if (error.retryable) {
      const now = new Date();
      const run = await ctx.storage.db.transaction().execute(async (trx) => {
        await finishAttempt(trx, attemptId, 'retry', error.code);
        return countPublishFailure(trx, workspaceId, target.channelId, now);
      });
      if (run.failures >= pauseAfter.failures && now.getTime() - Date.parse(run.since) >= pauseAfter.ms) {
        const seconds = Math.round((now.getTime() - Date.parse(run.since)) / 1000);
        const lasting = seconds < 120 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
        const reason = `publishing paused after ${run.failures} failures in a row over ${lasting} (last: ${error.message.slice(0, 200)}): resume the channel once the network works again`;
        await job.finish(async (trx) => {
          await pauseChannel(ctx, trx, { workspaceId, channelId: target.channelId, status: 'paused', reason, code: error.code });
          await park(trx, ctx, queue, post, targetId, target.channelId);
        });
        return;
      }
      if (!job.lastAttempt) throw error; // the queue backs off (exponential, jittered) and tries again
    }
    ctx.logger.warn({ job: job.id, target: targetId, channel: target.channelId, code: error.code }, 'publish failed');
    // A post replies to nothing of someone else's: NOT_FOUND means its own key names a status since deleted.
    const readable = error.code === 'NOT_FOUND' && partial.length === 0 ? READABLE.DELETED_REMOTELY : READABLE[error.code];
    const reason = partial.length > 0
      ? `${partial.length} of ${parts.length} parts went out, then: ${readable ?? error.code} (${error.message})`
      : `${readable ?? error.code} (${error.message})`;
    await job.finish(async (trx) => {
      await finishAttempt(trx, attemptId, 'failed', error.code);
      await settle(trx, ctx, post, targetId, 'failed', { errorCode: error.code, errorMessage: reason.slice(0, 500), ...(partial.length ? { remote: partial.map(toRemote) } : {}) }, { code: error.code, parts_out: partial.length });
    });
  }
}

/**
 * Leaves the target waiting for its channel's resume (scheduled, no job): the resume enqueues it
 * again. If the channel was resumed in the meantime, it goes again at once instead.
 */
async function park(trx: Transaction<Database>, ctx: AppContext, queue: JobQueue, post: Post, targetId: string, channelId: string): Promise<void> {
  const channel = await lockChannelStatus(trx, post.workspaceId, channelId);
  if (channel && publishingPaused(channel.status)) {
    const message = `waiting for the channel to be resumed: ${channel.statusReason ?? channel.status}`;
    await settle(trx, ctx, post, targetId, 'scheduled', { jobId: null, errorCode: CHANNEL_PAUSED, errorMessage: message.slice(0, 500) }, { channel_paused: channel.status });
    return;
  }
  const at = new Date().toISOString();
  const payload: PublishPayload = { workspaceId: post.workspaceId, postId: post.id, targetId, revision: post.revision };
  const next = await queue.enqueue({ kind: PUBLISH_KIND, payload, idempotencyKey: `${publishJobKey(targetId, post.revision, at)}:resumed`, workspaceId: post.workspaceId }, { trx });
  await updateTarget(trx, targetId, { state: 'scheduled', jobId: next.id });
}
