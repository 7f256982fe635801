/** A connected Mastodon account: what the scheduler, inbox and metrics jobs call. */
import type {
  ConnectorSession,
  NotificationPage,
  OutgoingPost,
  PostMetrics,
  PublishedPost,
  RemoteNotification,
  RemotePost,
  RemotePostRef,
  SearchPage,
} from '../types.ts';
import { ConnectorError } from '../types.ts';
import { call, nextMaxId, prevMinId, type MastodonClient } from './client.ts';
import { findOwnPost } from './find-own-post.ts';
import { toMetrics, toNotification, toRemotePost } from './map.ts';
import { publishStatus, publishThread, type PublishContext } from './publish.ts';

const NOTIFICATIONS_PER_PAGE = 40;
const POSTS_PER_SEARCH_PAGE = 20;
/** Mastodon's largest page of a timeline. */
const POSTS_PER_TIMELINE_PAGE = 40;
/** "#tag": letters, digits, underscores (Mastodon's hashtag alphabet, roughly). */
const HASHTAG = /^#([\p{L}\p{N}_]+)$/u;

/** A page of a hashtag timeline read forwards: the posts newer than the cursor, and the next cursor. */
export interface TagTimelinePage {
  posts: RemotePost[];
  /** The newest status id seen: the `after` of the next read. Absent when the page was empty. */
  newestId?: string;
  /** The page was full: more statuses may already be waiting after `newestId`. */
  more: boolean;
}

/** Mastodon ids are decimal strings of growing numbers (snowflakes): longer is newer, then lexical. */
export function newerStatusId(a: string, b: string): boolean {
  return a.length === b.length ? a > b : a.length > b.length;
}

export interface SessionSettings {
  client: MastodonClient;
  accountId: string;
  handle: string;
  instanceHost: string;
  publishing: PublishContext;
  now: () => Date;
}

export class MastodonSession implements ConnectorSession {
  readonly accountId: string;
  readonly handle: string;
  private readonly client: MastodonClient;
  private readonly instanceHost: string;
  private readonly publishing: PublishContext;
  private readonly now: () => Date;

  constructor(settings: SessionSettings) {
    this.client = settings.client;
    this.accountId = settings.accountId;
    this.handle = settings.handle;
    this.instanceHost = settings.instanceHost;
    this.publishing = settings.publishing;
    this.now = settings.now;
  }

  publish(post: OutgoingPost): Promise<PublishedPost> {
    return publishStatus(this.client, post, this.publishing);
  }

  publishThread(posts: OutgoingPost[]): Promise<PublishedPost[]> {
    return publishThread(this.client, posts, this.publishing);
  }

  /** NOT_FOUND when the status is already gone (or was never this account's). */
  async delete(ref: RemotePostRef): Promise<void> {
    await call(() => this.client.v1.statuses.$select(ref.uri).remove());
  }

  /**
   * Mastodon forgets idempotency keys after an hour; from then on only the expected text can
   * identify the post (see find-own-post.ts).
   */
  findOwnPost(idempotencyKey: string, since: Date, expected?: { text: string }): Promise<PublishedPost | undefined> {
    return findOwnPost(this.client, { accountId: this.accountId, idempotencyKey, since, now: this.now(), ...(expected === undefined ? {} : { expectedText: expected.text }) });
  }

  /** Newest first; the cursor is the max_id of the next (older) page. */
  async notifications(cursor?: string): Promise<NotificationPage> {
    const response = await call(() => this.client.v1.notifications.list.$raw({ limit: NOTIFICATIONS_PER_PAGE, ...(cursor ? { maxId: cursor } : {}) }));
    const notifications = response.data
      .map((notification) => toNotification(notification, this.accountId, this.instanceHost))
      .filter((notification): notification is RemoteNotification => notification !== undefined);
    // Without a Link header (a proxy may strip it) a full page still means there is more.
    const last = response.data.at(-1);
    const next = nextMaxId(response.headers) ?? (response.data.length >= NOTIFICATIONS_PER_PAGE && last ? last.id : undefined);
    return { notifications, ...(next ? { cursor: next } : {}) };
  }

  /** The conversation around a status: its ancestors, the status, its replies (as this server knows them). */
  async thread(ref: RemotePostRef): Promise<RemotePost[]> {
    const select = this.client.v1.statuses.$select(ref.uri);
    const [status, context] = await Promise.all([call(() => select.fetch()), call(() => select.context.fetch())]);
    return [...context.ancestors, status, ...context.descendants].map((s) => toRemotePost(s, this.instanceHost));
  }

  /** One request per post; a post that no longer exists (404) is left out of the result. */
  async metrics(refs: RemotePostRef[]): Promise<PostMetrics[]> {
    const out: PostMetrics[] = [];
    for (const ref of refs) {
      try {
        const status = await call(() => this.client.v1.statuses.$select(ref.uri).fetch());
        out.push(toMetrics(status, this.now()));
      } catch (error) {
        if (error instanceof ConnectorError && error.code === 'NOT_FOUND') continue;
        throw error;
      }
    }
    return out;
  }

  /**
   * "#tag" reads the hashtag timeline (every server, cursor = max_id); anything else is a full-text
   * status search (cursor = offset), which returns results only where the server has full-text search.
   */
  async search(query: string, cursor?: string): Promise<SearchPage> {
    const tag = HASHTAG.exec(query.trim())?.[1];
    return tag ? this.searchHashtag(tag, cursor) : this.searchText(query.trim(), cursor);
  }

  private async searchHashtag(tag: string, cursor?: string): Promise<SearchPage> {
    const response = await call(() => this.client.v1.timelines.tag.$select(tag).list.$raw({ limit: POSTS_PER_SEARCH_PAGE, ...(cursor ? { maxId: cursor } : {}) }));
    const next = nextMaxId(response.headers);
    return { posts: response.data.map((s) => toRemotePost(s, this.instanceHost)), ...(next ? { cursor: next } : {}) };
  }

  /**
   * Listening to a hashtag: the public tag timeline read forwards. Without `after`, the newest page;
   * with it, the statuses right after that id (min_id, so nothing between two reads is skipped, as
   * since_id would when more arrived than a page holds). Boosts are left out: the original counts.
   */
  async tagTimeline(tag: string, after?: string): Promise<TagTimelinePage> {
    const response = await call(() => this.client.v1.timelines.tag.$select(tag).list.$raw({ limit: POSTS_PER_TIMELINE_PAGE, ...(after ? { minId: after } : {}) }));
    let newestId = prevMinId(response.headers);
    for (const status of response.data) if (!newestId || newerStatusId(status.id, newestId)) newestId = status.id;
    const posts = response.data.filter((s) => !s.reblog && (!after || newerStatusId(s.id, after))).map((s) => toRemotePost(s, this.instanceHost));
    return { posts, ...(newestId && response.data.length > 0 ? { newestId } : {}), more: response.data.length >= POSTS_PER_TIMELINE_PAGE };
  }

  private async searchText(query: string, cursor?: string): Promise<SearchPage> {
    const offset = cursor ? Number.parseInt(cursor, 10) || 0 : 0;
    const result = await call(() => this.client.v2.search.list({ q: query, type: 'statuses', resolve: false, limit: POSTS_PER_SEARCH_PAGE, ...(offset > 0 ? { offset } : {}) }));
    const posts = result.statuses.map((s) => toRemotePost(s, this.instanceHost));
    return { posts, ...(result.statuses.length >= POSTS_PER_SEARCH_PAGE ? { cursor: String(offset + result.statuses.length) } : {}) };
  }
}
