import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FeedError, newItems, parseFeed, type FeedItem } from './index.ts';
import { htmlToPlainText } from './plain-text.ts';
import { toIsoUtc } from './dates.ts';

function rss(items: string, channel = '<title>T</title>'): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel>${channel}${items}</channel></rss>`;
}

function parseFailure(body: string, contentType?: string): FeedError {
  try {
    parseFeed(body, contentType);
  } catch (err) {
    assert.ok(err instanceof FeedError);
    return err;
  }
  assert.fail('parsed without error');
}

describe('parsing feed bodies', () => {
  it('an item without guid is identified by its link, and without link by a stable hash of title and date', () => {
    const body = rss('<item><title>A</title><link>https://a.example/1</link></item><item><title>B</title><pubDate>Mon, 13 May 2024 09:05:00 GMT</pubDate></item>');
    const [byLink, byHash] = parseFeed(body).items;
    assert.equal(byLink?.id, 'https://a.example/1');
    assert.match(byHash?.id ?? '', /^sha256:[0-9a-f]{32}$/);
    assert.equal(parseFeed(body).items[1]?.id, byHash?.id, 'the same item gets the same id on the next poll');
    const other = parseFeed(rss('<item><title>B</title><pubDate>Tue, 14 May 2024 09:05:00 GMT</pubDate></item>')).items[0];
    assert.notEqual(other?.id, byHash?.id);
  });

  it('a permalink guid doubles as the url', () => {
    const [item] = parseFeed(rss('<item><guid>https://a.example/p/1</guid><description>x</description></item>')).items;
    assert.equal(item?.url, 'https://a.example/p/1');
  });

  it('an item with no content uses its title as text', () => {
    const [item] = parseFeed(rss('<item><guid>1</guid><title>Only a title</title></item>')).items;
    assert.equal(item?.text, 'Only a title');
  });

  it('an empty channel is a feed with no items', () => {
    assert.deepEqual(parseFeed(rss('')).items, []);
  });

  it('blank lines before the XML declaration are tolerated, and positions still count them', () => {
    assert.equal(parseFeed(`\n\n${rss('<item><guid>1</guid></item>')}`).items.length, 1);
    const err = parseFailure('\n\n<?xml version="1.0"?>\n<rss version="2.0"><channel><title>a</titl></channel></rss>');
    assert.equal(err.line, 4);
  });

  it('XML that is not a feed says what its root is', () => {
    const err = parseFailure('<?xml version="1.0"?><sitemap><url/></sitemap>');
    assert.equal(err.code, 'NOT_A_FEED');
    assert.equal(err.message, 'the XML is not a feed (its root element is <sitemap>, not <rss>, <feed> or <rdf:RDF>)');
  });

  it('JSON that is not a JSON Feed is not a feed', () => {
    assert.equal(parseFailure('{"status":"ok"}').code, 'NOT_A_FEED');
    assert.equal(parseFailure('[1,2]').code, 'NOT_A_FEED');
  });

  it('malformed JSON is located even when JSON.parse names no position', () => {
    const err = parseFailure('{\n  "version": "https://jsonfeed.org/version/1.1",\n  "items": [ tru ]\n}');
    assert.equal(err.code, 'PARSE_ERROR');
    assert.equal(err.line, 3);
    assert.equal(err.column, 14);
  });

  it('plain text that is neither XML nor JSON is not a feed', () => {
    const err = parseFailure('Service Unavailable');
    assert.equal(err.message, 'the body is neither XML nor JSON (it starts with "Service Unavailable")');
  });
});

describe('plain text of feed HTML', () => {
  it('drops tags, scripts, styles and comments, keeps words apart at block boundaries', () => {
    assert.equal(htmlToPlainText('<p>One</p><p>Two<br/>Three</p><!-- x --><script>var a = "<p>";</script><b>Fo</b>ur'), 'One Two Three Four');
  });

  it('decodes named and numeric entities once', () => {
    assert.equal(htmlToPlainText('Caf&eacute; &amp; bar &#8212; &lt;b&gt; &amp;amp;'), 'Café & bar — <b> &amp;');
  });

  it('keeps a "<" that starts no tag', () => {
    assert.equal(htmlToPlainText('heart rate < 60 and <50'), 'heart rate < 60 and <50');
  });

  it('caps text at 10,000 characters without splitting a surrogate pair', () => {
    const text = htmlToPlainText(`<p>${'a'.repeat(9_999)}😀😀</p>`);
    assert.equal(text.length, 9_999);
    assert.equal(htmlToPlainText('x'.repeat(50_000)).length, 10_000);
  });
});

describe('feed dates', () => {
  it('reads RFC 822, RFC 3339 and zone-less timestamps as UTC', () => {
    assert.equal(toIsoUtc('Tue, 14 May 2024 15:30:00 +0000'), '2024-05-14T15:30:00.000Z');
    assert.equal(toIsoUtc('Mon, 13 May 2024 22:14:09 PDT'), '2024-05-14T05:14:09.000Z');
    assert.equal(toIsoUtc('Tue, 14 May 2024 15:30:00 CEST'), '2024-05-14T13:30:00.000Z');
    assert.equal(toIsoUtc('2024-05-10T08:00:00-05:00'), '2024-05-10T13:00:00.000Z');
    assert.equal(toIsoUtc('2024-05-10 08:00:00'), '2024-05-10T08:00:00.000Z');
    assert.equal(toIsoUtc('2024-05-10'), '2024-05-10T00:00:00.000Z');
  });

  it('leaves an unreadable date out rather than guessing', () => {
    assert.equal(toIsoUtc('yesterday'), undefined);
    assert.equal(toIsoUtc(''), undefined);
    assert.equal(toIsoUtc('0000-01-01T00:00:00Z'), undefined);
  });
});

describe('new items', () => {
  const item = (id: string): FeedItem => ({ id, text: id });

  it('keeps feed order and drops what was seen and repeats within the feed', () => {
    assert.deepEqual(newItems([item('c'), item('b'), item('c'), item('a')], new Set(['a'])).map((i) => i.id), ['c', 'b']);
  });
});
