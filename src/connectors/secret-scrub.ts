/**
 * Keeps a channel's credentials out of error messages. A server may echo what it was sent (a proxy's
 * error page quoting the Authorization header, a login error repeating the password); those
 * messages end up on the post, in the job's last error and in the API. Every failure of a session
 * opened with credentials goes through here first.
 */
import { ConnectorError, PartialThreadError, type ChannelCredentials, type ConnectorDescription, type ConnectorSession } from './types.ts';

const REDACTED = '[redacted]';
/** Shorter values are too likely to match ordinary words. */
const MIN_SECRET_LENGTH = 8;
const NOT_SECRET = new Set(['identifier', 'handle', 'did', 'active', 'serviceUrl', 'instanceUrl']);

/** The secret strings among stored credentials, including the tokens inside a stored session (JSON). */
export function secretValues(credentials: ChannelCredentials, describe?: ConnectorDescription): string[] {
  const open = new Set([...NOT_SECRET, ...(describe?.credentialFields.filter((f) => !f.secret).map((f) => f.name) ?? [])]);
  const out = new Set<string>();
  const visit = (key: string, value: unknown): void => {
    if (open.has(key)) return;
    if (typeof value === 'string') {
      if (value.length >= MIN_SECRET_LENGTH) out.add(value);
      if (value.startsWith('{')) {
        try {
          visit(key, JSON.parse(value) as unknown);
        } catch {
          // not JSON: the string itself is already recorded
        }
      }
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(k, v);
    }
  };
  for (const [key, value] of Object.entries(credentials)) visit(key, value);
  // Longest first, so a secret containing another is replaced whole.
  return [...out].sort((a, b) => b.length - a.length);
}

function scrubText(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join(REDACTED);
  return out;
}

/** The same error without the secrets; its cause (which may quote them) is dropped when anything was replaced. */
export function scrubError(error: unknown, secrets: string[]): unknown {
  if (secrets.length === 0 || !(error instanceof Error)) return error;
  const message = scrubText(error.message, secrets);
  const causeMessage = error.cause instanceof Error ? error.cause.message : '';
  if (message === error.message && scrubText(causeMessage, secrets) === causeMessage) return error;
  if (error instanceof PartialThreadError) {
    const inner = error.cause instanceof ConnectorError ? (scrubError(error.cause, secrets) as ConnectorError) : new ConnectorError(error.code, message);
    return new PartialThreadError(error.published, inner);
  }
  if (error instanceof ConnectorError) {
    return new ConnectorError(error.code, message, {
      ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
      ...(error.field !== undefined ? { field: error.field } : {}),
    });
  }
  const plain = new Error(message);
  plain.name = error.name;
  return plain;
}

/** The session, with every failure of its calls scrubbed of the credentials it was opened with. */
export function scrubbingSession(session: ConnectorSession, secrets: string[]): ConnectorSession {
  if (secrets.length === 0) return session;
  return new Proxy(session, {
    get(target, property) {
      // The target as receiver: getters and methods may use private fields.
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        try {
          const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
          return result instanceof Promise ? result.catch((error: unknown) => Promise.reject(scrubError(error, secrets))) : result;
        } catch (error) {
          throw scrubError(error, secrets);
        }
      };
    },
  });
}
