/** What Mastodon can do and accept, as data the composer and scheduler read. Values are mainline Mastodon's defaults. */
import type { ConnectorDescription, NetworkLimits } from '../types.ts';

export const MASTODON_LIMITS: NetworkLimits = {
  // Instances may raise it (glitch-soc, Hometown…); /api/v2/instance tells, mainline says 500.
  textLength: 500,
  // Grapheme clusters; every URL counts as 23 whatever its length, @user@domain counts as @user.
  counting: { kind: 'characters_urls_fixed', urlLength: 23 },
  imagesPerPost: 4,
  altTextLength: 1500,
  imageBytes: 16 * 1024 * 1024,
};

export const MASTODON_DESCRIPTION: ConnectorDescription = {
  network: 'mastodon',
  displayName: 'Mastodon',
  capabilities: {
    publishText: true,
    publishImages: true,
    // A thread is a chain of replies to the account's own statuses.
    threads: true,
    reply: true,
    delete: true,
    notifications: true,
    postMetrics: true,
    // Hashtags (#tag) read the public tag timeline, which every server has. Other words go to
    // /api/v2/search, which finds posts only where the server runs full-text search (Elasticsearch
    // or OpenSearch), and then only posts whose authors opted in to being searchable.
    searchPosts: true,
    impressions: false,
  },
  limits: MASTODON_LIMITS,
  credentialFields: [
    { name: 'instanceUrl', label: 'Instance URL (e.g. https://mastodon.social)', secret: false },
    { name: 'accessToken', label: 'Access token (Preferences → Development → New application; scopes read, write)', secret: true },
  ],
  // Per account, any /api/* endpoint. Uploads (30 per 30 min) and deletions (30 per 30 min) are stricter.
  rateLimit: { requests: 300, windowSeconds: 300 },
};
