import { AtpAgent, RichText, type AtpSessionData, type AppBskyFeedPost } from '@atproto/api';
import type {
  ChannelCredentials,
  Connector,
  ConnectorDescription,
  ConnectorSession,
  NotificationPage,
  OutgoingPost,
  PostMetrics,
  PublishedPost,
  RemotePost,
  RemotePostRef,
  SearchPage,
} from '../types.ts';
import { ConnectorError, PartialThreadError } from '../types.ts';
import { toConnectorError } from './errors.ts';
import { toMetrics, toNotification, toRemotePost, webUrl } from './map.ts';
import { recordKeyFor, recordKeyOf } from './record-key.ts';

const POST = 'app.bsky.feed.post';
export const DEFAULT_SERVICE = 'https://bsky.social';

export const blueskyDescription: ConnectorDescription = {
  network: 'bluesky',
  displayName: 'Bluesky',
  capabilities: {
    publishText: true,
    publishImages: true,
    threads: true,
    reply: true,
    delete: true,
    notifications: true,
    postMetrics: true,
    searchPosts: true,
    impressions: false,
  },
  limits: { textLength: 300, counting: { kind: 'graphemes' }, imagesPerPost: 4, altTextLength: 2000, imageBytes: 1_000_000 },
  credentialFields: [
    { name: 'identifier', label: 'Handle (e.g. riversidehealth.bsky.social)', secret: false },
    { name: 'appPassword', label: 'App password (Settings → Privacy and security → App passwords)', secret: true },
    { name: 'serviceUrl', label: 'PDS address (leave empty for bsky.social)', secret: false },
  ],
  // The PDS allows 5,000 points/hour for record writes (a create costs 3).
  rateLimit: { requests: 1666, windowSeconds: 3600 },
};

async function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toConnectorError(err, what);
  }
}

class BlueskySession implements ConnectorSession {
  readonly accountId: string;
  readonly handle: string;
  refreshedCredentials?: ChannelCredentials;
  readonly #agent: AtpAgent;

  constructor(agent: AtpAgent) {
    this.#agent = agent;
    this.accountId = agent.session!.did;
    this.handle = agent.session!.handle;
  }

  onRefresh(credentials: ChannelCredentials): void {
    this.refreshedCredentials = credentials;
  }

  async publish(post: OutgoingPost): Promise<PublishedPost> {
    const record = await this.#record(post);
    const rkey = post.idempotencyKey ? recordKeyFor(post.idempotencyKey) : undefined;
    try {
      const res = await call('publish', () =>
        this.#agent.com.atproto.repo.createRecord({ repo: this.accountId, collection: POST, record, ...(rkey ? { rkey } : {}) }),
      );
      return { uri: res.data.uri, cid: res.data.cid, url: webUrl(this.handle, res.data.uri), publishedAt: record.createdAt, ...(post.replyTo ? { root: record.reply!.root } : {}) };
    } catch (err) {
      // The same key already went out (an earlier try whose answer was lost): that post is the result.
      if (post.idempotencyKey && err instanceof ConnectorError && err.code !== 'RATE_LIMITED' && err.code !== 'AUTH_REVOKED') {
        const existing = await this.findOwnPost(post.idempotencyKey);
        if (existing) return existing;
      }
      throw err;
    }
  }

