import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { ENGINES, freshStorage } from '../testing/engines.ts';
import { appendAudit, listAudit, verifyAudit } from './audit-log.ts';
import type { Storage } from './engine.ts';

async function appendMany(storage: Storage, workspaceId: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await storage.db.transaction().execute((trx) =>
      appendAudit(trx, storage.engine, { workspaceId, actorType: 'user', actorId: 'u-1', action: 'post.approved', entityType: 'post', entityId: `p-${i}`, details: { n: i } }),
    );
  }
}

function runVerify(database: { databaseUrl: string | undefined; dataDir: string }): { status: number | null; stdout: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, BEDSIDE_DATA_DIR: database.dataDir, LOG_LEVEL: 'silent' };
  if (database.databaseUrl) {
    env.DATABASE_URL = database.databaseUrl;
    env.BEDSIDE_SECRET_KEY = Buffer.alloc(32, 7).toString('base64');
  } else delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, ['bin/bedside.mjs', 'audit', 'verify'], { env, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout + r.stderr };
}

for (const engine of ENGINES) {
  describe(`audit log on ${engine}`, () => {
    test('an untouched chain verifies, per workspace', async () => {
      const { storage, cleanup } = await freshStorage(engine);
      try {
        await appendMany(storage, 'ws-a', 7);
        await appendMany(storage, 'ws-b', 3);
        const results = await verifyAudit(storage.db);
        assert.deepEqual(results.map((r) => [r.workspaceId, r.entries, r.problem]), [['ws-a', 7, null], ['ws-b', 3, null]]);
        const page = await listAudit(storage.db, 'ws-a', { limit: 2 });
        assert.deepEqual(page.map((e) => e.seq), [7, 6]);
      } finally {
        await cleanup();
      }
    });

    test('concurrent appends keep one unbroken chain', async () => {
      const { storage, cleanup } = await freshStorage(engine);
      try {
        await Promise.all(Array.from({ length: 4 }, () => appendMany(storage, 'ws-a', 10)));
        const [result] = await verifyAudit(storage.db, 'ws-a');
        assert.equal(result!.entries, 40);
        assert.equal(result!.problem, null);
      } finally {
        await cleanup();
      }
    });

    test('a changed row, a deleted row and deleted newest rows are each detected', async () => {
      const { storage, cleanup } = await freshStorage(engine);
      try {
        await appendMany(storage, 'changed', 5);
        await appendMany(storage, 'deleted', 5);
        await appendMany(storage, 'truncated', 5);
        await storage.db.updateTable('audit_log').set({ actor_id: 'someone-else' }).where('workspace_id', '=', 'changed').where('seq', '=', 3).execute();
        await storage.db.deleteFrom('audit_log').where('workspace_id', '=', 'deleted').where('seq', '=', 2).execute();
        await storage.db.deleteFrom('audit_log').where('workspace_id', '=', 'truncated').where('seq', '>=', 4).execute();
        const byWs = Object.fromEntries((await verifyAudit(storage.db)).map((r) => [r.workspaceId, r.problem]));
        assert.deepEqual(byWs.changed, { seq: 3, reason: 'changed' });
        assert.deepEqual(byWs.deleted, { seq: 2, reason: 'missing' });
        assert.equal(byWs.truncated?.reason, 'head_mismatch');
      } finally {
        await cleanup();
      }
    });

    test('`bedside audit verify` exits 0 on an intact log and 1 on a tampered row', async () => {
      const { storage, database, cleanup } = await freshStorage(engine);
      try {
        await appendMany(storage, 'ws-a', 3);
        const ok = runVerify(database);
        assert.equal(ok.status, 0, ok.stdout);
        assert.match(ok.stdout, /workspace ws-a: intact, 3 entries/);
        await storage.db.updateTable('audit_log').set({ action: 'post.deleted' }).where('seq', '=', 2).execute();
        const bad = runVerify(database);
        assert.equal(bad.status, 1, bad.stdout);
        assert.match(bad.stdout, /workspace ws-a: BROKEN at seq 2 \(changed\)/);
      } finally {
        await cleanup();
      }
    });
  });
}
