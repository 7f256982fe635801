import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ENGINES } from '../testing/engines.ts';
import { testContext } from '../testing/context.ts';
import { createWorkspaceWithOwner } from '../operations/accounts.ts';
import { findMention, insertNewMentions, JsonText, type Mention, type NewMention } from './mentions.ts';

const T0 = Date.parse('2026-03-02T09:00:00.000Z');

function mention(workspaceId: string, n: number): NewMention {
  return {
    id: randomUUID(),
    workspaceId,
    sourceId: null,
    channelId: n % 3 ? null : randomUUID(),
    network: n % 10 === 9 ? 'mastodon' : 'bluesky',
    externalId: `m-${n}`,
    kind: n % 3 === 0 ? 'reply' : 'mention',
    author: { handle: `person${n}.bsky.social`, ...(n % 2 ? { id: `did:plc:${n}`, displayName: `Person ${n}` } : {}) },
    text: `Is the flu clinic open on Saturday? Café #${n}`,
    ...(n % 4 === 0 ? { lang: 'en', url: `https://bsky.app/p/${n}`, remoteUri: `at://did:plc:${n}/post/${n}`, remoteCid: `cid${n}`, inReplyTo: `at://x/${n}`, root: { uri: `at://root/${n}`, cid: `rootcid${n}` } } : {}),
    createdAt: new Date(T0 + n * 60_000).toISOString(),
    receivedAt: new Date(T0 + n * 60_000 + 1234).toISOString(),
    sentiment: n % 2 ? 'negative' : 'neutral',
    intents: n % 5 === 0 ? ['complaint', 'question'] : [],
    urgent: n % 7 === 0,
    phiTypes: n % 6 === 0 ? ['procedure', 'date'] : [],
    analysis: n % 2 ? new JsonText(`{"n":${n}}`) : { score: n / 10 },
  };
}

function expected(m: NewMention): Mention {
  return {
    id: m.id,
    network: m.network,
    kind: m.kind,
    channelId: m.channelId,
    author: { id: m.author.id ?? null, handle: m.author.handle, displayName: m.author.displayName ?? null },
    text: m.text,
    lang: m.lang ?? null,
    url: m.url ?? null,
    remote: m.remoteUri ? { uri: m.remoteUri, cid: m.remoteCid ?? null, root: m.root ? { uri: m.root.uri, cid: m.root.cid ?? null } : null } : null,
    inReplyTo: m.inReplyTo ?? null,
    createdAt: m.createdAt,
    receivedAt: m.receivedAt,
    sentiment: m.sentiment,
    intents: m.intents,
    urgent: m.urgent,
    phiTypes: m.phiTypes,
    analysis: m.analysis instanceof JsonText ? JSON.parse(m.analysis.json) : m.analysis,
  };
}

for (const engine of ENGINES) {
  describe(`mentions on ${engine}`, () => {
    test('450 mentions are stored in chunks of every size, each with every column; delivered again with new ids, only new network ids are added', async () => {
      const { ctx, cleanup } = await testContext(engine);
      try {
        const { workspaceId } = await createWorkspaceWithOwner(ctx, { workspaceName: 'Bulk', timeZone: 'UTC', email: 'o@bulk.example', displayName: 'O', password: 'a long enough password' }, { cli: true });
        const mentions = Array.from({ length: 450 }, (_, n) => mention(workspaceId, n));
        assert.deepEqual(await insertNewMentions(ctx.storage.db, mentions), new Set(mentions.map((m) => m.id)));
        for (const m of mentions) assert.deepEqual(await findMention(ctx.storage.db, workspaceId, m.id), expected(m));
        const again = [...mentions.slice(150, 400).map((m) => ({ ...m, id: randomUUID() })), ...Array.from({ length: 10 }, (_, k) => mention(workspaceId, 450 + k))];
        assert.deepEqual(await insertNewMentions(ctx.storage.db, again), new Set(again.slice(250).map((m) => m.id)));
        const { count } = await ctx.storage.db.selectFrom('mentions').select((eb) => eb.fn.countAll<number>().as('count')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
        assert.equal(Number(count), 460);
        const fts = await ctx.storage.db.selectFrom('mentions').select('search_text').where('id', '=', mentions[7]!.id).executeTakeFirstOrThrow();
        assert.equal(fts.search_text, 'is the flu clinic open on saturday cafe 7');
      } finally {
        await cleanup();
      }
    });
  });
}
