/**
 * Streams a generated X archive through importFile and reports peak memory above the baseline.
 * Not part of `npm run bench` (it writes a large temporary file):
 *
 *   node --expose-gc --import tsx bench/import-memory.ts            1 GB
 *   node --expose-gc --import tsx bench/import-memory.ts 200        200 MB
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFile } from '../src/importers/index.ts';
import { writeLargeArchive } from '../src/importers/generate-archive.ts';

const megabytes = Number(process.argv[2] ?? 1024);
const dir = await mkdtemp(join(tmpdir(), 'bedside-import-memory-'));
const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
try {
  const path = join(dir, 'tweets.js');
  const written = await writeLargeArchive(path, megabytes * 1024 * 1024);
  console.log(`wrote ${mb(written.bytes)} MB, ${written.tweets} tweets`);
  global.gc?.();
  const baseline = process.memoryUsage();
  let peakRss = baseline.rss;
  let peakHeap = baseline.heapUsed;
  let count = 0;
  const started = performance.now();
  for await (const _ of importFile(path, 'twitter-archive', {
    author: { handle: 'bench' },
    onProgress: (bytesRead, totalBytes) => process.stdout.write(`\r${((100 * bytesRead) / totalBytes).toFixed(0)}%`),
    progressIntervalMs: 1_000,
  })) {
    if (++count % 10_000 === 0) {
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakHeap = Math.max(peakHeap, now.heapUsed);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`\n${count} tweets in ${seconds.toFixed(1)} s (${(written.bytes / 1024 / 1024 / seconds).toFixed(0)} MB/s)`);
  console.log(`peak rss +${mb(peakRss - baseline.rss)} MB, peak heap +${mb(peakHeap - baseline.heapUsed)} MB above baseline`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
