import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { ImportError, readCsv, type CsvMapping, type CsvOptions, type ImportedMention } from './index.ts';

const fixture = (name: string): string => new URL(`./fixtures/${name}`, import.meta.url).pathname;
const mapping: CsvMapping = { id: 'post_id', createdAt: 'posted_at', author: 'user', text: 'message', url: 'link', lang: 'language' };
const basic: CsvMapping = { id: 'post_id', createdAt: 'posted_at', author: 'user', text: 'message' };

async function collect(source: AsyncIterable<ImportedMention>): Promise<ImportedMention[]> {
  const out: ImportedMention[] = [];
  for await (const mention of source) out.push(mention);
  return out;
}

async function failure(source: AsyncIterable<ImportedMention>): Promise<ImportError> {
  try {
    for await (const _ of source);
  } catch (error) {
    assert.ok(error instanceof ImportError, `not an ImportError: ${String(error)}`);
    return error;
  }
  assert.fail('read without error');
}

const csv = (text: string, map: CsvMapping = basic, options?: CsvOptions): AsyncGenerator<ImportedMention> => readCsv(Readable.from([Buffer.from(text)]), map, options);

describe('reading a CSV with a column mapping', () => {
  it('maps columns to mentions, with the line each record starts on (quoted fields may span lines)', async () => {
    const mentions = await collect(readCsv(createReadStream(fixture('mentions.csv')), mapping));
    assert.deepEqual(mentions[0], {
      externalId: 'm-1001',
      author: { handle: 'patr_runs' },
      text: 'Great care at Riverside urgent care today',
      createdAt: '2024-05-01T09:15:00.000Z',
      url: 'https://x.com/patr_runs/status/1001',
      lang: 'en',
      line: 2,
    });
    assert.equal(mentions[1]?.text, 'Proud of our 4 West team.\nSecond line of the same post, with a comma, and "quotes".');
    assert.equal(mentions[1]?.createdAt, '2024-05-01T10:00:00.000Z');
    assert.equal(mentions[1]?.line, 3);
    assert.equal(mentions[1]?.url, undefined);
    assert.equal(mentions[2]?.line, 6);
    assert.equal(mentions[2]?.createdAt, '2024-05-02T16:30:00.000Z');
    assert.equal(mentions[2]?.lang, undefined);
  });

  it('names line 7 and the date column when a date cannot be read', async () => {
    const error = await failure(readCsv(createReadStream(fixture('bad-date.csv')), basic));
    assert.equal(error.code, 'INVALID_RECORD');
    assert.equal(error.line, 7);
    assert.equal(error.column, 2);
    assert.equal(error.field, 'posted_at');
    assert.equal(error.message, 'line 7, column 2 (posted_at): "31/02/2024" is not an ISO 8601 date');
  });

  it('reads dates in a given format and zone', async () => {
    const [mention] = await collect(csv('post_id,posted_at,user,message\n1,14/05/2024 09:30,a,x\n', basic, { dateFormat: 'dd/MM/yyyy HH:mm', timeZone: 'America/New_York' }));
    assert.equal(mention?.createdAt, '2024-05-14T13:30:00.000Z');
    const [unix] = await collect(csv('post_id,posted_at,user,message\n1,1715679000,a,x\n', basic, { dateFormat: 'unix' }));
    assert.equal(unix?.createdAt, '2024-05-14T09:30:00.000Z');
  });

  it('names the line and field of an empty text', async () => {
    const error = await failure(csv('post_id,posted_at,user,message\n1,2024-05-01,a,x\n2,2024-05-01,b,   \n'));
    assert.equal(error.line, 3);
    assert.equal(error.field, 'message');
    assert.equal(error.column, 4);
    assert.match(error.message, /text is empty$/);
  });

  it('says which mapped column the header lacks', async () => {
    const error = await failure(csv('id,date,user,message\n1,2024-05-01,a,x\n'));
    assert.equal(error.line, 1);
    assert.equal(error.field, 'post_id');
    assert.match(error.message, /the header has no column "post_id" for id \(it has "id", "date", "user", "message"\)$/);
    const empty = await failure(csv(''));
    assert.match(empty.message, /the file is empty/);
  });

  it('names the line of a record with too many fields', async () => {
    const error = await failure(csv('post_id,posted_at,user,message\n1,2024-05-01,a,x\n2,2024-05-01,b,y,extra\n'));
    assert.equal(error.code, 'SYNTAX');
    assert.equal(error.line, 3);
  });

  it('says a quote never closed is a truncated file', async () => {
    const error = await failure(csv('post_id,posted_at,user,message\n1,2024-05-01,a,"never closed\nmore\n'));
    assert.equal(error.code, 'TRUNCATED');
    assert.ok(error.line >= 2);
  });
});
