import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, freshStorage } from '../../testing/engines.ts';
import { queryPlan as plan } from '../../testing/query-plan.ts';


for (const engine of ENGINES) {
  describe(`query_matches indexes on ${engine}`, () => {
    test("a workspace's matches per query, and a mention's matches, are read from an index", async () => {
      const { storage, cleanup } = await freshStorage(engine);
      try {
        const perQuery = storage.db
          .selectFrom('query_matches')
          .innerJoin('mentions', 'mentions.id', 'query_matches.mention_id')
          .select('mentions.id')
          .where('query_matches.workspace_id', '=', 'w1')
          .where('query_matches.query_id', '=', 'q1')
          .orderBy('mentions.created_at', 'desc')
          .limit(50);
        assert.match(await plan(storage, perQuery), /query_matches_workspace/);

        const matchedCount = storage.db
          .selectFrom('query_matches')
          .select((eb) => eb.fn.count<number>('query_matches.mention_id').distinct().as('n'))
          .where('query_matches.workspace_id', '=', 'w1');
        assert.match(await plan(storage, matchedCount), /query_matches_workspace/);

        const byMention = storage.db.selectFrom('query_matches').select('query_id').where('mention_id', '=', 'm1');
        assert.match(await plan(storage, byMention), /query_matches_mention/);
      } finally {
        await cleanup();
      }
    });
  });
}
