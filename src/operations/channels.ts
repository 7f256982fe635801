import { randomUUID } from 'node:crypto';
import type { AppContext, Actor } from './context.ts';
import { auditActor, requirePermission } from './context.ts';
import { OperationError } from './errors.ts';
import { appendAudit } from '../storage/audit-log.ts';
import { deleteChannel, findChannel, findChannelByHandle, insertChannel, listChannels, type Channel } from '../storage/channels.ts';

export async function channels(ctx: AppContext, actor: Actor): Promise<Channel[]> {
  requirePermission(actor, 'workspace.read');
  return listChannels(ctx.storage.db, actor.workspaceId);
}

/**
 * Stores a connected account with its credentials sealed (AES-256-GCM, bound to the channel id).
 * The first channel of a workspace is its primary one (start small: master one channel first).
 * Verifying the credentials against the network is the connector's job (publishing issue).
 */
export async function connectChannel(
  ctx: AppContext,
  actor: Actor,
  input: { network: string; handle: string; displayName?: string | undefined; credentials: Record<string, string> },
): Promise<Channel> {
  requirePermission(actor, 'channels.manage');
  const id = randomUUID();
  const sealed = ctx.secrets.seal(JSON.stringify(input.credentials), `channel:${id}`);
  return ctx.storage.db.transaction().execute(async (trx) => {
    if (await findChannelByHandle(trx, actor.workspaceId, input.network, input.handle)) {
      throw new OperationError('CONFLICT', `${input.network} account ${input.handle} is already connected`, { field: 'handle' });
    }
    const primary = (await listChannels(trx, actor.workspaceId)).length === 0;
    await insertChannel(trx, { id, workspaceId: actor.workspaceId, network: input.network, handle: input.handle, displayName: input.displayName ?? null, credentialsSealed: sealed, primary });
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
