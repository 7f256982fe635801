/**
 * bench/ingest: mentions per second through Bedside's ingest path — JSON Lines parse → safety
 * analysis → store (deduplicated) → full-text index → inbox → listening-query match — against the
 * bare limit in the same run (JSON.parse + bulk insert of the same rows, no analysis), on SQLite
 * and PostgreSQL; then the inbox page query (urgent first, by due time, 50 rows) at 1,000,000
 * stored mentions, p50/p95 over 200 queries.
 */
import { randomUUID, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testContext } from '../src/testing/context.ts';
import { createWorkspaceWithOwner } from '../src/operations/accounts.ts';
import { createQuery } from '../src/operations/listening.ts';
import { recordMentionBatches, slaPolicyOf, type IncomingMention } from '../src/operations/ingest.ts';
import { workspaceProfile } from '../src/operations/workspace-profile.ts';
import { compileSlaPolicy } from '../src/domain/inbox/index.ts';
import { insertNewMentions, type NewMention } from '../src/storage/mentions.ts';
import { insertInboxItems, listInbox } from '../src/storage/inbox.ts';
import { timeOrderedId } from '../src/storage/row-ids.ts';
import type { EngineName } from '../src/storage/engine.ts';
import type { AppContext, Actor } from '../src/operations/context.ts';
import { AnalysisPool, defaultAnalysisThreads } from '../src/runtime/analysis-pool.ts';
import type { BenchOutcome } from './types.ts';

const INGEST_N = Number(process.env.BENCH_INGEST_N ?? 20_000);
const STORED_N = Number(process.env.BENCH_INBOX_N ?? 1_000_000);
const BATCH = 1000;
const THREADS = Number(process.env.BEDSIDE_ANALYSIS_THREADS ?? defaultAnalysisThreads());

const SUBJECTS = ['the flu clinic', 'the ER', 'parking', 'the maternity ward', 'Dr. Okafor', 'the billing office', 'the new cancer center', 'visiting hours', 'the pharmacy', 'the urgent care on 5th'];
const TEMPLATES = [
  (s: string) => `What time does ${s} open on Saturday?`,
  (s: string) => `Waited 3 hours at ${s} tonight, this is ridiculous`,
  (s: string) => `Huge thanks to everyone at ${s}, you were amazing with my mom`,
  (s: string) => `Is ${s} taking walk-ins for flu shots this week? #FluSeason`,
  (s: string) => `Heard ${s} is moving, anyone know where?`,
  (s: string) => `My dad has chest pain and can't breathe, do we go to ${s}?`,
];

/** Realistic mention lines, different every run (a benchmark must not lean on a cache). */
function jsonLines(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const text = TEMPLATES[i % TEMPLATES.length]!(SUBJECTS[(i * 7) % SUBJECTS.length]!) + ` ${randomBytes(3).toString('hex')}`;
    lines.push(JSON.stringify({ id: `m-${i}-${randomUUID()}`, author: `user${i % 5000}.bsky.social`, text, createdAt: new Date(Date.now() - i * 1000).toISOString() }));
  }
  return lines.join('\n') + '\n';
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function workspace(ctx: AppContext): Promise<Actor> {
  const { workspaceId, userId } = await createWorkspaceWithOwner(ctx, { workspaceName: 'Bench', timeZone: 'America/Chicago', email: `o${randomUUID()}@b.example`, displayName: 'O', password: 'bench password long' }, { cli: true });
  const owner: Actor = { type: 'user', workspaceId, userId, role: 'owner' };
  await createQuery(ctx, owner, { name: 'Flu', query: '("flu shot" OR flu) NOT job' });
  await createQuery(ctx, owner, { name: 'ER waits', query: 'ER NEAR/4 (wait OR waited OR hours)' });
  return owner;
}

