/**
 * The one way the UI talks to the server: JSON over /api on the same origin, with the session
 * cookie and the session's X-CSRF-Token on every state-changing request. A 401 asks the shell to
 * show the sign-in form (the page, and whatever the user typed, stay as they are).
 */

export interface ApiErrorBody {
  code: string;
  message: string;
  field?: string;
  details?: Record<string, unknown>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.status = status;
    this.code = body.code;
    this.field = body.field;
    this.details = body.details;
  }
}

/** Thrown when the server cannot be reached at all (offline, server restarting). */
export const OFFLINE: ApiErrorBody = { code: 'OFFLINE', message: 'Bedside cannot reach the server. Your text is kept here; try again when the connection is back.' };

let csrfToken: string | undefined;
const unauthorizedListeners = new Set<() => void>();

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called on every 401 from an API call, so the shell can ask the user to sign in again. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

const SAFE = new Set(['GET', 'HEAD']);

export async function api<T>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
  return request<T>(method, path, body === undefined ? undefined : { data: JSON.stringify(body), type: 'application/json' }, extraHeaders);
}

/** Sends a file as the raw request body (POST /api/media): the server decides what it is from its bytes. */
export function upload<T>(path: string, file: Blob): Promise<T> {
  return request<T>('POST', path, { data: file, type: file.type.startsWith('image/') ? file.type : 'application/octet-stream' });
}

async function request<T>(method: string, path: string, body: { data: string | Blob; type: string } | undefined, extraHeaders: Record<string, string> = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
  if (body !== undefined) headers['content-type'] = body.type;
  if (!SAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: body.data } : {}) });
  } catch {
    throw new ApiError(0, OFFLINE);
  }
  if (res.status === 204) return undefined as T;
  const json = (await res.json().catch(() => ({}))) as { error?: ApiErrorBody };
  if (!res.ok) {
    const error = new ApiError(res.status, json.error ?? { code: 'HTTP_' + res.status, message: `the server answered ${res.status}` });
    // An expired session, or a CSRF token from a session that ended: sign in again.
    if (res.status === 401 || (res.status === 403 && error.code === 'CSRF_FAILED')) for (const l of unauthorizedListeners) l();
    throw error;
  }
  return json as T;
}

export const get = <T>(path: string): Promise<T> => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown, headers?: Record<string, string>): Promise<T> => api<T>('POST', path, body ?? {}, headers);
export const put = <T>(path: string, body: unknown): Promise<T> => api<T>('PUT', path, body);
export const patch = <T>(path: string, body: unknown): Promise<T> => api<T>('PATCH', path, body);

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : 'something went wrong';
}
