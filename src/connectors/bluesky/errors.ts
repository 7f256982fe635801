import { XRPCError } from '@atproto/api';
import { ConnectorError } from '../types.ts';

const AUTH_ERRORS = new Set(['AuthenticationRequired', 'InvalidToken', 'ExpiredToken', 'AccountTakedown', 'AccountDeactivated', 'AuthFactorTokenRequired']);
const NOT_FOUND_ERRORS = new Set(['RecordNotFound', 'NotFound', 'RepoNotFound']);

/** Seconds until the PDS allows more: its `ratelimit-reset` header is a Unix time. */
function retryAfter(headers: Record<string, string | undefined> | undefined, now: number): number {
  const reset = Number(headers?.['ratelimit-reset']);
  if (Number.isFinite(reset) && reset > 0) return Math.max(1, Math.ceil(reset - now / 1000));
  const after = Number(headers?.['retry-after']);
  return Number.isFinite(after) && after > 0 ? after : 60;
}

/** Turns what @atproto/api throws into the connector's typed errors. */
export function toConnectorError(err: unknown, what: string, now = Date.now()): ConnectorError {
  if (err instanceof ConnectorError) return err;
  if (err instanceof XRPCError) {
    const name = err.error;
    const detail = `${what}: ${name}${err.message && err.message !== name ? ` (${err.message})` : ''}`;
    if (err.status === 429 || name === 'RateLimitExceeded') {
      return new ConnectorError('RATE_LIMITED', detail, { retryAfterSeconds: retryAfter(err.headers, now), cause: err });
    }
    if (err.status === 401 || AUTH_ERRORS.has(name)) return new ConnectorError('AUTH_REVOKED', detail, { cause: err });
    if (NOT_FOUND_ERRORS.has(name) || err.status === 404) return new ConnectorError('NOT_FOUND', detail, { cause: err });
    if (err.status === 400 && (name === 'InvalidRequest' || name === 'InvalidRecord' || name === 'BlobTooLarge')) {
      return new ConnectorError('INVALID_CONTENT', detail, { cause: err });
    }
    if (err.status >= 500 || err.status === 1 /* no response: network failure */) return new ConnectorError('TRANSIENT', detail, { cause: err });
    return new ConnectorError('PERMANENT', detail, { cause: err });
  }
  const message = err instanceof Error ? err.message : String(err);
  // fetch failures (connection refused, reset, DNS) are worth another try
  return new ConnectorError('TRANSIENT', `${what}: ${message}`, { cause: err });
}
