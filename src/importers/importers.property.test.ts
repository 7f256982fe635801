import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { ImportError, readCsv, readTwitterArchive, type ImportedMention } from './index.ts';

const archive = readFileSync(new URL('./fixtures/x-archive/data/tweets.js.txt', import.meta.url), 'utf8');
const mapping = { id: 'id', text: 'text', createdAt: 'date', author: 'user' };

function chunks(text: string, size: number): Readable {
  const bytes = Buffer.from(text);
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return Readable.from(parts);
}

/** Reads to the end; either every record is good or an ImportError with a line ends it. Bounded in time. */
async function checkContract(source: AsyncIterable<ImportedMention>, lines: number): Promise<void> {
  const started = performance.now();
  try {
    for await (const mention of source) {
      assert.ok(mention.line >= 1 && mention.line <= lines, `line ${mention.line} of ${lines}`);
      assert.ok(!Number.isNaN(Date.parse(mention.createdAt)));
      assert.ok(mention.externalId.length > 0);
    }
  } catch (err) {
    assert.ok(err instanceof ImportError, `not an ImportError: ${String(err)}`);
    assert.ok(Number.isInteger(err.line) && err.line >= 1 && err.line <= lines, `line ${err.line} of ${lines}: ${err.message}`);
    assert.match(err.message, /line \d+/);
  }
  assert.ok(performance.now() - started < 2_000, 'took over 2 s');
}

const lineCount = (text: string): number => text.split('\n').length;
const jsonish = fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '\\', ' ', '\n', 'a', '1', 'true', 'window.YTD.tweets.part0 = ') });

describe('importers under fuzzing', () => {
  it('the archive reader never crashes on random text and always locates its error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), jsonish, fc.json()), fc.integer({ min: 1, max: 64 }), async (text, size) => {
        await checkContract(readTwitterArchive(chunks(text, size), { author: { handle: 'h' } }), lineCount(text));
      }),
      { numRuns: 400 },
    );
  });

  it('the archive reader never crashes on a real archive cut or spliced anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(archive.length), fc.nat(30), fc.string({ maxLength: 10 }), fc.integer({ min: 1, max: 512 }), async (at, cut, insert, size) => {
        const text = archive.slice(0, at) + insert + archive.slice(at + cut);
        await checkContract(readTwitterArchive(chunks(text, size), { author: { handle: 'h' } }), lineCount(text));
      }),
      { numRuns: 400 },
    );
  });

  it('random bytes never crash either reader', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 1_000 }), async (bytes) => {
        const lines = Buffer.from(bytes).toString('utf8').split(/\r\n|\n|\r/).length + 1;
        await checkContract(readTwitterArchive(Readable.from([Buffer.from(bytes)]), { author: { handle: 'h' } }), lines);
        await checkContract(readCsv(Readable.from([Buffer.from(bytes)]), mapping), lines);
      }),
      { numRuns: 300 },
    );
  });

  it('the CSV reader never crashes on random CSV and always locates its error', async () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('2024-05-01T10:00:00Z', '"', '""', 'a,b', '\n', ''));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 12 }), fc.integer({ min: 1, max: 64 }), async (rows, size) => {
        const text = ['id,date,user,text', ...rows.map((row) => row.join(','))].join('\n');
        await checkContract(readCsv(chunks(text, size), mapping), text.split(/\r\n|\n|\r/).length + 1);
      }),
      { numRuns: 400 },
    );
  });
});
