import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { ImportError, parseTwitterDate, readTwitterAccount, readTwitterArchive, type ImportedMention } from './index.ts';

const fixture = (name: string): string => new URL(`./fixtures/${name}`, import.meta.url).pathname;
const owner = { id: '1049362147812345678', handle: 'RiversideHealth', displayName: 'Riverside Health' };

async function collect(source: AsyncIterable<ImportedMention>): Promise<ImportedMention[]> {
  const out: ImportedMention[] = [];
  for await (const mention of source) out.push(mention);
  return out;
}

async function failure(source: AsyncIterable<ImportedMention>): Promise<{ error: ImportError; read: number }> {
  let read = 0;
  try {
    for await (const _ of source) read++;
  } catch (error) {
    assert.ok(error instanceof ImportError, `not an ImportError: ${String(error)}`);
    return { error, read };
  }
  assert.fail('read without error');
}

/** Splits a text into chunks of `size` bytes, to cut tokens and characters at chunk edges. */
function chunked(text: string, size: number): Readable {
  const bytes = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
}

const archive = (tweets: string): string => `window.YTD.tweets.part0 = [${tweets}]`;

describe('reading an X archive (data/tweets.js)', () => {
  it('yields each tweet with its id, decoded text, expanded links, UTC date, language, reply and line', async () => {
    const tweets = await collect(readTwitterArchive(createReadStream(fixture('x-archive/data/tweets.js.txt')), { author: owner }));
    assert.equal(tweets.length, 3);
    assert.deepEqual(tweets[0], {
      externalId: '1050118621198921728',
      author: owner,
      text: 'Walk-in flu shots at all clinics this week & next. #FluSeason https://riversidehealth.example/flu',
      createdAt: '2018-10-10T20:19:24.000Z',
      lang: 'en',
      url: 'https://x.com/RiversideHealth/status/1050118621198921728',
      line: 2,
    });
    assert.equal(tweets[1]?.inReplyTo, '1050200000000000001');
    assert.match(tweets[1]?.text ?? '', /follow up <3$/);
    assert.equal(tweets[1]?.line, 55);
    assert.equal(tweets[2]?.createdAt, '2018-10-13T12:00:00.000Z');
    assert.equal(tweets[2]?.text, '¡Nuevo horario! La clínica abre a las 7am 🏥');
  });

  it('gives the same tweets whatever the chunk boundaries (even mid-character)', async () => {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(fixture('x-archive/data/tweets.js.txt'), 'utf8');
    const whole = await collect(readTwitterArchive(Readable.from([Buffer.from(text)]), { author: owner }));
    for (const size of [1, 7, 64]) {
      assert.deepEqual(await collect(readTwitterArchive(chunked(text, size), { author: owner })), whole);
    }
  });

  it('names the line and column of a corrupt line', async () => {
    const { error, read } = await failure(readTwitterArchive(createReadStream(fixture('tweets-corrupt.js.txt')), { author: owner }));
    assert.equal(read, 1, 'the tweet before the damage was read');
    assert.equal(error.code, 'SYNTAX');
    assert.equal(error.line, 88);
    assert.equal(error.column, 22);
    assert.equal(error.message, "line 88, column 22: unexpected 'T' where a value should be (in the element starting at line 55)");
  });

  it('says a file cut short is truncated, at its end', async () => {
    const text = archive('{"tweet":{"id_str":"1","full_text":"a","created_at":"Wed Oct 10 20:19:24 +0000 2018"}},\n{"tweet":{"id_str":"2","full_te');
    const { error, read } = await failure(readTwitterArchive(chunked(text, 16), { author: owner }));
    assert.equal(read, 1);
    assert.equal(error.code, 'TRUNCATED');
    assert.equal(error.line, 2);
    assert.match(error.message, /^line 2, column 33: the file ends early, inside the element starting at line 2 \(truncated file\?\)$/);
  });

  it('names the field of a tweet that cannot be read', async () => {
    const bad = archive('\n{"tweet":{"id_str":"1","full_text":"a","created_at":"10/10/2018"}}');
    const { error } = await failure(readTwitterArchive(chunked(bad, 1000), { author: owner }));
    assert.equal(error.code, 'INVALID_RECORD');
    assert.equal(error.field, 'tweet.created_at');
    assert.equal(error.line, 2);
    const noId = await failure(readTwitterArchive(chunked(archive('{"tweet":{"full_text":"a"}}'), 1000), { author: owner }));
    assert.equal(noId.error.field, 'tweet.id_str');
  });

  it('refuses a file that is not an archive part', async () => {
    const { error } = await failure(readTwitterArchive(chunked('alert(1); [1]', 100), { author: owner }));
    assert.equal(error.code, 'SYNTAX');
    assert.equal(error.line, 1);
  });

  it('reads the owner from account.js', async () => {
    assert.deepEqual(await readTwitterAccount(createReadStream(fixture('x-archive/data/account.js.txt'))), owner);
  });

  it('reads X dates with any offset and refuses impossible ones', () => {
    assert.equal(parseTwitterDate('Wed Oct 10 20:19:24 +0000 2018'), '2018-10-10T20:19:24.000Z');
    assert.equal(parseTwitterDate('Wed Oct 10 20:19:24 +0530 2018'), '2018-10-10T14:49:24.000Z');
    assert.equal(parseTwitterDate('Wed Feb 31 20:19:24 +0000 2018'), undefined);
    assert.equal(parseTwitterDate('2018-10-10T20:19:24Z'), undefined);
  });
});
