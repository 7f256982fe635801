/**
 * Test support: a Mastodon instance on loopback that behaves as the API documentation says for the
 * endpoints Bedside uses, and fails on command. Unlike the strict replay (connectors/mastodon/
 * replay-server.ts), which checks each request against a recording, this one keeps state — the
 * statuses it made, the Idempotency-Keys it saw, the valid token — so a whole publishing run with
 * retries, pauses and resumes can be played against it and its statuses counted afterwards.
 *
 * Documented behaviour played (docs.joinmastodon.org):
 * - POST /api/v1/statuses: an Idempotency-Key already seen answers the status it made (200) and
 *   makes nothing; when that status was deleted since, 404. An empty status is 422.
 * - GET/DELETE /api/v1/statuses/:id: 404 {"error":"Record not found"} for a missing status.
 * - POST /api/v2/media, GET /api/v1/media/:id; GET /api/v1/accounts/verify_credentials;
 *   GET /api/v1/accounts/:id/statuses; GET /api/v1/notifications.
 * - Every answer carries X-RateLimit-Limit/-Remaining/-Reset; a wrong token gets
 *   401 {"error":"The access token is invalid"}.
 *
 * Faults (inject): 429 with X-RateLimit-Reset (Mastodon's own) or Retry-After in seconds or as an
 * HTTP date (a proxy's), 500/502/503 (502/503 as nginx's HTML page), a response that never comes,
 * a connection reset mid-response, a 401 for an expired token, and an error page that quotes the
 * request's Authorization header (a leaky upstream). Timeouts and resets can strike after the server
 * made the status, as they do in life.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadRecording } from '../connectors/mastodon/replay-server.ts';

export type Fault =
  | { kind: 'rate_limit'; retryAfterSeconds: number; header?: 'x-ratelimit-reset' | 'retry-after-seconds' | 'retry-after-date' }
  | { kind: 'server_error'; status: 500 | 502 | 503 }
  /** The response never comes; with afterApplying the status is made first. */
  | { kind: 'timeout'; afterApplying?: boolean }
  /** The connection is reset (RST) — with afterApplying, halfway through the successful response. */
  | { kind: 'reset'; afterApplying?: boolean }
  /** 401: the token expired or was revoked (whatever token was sent). */
  | { kind: 'unauthorized' }
  /** A 500 whose error text quotes the Authorization header it received. */
  | { kind: 'echo_credentials' };

export interface FaultMatch {
  method?: string;
  /** A path, or a pattern for paths with ids. */
  path?: string | RegExp;
}

export interface ServedRequest {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  /** Date.now() when the request arrived. */
  at: number;
  /** The HTTP status answered, or what happened instead. */
  outcome: number | 'timeout' | 'reset';
  fault: Fault['kind'] | undefined;
}

export interface FakeStatus {
  id: string;
  text: string;
  idempotencyKey: string | undefined;
  inReplyToId: string | null;
  mediaIds: string[];
  createdAt: string;
  deleted: boolean;
}

export interface FaultServer {
  /** The instance URL to connect a channel to. */
  url: string;
  /** The access token the server accepts now. */
  readonly token: string;
  readonly accountId: string;
  requests: ServedRequest[];
  /** Every status made, in order (deleted ones included, flagged). */
  statuses: FakeStatus[];
  /** Fails the next `times` matching requests (default: the next POST /api/v1/statuses, once). */
  inject(fault: Fault, options?: FaultMatch & { times?: number }): void;
  /** Ends every injected fault (an outage is over). */
  clearFaults(): void;
  /** Deletes a status, as its author would on the instance. */
  deleteStatus(id: string): void;
  /** Makes a status without a request (it went out before Bedside asked), under a key. */
  seedStatus(text: string, idempotencyKey: string): FakeStatus;
  /** The old token stops working (401); the returned one works. */
  rotateToken(next?: string): string;
  /** Someone mentions the account: the next GET /api/v1/notifications lists it. */
  addMention(input: { author: string; text: string }): string;
  close(): Promise<void>;
}

