import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { AnalysisPool, CHUNK } from './analysis-pool.ts';
import { analyzeMessage, EMPTY_PROFILE, type MessageInput, type OrgProfile } from '../safety/index.ts';
import { ingestAnalysis, type IngestAnalysis } from '../operations/ingest-analysis.ts';
import { testProfile } from '../safety/test-profile.ts';

/** Real messages of every kind the engine sees: the labelled development set. */
const inputs: MessageInput[] = readFileSync(new URL('../../eval/healthcare/dev.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { text: string; kind: 'mention' | 'draft' })
  .map(({ text, kind }) => ({ text, kind }));

/** What the inline analysis gives, in the form ingestion stores. */
const inline = (input: MessageInput, profile: OrgProfile): IngestAnalysis => ingestAnalysis(analyzeMessage(input, profile), input.text);

async function all(chunks: AsyncIterable<IngestAnalysis[]>): Promise<{ results: IngestAnalysis[]; chunkSizes: number[] }> {
  const results: IngestAnalysis[] = [];
  const chunkSizes: number[] = [];
  for await (const chunk of chunks) {
    results.push(...chunk);
    chunkSizes.push(chunk.length);
  }
  return { results, chunkSizes };
}

test('worker threads give what the inline analysis gives, in order, chunk by chunk', async () => {
  const profile = testProfile();
  const pool = new AnalysisPool(1);
  try {
    const { results, chunkSizes } = await all(pool.chunks(inputs, profile));
    assert.ok(inputs.length > 300);
    assert.equal(chunkSizes.length, Math.ceil(inputs.length / CHUNK));
    assert.deepEqual(results, inputs.map((input) => inline(input, profile)));
    // The thread did analyse (a worker that cannot even load would leave it all to the main thread).
    assert.ok(pool.analysed.onWorkers > 0, `chunks on the worker: ${pool.analysed.onWorkers}, on the main thread: ${pool.analysed.onMainThread}`);
    // Read at once, while the worker was still starting: this thread analysed the ends of the chunks it waited for.
    assert.ok(pool.analysed.sharedOnMainThread > 0);
    // The profile travelled: the hospital's own phone is not PHI with it, and is without it.
    const own = [{ text: 'Call us at (555) 010-2000 about my biopsy results, my MRN is 4471823', kind: 'mention' as const }];
    const twice = Array.from({ length: 250 }, () => own[0]!);
    const withProfile = (await all(pool.chunks(twice, profile))).results;
    const without = (await all(pool.chunks(twice, EMPTY_PROFILE))).results;
    assert.deepEqual(withProfile.at(-1), inline(own[0]!, profile));
    assert.deepEqual(without.at(-1), inline(own[0]!, EMPTY_PROFILE));
    assert.notDeepEqual(withProfile.at(-1)!.phiTypes, without.at(-1)!.phiTypes);
  } finally {
    await pool.close();
  }
});

test('a batch handed over is analysed at once, before anyone reads it, so the next batch is ready while this one is stored', async () => {
  const pool = new AnalysisPool(1);
  try {
    const first = pool.chunks(inputs, EMPTY_PROFILE);
    const next = pool.chunks(inputs.slice(0, CHUNK + 10), EMPTY_PROFILE);
    // Nothing reads either yet: the worker takes both batches' chunks from one queue, oldest first.
    const deadline = Date.now() + 30_000;
    while (pool.analysed.onWorkers < Math.ceil(inputs.length / CHUNK) + 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(pool.analysed, { onWorkers: Math.ceil(inputs.length / CHUNK) + 2, onMainThread: 0, sharedOnMainThread: 0 });
    assert.deepEqual((await all(next)).results, inputs.slice(0, CHUNK + 10).map((input) => inline(input, EMPTY_PROFILE)));
    assert.deepEqual((await all(first)).results, inputs.map((input) => inline(input, EMPTY_PROFILE)));
    assert.equal(pool.analysed.onMainThread, 0);
  } finally {
    await pool.close();
  }
});

test('a dead worker costs nothing but time: its chunks are analysed on the main thread', async () => {
  const pool = new AnalysisPool(2);
  try {
    await all(pool.chunks(inputs.slice(0, 250), EMPTY_PROFILE)); // starts the workers
    await pool.close(); // every worker gone, as if they had crashed
    const { results } = await all(pool.chunks(inputs, EMPTY_PROFILE));
    assert.deepEqual(results, inputs.map((input) => inline(input, EMPTY_PROFILE)));
  } finally {
    await pool.close();
  }
});

test('with no threads the pool is the inline loop', async () => {
  const pool = new AnalysisPool(0);
  const { results } = await all(pool.chunks(inputs.slice(0, 120), EMPTY_PROFILE));
  assert.deepEqual(results, inputs.slice(0, 120).map((input) => inline(input, EMPTY_PROFILE)));
});
