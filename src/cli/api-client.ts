/**
 * The CLI's way to a running Bedside: its HTTP API with an API token (create one in the web UI or
 * with POST /api/tokens). BEDSIDE_URL (default http://127.0.0.1:3000) and BEDSIDE_TOKEN.
 */
export interface ApiOptions {
  url?: string;
  token?: string;
}

export class ApiClient {
  readonly #url: string;
  readonly #token: string;

  constructor(options: ApiOptions = {}) {
    this.#url = (options.url ?? process.env.BEDSIDE_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
    const token = options.token ?? process.env.BEDSIDE_TOKEN;
    if (!token) throw new Error('set BEDSIDE_TOKEN (an API token: POST /api/tokens, or the web UI) or pass --token');
    this.#token = token;
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.#fetch(method, path, body);
    if (res.status === 204) return undefined as T;
    const json = (await res.json().catch(() => ({}))) as ErrorJson;
    if (!res.ok) throw apiError(json, res.status, path);
    return json as T;
  }

  /** A GET whose answer is not JSON (a PDF, HTML, CSV): its bytes and content type; errors as in call(). */
  async bytes(path: string): Promise<{ bytes: Uint8Array; contentType: string }> {
    const res = await this.#fetch('GET', path, undefined);
    if (!res.ok) throw apiError((await res.json().catch(() => ({}))) as ErrorJson, res.status, path);
    return { bytes: new Uint8Array(await res.arrayBuffer()), contentType: res.headers.get('content-type') ?? '' };
  }

  async #fetch(method: string, path: string, body: unknown): Promise<Response> {
    try {
      return await fetch(`${this.#url}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.#token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (err) {
      throw new Error(`cannot reach Bedside at ${this.#url}: ${(err as Error).message}`);
    }
  }
}

interface ErrorJson {
  error?: { code: string; message: string; field?: string };
}

function apiError(json: ErrorJson, status: number, path: string): Error {
  const e = json.error;
  return new Error(e ? `${e.message}${e.field ? ` (field: ${e.field})` : ''} [${e.code}]` : `HTTP ${status} from ${path}`);
}

/** Adds --url and --token to a command. */
export function apiOptions<T extends { option: (flags: string, description: string) => T }>(command: T): T {
  return command.option('--url <url>', 'Bedside address (default $BEDSIDE_URL or http://127.0.0.1:3000)').option('--token <token>', 'API token (default $BEDSIDE_TOKEN)');
}
