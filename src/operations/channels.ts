import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../storage/schema.ts';
import type { AppContext, Actor } from './context.ts';
import { auditActor, requirePermission } from './context.ts';
import { OperationError } from './errors.ts';
import { appendAudit } from '../storage/audit-log.ts';
import {
  deleteChannel,
  findChannel,
  findChannelByHandle,
  insertChannel,
  listChannels,
  readSealedCredentials,
  replaceSealedCredentials,
  setChannelStatus,
  type Channel,
} from '../storage/channels.ts';
import { connectorFor, ConnectorError, type ChannelCredentials, type ConnectorSession } from '../connectors/index.ts';
import { scrubError, scrubbingSession, secretValues } from '../connectors/secret-scrub.ts';
import { lockChannelStatus, parkedTargets, resetPublishFailures } from '../storage/channel-health.ts';
import { updateTarget } from '../storage/posts.ts';
import { PUBLISH_KIND, publishJobKey, type PublishPayload } from '../jobs/handlers/publish-kind.ts';
import { deleteSource, ensureSource } from '../storage/sources.ts';
import { findWorkspace } from '../storage/workspaces.ts';
import { masteryCheck } from '../domain/scorecard/index.ts';
import { INGEST_KIND, ingestJobKey } from '../jobs/handlers/ingest-kind.ts';
import { METRICS_EVERY_MS, METRICS_KIND, metricsJobKey } from '../jobs/handlers/metrics-kind.ts';

export async function channels(ctx: AppContext, actor: Actor): Promise<Channel[]> {
  requirePermission(actor, 'workspace.read');
  return listChannels(ctx.storage.db, actor.workspaceId);
}

/**
 * Connects an account: the connector logs in with the credentials (so a typo is caught now, not
 * at the first scheduled post), then they are stored sealed (AES-256-GCM, bound to the channel id).
 * The first channel of a workspace is its primary one (start small: master one channel first).
 */
export async function connectChannel(
  ctx: AppContext,
  actor: Actor,
  input: { network: string; handle: string; displayName?: string | undefined; credentials: ChannelCredentials },
): Promise<Channel> {
  requirePermission(actor, 'channels.manage');
  const connector = connectorFor(input.network);
  if (!connector) throw new OperationError('INVALID_REQUEST', `Bedside cannot connect to ${input.network} yet`, { field: 'network' });
  await assertMayAddChannel(ctx, actor);
  let credentials = input.credentials;
  let handle = input.handle;
  try {
    const session = await connector.connect({ identifier: input.handle, ...input.credentials });
    handle = session.handle;
    credentials = session.refreshedCredentials ?? { identifier: input.handle, ...input.credentials };
  } catch (err) {
    if (err instanceof ConnectorError) {
      const reason = err.code === 'AUTH_REVOKED' ? 'the network refused these credentials' : `the network could not be reached (${err.code})`;
      throw new OperationError('INVALID_REQUEST', `cannot connect ${input.network} account ${input.handle}: ${reason}`, { field: 'credentials' });
    }
    throw err;
  }
  const id = randomUUID();
  const sealed = ctx.secrets.seal(JSON.stringify(credentials), `channel:${id}`);
  return ctx.storage.db.transaction().execute(async (trx) => {
    if (await findChannelByHandle(trx, actor.workspaceId, input.network, handle)) {
      throw new OperationError('CONFLICT', `${input.network} account ${handle} is already connected`, { field: 'handle' });
    }
    const primary = (await listChannels(trx, actor.workspaceId)).length === 0;
    await insertChannel(trx, { id, workspaceId: actor.workspaceId, network: input.network, handle, displayName: input.displayName ?? null, credentialsSealed: sealed, primary });
    // Listening starts with the connection: the channel's notifications are read from now on.
    if (connector.describe.capabilities.notifications) {
      const source = await ensureSource(trx, { id: randomUUID(), workspaceId: actor.workspaceId, kind: 'channel_notifications', ref: id });
      const at = Date.now();
      await ctx.queue.enqueue({ kind: INGEST_KIND, payload: { sourceId: source.id }, runAt: new Date(at), idempotencyKey: ingestJobKey(source.id, at), workspaceId: actor.workspaceId }, { trx });
    }
    if (connector.describe.capabilities.postMetrics) {
      const at = Date.now() + METRICS_EVERY_MS;
      await ctx.queue.enqueue({ kind: METRICS_KIND, payload: { workspaceId: actor.workspaceId, channelId: id }, runAt: new Date(at), idempotencyKey: metricsJobKey(id, at), workspaceId: actor.workspaceId }, { trx });
    }
    await appendAudit(trx, ctx.storage.engine, {
      workspaceId: actor.workspaceId,
      ...auditActor(actor),
      action: 'channel.connected',
      entityType: 'channel',
      entityId: id,
      details: { network: input.network, primary },
    });
    return (await findChannel(trx, actor.workspaceId, id))!;
  });
}

