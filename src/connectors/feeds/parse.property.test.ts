import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { FeedError, MAX_TEXT_LENGTH, parseFeed } from './index.ts';

const fixtures = ['rss-news.xml', 'atom-blog.xml', 'json-feed.json', 'rdf.xml', 'google-alerts.xml', 'reviews.xml'].map((name) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'),
);

/** Parses, and checks the contract: items well-formed, or a FeedError that is located when it is a parse error. */
function checkContract(body: string): void {
  const started = performance.now();
  try {
    const { items } = parseFeed(body);
    for (const item of items) {
      assert.equal(typeof item.id, 'string');
      assert.ok(item.id.length > 0);
      assert.ok(item.text.length <= MAX_TEXT_LENGTH);
      if (item.publishedAt !== undefined) assert.ok(!Number.isNaN(Date.parse(item.publishedAt)));
    }
  } catch (err) {
    assert.ok(err instanceof FeedError, `not a FeedError: ${String(err)}`);
    assert.ok(['NOT_A_FEED', 'PARSE_ERROR'].includes(err.code));
    if (err.code === 'PARSE_ERROR') {
      assert.ok(Number.isInteger(err.line) && (err.line ?? 0) >= 1, `no line: ${err.message}`);
      assert.match(err.message, /at line \d+, column \d+/);
    }
  }
  assert.ok(performance.now() - started < 2_000, 'parsing took over 2 s');
}

const mutation = fc.record({ fixture: fc.nat(fixtures.length - 1), at: fc.nat(), cut: fc.nat(40), insert: fc.string({ maxLength: 20 }) });

describe('feed parser under fuzzing', () => {
  it('random text never crashes it', () => {
    fc.assert(fc.property(fc.string({ maxLength: 2_000 }), checkContract), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('<', '>', '/', '!', '?', '[', ']', '&', ';', '"', '=', 'a', 'rss', 'item', ' ', '\n', '{', '}', ':') }), checkContract), { numRuns: 500 });
  });

  it('random bytes decoded as UTF-8 never crash it', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2_000 }), (bytes) => checkContract(Buffer.from(bytes).toString('utf8'))), { numRuns: 300 });
  });

  it('real feeds cut short anywhere or spliced with garbage never crash it', () => {
    fc.assert(
      fc.property(mutation, ({ fixture, at, cut, insert }) => {
        const source = fixtures[fixture] as string;
        const index = at % (source.length + 1);
        checkContract(source.slice(0, index));
        checkContract(source.slice(0, index) + insert + source.slice(index + cut));
      }),
      { numRuns: 500 },
    );
  });

  it('hostile HTML content stays linear (no backtracking blow-up)', () => {
    const content = `<![CDATA[${'<a<script<!--<b '.repeat(100_000)}]]>`;
    checkContract(`<rss version="2.0"><channel><item><guid>1</guid><description>${content}</description></item></channel></rss>`);
  });
});
