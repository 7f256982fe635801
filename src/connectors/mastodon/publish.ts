/** Publishing a status: images first (v2 media, alt text as description), then the status itself. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { mastodon } from 'masto';
import { ConnectorError, PartialThreadError, type OutgoingImage, type OutgoingPost, type PublishedPost } from '../types.ts';
import { call, type MastodonClient } from './client.ts';
import { toPublished } from './map.ts';
import { MASTODON_LIMITS } from './description.ts';

export interface MediaPolling {
  /** Pause between two checks of an image the server is still processing. */
  intervalMs: number;
  /** Give up (TRANSIENT) when processing takes longer. */
  timeoutMs: number;
}

export interface PublishContext {
  polling: MediaPolling;
  /** The account's default visibility (verify_credentials → source.privacy). */
  defaultVisibility: mastodon.v1.StatusVisibility;
}

const PRIVACY_ORDER: mastodon.v1.StatusVisibility[] = ['public', 'unlisted', 'private', 'direct'];

export async function publishStatus(client: MastodonClient, post: OutgoingPost, context: PublishContext): Promise<PublishedPost> {
  return toPublished(await postStatus(client, post, context));
}

async function postStatus(client: MastodonClient, post: OutgoingPost, context: PublishContext, parentVisibility?: mastodon.v1.StatusVisibility): Promise<mastodon.v1.Status> {
  const images = post.images ?? [];
  checkImages(images);
  // Before the uploads: a reply to a status that is gone fails here (NOT_FOUND) without wasting any.
  const visibility = post.replyTo ? replyVisibility(parentVisibility ?? (await parentOf(client, post.replyTo.uri)), context.defaultVisibility) : undefined;
  const mediaIds: string[] = [];
  for (const [index, image] of images.entries()) mediaIds.push(await uploadImage(client, image, index, context.polling));

  const params = {
    status: post.text,
    ...(mediaIds.length > 0 ? { mediaIds } : {}),
    ...(post.replyTo ? { inReplyToId: post.replyTo.uri } : {}),
    ...(visibility ? { visibility } : {}),
    // Mastodon 4.5+; older servers ignore the parameter and publish without the quote.
    ...(post.quote ? { quotedStatusId: post.quote.uri } : {}),
  };
  // Mastodon remembers the key for an hour and answers a repeat with the status it already made.
  const meta = post.idempotencyKey ? { requestInit: { headers: { 'Idempotency-Key': post.idempotencyKey } } } : undefined;
  return call(() => client.v1.statuses.create(params, meta));
}

/**
 * Mastodon's API, unlike its web app, does not carry a parent's visibility over to a reply: a reply
 * to a private mention would go out public, with the person's words quoted above it. A reply is
 * therefore at least as private as its parent (and as the account's default).
 */
function replyVisibility(parent: mastodon.v1.StatusVisibility, accountDefault: mastodon.v1.StatusVisibility): mastodon.v1.StatusVisibility {
  return PRIVACY_ORDER.indexOf(parent) > PRIVACY_ORDER.indexOf(accountDefault) ? parent : accountDefault;
}

async function parentOf(client: MastodonClient, id: string): Promise<mastodon.v1.StatusVisibility> {
  const parent = await call(() => client.v1.statuses.$select(id).fetch());
  return parent.visibility;
}

/** Each part replies to the previous one, so the parts read as one thread on the account's profile. */
export async function publishThread(client: MastodonClient, posts: OutgoingPost[], context: PublishContext): Promise<PublishedPost[]> {
  const published: PublishedPost[] = [];
  let previousVisibility: mastodon.v1.StatusVisibility | undefined;
  for (const post of posts) {
    const previous = published.at(-1);
    const part = previous ? { ...post, replyTo: { uri: previous.uri } } : post;
    try {
      // The previous part is ours and its visibility known: no need to fetch it.
      const status = await postStatus(client, part, context, previous ? previousVisibility : undefined);
      published.push(toPublished(status));
      previousVisibility = status.visibility;
    } catch (error) {
      if (published.length === 0 || !(error instanceof ConnectorError)) throw error;
      throw new PartialThreadError(published, error);
    }
  }
  return published;
}

/** Mastodon's own checks, made before anything is uploaded: uploads are limited to 30 per 30 minutes. */
function checkImages(images: OutgoingImage[]): void {
  if (images.length > MASTODON_LIMITS.imagesPerPost) {
    throw new ConnectorError('INVALID_CONTENT', `Mastodon takes at most ${MASTODON_LIMITS.imagesPerPost} images per post, not ${images.length}`, { field: 'images' });
  }
  for (const [index, image] of images.entries()) {
    if (image.altText.trim() === '') throw new ConnectorError('INVALID_CONTENT', `image ${index + 1} has no alt text`, { field: `images[${index}].altText` });
    if ([...image.altText].length > MASTODON_LIMITS.altTextLength) {
      throw new ConnectorError('INVALID_CONTENT', `the alt text of image ${index + 1} is longer than Mastodon's ${MASTODON_LIMITS.altTextLength} characters`, { field: `images[${index}].altText` });
    }
    if (image.data.byteLength > MASTODON_LIMITS.imageBytes) {
      throw new ConnectorError('INVALID_CONTENT', `image ${index + 1} is larger than Mastodon's ${MASTODON_LIMITS.imageBytes / 1024 / 1024} MB`, { field: `images[${index}]` });
    }
  }
}

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp', 'image/avif': 'avif', 'image/heic': 'heic' };

async function uploadImage(client: MastodonClient, image: OutgoingImage, index: number, polling: MediaPolling): Promise<string> {
  const field = `images[${index}]`;
  // A file name with the right extension: the server checks it against the content type.
  const file = new File([image.data], `image-${index + 1}.${EXTENSIONS[image.mimeType] ?? 'bin'}`, { type: image.mimeType });
  // skipPolling: masto.js would otherwise sleep a second and re-fetch even an image already processed (200).
  const media = await call(() => client.v2.media.create({ file, description: image.altText, skipPolling: true }), { field });
  if (media.url) return media.id;
  return waitUntilProcessed(client, media.id, field, polling);
}

/** A 202 upload has no `url` yet; GET /api/v1/media/:id answers 206 until processing is done, then 200 with the url. */
async function waitUntilProcessed(client: MastodonClient, id: string, field: string, polling: MediaPolling): Promise<string> {
  const deadline = Date.now() + polling.timeoutMs;
  for (;;) {
    await sleep(polling.intervalMs);
    const media = await call(() => client.v1.media.$select(id).fetch(), { field });
    if (media.url) return media.id;
    if (Date.now() >= deadline) throw new ConnectorError('TRANSIENT', `Mastodon was still processing image ${field} after ${polling.timeoutMs} ms`, { field });
  }
}
