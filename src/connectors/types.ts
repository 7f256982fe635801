/**
 * The contract every network plugs into. A connector declares what it can do (capabilities and
 * limits, as data) and does it; the composer, scheduler and inbox ask the declaration instead of
 * testing which network they talk to. One folder per network: src/connectors/<network>/index.ts.
 */

export type NetworkId = 'bluesky' | 'mastodon';

/** How a network counts the length of a text. */
export type TextCounting =
  | { kind: 'graphemes' } // Bluesky: user-perceived characters
  | { kind: 'characters_urls_fixed'; urlLength: number } // Mastodon: graphemes, every URL as N, @user@domain as @user
  | { kind: 'twitter_weighted' }; // X: twitter-text's weighted length

export interface NetworkLimits {
  /** Maximum text length, counted the network's way. */
  textLength: number;
  counting: TextCounting;
  imagesPerPost: number;
  /** Longest alt text the network stores. */
  altTextLength: number;
  /** Largest image in bytes. */
  imageBytes: number;
}

export interface NetworkCapabilities {
  publishText: boolean;
  publishImages: boolean;
  threads: boolean;
  reply: boolean;
  delete: boolean;
  notifications: boolean;
  postMetrics: boolean;
  searchPosts: boolean;
  /** Impressions/views are reported (else engagement is per follower). */
  impressions: boolean;
}

export interface ConnectorDescription {
  network: NetworkId;
  displayName: string;
  capabilities: NetworkCapabilities;
  limits: NetworkLimits;
  /** The credential fields a user fills in to connect (e.g. handle + app password). */
  credentialFields: Array<{ name: string; label: string; secret: boolean }>;
  /** Requests per window the network allows one account, when documented. */
  rateLimit?: { requests: number; windowSeconds: number };
}

// ---- what goes out ----

export interface OutgoingImage {
  data: Uint8Array;
  mimeType: string;
  /** Required: hospitals fall under accessibility law; the composer refuses an image without it. */
  altText: string;
}

export interface OutgoingPost {
  text: string;
  images?: OutgoingImage[];
  /** Reply to this post (network URI/id) in the same conversation. */
  replyTo?: RemotePostRef;
  /** A quoted post. */
  quote?: RemotePostRef;
  /** A marker Bedside can find the post again by, for reconciliation after a crash. */
  idempotencyKey?: string;
}

/** A post on the network: its stable id and what replies need (Bluesky: uri + cid). */
export interface RemotePostRef {
  uri: string;
  cid?: string;
  /** Root of the thread this post belongs to (Bluesky replies need it). */
  root?: { uri: string; cid?: string };
  url?: string;
}

export interface PublishedPost extends RemotePostRef {
  publishedAt: string;
}

// ---- what comes in ----

export type NotificationKind = 'mention' | 'reply' | 'quote' | 'like' | 'repost' | 'follow';

export interface RemoteAuthor {
  id: string;
  handle: string;
  displayName?: string;
}

export interface RemoteNotification {
  /** Unique per network: used to deduplicate. */
  id: string;
  kind: NotificationKind;
  author: RemoteAuthor;
  createdAt: string;
  /** The post that mentions/replies/quotes, when there is one. */
  post?: RemotePostRef & { text: string; lang?: string };
  /** For likes, reposts, replies, quotes: the account's own post it concerns. */
  subject?: RemotePostRef;
}

export interface NotificationPage {
  notifications: RemoteNotification[];
  /** Pass back to fetch older ones; undefined at the end. */
  cursor?: string;
}

export interface RemotePost extends RemotePostRef {
  author: RemoteAuthor;
  text: string;
  createdAt: string;
  lang?: string;
  replyParent?: RemotePostRef;
}

export interface PostMetrics {
  uri: string;
  likes: number;
  reposts: number;
  replies: number;
  quotes: number;
  /** undefined when the network does not give impressions (never 0 for "unknown"). */
  impressions?: number;
  fetchedAt: string;
}

export interface SearchPage {
  posts: RemotePost[];
  cursor?: string;
}

// ---- errors, as values the scheduler acts on ----

export type ConnectorErrorCode = 'RATE_LIMITED' | 'AUTH_REVOKED' | 'INVALID_CONTENT' | 'NOT_FOUND' | 'TRANSIENT' | 'PERMANENT';

export class ConnectorError extends Error {
  readonly code: ConnectorErrorCode;
  /** For RATE_LIMITED: seconds until the network allows more. */
  readonly retryAfterSeconds: number | undefined;
  /** The field of the post at fault, for INVALID_CONTENT (e.g. "text", "images[0].altText"). */
  readonly field: string | undefined;

  constructor(code: ConnectorErrorCode, message: string, options: { retryAfterSeconds?: number; field?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ConnectorError';
    this.code = code;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.field = options.field;
  }

  /** Worth trying again later (with backoff, or after retryAfterSeconds). */
  get retryable(): boolean {
    return this.code === 'RATE_LIMITED' || this.code === 'TRANSIENT';
  }
}

// ---- the connector ----

/** Credentials as stored (sealed) for a channel; the connector may refresh and hand back new ones. */
export type ChannelCredentials = Record<string, string>;

export interface ConnectorSession {
  /** The account's stable id on the network (Bluesky DID, Mastodon account id). */
  accountId: string;
  handle: string;
  /** Credentials to store back when the session was refreshed (never empty when present). */
  refreshedCredentials?: ChannelCredentials;

  publish(post: OutgoingPost): Promise<PublishedPost>;
  /** Publishes posts as a thread, in order; reports how far it got if one part fails. */
  publishThread(posts: OutgoingPost[]): Promise<PublishedPost[]>;
  delete(ref: RemotePostRef): Promise<void>;
  /**
   * Looks for a post of this account published under the idempotency key (reconciliation after
   * a crash). `expected.text` lets networks that cannot look keys up match the text instead.
   */
  findOwnPost(idempotencyKey: string, since: Date, expected?: { text: string }): Promise<PublishedPost | undefined>;
  notifications(cursor?: string): Promise<NotificationPage>;
  thread(ref: RemotePostRef): Promise<RemotePost[]>;
  metrics(refs: RemotePostRef[]): Promise<PostMetrics[]>;
  search(query: string, cursor?: string): Promise<SearchPage>;
}

export interface Connector {
  describe: ConnectorDescription;
  /** Logs in (or resumes) with stored credentials; AUTH_REVOKED when they no longer work. */
  connect(credentials: ChannelCredentials, options?: { serviceUrl?: string }): Promise<ConnectorSession>;
}

/** Thrown by publishThread when part of a thread went out: the caller records which parts did. */
export class PartialThreadError extends ConnectorError {
  readonly published: PublishedPost[];

  constructor(published: PublishedPost[], cause: ConnectorError) {
    super(cause.code, `thread stopped after ${published.length} part(s): ${cause.message}`, {
      cause,
      ...(cause.retryAfterSeconds !== undefined ? { retryAfterSeconds: cause.retryAfterSeconds } : {}),
      ...(cause.field !== undefined ? { field: cause.field } : {}),
    });
    this.name = 'PartialThreadError';
    this.published = published;
  }
}
