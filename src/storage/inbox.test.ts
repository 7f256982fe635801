import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { ENGINES, freshStorage } from '../testing/engines.ts';
import { queryPlan } from '../testing/query-plan.ts';
import { testContext } from '../testing/context.ts';
import { createWorkspaceWithOwner } from '../operations/accounts.ts';
import { insertChannel } from './channels.ts';
import { insertNewMentions, type NewMention } from './mentions.ts';
import { inboxPriority } from '../domain/inbox/index.ts';
import { findInboxItem, inboxPageQuery, insertInboxItems, listInbox, pageCursor, updateInboxItem, OPEN_STATUSES, type InboxItem, type InboxPageItem, type InboxQuery } from './inbox.ts';
import type { AppContext } from '../operations/context.ts';

const T0 = Date.parse('2026-03-02T09:00:00.000Z');

function mention(workspaceId: string, channelId: string, n: number): NewMention {
  return {
    id: randomUUID(),
    workspaceId,
    sourceId: null,
    channelId,
    network: 'bluesky',
    externalId: `m-${n}`,
    kind: n % 3 === 0 ? 'reply' : 'mention',
    author: { handle: `person${n}.bsky.social`, ...(n % 2 ? { id: `did:plc:${n}`, displayName: `Person ${n}` } : {}) },
    text: `Is the flu clinic open on Saturday? (${n})`,
    ...(n % 4 === 0 ? { lang: 'en', url: `https://bsky.app/p/${n}`, remoteUri: `at://did:plc:${n}/post/${n}`, remoteCid: `cid${n}`, inReplyTo: `at://x/${n}`, root: { uri: `at://root/${n}`, cid: `rootcid${n}` } } : {}),
    createdAt: new Date(T0 + n * 60_000).toISOString(),
    receivedAt: new Date(T0 + n * 60_000 + 1234).toISOString(),
    sentiment: n % 2 ? 'negative' : 'neutral',
    intents: n % 5 === 0 ? ['complaint', 'question'] : ['question'],
    urgent: n % 7 === 0,
    phiTypes: n % 6 === 0 ? ['procedure', 'date'] : [],
    analysis: { score: n / 10, signals: [`s${n}`] },
  };
}

/** A workspace with 40 inbox items over two channels: some urgent, some possibly urgent, several sharing a due time (so the id decides). */
async function seeded(ctx: AppContext): Promise<{ workspaceId: string; channels: [string, string]; mentions: NewMention[] }> {
  const { workspaceId } = await createWorkspaceWithOwner(ctx, { workspaceName: 'Riverside', timeZone: 'UTC', email: 'o@riverside.example', displayName: 'O', password: 'a long enough password' }, { cli: true });
  const channels: [string, string] = [randomUUID(), randomUUID()];
  for (const [k, id] of channels.entries()) {
    await insertChannel(ctx.storage.db, { id, workspaceId, network: 'bluesky', handle: `c${k}.bsky.social`, displayName: null, credentialsSealed: ctx.secrets.seal('{}', `channel:${id}`), primary: k === 0 });
  }
  const mentions = Array.from({ length: 40 }, (_, n) => mention(workspaceId, channels[n % 2]!, n));
  await insertNewMentions(ctx.storage.db, mentions);
  await insertInboxItems(
    ctx.storage.db,
    // Due times repeat every 8 items, so ties are broken by id.
    mentions.map((m, n) => ({ id: randomUUID(), workspaceId, mentionId: m.id, channelId: m.channelId, urgent: m.urgent, possiblyUrgent: !m.urgent && n % 5 === 2, dueAt: new Date(T0 + (n % 8) * 3_600_000).toISOString(), receivedAt: m.createdAt })),
  );
  return { workspaceId, channels, mentions };
}

/** What a page shows of an item read whole (findInboxItem maps through toItem and toMention). */
function listed({ replyUri: _reply, mention: { channelId: _c, lang: _l, remote: _r, inReplyTo: _i, receivedAt: _at, ...mention }, ...item }: InboxItem): InboxPageItem {
  return { ...item, mention };
}

