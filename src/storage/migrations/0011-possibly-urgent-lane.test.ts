import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ENGINES } from '../../testing/engines.ts';
import { testContext } from '../../testing/context.ts';
import { createWorkspaceWithOwner } from '../../operations/accounts.ts';
import { recordMentions } from '../../operations/ingest.ts';
import { up } from './0011-possibly-urgent-lane.ts';

for (const engine of ENGINES) {
  describe(`0011 possibly-urgent lane on ${engine}`, () => {
    test('items stored with the old ranks (0 urgent, 1 the rest) keep their place: the rest move to 2', async () => {
      const { ctx, cleanup } = await testContext(engine);
      try {
        const { workspaceId } = await createWorkspaceWithOwner(ctx, { workspaceName: 'M', timeZone: 'UTC', email: `o${randomUUID()}@x.example`, displayName: 'O', password: 'a long enough password' }, { cli: true });
        await recordMentions(ctx, workspaceId, { sourceId: null, channelId: null }, [
          { network: 'bluesky', externalId: 'q', kind: 'mention', author: { handle: 'q.example' }, text: 'When does visiting end on 4 West?', createdAt: '2026-11-20T15:00:00.000Z' },
          { network: 'bluesky', externalId: 'u', kind: 'mention', author: { handle: 'u.example' }, text: 'My dad has crushing chest pain right now', createdAt: '2026-11-20T15:00:00.000Z' },
        ]);
        // As a database from before the migration holds them.
        await ctx.storage.db.updateTable('inbox_items').set({ priority: 1 }).where('priority', '=', 2).execute();
        await up(ctx.storage.db as unknown as Kysely<unknown>);
        const ranks = await ctx.storage.db.selectFrom('inbox_items').innerJoin('mentions', 'mentions.id', 'inbox_items.mention_id').select(['mentions.external_id', 'inbox_items.priority']).orderBy('mentions.external_id').execute();
        assert.deepEqual(ranks.map((r) => [r.external_id, Number(r.priority)]), [['q', 2], ['u', 0]]);
      } finally {
        await cleanup();
      }
    });
  });
}