export async function disconnectChannel(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'channels.manage');
  await ctx.storage.db.transaction().execute(async (trx) => {
    const channel = await findChannel(trx, actor.workspaceId, id);
    if (!channel) throw new OperationError('NOT_FOUND', `no channel ${id}`, { field: 'id' });
    await deleteSource(trx, actor.workspaceId, 'channel_notifications', id);
    await deleteChannel(trx, actor.workspaceId, id);
    await appendAudit(trx, ctx.storage.engine, {
      workspaceId: actor.workspaceId,
      ...auditActor(actor),
      action: 'channel.disconnected',
      entityType: 'channel',
      entityId: id,
      details: { network: channel.network },
    });
  });
}

/**
 * A live session on a channel's network, for jobs. Refreshed credentials are stored back; when
 * the network refuses them the channel is marked auth_revoked (publishing pauses, the user is told
 * to reconnect). Failures never carry the credentials in their message.
 */
export async function openChannelSession(ctx: AppContext, workspaceId: string, channelId: string): Promise<{ channel: Channel; session: ConnectorSession }> {
  const channel = await findChannel(ctx.storage.db, workspaceId, channelId);
  if (!channel) throw new ConnectorError('PERMANENT', `channel ${channelId} was disconnected`);
  const connector = connectorFor(channel.network);
  if (!connector) throw new ConnectorError('PERMANENT', `no connector for ${channel.network}`);
  const sealed = await readSealedCredentials(ctx.storage.db, workspaceId, channelId);
  const credentials = JSON.parse(ctx.secrets.open(sealed!, `channel:${channelId}`)) as ChannelCredentials;
  const secrets = secretValues(credentials, connector.describe);
  try {
    const session = await connector.connect(credentials);
    if (session.refreshedCredentials && Object.keys(session.refreshedCredentials).length > 0) {
      await replaceSealedCredentials(ctx.storage.db, workspaceId, channelId, ctx.secrets.seal(JSON.stringify(session.refreshedCredentials), `channel:${channelId}`));
    }
    // The credentials work again (e.g. the account was reinstated): what waited for them goes out.
    if (channel.status === 'auth_revoked') {
      await ctx.storage.db.transaction().execute((trx) => reactivateChannel(ctx, trx, workspaceId, channelId, { actorType: 'system', actorId: null }));
    }
    return { channel, session: scrubbingSession(session, secretValues({ ...credentials, ...session.refreshedCredentials }, connector.describe)) };
  } catch (err) {
    if (err instanceof ConnectorError && err.code === 'AUTH_REVOKED') {
      await ctx.storage.db.transaction().execute((trx) =>
        pauseChannel(ctx, trx, { workspaceId, channelId, status: 'auth_revoked', reason: 'the network refused the stored credentials: reconnect the channel', code: err.code }),
      );
    }
    throw scrubError(err, secrets);
  }
}

/**
 * Stops publishing on a channel: its posts wait (parked) instead of failing one by one. An
 * auth_revoked channel stays so until resumed (a plain pause does not hide that it needs new
 * credentials). Audited once per change. Returns whether the status changed.
 */
export async function pauseChannel(
  ctx: AppContext,
  trx: Transaction<Database>,
  input: { workspaceId: string; channelId: string; status: 'paused' | 'auth_revoked'; reason: string; code: string },
): Promise<boolean> {
  const current = await lockChannelStatus(trx, input.workspaceId, input.channelId);
  if (!current || current.status === input.status || current.status === 'auth_revoked' || current.status === 'disconnected') return false;
  await setChannelStatus(trx, input.workspaceId, input.channelId, input.status, input.reason);
  await appendAudit(trx, ctx.storage.engine, {
    workspaceId: input.workspaceId,
    actorType: 'system',
    actorId: null,
    action: input.status === 'auth_revoked' ? 'channel.auth_revoked' : 'channel.paused',
    entityType: 'channel',
    entityId: input.channelId,
    details: { code: input.code },
  });
  ctx.logger.warn({ channel: input.channelId, status: input.status, code: input.code }, 'channel publishing paused');
  return true;
}

