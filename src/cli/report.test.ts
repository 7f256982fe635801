import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { testServer, type TestServer } from '../testing/server.ts';
import { createApiToken } from '../operations/auth.ts';
import { lastCompleteMonth, TABLE_NAMES } from '../domain/report/index.ts';
import { buildProgram } from './main.ts';

let s: TestServer;
let server: ServerType;
let dir: string;
let api: string[];
const month = lastCompleteMonth('America/Chicago', new Date().toISOString());

before(async () => {
  s = await testServer('sqlite');
  server = await new Promise<ServerType>((resolve) => {
    const srv = serve({ fetch: s.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(srv));
  });
  const { token } = await createApiToken(s.ctx, { ...s.ownerActor, role: 'viewer' }, { name: 'report cli' });
  api = ['--url', `http://127.0.0.1:${(server.address() as AddressInfo).port}`, '--token', token];
  dir = mkdtempSync(join(tmpdir(), 'bedside-report-'));
});
after(async () => {
  if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  await s?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

async function report(...args: string[]): Promise<void> {
  await buildProgram().exitOverride().parseAsync(['node', 'bedside', 'report', ...args, ...api]);
}

test('bedside report writes the HTML, one CSV table, or every table into a folder — over the API', async () => {
  await report('--month', month, '--format', 'html', '--out', join(dir, 'report.html'));
  const html = readFileSync(join(dir, 'report.html'), 'utf8');
  assert.match(html, /^<!doctype html>/);
  assert.match(html, /Riverside Regional/);

  await report('--month', month, '--format', 'csv', '--table', 'inbox_by_person', '--out', join(dir, 'people.csv'));
  const csv = readFileSync(join(dir, 'people.csv'));
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.match(csv.subarray(3).toString('utf8'), /^Person,Received,Needing a response,/);

  await report('--month', month, '--format', 'csv', '--out', join(dir, 'all'));
  assert.deepEqual(readdirSync(join(dir, 'all')).sort(), TABLE_NAMES.map((n) => `bedside-${month}-${n}.csv`).sort());
});

test('bedside report names what is wrong: an unknown table, a bad month, a server without Chromium', async () => {
  await assert.rejects(report('--month', month, '--format', 'csv', '--table', 'nope', '--out', join(dir, 'x.csv')), /no table "nope"; available: scorecard, scorecard_figures/);
  await assert.rejects(report('--month', '2026-1', '--format', 'html', '--out', join(dir, 'x.html')), /month.*YYYY-MM.*\(field: month\)/);
  await assert.rejects(report('--format', 'pdf'), /--format pdf needs --out FILE/);
  await assert.rejects(report('--format', 'xlsx'), /--format must be one of html, pdf, csv, json/);
  const saved = process.env.BEDSIDE_CHROMIUM;
  process.env.BEDSIDE_CHROMIUM = '/nonexistent/chromium';
  try {
    await assert.rejects(report('--month', month, '--format', 'pdf', '--out', join(dir, 'r.pdf')), /install Chromium.*\[PDF_UNAVAILABLE\]/i);
  } finally {
    if (saved === undefined) delete process.env.BEDSIDE_CHROMIUM;
    else process.env.BEDSIDE_CHROMIUM = saved;
  }
});
