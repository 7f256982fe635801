import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImportError, importFile, type ImportedMention } from './index.ts';
import { writeLargeArchive } from './generate-archive.ts';

const fixture = (name: string): string => new URL(`./fixtures/${name}`, import.meta.url).pathname;
let dir = '';

let archiveTweets = '';

// Fixtures are stored as .txt (ESLint would lint a .js); an archive's data/ folder is laid out here.
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bedside-import-'));
  await mkdir(join(dir, 'archive', 'data'), { recursive: true });
  archiveTweets = join(dir, 'archive', 'data', 'tweets.js');
  await copyFile(fixture('x-archive/data/tweets.js.txt'), archiveTweets);
  await copyFile(fixture('x-archive/data/account.js.txt'), join(dir, 'archive', 'data', 'account.js'));
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function collect(source: AsyncIterable<ImportedMention>): Promise<ImportedMention[]> {
  const out: ImportedMention[] = [];
  for await (const mention of source) out.push(mention);
  return out;
}

describe('importing a history file', () => {
  it('reads an X archive, taking the owner from account.js beside tweets.js, and reports progress up to the whole file', async () => {
    const calls: Array<[number, number, number]> = [];
    const mentions = await collect(
      importFile(archiveTweets, 'twitter-archive', { onProgress: (...args) => calls.push(args), progressIntervalMs: 0 }),
    );
    assert.equal(mentions.length, 3);
    assert.deepEqual(mentions[0]?.author, { id: '1049362147812345678', handle: 'RiversideHealth', displayName: 'Riverside Health' });
    const last = calls.at(-1);
    assert.ok(last);
    assert.equal(last[0], last[1], 'all bytes read at the end');
    assert.equal(last[2], 3);
    for (let i = 1; i < calls.length; i++) assert.ok((calls[i]?.[0] ?? 0) >= (calls[i - 1]?.[0] ?? 0), 'bytes only grow');
  });

  it('refuses an archive whose owner is unknown', async () => {
    const lone = join(dir, 'tweets.js');
    await copyFile(fixture('x-archive/data/tweets.js.txt'), lone);
    await assert.rejects(collect(importFile(lone, 'twitter-archive')), (err: unknown) => err instanceof ImportError && err.code === 'MISSING_ACCOUNT');
    const mentions = await collect(importFile(lone, 'twitter-archive', { author: { handle: 'riverside' } }));
    assert.equal(mentions[0]?.url, 'https://x.com/riverside/status/1050118621198921728');
  });

  it('names the file in its errors', async () => {
    const path = fixture('bad-date.csv');
    const mapping = { id: 'post_id', createdAt: 'posted_at', author: 'user', text: 'message' };
    await assert.rejects(collect(importFile(path, 'csv', { mapping })), (err: unknown) => {
      assert.ok(err instanceof ImportError);
      assert.equal(err.file, path);
      assert.equal(err.message, `${path}, line 7, column 2 (posted_at): "31/02/2024" is not an ISO 8601 date`);
      return true;
    });
  });

  it('streams a 50 MB archive with flat memory', async () => {
    const path = join(dir, 'large-tweets.js');
    const { tweets } = await writeLargeArchive(path, 50 * 1024 * 1024);
    global.gc?.();
    const baseline = process.memoryUsage();
    let peakHeap = baseline.heapUsed;
    let peakRss = baseline.rss;
    let count = 0;
    let lastId = '';
    for await (const mention of importFile(path, 'twitter-archive', { author: { handle: 'riverside' } })) {
      count++;
      lastId = mention.externalId;
      if (count % 5_000 === 0) {
        const now = process.memoryUsage();
        peakHeap = Math.max(peakHeap, now.heapUsed);
        peakRss = Math.max(peakRss, now.rss);
      }
    }
    assert.equal(count, tweets);
    assert.equal(lastId, (1_050_118_621_198_921_728n + BigInt(tweets - 1)).toString());
    const mb = (bytes: number): number => bytes / 1024 / 1024;
    assert.ok(mb(peakHeap - baseline.heapUsed) < 64, `heap grew by ${mb(peakHeap - baseline.heapUsed).toFixed(1)} MB`);
    assert.ok(mb(peakRss - baseline.rss) < 150, `rss grew by ${mb(peakRss - baseline.rss).toFixed(1)} MB`);
  });
});
