/**
 * Feed sources for listening: news sites, review sites, blogs. RSS 2.0, RSS 1.0 (RDF), Atom and
 * JSON Feed, fetched conditionally and reduced to FeedItems. Cursors and deduplication against what is
 * stored belong to the ingest job; newItems is the pure part of it.
 */
export { fetchFeed, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, type FetchFeedOptions } from './fetch.ts';
export { parseFeed } from './parse.ts';
export { newItems } from './new-items.ts';
export { htmlToPlainText, MAX_TEXT_LENGTH } from './plain-text.ts';
export { FeedError, type FeedErrorCode, type FeedFetch, type FeedFormat, type FeedInfo, type FeedItem, type ParsedFeed } from './types.ts';
