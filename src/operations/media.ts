import { randomUUID } from 'node:crypto';
import type { AppContext, Actor } from './context.ts';
import { requirePermission } from './context.ts';
import { OperationError } from './errors.ts';
import { insertMedia, mediaData, mediaInfo, type MediaInfo } from '../storage/media.ts';
import type { DbOrTrx } from '../storage/engine.ts';
import type { PostPart } from '../storage/posts.ts';

export const MAX_MEDIA_BYTES = 5 * 1024 * 1024;

/** The image type from its first bytes (not from what the client says). */
export function sniffImage(data: Uint8Array): string | undefined {
  const b = data;
  if (b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png';
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length > 6 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38) return 'image/gif';
  if (b.length > 12 && b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50) return 'image/webp';
  return undefined;
}

/** Stores an uploaded image for a post; the alt text goes with the post part that uses it. */
export async function uploadMedia(ctx: AppContext, actor: Actor, data: Uint8Array): Promise<MediaInfo> {
  requirePermission(actor, 'posts.draft');
  if (data.byteLength === 0) throw new OperationError('INVALID_REQUEST', 'the upload is empty', { field: 'body' });
  if (data.byteLength > MAX_MEDIA_BYTES) throw new OperationError('INVALID_REQUEST', `the image is ${(data.byteLength / 1_048_576).toFixed(1)} MB; the largest Bedside keeps is 5 MB`, { field: 'body' });
  const mimeType = sniffImage(data);
  if (!mimeType) throw new OperationError('INVALID_REQUEST', 'only PNG, JPEG, GIF and WebP images can be attached', { field: 'body' });
  const id = randomUUID();
  await insertMedia(ctx.storage.db, { id, workspaceId: actor.workspaceId, mimeType, data, createdBy: actor.userId });
  return { id, mimeType, size: data.byteLength };
}

/** An upload of this workspace, for the composer's preview of a saved post's images. */
export async function readMedia(ctx: AppContext, actor: Actor, id: string): Promise<{ mimeType: string; data: Uint8Array }> {
  requirePermission(actor, 'workspace.read');
  const media = await mediaData(ctx.storage.db, actor.workspaceId, id);
  if (!media) throw new OperationError('NOT_FOUND', `no image ${id}`, { field: 'id' });
  return media;
}

/** Every image of the parts must be an upload of this workspace; returns their sizes by id. */
export async function checkPartMedia(db: DbOrTrx, workspaceId: string, parts: PostPart[]): Promise<Map<string, MediaInfo>> {
  const ids = parts.flatMap((p) => (p.images ?? []).map((i) => i.mediaId).filter((x): x is string => Boolean(x)));
  const found = new Map((await mediaInfo(db, workspaceId, ids)).map((m) => [m.id, m]));
  parts.forEach((part, i) =>
    part.images?.forEach((image, j) => {
      if (!image.mediaId || !found.has(image.mediaId)) {
        throw new OperationError('INVALID_REQUEST', `image ${j + 1} of part ${i + 1} is not an upload of this workspace (POST /api/media first)`, { field: `parts[${i}].images[${j}].mediaId` });
      }
    }),
  );
  return found;
}
