import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { ENGINES, freshStorage } from '../testing/engines.ts';
import { migrate } from './migrate.ts';
import { KNOWN_MIGRATIONS } from './migrations/index.ts';
import { openPostgres, StorageError } from './engine.ts';
import { insertWorkspace, findWorkspace } from './workspaces.ts';
import { insertUser, insertMembership, listMembers } from './users.ts';

for (const engine of ENGINES) {
  describe(`storage on ${engine}`, () => {
    test('migrating twice is a no-op and records the version', async () => {
      const { storage, cleanup } = await freshStorage(engine);
      try {
        const again = await migrate(storage);
        assert.deepEqual(again.applied, []);
        assert.equal(again.current, KNOWN_MIGRATIONS[KNOWN_MIGRATIONS.length - 1]);
      } finally {
        await cleanup();
      }
    });

    test('a database migrated by a newer Bedside stops start-up with one clear line', async () => {
      const { storage, cleanup } = await freshStorage(engine);
      try {
        await sql`insert into bedside_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01T00:00:00Z')`.execute(storage.db);
        await assert.rejects(migrate(storage), (err: Error) => {
          assert.ok(err instanceof StorageError);
          assert.match(err.message, /schema version 9999-from-the-future, newer than this Bedside/);
          assert.ok(!err.message.includes('\n'));
          return true;
        });
      } finally {
        await cleanup();
      }
    });

    test('timestamps come back as the same UTC ISO strings on both engines', async () => {
      const { storage, cleanup } = await freshStorage(engine);
      try {
        await insertWorkspace(storage.db, { id: 'ws-1', name: 'Riverside', timeZone: 'America/Chicago' });
        await insertUser(storage.db, { id: 'u-1', email: ' Ana@Example.ORG ', displayName: 'Ana', passwordHash: null });
        await insertMembership(storage.db, { workspaceId: 'ws-1', userId: 'u-1', role: 'editor' });
        const ws = await findWorkspace(storage.db, 'ws-1');
        assert.match(ws!.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        const [member] = await listMembers(storage.db, 'ws-1');
        assert.equal(member!.email, 'ana@example.org');
        assert.equal(member!.role, 'editor');
        assert.match(member!.joinedAt, /Z$/);
      } finally {
        await cleanup();
      }
    });

    test('deleting a workspace removes the rows that belong to it', async () => {
      const { storage, cleanup } = await freshStorage(engine);
      try {
        await insertWorkspace(storage.db, { id: 'ws-1', name: 'A', timeZone: 'UTC' });
        await insertUser(storage.db, { id: 'u-1', email: 'a@example.org', displayName: 'A', passwordHash: null });
        await insertMembership(storage.db, { workspaceId: 'ws-1', userId: 'u-1', role: 'owner' });
        await storage.db.deleteFrom('workspaces').where('id', '=', 'ws-1').execute();
        assert.deepEqual(await listMembers(storage.db, 'ws-1'), []);
      } finally {
        await cleanup();
      }
    });
  });
}

test('a wrong DATABASE_URL fails with one line naming the server, without the password', async () => {
  await assert.rejects(openPostgres('postgres://bedside:s3cret@127.0.0.1:1/nowhere'), (err: Error) => {
    assert.ok(err instanceof StorageError);
    assert.match(err.message, /^cannot connect to PostgreSQL at postgres:\/\/bedside:\*\*\*@127\.0\.0\.1:1\/nowhere: /);
    assert.ok(!err.message.includes('s3cret'));
    return true;
  });
});
