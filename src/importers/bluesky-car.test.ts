import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blocksToCarFile, cborToLex, readCar } from '@atproto/repo';
import { startBlueskyNetwork, type BlueskyTestNetwork, type TestAccount } from '../testing/bluesky-network.ts';
import { ENGINES } from '../testing/engines.ts';
import { testServer, type TestServer } from '../testing/server.ts';
import { importHistory } from '../operations/import-history.ts';
import { readBlueskyCar, type ImportedBlueskyPost } from './bluesky-car.ts';

let net: BlueskyTestNetwork;
let account: TestAccount;
let dir = '';
let carBytes: Uint8Array;
let carPath = '';
let posts: Array<{ uri: string; cid: string; text: string; createdAt: string }> = [];

before(async () => {
  net = await startBlueskyNetwork();
  account = await net.account('carhospital');
  const first = await account.agent.post({ text: 'Walk-in flu shots this Saturday, 9–1 at the main campus. #FluSeason', langs: ['en'], createdAt: '2025-01-10T15:00:00.000Z' });
  await account.agent.post({ text: 'Sábado: vacunas contra la gripe sin cita 🩺', langs: ['es'], createdAt: '2025-01-11T16:30:00.000Z' });
  await account.agent.post({ text: 'Update: parking is free in garage B on Saturdays.', reply: { root: first, parent: first }, createdAt: '2025-01-12T09:05:00.000Z' });
  // Not a post: the import leaves likes, follows and the profile out.
  await account.agent.like(first.uri, first.cid);
  const records = await account.agent.com.atproto.repo.listRecords({ repo: account.did, collection: 'app.bsky.feed.post' });
  posts = records.data.records.map((r) => ({ uri: r.uri, cid: r.cid, ...(r.value as { text: string; createdAt: string }) }));
  carBytes = (await account.agent.com.atproto.sync.getRepo({ did: account.did })).data;
  dir = mkdtempSync(join(tmpdir(), 'bedside-car-'));
  carPath = join(dir, 'repo.car');
  writeFileSync(carPath, carBytes);
});
after(async () => {
  await net?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function readAll(path: string, onProgress?: (bytes: number, total: number, items: number) => void): Promise<ImportedBlueskyPost[]> {
  const out: ImportedBlueskyPost[] = [];
  for await (const post of readBlueskyCar(path, { handle: account.handle, progressIntervalMs: 0, ...(onProgress ? { onProgress } : {}) })) out.push(post);
  return out;
}

/** The export with some blocks left out, written as a CAR again: what a cut-off download at a block boundary looks like. */
async function without(name: string, drop: (cid: string, value: unknown) => boolean): Promise<string> {
  const { roots, blocks } = await readCar(carBytes);
  for (const entry of [...blocks.entries()]) if (drop(entry.cid.toString(), cborToLex(entry.bytes))) blocks.delete(entry.cid);
  const path = join(dir, name);
  writeFileSync(path, await blocksToCarFile(roots[0]!, blocks));
  return path;
}

async function mentionCount(s: TestServer): Promise<number> {
  return Number((await s.ctx.storage.db.selectFrom('mentions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

test("a repository export from a real PDS yields the account's posts with their paths, text, time, language and reply, and nothing else", async () => {
  const progress: Array<[number, number, number]> = [];
  const read = await readAll(carPath, (bytes, total, items) => progress.push([bytes, total, items]));
  assert.equal(read.length, 3);
  assert.deepEqual(read.map((p) => p.externalId).sort(), posts.map((p) => p.uri).sort());
  for (const post of read) {
    const original = posts.find((p) => p.uri === post.externalId)!;
    assert.equal(post.text, original.text);
    assert.equal(post.createdAt, original.createdAt);
    assert.equal(post.path, original.uri.split('/').slice(3).join('/'));
    assert.deepEqual(post.author, { id: account.did, handle: account.handle });
    assert.equal(post.url, `https://bsky.app/profile/${account.handle}/post/${post.path.split('/')[1]}`);
  }
  const spanish = read.find((p) => p.text.startsWith('Sábado'))!;
  assert.equal(spanish.lang, 'es');
  const reply = read.find((p) => p.text.startsWith('Update'))!;
  assert.equal(reply.inReplyTo, posts.find((p) => p.text.startsWith('Walk-in'))!.uri);
  assert.deepEqual(progress.at(-1), [carBytes.byteLength, carBytes.byteLength, 3], 'progress ends at the file size');
  assert.ok(progress.every(([bytes], i) => i === 0 || bytes >= progress[i - 1]![0]), 'progress only moves forward');
});

test('a file that is not a CAR, or one cut off inside a block, is refused at its block', async () => {
  const text = join(dir, 'not-a-car.car');
  writeFileSync(text, 'window.YTD.tweets.part0 = []');
  await assert.rejects(readAll(text), /not a CAR file/);
  const cut = join(dir, 'cut.car');
  writeFileSync(cut, carBytes.subarray(0, Math.floor(carBytes.byteLength * 0.6)));
  await assert.rejects(readAll(cut), /cut\.car, block \d+( \(app\.bsky\.feed\.post\/\w+\))?: (the block does not match its id|the file ends in the middle of a block)/);
});

for (const engine of ENGINES) {
  describe(`importing a Bluesky repository export on ${engine}`, () => {
    test('the posts go in whole and once; a cut-off or incomplete export imports nothing and says where', async () => {
      const s = await testServer(engine);
      try {
        const actor = s.ownerActor;
        const cut = join(dir, `cut-${engine}.car`);
        writeFileSync(cut, carBytes.subarray(0, Math.floor(carBytes.byteLength * 0.8)));
        await assert.rejects(importHistory(s.ctx, actor, { path: cut, kind: 'bluesky-car' }), /block \d+/);
        assert.equal(await mentionCount(s), 0, 'nothing imported from a cut-off file');

        const lostPost = posts.find((p) => p.text.startsWith('Update'))!;
        const missingPost = await without(`missing-post-${engine}.car`, (cid) => cid === lostPost.cid);
        await assert.rejects(importHistory(s.ctx, actor, { path: missingPost, kind: 'bluesky-car' }), new RegExp(`\\(${lostPost.uri.split('/').slice(3).join('/').replace('.', '\\.')}\\): the post is named by the repository tree but not in the file`));
        assert.equal(await mentionCount(s), 0, 'all or nothing: the posts read before the check were not kept');

        const noTree = await without(`no-tree-${engine}.car`, (_cid, value) => typeof value === 'object' && value !== null && 'e' in value && 'l' in value);
        await assert.rejects(importHistory(s.ctx, actor, { path: noTree, kind: 'bluesky-car' }), /nodes of the repository tree are missing/);

        const summary = await importHistory(s.ctx, actor, { path: carPath, kind: 'bluesky-car', handle: account.handle });
        assert.deepEqual(summary, { read: 3, inserted: 3, alreadyStored: 0 });
        const rows = await s.ctx.storage.db.selectFrom('mentions').select(['network', 'kind', 'external_id', 'author_handle', 'sentiment']).execute();
        assert.ok(rows.every((r) => r.network === 'bluesky' && r.kind === 'import' && r.author_handle === account.handle));
        assert.deepEqual(rows.map((r) => r.external_id).sort(), posts.map((p) => p.uri).sort());
        assert.equal(Number((await s.ctx.storage.db.selectFrom('inbox_items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n), 0, 'history is not inbox work');

        assert.deepEqual(await importHistory(s.ctx, actor, { path: carPath, kind: 'bluesky-car', handle: account.handle }), { read: 3, inserted: 0, alreadyStored: 3 });
        assert.equal(await mentionCount(s), 3);
      } finally {
        await s.cleanup();
      }
    });
  });
}
