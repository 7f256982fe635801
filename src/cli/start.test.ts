import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** `npm start` as a user runs it: the real process, a real port, the printed first-run link. */
test('bedside start serves /healthz and prints a one-time link through which the owner signs up and logs in', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bedside-start-'));
  const env: NodeJS.ProcessEnv = { ...process.env, BEDSIDE_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.BEDSIDE_SECRET_KEY;
  const child = spawn(process.execPath, ['bin/bedside.mjs', 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
  try {
    const until = Date.now() + 30_000;
    while (!/setup\?token=\S+/.test(out) && Date.now() < until) await sleep(100);
    const link = out.match(/(http:\/\/\S+)\/setup\?token=(\S+)/);
    assert.ok(link, `no setup link printed:\n${out}`);
    const [, base, token] = link;
    assert.match(out, /database: sqlite/);
    assert.match(out, /secret key was written to .*secret\.key/);
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
    const ready = await fetch(`${base}/readyz`);
    assert.equal(ready.status, 200, 'ready: database reachable and a worker (this process) consuming jobs');
    assert.equal(((await ready.json()) as { workers: number }).workers, 1);
    const setup = await fetch(`${base}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, workspaceName: 'Riverside', timeZone: 'America/Chicago', email: 'owner@riverside.example', displayName: 'Olivia', password: 'a long first-run password' }),
    });
    assert.equal(setup.status, 201);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@riverside.example', password: 'a long first-run password' }),
    });
    assert.equal(login.status, 200);
    assert.equal(((await login.json()) as { role: string }).role, 'owner');
    assert.equal((await fetch(`${base}/`)).status, 200);
  } finally {
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.once('exit', (c) => resolve(c)));
    assert.equal(code, 0, 'graceful shutdown exits 0');
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a wrong DATABASE_URL stops start-up with one clear line, not a stack trace', () => {
  const r = spawnSync(process.execPath, ['bin/bedside.mjs', 'migrate'], {
    env: { ...process.env, DATABASE_URL: 'postgres://nobody:pw@127.0.0.1:1/none', BEDSIDE_SECRET_KEY: Buffer.alloc(32).toString('base64') },
    encoding: 'utf8',
    timeout: 30_000,
  });
  assert.equal(r.status, 1);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0]!, /^bedside: cannot connect to PostgreSQL at postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none/);
});

test('PostgreSQL mode without BEDSIDE_SECRET_KEY refuses to start, saying what to do', () => {
  const r = spawnSync(process.execPath, ['bin/bedside.mjs', 'migrate'], {
    env: { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', BEDSIDE_SECRET_KEY: '' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^bedside: BEDSIDE_SECRET_KEY is required with DATABASE_URL/);
});