const order = (a: InboxPageItem, b: InboxPageItem) => inboxPriority(a) - inboxPriority(b) || a.dueAt.localeCompare(b.dueAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

async function allPages(ctx: AppContext, workspaceId: string, q: Omit<InboxQuery, 'after'>): Promise<InboxPageItem[]> {
  const out: InboxPageItem[] = [];
  let after: InboxQuery['after'];
  for (;;) {
    const page = await listInbox(ctx.storage.db, workspaceId, { ...q, after });
    out.push(...page);
    const last = page[page.length - 1];
    if (page.length < q.limit || !last) return out;
    after = pageCursor(last);
  }
}

for (const engine of ENGINES) {
  describe(`inbox pages on ${engine}`, () => {
    test('a batch of 450 items is stored in chunks of every size, each item with its columns; stored again, none is added', async () => {
      const { ctx, cleanup } = await testContext(engine);
      try {
        const { workspaceId } = await createWorkspaceWithOwner(ctx, { workspaceName: 'Bulk', timeZone: 'UTC', email: 'o@bulk.example', displayName: 'O', password: 'a long enough password' }, { cli: true });
        const mentions = Array.from({ length: 450 }, (_, n) => mention(workspaceId, randomUUID(), n));
        await insertNewMentions(ctx.storage.db, mentions);
        const items = mentions.map((m, n) => ({ id: randomUUID(), workspaceId, mentionId: m.id, channelId: n % 2 ? m.channelId : null, urgent: m.urgent, possiblyUrgent: !m.urgent && n % 5 === 2, dueAt: new Date(T0 + n * 60_000).toISOString(), receivedAt: m.createdAt }));
        await insertInboxItems(ctx.storage.db, items);
        await insertInboxItems(ctx.storage.db, items.slice(190, 260).map((it) => ({ ...it, id: randomUUID() })));
        const stored = await ctx.storage.db.selectFrom('inbox_items').selectAll().where('workspace_id', '=', workspaceId).execute();
        assert.equal(stored.length, 450);
        for (const n of [0, 199, 200, 399, 449]) {
          const it = items[n]!;
          const found = (await findInboxItem(ctx.storage.db, workspaceId, it.id))!;
          assert.deepEqual(
            { mention: found.mention.id, channel: found.channelId, status: found.status, urgent: found.urgent, possiblyUrgent: found.possiblyUrgent, dueAt: found.dueAt, receivedAt: found.receivedAt, assignee: found.assigneeId },
            { mention: it.mentionId, channel: it.channelId, status: 'new', urgent: it.urgent, possiblyUrgent: it.possiblyUrgent, dueAt: it.dueAt, receivedAt: it.receivedAt, assignee: null },
          );
        }
      } finally {
        await cleanup();
      }
    });

    test('the open queue comes urgent first, then by due time and id, page after page, each item with its whole mention', async () => {
      const { ctx, cleanup } = await testContext(engine);
      try {
        const { workspaceId } = await seeded(ctx);
        const ids = (await listInbox(ctx.storage.db, workspaceId, { statuses: OPEN_STATUSES, limit: 200 })).map((i) => i.id);
        const closed = ids.slice(0, 5);
        for (const id of closed) await updateInboxItem(ctx.storage.db, id, { status: 'closed' });
        await updateInboxItem(ctx.storage.db, ids[6]!, { status: 'assigned', assigneeId: 'u-1' });

        const pages = await allPages(ctx, workspaceId, { statuses: OPEN_STATUSES, limit: 7 });
        assert.equal(pages.length, 35);
        assert.equal(new Set(pages.map((i) => i.id)).size, 35, 'no item twice across pages');
        assert.ok(pages.every((i) => !closed.includes(i.id)));
        assert.deepEqual(pages.map((i) => i.id), [...pages].sort(order).map((i) => i.id));
        assert.ok(pages[0]!.urgent);
        // Field by field the same as the item read whole, less what a page leaves out.
        for (const item of pages) assert.deepEqual(item, listed((await findInboxItem(ctx.storage.db, workspaceId, item.id))!));
        assert.ok(pages.some((i) => i.mention.author.displayName) && pages.some((i) => i.mention.url), 'optional mention fields come through');
        assert.ok(pages.some((i) => i.mention.phiTypes.length === 2 && i.mention.intents.length === 2));
        assert.equal(pages.find((i) => i.status === 'assigned')?.assigneeId, 'u-1');
      } finally {
        await cleanup();
      }
    });

    test('filters: other statuses, urgent only, one channel, one assignee, one intent; another workspace sees nothing', async () => {
      const { ctx, cleanup } = await testContext(engine);
      try {
        const { workspaceId, channels, mentions } = await seeded(ctx);
        const all = await listInbox(ctx.storage.db, workspaceId, { statuses: OPEN_STATUSES, limit: 200 });
        await updateInboxItem(ctx.storage.db, all[0]!.id, { status: 'closed' });
        await updateInboxItem(ctx.storage.db, all[1]!.id, { status: 'hidden' });
        await updateInboxItem(ctx.storage.db, all[2]!.id, { status: 'assigned', assigneeId: 'u-2' });
        const ids = async (q: Partial<InboxQuery>) => (await listInbox(ctx.storage.db, workspaceId, { statuses: OPEN_STATUSES, limit: 200, ...q })).map((i) => i.id).sort();

        assert.deepEqual(await ids({ statuses: ['closed', 'hidden'] }), [all[0]!.id, all[1]!.id].sort());
        assert.deepEqual(await ids({ urgentOnly: true }), all.slice(2).filter((i) => i.urgent).map((i) => i.id).sort());
        assert.deepEqual(await ids({ channelId: channels[1] }), all.slice(2).filter((i) => i.channelId === channels[1]).map((i) => i.id).sort());
        assert.deepEqual(await ids({ assigneeId: 'u-2' }), [all[2]!.id]);
        const complaints = new Set(mentions.filter((m) => m.intents.includes('complaint')).map((m) => m.id));
        assert.deepEqual(await ids({ intent: 'complaint' }), all.slice(2).filter((i) => complaints.has(i.mention.id)).map((i) => i.id).sort());
        assert.deepEqual(await ids({ intent: 'compl%' }), [], 'LIKE wildcards in an intent match nothing');
        assert.deepEqual(await listInbox(ctx.storage.db, randomUUID(), { statuses: OPEN_STATUSES, limit: 200 }), []);
      } finally {
        await cleanup();
      }
    });

    test('one status of the open queue, settled statuses, and open and settled together: each in queue order, page after page', async () => {
      const { ctx, cleanup } = await testContext(engine);
      try {
        const { workspaceId } = await seeded(ctx);
        const all = await listInbox(ctx.storage.db, workspaceId, { statuses: OPEN_STATUSES, limit: 200 });
        const statusOf = new Map(all.map((i, n) => [i.id, (['new', 'assigned', 'replied', 'closed'] as const)[n % 4]]));
        for (const [id, status] of statusOf) if (status !== 'new') await updateInboxItem(ctx.storage.db, id, { status });
        for (const statuses of [['assigned'], ['replied'], ['closed', 'replied'], ['new', 'replied'], ['assigned', 'new', 'closed', 'replied', 'closed']] as const) {
          const expected = all.filter((i) => (statuses as readonly string[]).includes(statusOf.get(i.id)!)).map((i) => i.id);
          const pages = await allPages(ctx, workspaceId, { statuses: [...statuses], limit: 7 });
          assert.deepEqual(pages.map((i) => i.id), expected, statuses.join(','));
          assert.ok(pages.every((i) => i.status === statusOf.get(i.id)));
        }
      } finally {
        await cleanup();
      }
    });

    test('every page shape reads its items off a queue index, never a scan of the workspace', async () => {
      const { storage, cleanup } = await freshStorage(engine);
      try {
        const planOf = (q: Partial<InboxQuery>) => queryPlan(storage, { compile: () => inboxPageQuery('w1', { statuses: OPEN_STATUSES, limit: 50, ...q }).compile(storage.db) });
        assert.match(await planOf({}), /inbox_items_open_queue/);
        assert.match(await planOf({ statuses: ['new'], urgentOnly: true }), /inbox_items_open_queue/);
        assert.match(await planOf({ statuses: ['closed'] }), /inbox_items_settled_status/);
        assert.match(await planOf({ statuses: ['replied', 'hidden'] }), /inbox_items_settled_status/);
        const mixed = await planOf({ statuses: ['assigned', 'replied'] });
        assert.match(mixed, /inbox_items_open_queue/);
        assert.match(mixed, /inbox_items_settled_status/);
        assert.doesNotMatch(mixed, /inbox_items_received/);
      } finally {
        await cleanup();
      }
    });

    if (engine === 'postgres') {
      test('a page is a statement prepared once per connection, one per shape of filters; other queries stay unnamed', async () => {
        const { ctx, cleanup } = await testContext(engine);
        try {
          const { workspaceId, channels } = await seeded(ctx);
          await ctx.storage.db.connection().execute(async (conn) => {
            let first: InboxPageItem | undefined;
            for (let k = 0; k < 3; k++) first = (await listInbox(conn, workspaceId, { statuses: OPEN_STATUSES, limit: 10 }))[0];
            assert.ok(await findInboxItem(conn, workspaceId, first!.id));
            await listInbox(conn, workspaceId, { statuses: OPEN_STATUSES, limit: 10, channelId: channels[0] });
            await listInbox(conn, workspaceId, { statuses: OPEN_STATUSES, limit: 10, channelId: channels[1] });
            const { rows } = await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements order by statement`.execute(conn);
            assert.ok(rows.every((r) => r.name.startsWith('bedside_')));
            // The seeding's batch insert (one fixed statement) may have run on this connection too.
            const pages = rows.filter((r) => !r.statement.includes('insert into inbox_items'));
            assert.equal(pages.length, 2, 'one named statement for each shape, whatever the values');
            assert.ok(pages.every((r) => r.statement.includes('from inbox_items')));
          });
        } finally {
          await cleanup();
        }
      });
    }
  });
}
