import { randomUUID } from 'node:crypto';
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
 * the network refuses them the channel is marked auth_revoked, so the user is told to reconnect.
 */
export async function openChannelSession(ctx: AppContext, workspaceId: string, channelId: string): Promise<{ channel: Channel; session: ConnectorSession }> {
  const channel = await findChannel(ctx.storage.db, workspaceId, channelId);
  if (!channel) throw new ConnectorError('PERMANENT', `channel ${channelId} was disconnected`);
  const connector = connectorFor(channel.network);
  if (!connector) throw new ConnectorError('PERMANENT', `no connector for ${channel.network}`);
  const sealed = await readSealedCredentials(ctx.storage.db, workspaceId, channelId);
  const credentials = JSON.parse(ctx.secrets.open(sealed!, `channel:${channelId}`)) as ChannelCredentials;
  try {
    const session = await connector.connect(credentials);
    if (session.refreshedCredentials && Object.keys(session.refreshedCredentials).length > 0) {
      await replaceSealedCredentials(ctx.storage.db, workspaceId, channelId, ctx.secrets.seal(JSON.stringify(session.refreshedCredentials), `channel:${channelId}`));
    }
    if (channel.status === 'auth_revoked') await setChannelStatus(ctx.storage.db, workspaceId, channelId, 'active', null);
    return { channel, session };
  } catch (err) {
    if (err instanceof ConnectorError && err.code === 'AUTH_REVOKED') {
      await ctx.storage.db.transaction().execute(async (trx) => {
        await setChannelStatus(trx, workspaceId, channelId, 'auth_revoked', 'the network refused the stored credentials: reconnect the channel');
        await appendAudit(trx, ctx.storage.engine, { workspaceId, actorType: 'system', actorId: null, action: 'channel.auth_revoked', entityType: 'channel', entityId: channelId, details: { network: channel.network } });
      });
    }
    throw err;
  }
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