/** The full path: parse, analyse, store, index, inbox, match — batch by batch as an import does. */
async function fullPath(ctx: AppContext, owner: Actor, file: string): Promise<number> {
  const sla = compileSlaPolicy(await slaPolicyOf(ctx, owner.workspaceId));
  const profile = await workspaceProfile(ctx, owner.workspaceId);
  const started = performance.now();
  function* batches(): Generator<IncomingMention[]> {
    let batch: IncomingMention[] = [];
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line) continue;
      const r = JSON.parse(line) as { id: string; author: string; text: string; createdAt: string };
      batch.push({ network: 'bluesky', externalId: r.id, kind: 'mention', author: { handle: r.author }, text: r.text, createdAt: r.createdAt });
      if (batch.length === BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }
  await recordMentionBatches(ctx, owner.workspaceId, { sourceId: null, channelId: null }, batches(), { sla, profile });
  return INGEST_N / ((performance.now() - started) / 1000);
}

function bareRow(workspaceId: string, r: { id: string; author: string; text: string; createdAt: string }, now: string): NewMention {
  return { id: timeOrderedId(), workspaceId, sourceId: null, channelId: null, network: 'bluesky', externalId: r.id, kind: 'mention', author: { handle: r.author }, text: r.text, createdAt: r.createdAt, receivedAt: now, sentiment: 'neutral', intents: [], urgent: false, phiTypes: [], analysis: {} };
}

/** The bare limit: JSON.parse and bulk insert of the same rows (index maintained), no analysis. */
async function barePath(ctx: AppContext, owner: Actor, file: string): Promise<number> {
  const started = performance.now();
  const now = new Date().toISOString();
  const lines = readFileSync(file, 'utf8').split('\n');
  let batch: NewMention[] = [];
  for (const line of lines) {
    if (!line) continue;
    batch.push(bareRow(owner.workspaceId, JSON.parse(line) as { id: string; author: string; text: string; createdAt: string }, now));
    if (batch.length === BATCH) {
      const rows = batch;
      await ctx.storage.db.transaction().execute((trx) => insertNewMentions(trx, rows));
      batch = [];
    }
  }
  if (batch.length) {
    const rows = batch;
    await ctx.storage.db.transaction().execute((trx) => insertNewMentions(trx, rows));
  }
  return INGEST_N / ((performance.now() - started) / 1000);
}

/** Fills a workspace with `n` mentions and inbox items fast (bare inserts), then times the inbox page. */
async function inboxLatency(ctx: AppContext, owner: Actor, n: number): Promise<{ p50: number; p95: number }> {
  const now = Date.now();
  for (let done = 0; done < n; done += 5000) {
    const size = Math.min(5000, n - done);
    const rows: NewMention[] = [];
    for (let i = 0; i < size; i++) {
      const k = done + i;
      const text = TEMPLATES[k % TEMPLATES.length]!(SUBJECTS[k % SUBJECTS.length]!);
      const m = bareRow(owner.workspaceId, { id: `s-${k}`, author: `user${k % 20000}`, text, createdAt: new Date(now - k * 2000).toISOString() }, new Date().toISOString());
      m.urgent = k % 500 === 0;
      rows.push(m);
    }
    await ctx.storage.db.transaction().execute(async (trx) => {
      await insertNewMentions(trx, rows);
      // A realistic inbox: most of a million mentions were answered long ago; a few thousand are open.
      await insertInboxItems(trx, rows.filter((_, i) => (done + i) % 10 === 0).map((m) => ({ id: timeOrderedId(), workspaceId: owner.workspaceId, mentionId: m.id, channelId: null, urgent: m.urgent, dueAt: new Date(Date.parse(m.createdAt) + 3_600_000).toISOString(), receivedAt: m.createdAt })));
      if (done + size < n - 20_000) await trx.updateTable('inbox_items').set({ status: 'closed' }).where('workspace_id', '=', owner.workspaceId).where('status', '=', 'new').execute();
    });
  }
  if (ctx.storage.engine === 'postgres') await ctx.storage.db.executeQuery({ sql: 'analyze', parameters: [], query: { kind: 'RawNode' } } as never).catch(() => undefined);
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await listInbox(ctx.storage.db, owner.workspaceId, { statuses: ['new', 'assigned'], limit: 50 });
    times.push(performance.now() - t);
  }
  return { p50: Number(percentile(times, 50).toFixed(3)), p95: Number(percentile(times, 95).toFixed(3)) };
}

