/**
 * What a feed source (news site, review site, blog) yields: RSS 2.0, RSS 1.0 (RDF), Atom and JSON
 * Feed reduced to one item shape the listening pipeline stores as mentions.
 */

export type FeedFormat = 'rss' | 'atom' | 'json' | 'rdf';

export interface FeedItem {
  /** Stable per feed: guid / Atom id / JSON Feed id; else the link; else a hash of title + date. */
  id: string;
  url?: string;
  title?: string;
  /** Plain text of the content (else summary, else title): tags stripped, entities decoded, whitespace collapsed, ≤ 10,000 chars. */
  text: string;
  author?: string;
  /** ISO 8601 UTC, when the feed's date could be read. */
  publishedAt?: string;
}

export interface FeedInfo {
  title?: string;
  link?: string;
  format: FeedFormat;
}

export interface ParsedFeed {
  feed: FeedInfo;
  items: FeedItem[];
}

export type FeedFetch =
  | { notModified: true }
  | (ParsedFeed & {
      notModified: false;
      /** Validators to send back on the next fetch (conditional GET). */
      etag?: string;
      lastModified?: string;
    });

export type FeedErrorCode = 'HTTP_ERROR' | 'NOT_A_FEED' | 'PARSE_ERROR' | 'TOO_LARGE' | 'TIMEOUT' | 'NETWORK';

/** Why a feed could not be read; the message names the URL (and line/column for parse errors) and is fit to show as the source's health. */
export class FeedError extends Error {
  readonly code: FeedErrorCode;
  /** HTTP status, for HTTP_ERROR. */
  readonly status: number | undefined;
  /** 1-based position in the body, for PARSE_ERROR. */
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(
    code: FeedErrorCode,
    message: string,
    options: { status?: number; line?: number; column?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'FeedError';
    this.code = code;
    this.status = options.status;
    this.line = options.line;
    this.column = options.column;
  }

  /** Worth trying again at the next poll without anyone fixing anything (server hiccup, network). */
  get retryable(): boolean {
    if (this.code === 'TIMEOUT' || this.code === 'NETWORK') return true;
    return this.code === 'HTTP_ERROR' && this.status !== undefined && (this.status >= 500 || this.status === 429 || this.status === 408);
  }
}
