import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite } from '../storage/engine.ts';

const fixtures = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../importers/fixtures');
const MAP = 'id=post_id,text=message,createdAt=posted_at,author=user,url=link,lang=language';

function bedside(dataDir: string, args: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, ['bin/bedside.mjs', ...args], { env: { ...process.env, BEDSIDE_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent', ...env }, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

async function count(dataDir: string): Promise<number> {
  const storage = openSqlite(join(dataDir, 'bedside.sqlite'));
  try {
    return Number((await storage.db.selectFrom('mentions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  } finally {
    await storage.close();
  }
}

test('bedside import: a CSV and an X archive go in whole; a file with a bad record at line 7 leaves nothing behind and says where', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bedside-import-'));
  try {
    const owner = bedside(dataDir, ['user', 'add', '--role', 'owner', '--email', 'owner@r.example', '--workspace', 'Riverside', '--time-zone', 'America/Chicago'], { BEDSIDE_PASSWORD: 'a long enough password' });
    assert.equal(owner.status, 0, owner.out);

    const csv = bedside(dataDir, ['import', 'csv', join(fixtures, 'mentions.csv'), '--map', MAP]);
    assert.equal(csv.status, 0, csv.out);
    const afterCsv = await count(dataDir);
    assert.ok(afterCsv >= 3, `records stored (${afterCsv})`);
    assert.match(csv.out, new RegExp(`imported ${afterCsv} new records`));
    assert.match(csv.out, /100%/, 'progress reached the end');

    const again = bedside(dataDir, ['import', 'csv', join(fixtures, 'mentions.csv'), '--map', MAP]);
    assert.match(again.out, /imported 0 new records/);
    assert.equal(await count(dataDir), afterCsv, 'importing the same file twice stores nothing twice');

    const bad = bedside(dataDir, ['import', 'csv', join(fixtures, 'bad-date.csv'), '--map', 'id=post_id,text=message,createdAt=posted_at,author=user']);
    assert.equal(bad.status, 1);
    assert.match(bad.out, /nothing was imported: .*line 7/);
    assert.equal(await count(dataDir), afterCsv, 'all or nothing: the good lines before line 7 were not kept');

    const archive = join(dataDir, 'archive', 'data');
    mkdirSync(archive, { recursive: true });
    copyFileSync(join(fixtures, 'x-archive/data/tweets.js.txt'), join(archive, 'tweets.js'));
    copyFileSync(join(fixtures, 'x-archive/data/account.js.txt'), join(archive, 'account.js'));
    const x = bedside(dataDir, ['import', 'x-archive', join(archive, 'tweets.js')]);
    assert.equal(x.status, 0, x.out);
    assert.ok((await count(dataDir)) > afterCsv);

    copyFileSync(join(fixtures, 'tweets-corrupt.js.txt'), join(archive, 'tweets.js'));
    const before = await count(dataDir);
    const corrupt = bedside(dataDir, ['import', 'x-archive', join(archive, 'tweets.js')]);
    assert.equal(corrupt.status, 1);
    assert.match(corrupt.out, /nothing was imported: .*line \d+/);
    assert.equal(await count(dataDir), before);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
