import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function bedside(dataDir: string, args: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, ['bin/bedside.mjs', ...args], { env: { ...process.env, BEDSIDE_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent', ...env }, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

test('bedside backup and restore: a restored database has what the backup had, and its audit chain verifies', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bedside-backup-'));
  const dataDir = join(dir, 'data');
  try {
    assert.equal(bedside(dataDir, ['user', 'add', '--role', 'owner', '--email', 'owner@r.example', '--workspace', 'Riverside'], { BEDSIDE_PASSWORD: 'a long enough password' }).status, 0);
    const backup = join(dir, 'before-editor.sqlite');
    const made = bedside(dataDir, ['backup', backup]);
    assert.equal(made.status, 0, made.out);
    assert.match(made.out, /keep .*secret\.key with it/);
    assert.equal(bedside(dataDir, ['backup', backup]).status, 1, 'never overwrites a backup');

    assert.equal(bedside(dataDir, ['user', 'add', '--role', 'editor', '--email', 'editor@r.example'], { BEDSIDE_PASSWORD: 'a long enough password' }).status, 0);
    const restored = bedside(dataDir, ['restore', backup]);
    assert.equal(restored.status, 0, restored.out);
    // The editor added after the backup is gone: adding them again works.
    assert.equal(bedside(dataDir, ['user', 'add', '--role', 'editor', '--email', 'editor@r.example'], { BEDSIDE_PASSWORD: 'a long enough password' }).status, 0);
    const verify = bedside(dataDir, ['audit', 'verify']);
    assert.equal(verify.status, 0, verify.out);

    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'this is not a database');
    const refused = bedside(dataDir, ['restore', junk]);
    assert.equal(refused.status, 1);
    assert.match(refused.out, /nothing was restored|not a database|damaged|file is not a database/);
    assert.equal(bedside(dataDir, ['audit', 'verify']).status, 0, 'the database is untouched after a refused restore');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
