import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startBlueskyNetwork, type BlueskyTestNetwork } from '../testing/bluesky-network.ts';

let net: BlueskyTestNetwork;
let server: ChildProcess;
let base = '';
let dataDir = '';
before(async () => {
  net = await startBlueskyNetwork();
  dataDir = mkdtempSync(join(tmpdir(), 'bedside-cli-'));
  const env: NodeJS.ProcessEnv = { ...process.env, BEDSIDE_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  server = spawn(process.execPath, ['bin/bedside.mjs', 'start'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  server.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  const until = Date.now() + 30_000;
  while (!/setup\?token=\S+/.test(out) && Date.now() < until) await sleep(100);
  const link = out.match(/(http:\/\/\S+)\/setup\?token=(\S+)/)!;
  base = link[1]!;
  const setup = await fetch(`${base}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: link[2], workspaceName: 'Riverside', timeZone: 'America/Chicago', email: 'owner@r.example', displayName: 'Olivia', password: 'a long enough password' }),
  });
  const cookie = setup.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await setup.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  await fetch(`${base}/api/workspace`, { method: 'PATCH', headers, body: JSON.stringify({ settings: { approvalRequired: false } }) });
  const token = (await (await fetch(`${base}/api/tokens`, { method: 'POST', headers, body: JSON.stringify({ name: 'cli test' }) })).json()) as { token: string };
  process.env.BEDSIDE_URL = base;
  process.env.BEDSIDE_TOKEN = token.token;
});
after(async () => {
  server?.kill('SIGTERM');
  await net?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs the CLI without blocking this process: the PDS it talks to lives in this process. */
function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/bedside.mjs', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, out });
    });
  });
}

test('from the CLI: connect a Bluesky account, draft, schedule, and see it published on the PDS', async () => {
  const account = await net.account('clihospital');
  const appPassword = await net.appPassword(account);
  const connect = await cli(['channel', 'connect', 'bluesky', '--handle', account.handle, '--service', net.pdsUrl], { BEDSIDE_APP_PASSWORD: appPassword });
  assert.equal(connect.status, 0, connect.out);
  const channelId = connect.out.match(/as channel (\S+)/)![1]!;
  assert.match(connect.out, /primary channel/);

  const created = await cli(['post', 'create', '--text', 'Walk-in flu shots Saturday 9–1 #FluSeason', '--channel', channelId, '--submit']);
  assert.equal(created.status, 0, created.out);
  const postId = created.out.split(/\s+/)[0]!;

  const tooEarly = await cli(['post', 'schedule', postId, '--at', '2020-01-01T10:00:00Z']);
  assert.equal(tooEarly.status, 1);
  assert.match(tooEarly.out, /in the past \(field: scheduledAt\)/);

  const at = new Date(Date.now() + 2000).toISOString();
  const scheduled = await cli(['post', 'schedule', postId, '--at', at]);
  assert.equal(scheduled.status, 0, scheduled.out);
  assert.match(scheduled.out, /scheduled/);

  const until = Date.now() + 30_000;
  let listed = '';
  while (Date.now() < until) {
    listed = (await cli(['post', 'list', '--state', 'published'])).out;
    if (listed.includes(postId)) break;
    await sleep(500);
  }
  assert.ok(listed.includes(postId), `published in the list:\n${listed}`);
  const records = await account.agent.com.atproto.repo.listRecords({ repo: account.did, collection: 'app.bsky.feed.post' });
  assert.equal(records.data.records.length, 1);
});

test('the CLI without a token says what to do', async () => {
  const r = await cli(['post', 'list'], { BEDSIDE_TOKEN: '' });
  assert.equal(r.status, 1);
  assert.match(r.out, /set BEDSIDE_TOKEN/);
});
