/** The masto.js REST client for one channel, and the two things every call needs: typed errors and paging. */
import { createRestAPIClient, type mastodon } from 'masto';
import { ConnectorError } from '../types.ts';
import { toConnectorError, type ErrorContext } from './errors.ts';

export type MastodonClient = mastodon.rest.Client;

export function createClient(instanceUrl: URL, accessToken: string, timeoutMs: number): MastodonClient {
  // log 'error': masto's default 'warn' would print to the console on its own.
  return createRestAPIClient({ url: instanceUrl.origin, accessToken, timeout: timeoutMs, log: 'error' });
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

/**
 * The `max_id` of the Link header's rel="next" page. Mastodon sends that link only when the page
 * is full, so its absence means the end of the list.
 */
export function nextMaxId(headers: Headers): string | undefined {
  const link = headers.get('link');
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (!match?.[1]) continue;
    try {
      return new URL(match[1]).searchParams.get('max_id') ?? undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