const INVALID_TOKEN = { error: 'The access token is invalid' };
const NOT_FOUND = { error: 'Record not found' };
const RATE_WINDOW_MS = 5 * 60_000;
const RATE_LIMIT = 300;

const ACCOUNT = (loadRecording('verify-credentials.json').response.body ?? {}) as Record<string, unknown>;
const STATUS_TEMPLATE = (loadRecording('status-create-text.json').response.body ?? {}) as Record<string, unknown>;
const MEDIA_TEMPLATE = (loadRecording('media-get-200.json').response.body ?? {}) as Record<string, unknown>;
const NOTIFICATION_TEMPLATE = ((loadRecording('notifications-page.json').response.body as unknown[])[0] ?? {}) as Record<string, unknown>;

function html(text: string): string {
  return `<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>')}</p>`;
}

export async function startFaultServer(options: { token?: string } = {}): Promise<FaultServer> {
  let token = options.token ?? 'fault-server-token-0001';
  const accountId = String(ACCOUNT.id);
  const requests: ServedRequest[] = [];
  const statuses: FakeStatus[] = [];
  const byKey = new Map<string, FakeStatus>();
  const media = new Map<string, string>();
  const mentions: Array<Record<string, unknown>> = [];
  /** Other people's statuses (the mentions), readable by id like any status. */
  const others = new Map<string, Record<string, unknown>>();
  const rules: Array<{ fault: Fault; remaining: number; match: FaultMatch }> = [];
  let nextId = 114_200_000_000_000_000n;
  let windowStart = Date.now();
  let used = 0;
  const newId = (): string => String((nextId += 1n));

  let origin = '';
  const statusJson = (s: FakeStatus): Record<string, unknown> => ({
    ...STATUS_TEMPLATE,
    id: s.id,
    created_at: s.createdAt,
    in_reply_to_id: s.inReplyToId,
    in_reply_to_account_id: s.inReplyToId ? accountId : null,
    content: html(s.text),
    uri: `${origin}/users/stmarys/statuses/${s.id}`,
    url: `${origin}/@stmarys/${s.id}`,
    media_attachments: s.mediaIds.map((id) => ({ ...MEDIA_TEMPLATE, id, description: media.get(id) ?? null })),
  });

  function makeStatus(text: string, key: string | undefined, inReplyToId: string | null, mediaIds: string[]): FakeStatus {
    const status: FakeStatus = { id: newId(), text, idempotencyKey: key, inReplyToId, mediaIds, createdAt: new Date().toISOString(), deleted: false };
    statuses.push(status);
    if (key) byKey.set(key, status);
    return status;
  }

  function takeFault(method: string, path: string): Fault | undefined {
    const index = rules.findIndex((r) => (r.match.method ?? 'POST') === method && matches(r.match.path ?? '/api/v1/statuses', path));
    const rule = rules[index];
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) rules.splice(index, 1);
    return rule.fault;
  }

  function rateHeaders(): Record<string, string> {
    const now = Date.now();
    if (now - windowStart >= RATE_WINDOW_MS) {
      windowStart = now;
      used = 0;
    }
    used += 1;
    return {
      'X-RateLimit-Limit': String(RATE_LIMIT),
      'X-RateLimit-Remaining': String(Math.max(0, RATE_LIMIT - used)),
      'X-RateLimit-Reset': new Date(windowStart + RATE_WINDOW_MS).toISOString(),
    };
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void handle(req, Buffer.concat(chunks), res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' }).end(`fault server failed: ${String(error)}`);
      });
    });
  });

  async function handle(req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fault.invalid');
    const method = req.method ?? 'GET';
    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : undefined;
    const record: ServedRequest = { method, path: url.pathname, idempotencyKey: key, at: Date.now(), outcome: 0, fault: undefined };
    requests.push(record);
    const json = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
      record.outcome = status;
      const text = JSON.stringify(payload);
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'private, no-store', ...headers, 'Content-Length': String(Buffer.byteLength(text)) });
      res.end(text);
    };

    const fault = takeFault(method, url.pathname);
    record.fault = fault?.kind;
    if (fault) {
      switch (fault.kind) {
        case 'rate_limit':
          return json(429, { error: 'Too many requests' }, rateLimitHeaders(fault));
        case 'server_error':
          if (fault.status === 500) return json(500, { error: 'An unexpected error occurred' }, rateHeaders());
          return nginxPage(res, record, fault.status);
        case 'unauthorized':
          return json(401, INVALID_TOKEN);
        case 'echo_credentials':
          return json(500, { error: `upstream failed for request with authorization=${req.headers.authorization ?? ''}` });
        case 'timeout':
          if (fault.afterApplying) applyIgnoringAnswer(method, url, body, req, key);
          record.outcome = 'timeout';
          return; // never answered: the client's timeout must end it
        case 'reset':
          record.outcome = 'reset';
          if (fault.afterApplying) {
            applyIgnoringAnswer(method, url, body, req, key);
            res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': '4096' });
            res.write('{"id":"');
            setTimeout(() => req.socket.resetAndDestroy(), 5);
          } else req.socket.resetAndDestroy();
          return;
      }
    }
    if (req.headers.authorization !== `Bearer ${token}`) return json(401, INVALID_TOKEN);
    const answer = route(method, url, body, req, key);
    json(answer.status, answer.body, { ...rateHeaders(), ...(answer.headers ?? {}) });
  }

  /** Does what the request asks (the server acted) though the client will never read the answer. */
  function applyIgnoringAnswer(method: string, url: URL, body: Buffer, req: IncomingMessage, key: string | undefined): void {
    if (req.headers.authorization === `Bearer ${token}`) route(method, url, body, req, key);
  }

  function route(method: string, url: URL, body: Buffer, req: IncomingMessage, key: string | undefined): { status: number; body: unknown; headers?: Record<string, string> } {
    const path = url.pathname;
    if (method === 'GET' && path === '/api/v1/accounts/verify_credentials') {
      return { status: 200, body: { ...ACCOUNT, source: { privacy: 'public', sensitive: false, language: 'en', note: '', fields: [] } } };
    }
    if (method === 'POST' && path === '/api/v1/statuses') return createStatus(body, req, key);
    const statusPath = /^\/api\/v1\/statuses\/(\d+)$/.exec(path);
    if (statusPath) {
      const status = statuses.find((s) => s.id === statusPath[1] && !s.deleted);
      const other = others.get(statusPath[1]!);
      if (!status && other && method === 'GET') return { status: 200, body: other };
      if (!status) return { status: 404, body: NOT_FOUND };
      if (method === 'DELETE') status.deleted = true;
      return { status: 200, body: statusJson(status) };
    }
    if (method === 'POST' && path === '/api/v2/media') {
      const id = newId();
      const description = /name="description"\r\n\r\n([^\r]*)/.exec(body.toString('utf8'))?.[1] ?? null;
      if (description !== null) media.set(id, description);
      return { status: 200, body: { ...MEDIA_TEMPLATE, id, description } };
    }
    const mediaPath = /^\/api\/v1\/media\/(\d+)$/.exec(path);
    if (method === 'GET' && mediaPath) {
      return media.has(mediaPath[1]!) ? { status: 200, body: { ...MEDIA_TEMPLATE, id: mediaPath[1], description: media.get(mediaPath[1]!) } } : { status: 404, body: NOT_FOUND };
    }
    if (method === 'GET' && path === `/api/v1/accounts/${accountId}/statuses`) {
      // One page, newest first: no Link header means there is no older page.
      return { status: 200, body: statuses.filter((s) => !s.deleted).reverse().map(statusJson) };
    }
    if (method === 'GET' && path === '/api/v1/notifications') {
      return { status: 200, body: url.searchParams.has('max_id') ? [] : [...mentions].reverse() };
    }
    return { status: 404, body: NOT_FOUND };
  }

  function createStatus(body: Buffer, req: IncomingMessage, key: string | undefined): { status: number; body: unknown } {
    // Mastodon looks the key up before it validates anything.
    if (key && byKey.has(key)) {
      const earlier = byKey.get(key)!;
      return earlier.deleted ? { status: 404, body: NOT_FOUND } : { status: 200, body: statusJson(earlier) };
    }
    const params = parseParams(body, req.headers['content-type'] ?? '');
    const text = typeof params.status === 'string' ? params.status : '';
    const mediaIds = Array.isArray(params.media_ids) ? params.media_ids.map(String) : [];
    if (text.trim() === '' && mediaIds.length === 0) return { status: 422, body: { error: "Validation failed: Text can't be blank" } };
    if ([...text].length > 500) return { status: 422, body: { error: 'Validation failed: Text character limit of 500 exceeded' } };
    const inReplyTo = typeof params.in_reply_to_id === 'string' ? params.in_reply_to_id : null;
    if (inReplyTo && !others.has(inReplyTo) && !statuses.some((s) => s.id === inReplyTo && !s.deleted)) return { status: 404, body: NOT_FOUND };
    return { status: 200, body: statusJson(makeStatus(text, key, inReplyTo, mediaIds)) };
  }

  function rateLimitHeaders(fault: Extract<Fault, { kind: 'rate_limit' }>): Record<string, string> {
    const until = Date.now() + fault.retryAfterSeconds * 1000;
    switch (fault.header ?? 'x-ratelimit-reset') {
      case 'x-ratelimit-reset':
        return { 'X-RateLimit-Limit': String(RATE_LIMIT), 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': new Date(until).toISOString() };
      case 'retry-after-seconds':
        return { 'Retry-After': String(fault.retryAfterSeconds) };
      case 'retry-after-date':
        // An HTTP date has whole seconds: round up, never announce a time sooner than meant.
        return { 'Retry-After': new Date(Math.ceil(until / 1000) * 1000).toUTCString() };
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    get token() {
      return token;
    },
    accountId,
    requests,
    statuses,
    inject(fault, match = {}) {
      rules.push({ fault, remaining: match.times ?? 1, match });
    },
    clearFaults() {
      rules.length = 0;
    },
    deleteStatus(id) {
      const status = statuses.find((s) => s.id === id);
      if (!status) throw new Error(`the fault server has no status ${id}`);
      status.deleted = true;
    },
    seedStatus(text, idempotencyKey) {
      return makeStatus(text, idempotencyKey, null, []);
    },
    rotateToken(next) {
      token = next ?? `fault-server-token-${newId()}`;
      return token;
    },
    addMention({ author, text }) {
      const id = newId();
      const template = NOTIFICATION_TEMPLATE as { account: Record<string, unknown>; status: Record<string, unknown> };
      const account = { ...template.account, id: newId(), username: author, acct: author, display_name: author };
      const createdAt = new Date().toISOString();
      const status = {
        ...template.status,
        id,
        created_at: createdAt,
        in_reply_to_id: null,
        in_reply_to_account_id: null,
        content: html(`@stmarys ${text}`),
        uri: `${origin}/users/${author}/statuses/${id}`,
        url: `${origin}/@${author}/${id}`,
        account,
      };
      others.set(id, status);
      mentions.push({ ...NOTIFICATION_TEMPLATE, id: newId(), type: 'mention', created_at: createdAt, group_key: `ungrouped-${id}`, account, status });
      return id;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

function matches(pattern: string | RegExp, path: string): boolean {
  return typeof pattern === 'string' ? pattern === path : pattern.test(path);
}

function nginxPage(res: ServerResponse, record: ServedRequest, status: number): void {
  record.outcome = status;
  const title = status === 502 ? '502 Bad Gateway' : status === 503 ? '503 Service Temporarily Unavailable' : '500 Internal Server Error';
  const page = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  res.writeHead(status, { 'Content-Type': 'text/html', 'Content-Length': String(Buffer.byteLength(page)) });
  res.end(page);
}

/** A JSON or form body of POST /api/v1/statuses, keys as sent (snake_case, `media_ids[]` as media_ids). */
function parseParams(body: Buffer, contentType: string): Record<string, unknown> {
  if (body.length === 0) return {};
  if (contentType.startsWith('application/json')) return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  const form = new URLSearchParams(body.toString('utf8'));
  return { status: form.get('status') ?? '', media_ids: form.getAll('media_ids[]'), in_reply_to_id: form.get('in_reply_to_id') ?? undefined };
}
