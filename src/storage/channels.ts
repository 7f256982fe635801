import type { Selectable } from 'kysely';
import type { Database } from './schema.ts';
import type { DbOrTrx } from './engine.ts';

export type ChannelStatus = 'active' | 'paused' | 'auth_revoked' | 'disconnected';

/** A connected account. Credentials stay sealed; only the operations that call a network open them. */
export interface Channel {
  id: string;
  workspaceId: string;
  network: string;
  handle: string;
  displayName: string | null;
  status: ChannelStatus;
  statusReason: string | null;
  primary: boolean;
  createdAt: string;
}

function toChannel(r: Selectable<Database['channels']>): Channel {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    network: r.network,
    handle: r.handle,
    displayName: r.display_name,
    status: r.status as ChannelStatus,
    statusReason: r.status_reason,
    primary: r.primary_since !== null,
    createdAt: r.created_at,
  };
}

export async function insertChannel(
  db: DbOrTrx,
  c: { id: string; workspaceId: string; network: string; handle: string; displayName: string | null; credentialsSealed: string; primary: boolean },
): Promise<void> {
  const now = new Date().toISOString();
  await db
    .insertInto('channels')
    .values({
      id: c.id,
      workspace_id: c.workspaceId,
      network: c.network,
      handle: c.handle,
      display_name: c.displayName,
      credentials_encrypted: c.credentialsSealed,
      status: 'active',
      status_reason: null,
      primary_since: c.primary ? now : null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function listChannels(db: DbOrTrx, workspaceId: string): Promise<Channel[]> {
  return (await db.selectFrom('channels').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at').execute()).map(toChannel);
}

export async function findChannel(db: DbOrTrx, workspaceId: string, id: string): Promise<Channel | undefined> {
  const row = await db.selectFrom('channels').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  return row && toChannel(row);
}

export async function findChannelByHandle(db: DbOrTrx, workspaceId: string, network: string, handle: string): Promise<Channel | undefined> {
  const row = await db
    .selectFrom('channels')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('network', '=', network)
    .where('handle', '=', handle)
    .executeTakeFirst();
  return row && toChannel(row);
}

export async function readSealedCredentials(db: DbOrTrx, workspaceId: string, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('channels').select('credentials_encrypted').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  return row?.credentials_encrypted;
}

/**
 * Replaces sealed credentials; never with an empty value (a failed reconnect must not wipe them).
 * The status stays: a paused channel is resumed only through its resume, which sends its waiting posts.
 */
export async function replaceSealedCredentials(db: DbOrTrx, workspaceId: string, id: string, sealed: string): Promise<void> {
  if (!sealed) throw new Error('refusing to replace channel credentials with an empty value');
  await db
    .updateTable('channels')
    .set({ credentials_encrypted: sealed, updated_at: new Date().toISOString() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function setChannelStatus(db: DbOrTrx, workspaceId: string, id: string, status: ChannelStatus, reason: string | null): Promise<void> {
  await db
    .updateTable('channels')
    .set({ status, status_reason: reason, updated_at: new Date().toISOString() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function deleteChannel(db: DbOrTrx, workspaceId: string, id: string): Promise<void> {
  await db.deleteFrom('channels').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}