/** Active again: the failure run starts over and every parked post gets a publish job now. */
async function reactivateChannel(ctx: AppContext, trx: Transaction<Database>, workspaceId: string, channelId: string, actor: ReturnType<typeof auditActor>): Promise<number> {
  await setChannelStatus(trx, workspaceId, channelId, 'active', null);
  await resetPublishFailures(trx, workspaceId, channelId);
  const parked = await parkedTargets(trx, workspaceId, channelId);
  const at = new Date().toISOString();
  for (const target of parked) {
    const payload: PublishPayload = { workspaceId, postId: target.postId, targetId: target.targetId, revision: target.revision };
    const job = await ctx.queue.enqueue(
      { kind: PUBLISH_KIND, payload, idempotencyKey: `${publishJobKey(target.targetId, target.revision, at)}:resumed`, workspaceId },
      { trx },
    );
    await updateTarget(trx, target.targetId, { jobId: job.id, errorCode: null, errorMessage: null });
  }
  await appendAudit(trx, ctx.storage.engine, { workspaceId, ...actor, action: 'channel.resumed', entityType: 'channel', entityId: channelId, details: { parked: parked.length } });
  return parked.length;
}

/**
 * Resumes publishing on a paused channel (or one whose credentials were refused), optionally with
 * new credentials (e.g. a fresh Mastodon access token). They are checked with the network first,
 * so a resume that cannot work is refused with the reason instead of pausing again at once.
 */
export async function resumeChannel(ctx: AppContext, actor: Actor, id: string, input: { credentials?: ChannelCredentials | undefined } = {}): Promise<Channel & { resumedPosts: number }> {
  requirePermission(actor, 'channels.manage');
  const channel = await findChannel(ctx.storage.db, actor.workspaceId, id);
  if (!channel) throw new OperationError('NOT_FOUND', `no channel ${id}`, { field: 'id' });
  const connector = connectorFor(channel.network);
  if (!connector) throw new OperationError('CONFLICT', `Bedside cannot connect to ${channel.network}`, { field: 'id' });
  const sealed = await readSealedCredentials(ctx.storage.db, actor.workspaceId, id);
  const stored = JSON.parse(ctx.secrets.open(sealed!, `channel:${id}`)) as ChannelCredentials;
  // New credentials replace the secret and drop the stored session, which belongs to the old ones:
  // a session still alive would otherwise let a wrong new password through.
  const { session: _oldSession, ...storedWithoutSession } = stored;
  const credentials = input.credentials ? { ...storedWithoutSession, ...input.credentials } : stored;
  let refreshed: ChannelCredentials | undefined;
  try {
    refreshed = (await connector.connect(credentials)).refreshedCredentials;
  } catch (err) {
    if (!(err instanceof ConnectorError)) throw err;
    const reason = err.code === 'AUTH_REVOKED'
      ? `${channel.network} still refuses the ${input.credentials ? 'given' : 'stored'} credentials: send new ones to resume`
      : `${channel.network} cannot be reached yet (${err.code}): try again later`;
    throw new OperationError('CONFLICT', `channel ${id}: ${reason}`, { field: err.code === 'AUTH_REVOKED' ? 'credentials' : 'id' });
  }
  const toStore = refreshed && Object.keys(refreshed).length > 0 ? refreshed : input.credentials ? credentials : undefined;
  const resumedPosts = await ctx.storage.db.transaction().execute(async (trx) => {
    if (toStore) await replaceSealedCredentials(trx, actor.workspaceId, id, ctx.secrets.seal(JSON.stringify(toStore), `channel:${id}`));
    return reactivateChannel(ctx, trx, actor.workspaceId, id, auditActor(actor));
  });
  return { ...(await findChannel(ctx.storage.db, actor.workspaceId, id))!, resumedPosts };
}

/**
 * Start small: a second channel is unlocked once the primary one is mastered (or the owner
 * overrides, which the audit log records).
 */
async function assertMayAddChannel(ctx: AppContext, actor: Actor): Promise<void> {
  const existing = await listChannels(ctx.storage.db, actor.workspaceId);
  if (existing.length === 0) return;
  const ws = await findWorkspace(ctx.storage.db, actor.workspaceId);
  if ((ws?.settings as { startSmallOverriddenAt?: string } | undefined)?.startSmallOverriddenAt) return;
  const { scorecardInput } = await import('./scorecard.ts');
  const now = new Date();
  const mastery = masteryCheck(await scorecardInput(ctx, actor.workspaceId, now), now.toISOString());
  if (!mastery.mastered) {
    const missing = mastery.checks.filter((c) => !c.passed).map((c) => c.detail).join('; ');
    throw new OperationError('CONFLICT', `start small: master your primary channel before adding a second (${missing}). The owner can override this.`, { field: 'network' });
  }
}