async function engineRun(engine: EngineName, file: string): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  // Three rounds each, fresh workspaces (dedup would otherwise skip rows): medians.
  // The full path as a server runs it (analysis on worker threads beside the database work), and
  // with every step on the one main thread, for comparison.
  const rates = { bare: [] as number[], full: [] as number[], inline: [] as number[] };
  const pool = new AnalysisPool(THREADS);
  try {
    // Round -1 warms every path up untimed: the JIT of both threads and the worker's start (a
    // server's pool is started once and stays warm); rounds 0–2 are timed.
    for (let round = -1; round < 3; round++) {
      for (const mode of ['bare', 'full', 'inline'] as const) {
        const { ctx, cleanup } = await testContext(engine, { secretKey: randomBytes(32).toString('base64') });
        if (mode === 'full') ctx.analyzer = pool;
        try {
          const owner = await workspace(ctx);
          const rate = mode === 'bare' ? await barePath(ctx, owner, file) : await fullPath(ctx, owner, file);
          if (round >= 0) rates[mode].push(rate);
        } finally {
          await cleanup();
        }
      }
    }
  } finally {
    await pool.close();
  }
  figures[`ingest.${engine}.mentions_per_s`] = Math.round(median(rates.full));
  figures[`ingest.${engine}.bare_per_s`] = Math.round(median(rates.bare));
  figures[`ingest.${engine}.ratio`] = Number((median(rates.full) / median(rates.bare)).toFixed(3));
  figures[`ingest.${engine}.one_thread_per_s`] = Math.round(median(rates.inline));
  figures[`ingest.${engine}.one_thread_ratio`] = Number((median(rates.inline) / median(rates.bare)).toFixed(3));
  const { ctx, cleanup } = await testContext(engine, { secretKey: randomBytes(32).toString('base64') });
  try {
    const owner = await workspace(ctx);
    const started = performance.now();
    const latency = await inboxLatency(ctx, owner, STORED_N);
    console.log(`  ${engine}: ${STORED_N} mentions stored in ${((performance.now() - started) / 1000).toFixed(0)} s; inbox p50 ${latency.p50} ms, p95 ${latency.p95} ms`);
    figures[`inbox.${engine}.p50_ms`] = latency.p50;
    figures[`inbox.${engine}.p95_ms`] = latency.p95;
  } finally {
    await cleanup();
  }
  return figures;
}

export async function run(): Promise<BenchOutcome> {
  const dir = mkdtempSync(join(tmpdir(), 'bedside-ingest-'));
  const file = join(dir, 'mentions.jsonl');
  writeFileSync(file, jsonLines(INGEST_N));
  try {
    const figures = { ...(await engineRun('sqlite', file)), ...(await engineRun('postgres', file)) };
    return {
      figures,
      targets: {
        'ingest.sqlite.ratio': { op: '>=', value: 0.5 },
        'ingest.postgres.ratio': { op: '>=', value: 0.5 },
        'inbox.sqlite.p95_ms': { op: '<=', value: 20 },
        'inbox.postgres.p95_ms': { op: '<=', value: 20 },
      },
      how: `${INGEST_N} JSON Lines mentions per round, one untimed warm-up round of every path (JIT, worker start) then 3 timed rounds per path, medians: the full path (parse, safety analysis, store with dedup, full-text index, inbox with SLA due time, 2 listening queries) against the bare limit (JSON.parse + bulk insert of the same rows with the index maintained, no analysis), batches of ${BATCH}, one process. The full path runs as the server runs an import: the analysis on ${THREADS} worker thread(s) (BEDSIDE_ANALYSIS_THREADS) overlapping the main thread's database work, the next batch handed to the analysis before this one is stored, and the main thread analysing when it has nothing to store; one_thread_* is the same path with every step on the main thread. The bare path is one thread (SQLite has one writer). Inbox: ${STORED_N} mentions stored with 10% in the inbox (a few thousand open), 200 page queries (50 rows, urgent first, by due time).`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
