import type { AppContext } from '../../operations/context.ts';
import type { JobQueue, JobRun } from '../queue.ts';
import { ConnectorError, type RemoteNotification } from '../../connectors/index.ts';
import { openChannelSession } from '../../operations/channels.ts';
import { recordMentions, type IncomingMention } from '../../operations/ingest.ts';
import { findSource, markSourceOk, markSourceUnhealthy, type Source } from '../../storage/sources.ts';
import { insertInteractions } from '../../storage/metrics.ts';
import { INGEST_EVERY_MS, INGEST_KIND, INGEST_UNHEALTHY_EVERY_MS, ingestJobKey, type IngestPayload } from './ingest-kind.ts';
import { readFeedSource, readHashtagSource, readQuerySource } from './ingest-listening.ts';

const MAX_PAGES = 5;
const ADDRESSED = new Set(['mention', 'reply', 'quote']);

export async function registerIngest(ctx: AppContext, queue: JobQueue): Promise<void> {
  await queue.work<IngestPayload>(INGEST_KIND, (job) => ingestSource(ctx, queue, job));
}

/** Enqueues a source's next run (idempotent per time slot, so a double enqueue is harmless). */
export async function scheduleIngest(queue: JobQueue, source: { id: string; workspaceId: string }, delayMs: number): Promise<void> {
  const at = Date.now() + delayMs;
  await queue.enqueue({ kind: INGEST_KIND, payload: { sourceId: source.id }, runAt: new Date(at), idempotencyKey: ingestJobKey(source.id, at), workspaceId: source.workspaceId });
}

function toIncoming(network: string, n: RemoteNotification): IncomingMention | undefined {
  if (!ADDRESSED.has(n.kind) || !n.post) return undefined;
  return {
    network,
    externalId: n.post.uri,
    kind: n.kind as IncomingMention['kind'],
    author: n.author,
    text: n.post.text,
    lang: n.post.lang,
    url: n.post.url,
    remoteUri: n.post.uri,
    remoteCid: n.post.cid,
    inReplyTo: n.subject?.uri,
    root: n.post.root,
    createdAt: n.createdAt,
  };
}

/** Reads a channel's notifications back to the cursor (the newest one seen before). */
async function readNotifications(
  ctx: AppContext,
  source: Source,
): Promise<{ incoming: IncomingMention[]; interactions: Array<{ externalId: string; personId: string; kind: string; at: string }>; cursor: string | null; channelId: string }> {
  const { channel, session } = await openChannelSession(ctx, source.workspaceId, source.ref);
  const incoming: IncomingMention[] = [];
  // Every like, repost, follow, reply, quote and mention is an interaction: engaged audience and loyal core.
  const interactions: Array<{ externalId: string; personId: string; kind: string; at: string }> = [];
  let newest = source.cursor;
  let page: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const res = await session.notifications(page);
    let reachedCursor = false;
    for (const n of res.notifications) {
      if (source.cursor && n.createdAt <= source.cursor) reachedCursor = true;
      if (!newest || n.createdAt > newest) newest = n.createdAt;
      const m = toIncoming(channel.network, n);
      if (m) incoming.push(m);
      interactions.push({ externalId: n.id, personId: n.author.id, kind: n.kind, at: n.createdAt });
    }
    if (reachedCursor || !res.cursor) break;
    page = res.cursor;
  }
  return { incoming, interactions, cursor: newest, channelId: channel.id };
}

/**
 * One run of one source: read what is new, record it (deduplicated by network id, so a re-read
 * never duplicates), move the cursor; on failure mark the source unhealthy with the reason and
 * keep everything already stored. Then enqueue the next run.
 */
export async function ingestSource(ctx: AppContext, queue: JobQueue, job: JobRun<IngestPayload>): Promise<void> {
  const source = await findSource(ctx.storage.db, job.payload.sourceId);
  if (!source) return; // the source was removed
  let healthy = true;
  try {
    if (source.kind === 'channel_notifications') {
      const { incoming, interactions, cursor, channelId } = await readNotifications(ctx, source);
      await recordMentions(ctx, source.workspaceId, { sourceId: source.id, channelId }, incoming);
      await insertInteractions(ctx.storage.db, source.workspaceId, channelId, interactions);
      await markSourceOk(ctx.storage.db, source.id, { cursor });
    } else if (source.kind === 'feed') {
      await readFeedSource(ctx, source);
    } else if (source.kind === 'mastodon_hashtag') {
      await readHashtagSource(ctx, source);
    } else {
      await readQuerySource(ctx, source);
    }
  } catch (err) {
    healthy = false;
    const reason = err instanceof ConnectorError ? `${err.code}: ${err.message}` : err instanceof Error ? err.message : String(err);
    await markSourceUnhealthy(ctx.storage.db, source.id, reason);
    ctx.logger.warn({ source: source.id, kind: source.kind, code: err instanceof ConnectorError ? err.code : 'ERROR' }, 'ingest failed');
  }
  await scheduleIngest(queue, source, healthy ? INGEST_EVERY_MS : INGEST_UNHEALTHY_EVERY_MS);
}
