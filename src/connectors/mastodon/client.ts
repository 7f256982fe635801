/** The masto.js REST client for one channel, and the two things every call needs: typed errors and paging. */
import { createRestAPIClient, MastoTimeoutError, type mastodon } from 'masto';
import { ConnectorError } from '../types.ts';
import { toConnectorError, type ErrorContext } from './errors.ts';

export type MastodonClient = mastodon.rest.Client;

export function createClient(instanceUrl: URL, accessToken: string, timeoutMs: number): MastodonClient {
  // log 'error': masto's default 'warn' would print to the console on its own.
  return withDeadline(createRestAPIClient({ url: instanceUrl.origin, accessToken, timeout: timeoutMs, log: 'error' }), timeoutMs);
}

/**
 * masto.js's own timeout is an AbortSignal.any() on a Request, and Node 20 loses that abort once
 * the signals are garbage-collected: the request then waits for an answer forever. So every call
 * also races a plain timer; an answer that never comes fails as a timeout (TRANSIENT) all the same.
 * masto's builders ignore `this`, so wrapping each step of `client.v1.statuses.$select(id)…` is safe.
 */
function withDeadline<T>(value: T, ms: number): T {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
  if (typeof (value as { then?: unknown }).then === 'function') return raceDeadline(value as unknown as PromiseLike<unknown>, ms) as T;
  return new Proxy(value as object, {
    get: (target, property) => withDeadline(Reflect.get(target, property) as unknown, ms),
    apply: (target, thisArg, args) => withDeadline(Reflect.apply(target as (...a: unknown[]) => unknown, thisArg, args), ms),
  }) as T;
}

function raceDeadline<T>(request: PromiseLike<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  // A little after masto's own timeout, which wins whenever it works.
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new MastoTimeoutError(`no answer from Mastodon within ${ms} ms`)), ms + 50);
  });
  return Promise.race([Promise.resolve(request), deadline]).finally(() => clearTimeout(timer));
}

/** Runs one masto.js call and reports its failure as a ConnectorError. */
export async function call<T>(request: () => PromiseLike<T>, context: ErrorContext = {}): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw toConnectorError(error, context);
  }
}

/** The instance's origin, from what the user typed ("mastodon.social", "https://x.org/", …). */
export function parseInstanceUrl(value: string | undefined): URL {
  const trimmed = value?.trim();
  if (!trimmed) throw new ConnectorError('AUTH_REVOKED', 'no Mastodon instance URL is stored for this channel; reconnect it');
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch (cause) {
    throw new ConnectorError('PERMANENT', `"${trimmed}" is not a Mastodon instance URL`, { cause });
  }
  // The access token travels in every request: plain http only to a server on this machine.
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) throw new ConnectorError('PERMANENT', `"${trimmed}" must be an https:// URL`);
  return url;
}

/** The `min_id` of the Link header's rel="prev" page: where newer statuses start. */
export function prevMinId(headers: Headers): string | undefined {
  return linkParam(headers, 'prev', 'min_id');
}

/**
 * The `max_id` of the Link header's rel="next" page. Mastodon sends that link only when the page
 * is full, so its absence means the end of the list.
 */
export function nextMaxId(headers: Headers): string | undefined {
  return linkParam(headers, 'next', 'max_id');
}

function linkParam(headers: Headers, rel: 'next' | 'prev', param: string): string | undefined {
  const link = headers.get('link');
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const match = new RegExp(`<([^>]+)>\\s*;\\s*rel="?${rel}"?`).exec(part);
    if (!match?.[1]) continue;
    try {
      return new URL(match[1]).searchParams.get(param) ?? undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
