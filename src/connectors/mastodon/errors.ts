/**
 * Turns what masto.js throws into the ConnectorError the scheduler acts on.
 *
 * masto.js (v7) reports an HTTP error as MastoHttpError { statusCode, message = the server's
 * `error` text } whose `cause` is the fetch Response, so the rate-limit headers stay readable.
 * Everything else it lets through is a network failure (fetch's TypeError), a timeout
 * (MastoTimeoutError) or a response it could not read (MastoUnexpectedError/MastoDeserializeError).
 */
import { MastoDeserializeError, MastoHttpError, MastoTimeoutError, MastoUnexpectedError } from 'masto';
import { ConnectorError } from '../types.ts';

export interface ErrorContext {
  /** The field of the post at fault when the server rejects content (e.g. "images[1]"). */
  field?: string;
  /** The clock to measure a rate-limit reset against when the response carries no Date header. */
  now?: () => Date;
}

/** Mastodon's length validation: "Validation failed: Text character limit of 500 exceeded". */
const TEXT_TOO_LONG = /character limit|text.*too long/i;
/** Media validation about the alt text: "Description is too long (maximum is 1500 characters)". */
const ALT_TEXT_PROBLEM = /description/i;

export function toConnectorError(error: unknown, context: ErrorContext = {}): ConnectorError {
  if (error instanceof ConnectorError) return error;
  if (error instanceof MastoHttpError) return fromHttpError(error, context);
  if (error instanceof MastoTimeoutError) return new ConnectorError('TRANSIENT', `Mastodon did not answer in time: ${error.message}`, { cause: error });
  if (error instanceof MastoUnexpectedError || error instanceof MastoDeserializeError) {
    // A body that is neither JSON nor HTML is what a proxy in front of a failing server sends.
    return new ConnectorError('TRANSIENT', `Mastodon answered with something unreadable: ${error.message}`, { cause: error });
  }
  if (error instanceof TypeError) {
    // fetch's "fetch failed" (DNS, refused, reset) — and masto.js 7.12 also throws a TypeError when an
    // error response is an HTML page (a 502/503 from nginx), losing its status: both are worth retrying.
    return new ConnectorError('TRANSIENT', `could not reach the Mastodon server: ${describeCause(error)}`, { cause: error });
  }
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new ConnectorError('TRANSIENT', `the request to Mastodon was cut off: ${error.message}`, { cause: error });
  }
  return new ConnectorError('PERMANENT', `unexpected failure talking to Mastodon: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

function fromHttpError(error: MastoHttpError, context: ErrorContext): ConnectorError {
  const status = error.statusCode;
  const serverText = error.message || `HTTP ${status}`;
  const options = { cause: error };
  if (status === 401) return new ConnectorError('AUTH_REVOKED', `Mastodon refused the access token: ${serverText}`, options);
  if (status === 403) {
    return new ConnectorError('AUTH_REVOKED', `Mastodon refused the request (the account may be suspended or disabled, or the token lacks a scope): ${serverText}`, options);
  }
  if (status === 404) return new ConnectorError('NOT_FOUND', `Mastodon has no such record (deleted, or not visible to this account): ${serverText}`, options);
  if (status === 413 || status === 422) {
    const field = invalidField(serverText, context.field);
    return new ConnectorError('INVALID_CONTENT', `Mastodon rejected the content: ${serverText}`, { ...options, ...(field === undefined ? {} : { field }) });
  }
  if (status === 429) {
    const headers = responseHeaders(error);
    const retryAfterSeconds = headers ? retryAfterSecondsFrom(headers, context.now ?? (() => new Date())) : undefined;
    return new ConnectorError('RATE_LIMITED', `Mastodon rate limit reached: ${serverText}`, { ...options, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) });
  }
  if (status === 408 || status >= 500) return new ConnectorError('TRANSIENT', `Mastodon failed with HTTP ${status}: ${serverText}`, options);
  return new ConnectorError('PERMANENT', `Mastodon refused the request with HTTP ${status}: ${serverText}`, options);
}

function invalidField(serverText: string, field: string | undefined): string | undefined {
  if (field === undefined) return TEXT_TOO_LONG.test(serverText) ? 'text' : undefined;
  return ALT_TEXT_PROBLEM.test(serverText) ? `${field}.altText` : field;
}

function responseHeaders(error: MastoHttpError): Headers | undefined {
  return error.cause instanceof Response ? error.cause.headers : undefined;
}

/**
 * Seconds until Mastodon lets the account in again. X-RateLimit-Reset is an ISO time on the
 * server's clock, so it is measured against the response's own Date header (our clock may be off);
 * Retry-After (seconds or an HTTP date), which proxies send, is the fallback.
 */
export function retryAfterSecondsFrom(headers: Headers, now: () => Date): number | undefined {
  const serverNow = parseDate(headers.get('date')) ?? now().getTime();
  const reset = parseDate(headers.get('x-ratelimit-reset'));
  if (reset !== undefined) return Math.max(1, Math.ceil((reset - serverNow) / 1000));
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Math.max(1, Number(retryAfter));
    const at = parseDate(retryAfter);
    if (at !== undefined) return Math.max(1, Math.ceil((at - serverNow) / 1000));
  }
  return undefined;
}

function parseDate(value: string | null): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

function describeCause(error: TypeError): string {
  const cause = error.cause;
  return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
}
