/**
 * Test support: a local HTTP server that plays a Mastodon instance from recorded exchanges
 * (fixtures/*.json). Each recording states the request the connector must send — method, path,
 * query, JSON or multipart body, headers — and the response to give back. A request that matches
 * no waiting recording, a wrong Authorization header or a recording never asked for fails the test.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { isDeepStrictEqual } from 'node:util';

export interface RecordedFile {
  name: string;
  type: string;
  size: number;
}

export interface Recording {
  description: string;
  request: {
    method: string;
    path: string;
    /** Exactly these query parameters (repeated keys as arrays). */
    query?: Record<string, string | string[]>;
    /** Exactly this JSON body. */
    json?: unknown;
    /** Exactly these multipart fields; files by name, type and size. */
    form?: Record<string, string | RecordedFile>;
    /** At least these headers (names in lower case). */
    headers?: Record<string, string>;
  };
  response: { status: number; headers?: Record<string, string>; body?: unknown; text?: string };
}

export interface ReceivedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export interface ReplayServer {
  /** Where to point the connector (the instance URL). */
  url: string;
  received: ReceivedRequest[];
  /** Stops the server; throws if a request went unanswered or a recording was never asked for. */
  close(): Promise<void>;
}

export function loadRecording(name: string): Recording {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as Recording;
}

/** A recording with changes (the fixture file stays as recorded). */
export function recording(name: string, change?: (r: Recording) => void): Recording {
  const r = loadRecording(name);
  change?.(r);
  return r;
}

export async function startReplay(recordings: Recording[], accessToken: string): Promise<ReplayServer> {
  const waiting = [...recordings];
  const received: ReceivedRequest[] = [];
  const problems: string[] = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void answer(req, Buffer.concat(chunks), res).catch((error: unknown) => {
        problems.push(`replay server failed: ${String(error)}`);
        res.writeHead(500).end();
      });
    });
  });

  async function answer(req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://replay.invalid');
    const request: ReceivedRequest = { method: req.method ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, body };
    received.push(request);

    if (req.headers.authorization !== `Bearer ${accessToken}`) {
      problems.push(`${request.method} ${request.path} sent Authorization ${JSON.stringify(req.headers.authorization)}`);
      return send(res, { status: 401, headers: { 'Content-Type': 'application/json' }, body: { error: 'The access token is invalid' } });
    }
    // The first waiting recording for this method and path: requests may run concurrently.
    const index = waiting.findIndex((r) => r.request.method === request.method && r.request.path === request.path);
    const match = waiting[index];
    if (!match) {
      problems.push(`unexpected request ${request.method} ${request.path}${url.search}`);
      return send(res, { status: 404, headers: { 'Content-Type': 'application/json' }, body: { error: 'Record not found' } });
    }
    waiting.splice(index, 1);
    problems.push(...(await mismatches(match, request, req)).map((p) => `${match.description}: ${p}`));
    send(res, match.response);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    received,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      const unused = waiting.map((r) => `never requested: ${r.description}`);
      const all = [...problems, ...unused];
      if (all.length > 0) throw new Error(`replayed Mastodon saw problems:\n- ${all.join('\n- ')}`);
    },
  };
}

async function mismatches(recordingToMatch: Recording, request: ReceivedRequest, req: IncomingMessage): Promise<string[]> {
  const expected = recordingToMatch.request;
  const out: string[] = [];
  const query = expected.query ?? {};
  const actualQuery: Record<string, string | string[]> = {};
  for (const key of new Set(request.query.keys())) {
    const values = request.query.getAll(key);
    actualQuery[key] = values.length === 1 && !key.endsWith('[]') ? (values[0] as string) : values;
  }
  if (!isDeepStrictEqual(actualQuery, query)) out.push(`query ${JSON.stringify(actualQuery)} ≠ recorded ${JSON.stringify(query)}`);

  for (const [name, value] of Object.entries(expected.headers ?? {})) {
    if (req.headers[name] !== value) out.push(`header ${name}: ${JSON.stringify(req.headers[name])} ≠ recorded ${JSON.stringify(value)}`);
  }

  const contentType = req.headers['content-type'] ?? '';
  if (expected.json !== undefined) {
    if (!contentType.startsWith('application/json')) out.push(`content-type ${contentType}, expected JSON`);
    else {
      const json: unknown = JSON.parse(request.body.toString('utf8'));
      if (!isDeepStrictEqual(json, expected.json)) out.push(`body ${JSON.stringify(json).slice(0, 300)} ≠ recorded ${JSON.stringify(expected.json).slice(0, 300)}`);
    }
  }
  if (expected.form !== undefined) {
    if (!contentType.startsWith('multipart/form-data')) out.push(`content-type ${contentType}, expected multipart/form-data`);
    else {
      const form = await new Request('http://replay.invalid', { method: 'POST', headers: { 'content-type': contentType }, body: request.body }).formData();
      const fields: Record<string, string | RecordedFile> = {};
      for (const [key, value] of form.entries()) fields[key] = typeof value === 'string' ? value : { name: value.name, type: value.type, size: value.size };
      if (!isDeepStrictEqual(fields, expected.form)) out.push(`form ${JSON.stringify(fields)} ≠ recorded ${JSON.stringify(expected.form)}`);
    }
  }
  if (expected.json === undefined && expected.form === undefined && request.body.length > 0 && request.method === 'GET') out.push('a GET with a body');
  return out;
}

function send(res: ServerResponse, response: Recording['response']): void {
  const payload = response.text ?? (response.body === undefined ? '' : JSON.stringify(response.body));
  res.writeHead(response.status, { ...response.headers, 'Content-Length': Buffer.byteLength(payload) });
  res.end(payload);
}