  async #record(post: OutgoingPost): Promise<AppBskyFeedPost.Record> {
    const rt = new RichText({ text: post.text });
    // Resolves @handles to DIDs; links and #tags need no lookup.
    await call('detect facets', () => rt.detectFacets(this.#agent));
    const record: AppBskyFeedPost.Record = { $type: POST, text: rt.text, createdAt: new Date().toISOString() };
    if (rt.facets?.length) record.facets = rt.facets;
    if (post.replyTo) {
      if (!post.replyTo.cid) throw new ConnectorError('INVALID_CONTENT', 'a Bluesky reply needs the parent post’s cid', { field: 'replyTo' });
      const parent = { uri: post.replyTo.uri, cid: post.replyTo.cid };
      const root = post.replyTo.root?.cid ? { uri: post.replyTo.root.uri, cid: post.replyTo.root.cid } : parent;
      record.reply = { root, parent };
    }
    const images = post.images ?? [];
    if (images.length > 0) {
      const uploaded = [];
      for (const [i, image] of images.entries()) {
        if (!image.altText.trim()) throw new ConnectorError('INVALID_CONTENT', `image ${i + 1} has no alt text`, { field: `images[${i}].altText` });
        const blob = await call('upload image', () => this.#agent.uploadBlob(image.data, { encoding: image.mimeType }));
        uploaded.push({ image: blob.data.blob, alt: image.altText });
      }
      record.embed = { $type: 'app.bsky.embed.images', images: uploaded };
    } else if (post.quote?.cid) {
      record.embed = { $type: 'app.bsky.embed.record', record: { uri: post.quote.uri, cid: post.quote.cid } };
    }
    return record;
  }

  async publishThread(posts: OutgoingPost[]): Promise<PublishedPost[]> {
    const published: PublishedPost[] = [];
    for (const post of posts) {
      const previous = published[published.length - 1];
      const first = published[0];
      const part: OutgoingPost = previous
        ? { ...post, replyTo: { uri: previous.uri, cid: previous.cid!, root: { uri: first!.uri, cid: first!.cid! } } }
        : post;
      try {
        published.push(await this.publish(part));
      } catch (err) {
        if (published.length === 0) throw err;
        throw new PartialThreadError(published, toConnectorError(err, 'thread'));
      }
    }
    return published;
  }

  async delete(ref: RemotePostRef): Promise<void> {
    await this.#get(ref.uri); // NOT_FOUND when it is already gone
    await call('delete', () => this.#agent.com.atproto.repo.deleteRecord({ repo: this.accountId, collection: POST, rkey: recordKeyOf(ref.uri) }));
  }

  async #get(uri: string): Promise<{ uri: string; cid?: string; value: AppBskyFeedPost.Record }> {
    const res = await call('get record', () => this.#agent.com.atproto.repo.getRecord({ repo: this.accountId, collection: POST, rkey: recordKeyOf(uri) }));
    return { uri: res.data.uri, ...(res.data.cid ? { cid: res.data.cid } : {}), value: res.data.value as AppBskyFeedPost.Record };
  }

  async findOwnPost(idempotencyKey: string, _since?: Date): Promise<PublishedPost | undefined> {
    const uri = `at://${this.accountId}/${POST}/${recordKeyFor(idempotencyKey)}`;
    try {
      const found = await this.#get(uri);
      return { uri: found.uri, ...(found.cid ? { cid: found.cid } : {}), url: webUrl(this.handle, found.uri), publishedAt: found.value.createdAt };
    } catch (err) {
      if (err instanceof ConnectorError && err.code === 'NOT_FOUND') return undefined;
      throw err;
    }
  }

  async notifications(cursor?: string): Promise<NotificationPage> {
    const res = await call('notifications', () => this.#agent.app.bsky.notification.listNotifications({ limit: 50, ...(cursor ? { cursor } : {}) }));
    const notifications = res.data.notifications.map(toNotification).filter((n) => n !== undefined);
    return { notifications, ...(res.data.cursor ? { cursor: res.data.cursor } : {}) };
  }

  async thread(ref: RemotePostRef): Promise<RemotePost[]> {
    const res = await call('thread', () => this.#agent.app.bsky.feed.getPostThread({ uri: ref.uri, depth: 10, parentHeight: 10 }));
    const out: RemotePost[] = [];
    type Node = { post?: Parameters<typeof toRemotePost>[0]; parent?: unknown; replies?: unknown[] };
    const visitParents = (node: Node | undefined): void => {
      if (!node?.post) return;
      visitParents(node.parent as Node | undefined);
      out.push(toRemotePost(node.post));
    };
    const visitReplies = (node: Node): void => {
      for (const reply of (node.replies ?? []) as Node[]) {
        if (!reply.post) continue;
        out.push(toRemotePost(reply.post));
        visitReplies(reply);
      }
    };
    const root = res.data.thread as Node;
    visitParents(root);
    visitReplies(root);
    return out;
  }

  async metrics(refs: RemotePostRef[]): Promise<PostMetrics[]> {
    const fetchedAt = new Date().toISOString();
    const out: PostMetrics[] = [];
    for (let i = 0; i < refs.length; i += 25) {
      const uris = refs.slice(i, i + 25).map((r) => r.uri);
      const res = await call('metrics', () => this.#agent.app.bsky.feed.getPosts({ uris }));
      out.push(...res.data.posts.map((p) => toMetrics(p, fetchedAt)));
    }
    return out;
  }

  async search(query: string, cursor?: string): Promise<SearchPage> {
    const res = await call('search', () => this.#agent.app.bsky.feed.searchPosts({ q: query, limit: 50, ...(cursor ? { cursor } : {}) }));
    return { posts: res.data.posts.map(toRemotePost), ...(res.data.cursor ? { cursor: res.data.cursor } : {}) };
  }
}

function sessionCredentials(base: ChannelCredentials, session: AtpSessionData): ChannelCredentials {
  return { ...base, session: JSON.stringify({ did: session.did, handle: session.handle, accessJwt: session.accessJwt, refreshJwt: session.refreshJwt, active: session.active ?? true }) };
}

/**
 * Every request to the PDS ends after `timeoutMs` (a TRANSIENT failure): a silent server must not
 * hold a job forever. A controller and a timer rather than AbortSignal.timeout/any, whose aborts
 * Node 20 can lose once the signals are garbage-collected.
 */
function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return (input, init) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
    const outer = init?.signal;
    if (outer?.aborted) controller.abort(outer.reason);
    else outer?.addEventListener('abort', () => controller.abort(outer.reason), { once: true });
    return fetch(input, { ...init, signal: controller.signal }).finally(() => clearTimeout(timer));
  };
}

/**
 * Bluesky through @atproto/api: handle + app password, a session that is resumed from its stored
 * tokens and refreshed by the agent (the new tokens are handed back to be stored).
 */
export function createBlueskyConnector(settings: { requestTimeoutMs?: number } = {}): Connector {
  const timedFetch = fetchWithTimeout(settings.requestTimeoutMs ?? 30_000);
  return {
    describe: blueskyDescription,
    async connect(credentials, options = {}) {
      const identifier = credentials.identifier;
      const appPassword = credentials.appPassword;
      if (!identifier || !appPassword) throw new ConnectorError('AUTH_REVOKED', 'Bluesky needs a handle and an app password');
      const service = options.serviceUrl ?? (credentials.serviceUrl || DEFAULT_SERVICE);
      // persistSession fires during login, before the session object exists: remember the latest.
      const refreshed: { latest?: ChannelCredentials; session?: BlueskySession } = {};
      const agent = new AtpAgent({
        service,
        fetch: timedFetch,
        persistSession: (event, data) => {
          // Never replace stored credentials with empty ones: an expired session falls back to the app password.
          if ((event === 'create' || event === 'update') && data) {
            refreshed.latest = sessionCredentials(credentials, data);
            refreshed.session?.onRefresh(refreshed.latest);
          }
        },
      });
      const stored = credentials.session ? (JSON.parse(credentials.session) as AtpSessionData) : undefined;
      let resumed = false;
      if (stored) {
        try {
          await agent.resumeSession(stored);
          resumed = true;
        } catch {
          resumed = false; // tokens expired or revoked: log in again with the app password
        }
      }
      if (!resumed) await call('login', () => agent.login({ identifier, password: appPassword }));
      const session = new BlueskySession(agent);
      refreshed.session = session;
      if (refreshed.latest && refreshed.latest.session !== credentials.session) session.onRefresh(refreshed.latest);
      return session;
    },
  };
}

export const blueskyConnector: Connector = createBlueskyConnector();
