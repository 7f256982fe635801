import type { AppContext } from '../../operations/context.ts';
import { ConnectorError } from '../../connectors/index.ts';
import { fetchFeed, FeedError } from '../../connectors/feeds/index.ts';
import { openChannelSession } from '../../operations/channels.ts';
import { recordMentions, type IncomingMention } from '../../operations/ingest.ts';
import { listChannels } from '../../storage/channels.ts';
import { listQueries, markSourceOk, type Source } from '../../storage/sources.ts';
import { matches, parse, toSearchTerms } from '../../domain/listening/query/index.ts';
import { MastodonSession } from '../../connectors/mastodon/session.ts';

/** Pages read per run when a busy hashtag got ahead of us; the rest waits for the next run. */
const HASHTAG_PAGES_PER_RUN = 5;

/**
 * A feed: conditional GET (ETag / Last-Modified); items are deduplicated by their feed id when
 * stored, so a re-read or an overlapping page adds nothing. A broken feed throws a located
 * FeedError, and the caller marks the source unhealthy with it; stored items stay.
 */
export async function readFeedSource(ctx: AppContext, source: Source): Promise<void> {
  const res = await fetchFeed(source.ref, { ...(source.etag ? { etag: source.etag } : {}), ...(source.lastModified ? { lastModified: source.lastModified } : {}) });
  if (res.notModified) {
    await markSourceOk(ctx.storage.db, source.id, {});
    return;
  }
  const host = new URL(source.ref).host;
  const incoming: IncomingMention[] = res.items.map((item) => ({
    network: 'feed',
    externalId: `${source.ref}#${item.id}`,
    kind: 'feed_item',
    author: { handle: item.author ?? host },
    text: [item.title, item.text].filter(Boolean).join(' — ').slice(0, 10_000),
    url: item.url,
    createdAt: item.publishedAt ?? new Date().toISOString(),
  }));
  await recordMentions(ctx, source.workspaceId, { sourceId: source.id, channelId: null }, incoming);
  await markSourceOk(ctx.storage.db, source.id, { etag: res.etag ?? null, lastModified: res.lastModified ?? null, cursor: res.items[0]?.publishedAt ?? null });
}

/**
 * A listening query searched on Bluesky (searchPosts through the workspace's Bluesky channel):
 * the network search uses the query's required words, and each hit is confirmed with the full
 * query before it is stored.
 */
export async function readQuerySource(ctx: AppContext, source: Source): Promise<void> {
  const query = (await listQueries(ctx.storage.db, source.workspaceId)).find((q) => q.id === source.ref);
  if (!query) return;
  const parsed = parse(query.query);
  if (!parsed.ok) throw new Error(`the saved query no longer parses: ${parsed.error.message}`);
  const channel = (await listChannels(ctx.storage.db, source.workspaceId)).find((c) => c.network === 'bluesky' && c.status === 'active');
  if (!channel) throw new ConnectorError('PERMANENT', 'searching needs a connected Bluesky channel');
  const terms = toSearchTerms(parsed.ast).must[0];
  if (!terms) throw new ConnectorError('PERMANENT', 'the query has no words to search the network for (author:/lang: only)');
  const { session } = await openChannelSession(ctx, source.workspaceId, channel.id);
  const incoming: IncomingMention[] = [];
  for (const term of terms) {
    const q = term.words.length > 1 ? `"${term.words.join(' ')}"` : `${term.words[0]}${term.prefix ? '*' : ''}`;
    const page = await session.search(q);
    for (const post of page.posts) {
      if (source.cursor && post.createdAt <= source.cursor) continue;
      if (!matches(parsed.ast, { text: post.text, author: post.author.handle, ...(post.lang ? { lang: post.lang } : {}) })) continue;
      incoming.push({ network: 'bluesky', externalId: post.uri, kind: 'search', author: post.author, text: post.text, lang: post.lang, url: post.url, remoteUri: post.uri, remoteCid: post.cid, createdAt: post.createdAt });
    }
  }
  await recordMentions(ctx, source.workspaceId, { sourceId: source.id, channelId: channel.id }, incoming);
  const newest = incoming.reduce<string | null>((a, m) => (a && a > m.createdAt ? a : m.createdAt), source.cursor);
  await markSourceOk(ctx.storage.db, source.id, { cursor: newest });
}

/** A hashtag source's cursor: the newest status id read, on the instance of the channel it was read through. */
function hashtagCursor(cursor: string | null, channelId: string): string | undefined {
  const [readThrough, statusId] = cursor?.split(':') ?? [];
  // Status ids belong to one instance: another channel starts again from the newest posts.
  return readThrough === channelId && statusId ? statusId : undefined;
}

/**
 * A Mastodon hashtag: the public tag timeline through the workspace's Mastodon channel, read
 * forwards from the cursor (the first run takes the newest page only). Posts are stored once per
 * status id, with their HTML turned into text, through the safety engine like every mention; a
 * run records all it read or nothing, and only then moves the cursor.
 */
export async function readHashtagSource(ctx: AppContext, source: Source): Promise<void> {
  const channel = (await listChannels(ctx.storage.db, source.workspaceId)).find((c) => c.network === 'mastodon' && c.status === 'active');
  if (!channel) throw new ConnectorError('PERMANENT', `reading #${source.ref} needs a connected Mastodon channel`);
  const { session } = await openChannelSession(ctx, source.workspaceId, channel.id);
  if (!(session instanceof MastodonSession)) throw new ConnectorError('PERMANENT', `channel ${channel.id} cannot read Mastodon hashtags`);
  let after = hashtagCursor(source.cursor, channel.id);
  const incoming: IncomingMention[] = [];
  for (let page = 0; page < HASHTAG_PAGES_PER_RUN; page++) {
    const read = await session.tagTimeline(source.ref, after);
    for (const post of read.posts) {
      incoming.push({ network: 'mastodon', externalId: post.uri, kind: 'search', author: post.author, text: post.text, lang: post.lang, url: post.url, remoteUri: post.uri, inReplyTo: post.replyParent?.uri, createdAt: post.createdAt });
    }
    const first = after === undefined;
    after = read.newestId ?? after;
    // A first run starts listening now: older posts of the tag are history, not news.
    if (first || !read.more) break;
  }
  await recordMentions(ctx, source.workspaceId, { sourceId: source.id, channelId: channel.id }, incoming);
  await markSourceOk(ctx.storage.db, source.id, { cursor: after ? `${channel.id}:${after}` : null });
}

export { FeedError };
