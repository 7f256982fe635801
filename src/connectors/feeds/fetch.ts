import { TextDecoder } from 'node:util';
import { parseFeed } from './parse.ts';
import { FeedError, type FeedFetch } from './types.ts';

export interface FetchFeedOptions {
  /** Validators from the previous fetch: the server may answer 304 Not Modified. */
  etag?: string;
  lastModified?: string;
  /** For the whole exchange, body included. Default 15 s. */
  timeoutMs?: number;
  /** Largest body accepted. Default 5 MB. */
  maxBytes?: number;
  /** For tests; the global fetch otherwise. */
  fetch?: typeof fetch;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';
const USER_AGENT = 'Bedside-FeedReader/1.0 (+self-hosted social media workbench)';

/** The charset named by the Content-Type, a BOM, or the XML declaration; UTF-8 otherwise. */
function decode(bytes: Uint8Array, contentType: string | null): string {
  let label = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) label = 'utf-8';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be';
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) label = 'utf-16le';
  else if (label === undefined) {
    const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1');
    label = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/.exec(head)?.[1];
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label ?? 'utf-8');
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  // Not fatal: a stray invalid byte becomes U+FFFD rather than costing the whole feed.
  return decoder.decode(bytes);
}

async function readBody(response: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new FeedError('TOO_LARGE', `${url}: the feed is ${declared} bytes, more than the ${maxBytes} allowed`);
  }
  if (response.body === null) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FeedError('TOO_LARGE', `${url}: the feed is larger than the ${maxBytes} bytes allowed`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function networkError(url: string, err: unknown): FeedError {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? cause?.message ?? (err as Error).message;
  return new FeedError('NETWORK', `${url}: could not reach the server (${detail})`, { cause: err });
}

/**
 * Fetches and parses a feed (RSS 2.0, RSS 1.0/RDF, Atom, JSON Feed), conditionally when validators
 * are given. Throws FeedError; its message names the URL and is meant for the source's health status.
 */
export async function fetchFeed(url: string, options: FetchFeedOptions = {}): Promise<FeedFetch> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new FeedError('NETWORK', `${url}: not a valid address`);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new FeedError('NETWORK', `${url}: only http and https feeds can be read`);
  }
  const headers: Record<string, string> = { accept: ACCEPT, 'user-agent': USER_AGENT };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const response = await (options.fetch ?? fetch)(target, { headers, signal: controller.signal, redirect: 'follow' });
    if (response.status === 304) {
      await response.body?.cancel().catch(() => undefined);
      return { notModified: true };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      const reason = response.statusText ? ` ${response.statusText}` : '';
      throw new FeedError('HTTP_ERROR', `${url}: HTTP ${response.status}${reason}`, { status: response.status });
    }
    const contentType = response.headers.get('content-type');
    const body = decode(await readBody(response, url, maxBytes), contentType);
    let parsed;
    try {
      parsed = parseFeed(body, contentType ?? undefined, response.url || url);
    } catch (err) {
      if (!(err instanceof FeedError)) throw err;
      throw new FeedError(err.code, `${url}: ${err.message}`, {
        ...(err.line !== undefined ? { line: err.line } : {}),
        ...(err.column !== undefined ? { column: err.column } : {}),
        cause: err,
      });
    }
    const result: FeedFetch = { notModified: false, ...parsed };
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    if (etag) result.etag = etag;
    if (lastModified) result.lastModified = lastModified;
    return result;
  } catch (err) {
    if (err instanceof FeedError) throw err;
    if (timedOut) throw new FeedError('TIMEOUT', `${url}: no complete answer within ${timeoutMs / 1000} s`, { cause: err });
    throw networkError(url, err);
  } finally {
    clearTimeout(timer);
  }
}
