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
    let res: Response;
    try {
      res = await fetch(`${this.#url}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.#token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (err) {
      throw new Error(`cannot reach Bedside at ${this.#url}: ${(err as Error).message}`);
    }
    if (res.status === 204) return undefined as T;
    const json = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string; field?: string } };
    if (!res.ok) {
      const e = json.error;
      throw new Error(e ? `${e.message}${e.field ? ` (field: ${e.field})` : ''} [${e.code}]` : `HTTP ${res.status} from ${path}`);
    }
    return json as T;
  }
}

/** Adds --url and --token to a command. */
export function apiOptions<T extends { option: (flags: string, description: string) => T }>(command: T): T {
  return command.option('--url <url>', 'Bedside address (default $BEDSIDE_URL or http://127.0.0.1:3000)').option('--token <token>', 'API token (default $BEDSIDE_TOKEN)');
}
