import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { csvField, csvRecords, tableCsv } from './index.ts';

test('fields with a comma, a double quote, CR or LF are quoted, quotes doubled, records end with CRLF', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField('cr\rhere'), '"cr\rhere"');
  assert.equal(csvField(null), '');
  assert.equal(csvField(12.5), '12.5');
  assert.equal(csvRecords([['a', 1], ['b', null]]), 'a,1\r\nb,\r\n');
});

test('text that a spreadsheet would run as a formula is made plain text; numbers stay numbers', () => {
  assert.equal(csvField('=HYPERLINK("http://evil.example","x")'), `"'=HYPERLINK(""http://evil.example"",""x"")"`);
  assert.equal(csvField('+1 555 0100'), "'+1 555 0100");
  assert.equal(csvField('-2 points'), "'-2 points");
  assert.equal(csvField('@channel'), "'@channel");
  assert.equal(csvField('\tindented'), "'\tindented");
  assert.equal(csvField(-3), '-3', 'a negative number is data, not a formula');
  assert.equal(csvField('a = b'), 'a = b', 'only a leading sign counts');
});

test('a table round-trips through an RFC 4180 parser: header of labels, then the rows', () => {
  const nasty = 'Flu shots, "walk in" =today\r\n<b>& more</b>';
  const csv = tableCsv({
    name: 'top_posts',
    title: 'Top posts',
    columns: [
      { key: 'rank', label: 'Rank', kind: 'count' },
      { key: 'post', label: 'Post, excerpt', kind: 'text' },
      { key: 'rate', label: 'Rate (%)', kind: 'percent' },
    ],
    rows: [
      [1, nasty, 2.5],
      [2, 'plain', null],
    ],
  });
  assert.ok(csv.endsWith('\r\n'));
  const parsed = parse(csv, { relax_column_count: false }) as string[][];
  assert.deepEqual(parsed, [
    ['Rank', 'Post, excerpt', 'Rate (%)'],
    ['1', nasty, '2.5'],
    ['2', 'plain', ''],
  ]);
});
