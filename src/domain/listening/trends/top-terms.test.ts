import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { topTerms } from './top-terms.ts';
import type { TrendMention } from './terms.ts';
import { TrendsError } from './trends-error.ts';

const FROM = '2026-03-01T00:00:00Z';
const TO = '2026-03-08T00:00:00Z';

let seq = 0;
function mention(text: string, createdAt = '2026-03-03T12:00:00Z'): TrendMention {
  seq += 1;
  return { id: `t${seq}`, text, createdAt };
}

describe('topTerms', () => {
  it('ranks terms by the number of mentions containing them, a repetition counting once', () => {
    const found = topTerms(
      [mention('Parking parking PARKING'), mention('Parking again'), mention('Nurses were kind'), mention('Parking is hard')],
      FROM,
      TO,
      2,
    );
    assert.deepEqual(
      found.map((t) => [t.term, t.count]),
      [
        ['parking', 3],
        ['hard', 1],
      ],
    );
  });

  it('lists a pair instead of words it accounts for', () => {
    const found = topTerms([mention('Flu shot clinic'), mention('flu shot'), mention('Flu shot at noon'), mention('flu season')], FROM, TO);
    assert.deepEqual(found.slice(0, 2).map((t) => [t.term, t.kind, t.count]), [
      ['flu', 'word', 4],
      ['flu shot', 'bigram', 3],
    ]);
    assert.ok(!found.some((t) => t.term === 'shot'), "'shot' is carried by 'flu shot'");
  });

  it('counts only mentions in [from, to) and gives up to three recent examples', () => {
    const mentions = [
      mention('#MeaslesAlert', '2026-02-28T23:59:59Z'),
      mention('#MeaslesAlert', '2026-03-01T00:00:00Z'),
      mention('#MeaslesAlert', '2026-03-04T00:00:00Z'),
      mention('#MeaslesAlert', '2026-03-05T00:00:00Z'),
      mention('#MeaslesAlert', '2026-03-06T00:00:00Z'),
      mention('#MeaslesAlert', '2026-03-08T00:00:00Z'),
    ];
    const [top] = topTerms(mentions, FROM, TO);
    assert.equal(top?.term, '#measlesalert');
    assert.equal(top?.count, 4);
    assert.deepEqual(top?.examples, [mentions[4]?.id, mentions[3]?.id, mentions[2]?.id]);
  });

  it('refuses an empty or reversed range', () => {
    assert.throws(() => topTerms([], TO, FROM), (e: unknown) => e instanceof TrendsError && e.code === 'INVALID_RANGE');
  });
});
