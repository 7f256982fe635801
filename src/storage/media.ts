import type { DbOrTrx } from './engine.ts';

export interface MediaInfo {
  id: string;
  mimeType: string;
  size: number;
}

export async function insertMedia(db: DbOrTrx, m: { id: string; workspaceId: string; mimeType: string; data: Uint8Array; createdBy: string | null }): Promise<void> {
  await db
    .insertInto('media')
    .values({ id: m.id, workspace_id: m.workspaceId, mime_type: m.mimeType, size: m.data.byteLength, data: Buffer.from(m.data), created_by: m.createdBy, created_at: new Date().toISOString() })
    .execute();
}

export async function mediaInfo(db: DbOrTrx, workspaceId: string, ids: string[]): Promise<MediaInfo[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('media').select(['id', 'mime_type', 'size']).where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
  return rows.map((r) => ({ id: r.id, mimeType: r.mime_type, size: Number(r.size) }));
}

export async function mediaData(db: DbOrTrx, workspaceId: string, id: string): Promise<{ mimeType: string; data: Uint8Array } | undefined> {
  const row = await db.selectFrom('media').select(['mime_type', 'data']).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  return row && { mimeType: row.mime_type, data: new Uint8Array(row.data) };
}
