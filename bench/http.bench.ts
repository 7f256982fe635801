/**
 * bench/http: the API under load — autocannon, 100 concurrent connections for 30 s per route —
 * against a real `bedside start` process on each engine, with 1,000,000 mentions stored:
 * GET /api/inbox (a page of 50), POST /api/posts (create a draft), POST /api/auth/login (scrypt).
 * Reports requests/s, p99 latency and the server's resident memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { testContext } from '../src/testing/context.ts';
import { createWorkspaceWithOwner } from '../src/operations/accounts.ts';
import { createApiToken } from '../src/operations/auth.ts';
import { insertChannel } from '../src/storage/channels.ts';
import { insertNewMentions, type NewMention } from '../src/storage/mentions.ts';
import { insertInboxItems } from '../src/storage/inbox.ts';
import type { EngineName } from '../src/storage/engine.ts';
import type { Actor } from '../src/operations/context.ts';
import type { BenchOutcome } from './types.ts';

const MENTIONS = Number(process.env.BENCH_HTTP_MENTIONS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 30);
const PASSWORD = 'a long bench password';

/** CPU time (user + system) a process has used so far, in ms (Linux clock ticks are 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

async function load(url: string, options: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string }): Promise<{ rps: number; p99: number; errors: number; non2xx: number; total: number }> {
  const result = await autocannon({ url, connections: 100, duration: SECONDS, method: options.method ?? 'GET', headers: options.headers ?? {}, ...(options.body ? { body: options.body } : {}) });
  return { rps: Math.round(result.requests.average), p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx, total: result.requests.total };
}

async function engineRun(engine: EngineName): Promise<Record<string, number>> {
  const secretKey = randomBytes(32).toString('base64');
  const { ctx, database, cleanup } = await testContext(engine, { secretKey });
  let server: ChildProcess | undefined;
  try {
    const { workspaceId, userId } = await createWorkspaceWithOwner(ctx, { workspaceName: 'Bench', timeZone: 'UTC', email: 'owner@bench.example', displayName: 'O', password: PASSWORD }, { cli: true });
    const owner: Actor = { type: 'user', workspaceId, userId, role: 'owner' };
    const channelId = randomUUID();
    await insertChannel(ctx.storage.db, { id: channelId, workspaceId, network: 'bluesky', handle: 'bench.bsky.social', displayName: null, credentialsSealed: ctx.secrets.seal('{}', `channel:${channelId}`), primary: true });
    const now = Date.now();
    for (let done = 0; done < MENTIONS; done += 5000) {
      const rows: NewMention[] = Array.from({ length: Math.min(5000, MENTIONS - done) }, (_, k) => ({ id: randomUUID(), workspaceId, sourceId: null, channelId, network: 'bluesky', externalId: `m-${done + k}`, kind: 'mention', author: { handle: `u${(done + k) % 20000}` }, text: `What time does the flu clinic open? #${done + k}`, createdAt: new Date(now - (done + k) * 2000).toISOString(), receivedAt: new Date().toISOString(), sentiment: 'neutral', intents: ['question'], urgent: (done + k) % 500 === 0, phiTypes: [], analysis: {} }));
      await ctx.storage.db.transaction().execute(async (trx) => {
        await insertNewMentions(trx, rows);
        await insertInboxItems(trx, rows.filter((_, k) => (done + k) % 10 === 0).map((m) => ({ id: randomUUID(), workspaceId, mentionId: m.id, channelId, urgent: m.urgent, dueAt: new Date(Date.parse(m.createdAt) + 3_600_000).toISOString(), receivedAt: m.createdAt })));
        if (done + 5000 < MENTIONS - 20_000) await trx.updateTable('inbox_items').set({ status: 'closed' }).where('workspace_id', '=', workspaceId).where('status', '=', 'new').execute();
      });
    }
    const { token } = await createApiToken(ctx, owner, { name: 'bench' });
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', LOG_LEVEL: 'silent', BEDSIDE_DATA_DIR: database.dataDir, BEDSIDE_SECRET_KEY: secretKey };
    if (database.databaseUrl) env.DATABASE_URL = database.databaseUrl;
    else delete env.DATABASE_URL;
    server = spawn(process.execPath, ['bin/bedside.mjs', 'start'], { env, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    server.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
    while (!/running at (http:\/\/\S+)/.test(out)) await sleep(100);
    const base = /running at (http:\/\/\S+)/.exec(out)![1]!;
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const idle = rssMb(server.pid!);
    // Other work on the machine shares the cores with server and load generator: the load average
    // and the server's own CPU per request say how much of the latency is this server's.
    const loadAverage = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
    const cpuBefore = cpuMs(server.pid!);
    const inbox = await load(`${base}/api/inbox?limit=50`, { headers: auth });
    const inboxCpuMs = Math.round(((cpuMs(server.pid!) - cpuBefore) / Math.max(1, inbox.total)) * 1000) / 1000;
    const create = await load(`${base}/api/posts`, { method: 'POST', headers: auth, body: JSON.stringify({ parts: [{ text: 'Flu shots Saturday 9-1 at the main campus' }], channelIds: [channelId] }) });
    const login = await load(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'owner@bench.example', password: PASSWORD }) });
    const loaded = rssMb(server.pid!);
    console.log(`  ${engine}: load average ${loadAverage} before; inbox ${inbox.rps} req/s p99 ${inbox.p99} ms, server CPU ${inboxCpuMs} ms/request; create ${create.rps} req/s p99 ${create.p99} ms; login ${login.rps} req/s p99 ${login.p99} ms; RSS ${idle} → ${loaded} MB; errors ${inbox.errors + create.errors + login.errors}, non-2xx ${inbox.non2xx + create.non2xx + login.non2xx}`);
    return {
      [`http.inbox_list.${engine}.rps`]: inbox.rps,
      [`http.inbox_list.${engine}.p99_ms`]: inbox.p99,
      [`http.inbox_list.${engine}.server_cpu_ms_per_request`]: inboxCpuMs,
      [`http.post_create.${engine}.rps`]: create.rps,
      [`http.post_create.${engine}.p99_ms`]: create.p99,
      [`http.login.${engine}.rps`]: login.rps,
      [`http.login.${engine}.p99_ms`]: login.p99,
      [`http.${engine}.rss_mb`]: loaded,
    };
  } finally {
    server?.kill('SIGTERM');
    await sleep(500);
    await cleanup();
  }
}

export async function run(): Promise<BenchOutcome> {
  const figures = { ...(await engineRun('sqlite')), ...(await engineRun('postgres')) };
  return {
    figures,
    targets: { 'http.inbox_list.postgres.p99_ms': { op: '<=', value: 50 } },
    how: `autocannon, 100 connections × ${SECONDS} s per route, against a real \`bedside start\` process (web + workers) with ${MENTIONS} mentions stored (10% in the inbox, ~2,000 open): GET /api/inbox?limit=50 and POST /api/posts with an API token, POST /api/auth/login (scrypt); requests/s (mean), p99 latency, the server process's CPU per inbox request (PostgreSQL's own is not in it), server RSS after the runs. Load generator and server share the machine's 2 cores.`,
  };
}
