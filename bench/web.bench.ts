/**
 * bench/web: the weight and first paint of the web workbench.
 *  - web.bundle_gzip_kb: builds web/ (vite, production) and sums the gzip sizes of every script
 *    the main page loads (its module entry and modulepreloads), target ≤ 250 kB;
 *  - web.dashboard_first_paint_ms: first meaningful paint of the signed-in dashboard (/): from
 *    navigation start until the seven rules are on screen (the scorecard request answered and
 *    rendered), in headless Debian Chromium on localhost, with 1,000,000 mentions stored; median of
 *    5 loads, each in a fresh browser context (cold cache), target < 1000 ms. The shell's first
 *    contentful paint is reported beside it (web.dashboard_fcp_ms).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium } from 'playwright-core';
import { testContext } from '../src/testing/context.ts';
import { randomUUID } from 'node:crypto';
import { createWorkspaceWithOwner } from '../src/operations/accounts.ts';
import { insertNewMentions, type NewMention } from '../src/storage/mentions.ts';
import { insertInboxItems } from '../src/storage/inbox.ts';
import { createServerApp } from '../src/server/app.ts';
import { WEB_DIST } from '../src/server/web.ts';
import type { BenchOutcome } from './types.ts';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const LOADS = 5;
const MENTIONS = Number(process.env.BENCH_WEB_MENTIONS ?? 1_000_000);
const TEXTS = ['What time does the flu clinic open on Saturday?', 'Waited 3 hours in the ER tonight', 'Huge thanks to the maternity ward team', 'Is the urgent care on 5th taking walk-ins?', 'Parking at Harbor View is impossible'];
const PASSWORD = 'a long benchmark password';

function build(): void {
  const r = spawnSync(process.execPath, [join(REPO, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stderr}`);
}

/** The scripts index.html makes the browser fetch at load: the module entry and its modulepreloads. */
export function shippedScripts(indexHtml: string): string[] {
  const srcs = [...indexHtml.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g), ...indexHtml.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)].map((m) => m[1]!);
  return [...new Set(srcs)];
}

function bundleGzipKb(): number {
  const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
  const bytes = shippedScripts(html).reduce((sum, src) => sum + gzipSync(readFileSync(join(WEB_DIST, src.replace(/^\//, '')))).length, 0);
  return Math.round((bytes / 1024) * 10) / 10;
}

async function firstPaintMs(): Promise<{ meaningful: number; fcp: number }> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  const { ctx, cleanup } = await testContext('sqlite');
  const { workspaceId } = await createWorkspaceWithOwner(ctx, { workspaceName: 'Bench Regional', timeZone: 'America/Chicago', email: 'bench@bench.example', displayName: 'Bench', password: PASSWORD }, { cli: true });
  // A busy workspace: mentions over two years, 2% of them in the inbox.
  const now = Date.now();
  for (let done = 0; done < MENTIONS; done += 5000) {
    const rows: NewMention[] = Array.from({ length: Math.min(5000, MENTIONS - done) }, (_, k) => ({ id: randomUUID(), workspaceId, sourceId: null, channelId: null, network: 'bluesky', externalId: `m-${done + k}`, kind: 'mention', author: { handle: `u${(done + k) % 20000}` }, text: `${TEXTS[(done + k) % TEXTS.length]} #${done + k}`, createdAt: new Date(now - ((done + k) / MENTIONS) * 730 * 86_400_000).toISOString(), receivedAt: new Date().toISOString(), sentiment: 'neutral', intents: ['question'], urgent: false, phiTypes: [], analysis: {} }));
    await ctx.storage.db.transaction().execute(async (trx) => {
      await insertNewMentions(trx, rows);
      await insertInboxItems(trx, rows.filter((_, k) => (done + k) % 50 === 0).map((m) => ({ id: randomUUID(), workspaceId, mentionId: m.id, channelId: null, urgent: false, dueAt: new Date(Date.parse(m.createdAt) + 3_600_000).toISOString(), receivedAt: m.createdAt })));
    });
  }
  const { app } = createServerApp(ctx);
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@bench.example', password: PASSWORD }) });
    const cookie = login.headers.get('set-cookie')!.match(/bedside_session=([^;]*)/)![1]!;
    const paints: number[] = [];
    const fcps: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addCookies([{ name: 'bedside_session', value: cookie, url: base }]);
      const page = await context.newPage();
      await page.goto(`${base}/`);
      // Meaningful: the rules list, which needs the scorecard computed over the stored history.
      await page.locator('ul.rules li').first().waitFor();
      const [meaningful, fcp] = await page.evaluate(() => [performance.now(), performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN]);
      if (!Number.isFinite(fcp)) throw new Error('the browser reported no first-contentful-paint');
      paints.push(meaningful!);
      fcps.push(fcp!);
      await context.close();
    }
    const median = (xs: number[]): number => Math.round([...xs].sort((a, b) => a - b)[Math.floor(LOADS / 2)]!);
    return { meaningful: median(paints), fcp: median(fcps) };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await cleanup();
  }
}

export async function run(): Promise<BenchOutcome> {
  build();
  const kb = bundleGzipKb();
  const paint = await firstPaintMs();
  return {
    figures: { 'web.bundle_gzip_kb': kb, 'web.dashboard_first_paint_ms': paint.meaningful, 'web.dashboard_fcp_ms': paint.fcp },
    targets: { 'web.bundle_gzip_kb': { op: '<=', value: 250 }, 'web.dashboard_first_paint_ms': { op: '<=', value: 1000 } },
    how: `Production build of web/ (vite); gzip (level 6) of every script the main page loads, summed. Dashboard (/) in headless Debian Chromium on localhost with ${MENTIONS} mentions stored (2% in the inbox), embedded database, median of ${LOADS} cold loads: first meaningful paint = navigation start until the seven rules are rendered (the scorecard request included); FCP of the shell beside it.`,
  };
}
