import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ENGINES } from '../../testing/engines.ts';
import { testServer } from '../../testing/server.ts';
import { ensureSource } from '../../storage/sources.ts';

for (const engine of ENGINES) {
  describe(`listening sources over HTTP on ${engine}`, () => {
    test('an admin removes a hashtag source: it leaves the list and the audit log says so; a channel’s notifications cannot be removed this way', async () => {
      const s = await testServer(engine);
      try {
        const added = await s.request('POST', '/api/sources/hashtags', { as: s.as.admin, body: { tag: '#FluShot' } });
        assert.equal(added.status, 201);
        const { id } = (await added.json()) as { id: string };
        const notifications = await ensureSource(s.ctx.storage.db, { id: randomUUID(), workspaceId: s.workspaceId, kind: 'channel_notifications', ref: randomUUID() });

        const listed = async (): Promise<string[]> => ((await (await s.request('GET', '/api/sources', { as: s.as.viewer })).json()) as { sources: Array<{ id: string }> }).sources.map((x) => x.id);
        assert.deepEqual((await listed()).sort(), [id, notifications.id].sort());

        assert.equal((await s.request('DELETE', `/api/sources/${id}`, { as: s.as.editor })).status, 403, 'managing listening is for admins and owners');
        assert.equal((await s.request('DELETE', `/api/sources/${id}`, { as: s.as.admin })).status, 204);
        assert.deepEqual(await listed(), [notifications.id]);
        const audit = await s.ctx.storage.db.selectFrom('audit_log').select(['action']).where('entity_id', '=', id).execute();
        assert.deepEqual(audit.map((a) => a.action).sort(), ['hashtag.added', 'hashtag.removed']);

        const again = await s.request('DELETE', `/api/sources/${id}`, { as: s.as.admin });
        assert.equal(again.status, 404);
        const refused = await s.request('DELETE', `/api/sources/${notifications.id}`, { as: s.as.admin });
        assert.equal(refused.status, 409);
        assert.match(((await refused.json()) as { error: { message: string } }).error.message, /disconnected/);
        assert.deepEqual(await listed(), [notifications.id]);
      } finally {
        await s.cleanup();
      }
    });
  });
}
