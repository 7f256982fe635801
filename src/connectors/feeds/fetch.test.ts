import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { FeedError, fetchFeed, newItems, type FeedFetch } from './index.ts';

const fixture = (name: string): Buffer => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

type Route = (req: IncomingMessage, res: ServerResponse) => void;

function serve(body: Buffer | string, contentType: string, headers: Record<string, string> = {}): Route {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': contentType, ...headers });
    res.end(body);
  };
}

const ETAG = '"v42"';
const LAST_MODIFIED = 'Tue, 14 May 2024 16:02:11 GMT';
const routes: Record<string, Route> = {
  '/news.xml': serve(fixture('rss-news.xml'), 'application/rss+xml; charset=UTF-8', { etag: ETAG, 'last-modified': LAST_MODIFIED }),
  '/blog/atom.xml': serve(fixture('atom-blog.xml'), 'application/atom+xml'),
  '/stories/feed.json': serve(fixture('json-feed.json'), 'application/feed+json'),
  '/county.rdf': serve(fixture('rdf.xml'), 'application/rdf+xml'),
  '/alerts': serve(fixture('google-alerts.xml'), 'application/atom+xml; charset=utf-8'),
  '/reviews.rss': serve(fixture('reviews.xml'), 'text/xml'),
  '/moved-feed.xml': serve(fixture('html-page.html'), 'text/html; charset=utf-8'),
  '/html-as-rss.xml': serve(fixture('html-page.html'), 'application/rss+xml'),
  '/truncated.xml': serve(fixture('truncated.xml'), 'application/rss+xml'),
  '/truncated.json': serve(fixture('truncated.json'), 'application/feed+json'),
  '/malformed.xml': serve(fixture('malformed.xml'), 'application/rss+xml'),
  '/invalid-chars.xml': serve(fixture('invalid-chars.xml'), 'application/rss+xml'),
  '/empty.xml': serve('', 'application/rss+xml'),
  '/latin1.xml': serve(
    Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Clínica São José</title><item><guid>sj-1</guid><title>Inauguração</title></item></channel></rss>', 'latin1'),
    'application/xml',
  ),
  '/huge.xml': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>');
    const item = `<item><title>${'x'.repeat(1000)}</title></item>`.repeat(100);
    let sent = 0;
    const pump = (): void => {
      while (sent < 3_000_000) {
        sent += item.length;
        if (!res.write(item)) return void res.once('drain', pump);
      }
      res.end('</channel></rss>');
    };
    pump();
  },
  '/declared-huge.xml': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(50 * 1024 * 1024) });
    res.end();
  },
  '/slow.xml': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
    const timer = setTimeout(() => res.end('</channel></rss>'), 5_000);
    res.on('close', () => clearTimeout(timer));
  },
  '/error.xml': (_req, res) => {
    res.writeHead(500, { 'content-type': 'text/html' });
    res.end('<h1>Internal Server Error</h1>');
  },
  '/gone.xml': (_req, res) => {
    res.writeHead(404);
    res.end();
  },
  '/redirect': (_req, res) => {
    res.writeHead(301, { location: '/blog/atom.xml' });
    res.end();
  },
};

let server: Server;
let base = '';
const requests: IncomingMessage[] = [];

before(async () => {
  server = createServer((req, res) => {
    requests.push(req);
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/news.xml' && (req.headers['if-none-match'] === ETAG || req.headers['if-modified-since'] === LAST_MODIFIED)) {
      res.writeHead(304, { etag: ETAG });
      res.end();
      return;
    }
    const route = routes[path];
    if (route) route(req, res);
    else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function fetched(path: string): Promise<Extract<FeedFetch, { notModified: false }>> {
  const result = await fetchFeed(`${base}${path}`);
  assert.equal(result.notModified, false);
  return result as Extract<FeedFetch, { notModified: false }>;
}

async function failure(path: string, options: Parameters<typeof fetchFeed>[1] = {}): Promise<FeedError> {
  try {
    await fetchFeed(`${base}${path}`, options);
  } catch (err) {
    assert.ok(err instanceof FeedError, `expected a FeedError, got ${String(err)}`);
    assert.ok(err.message.startsWith(`${base}${path}: `), `the message names the URL: ${err.message}`);
    return err;
  }
  assert.fail(`${path} was read without error`);
}

describe('fetching feeds from a web server', () => {
  it('reads a WordPress RSS 2.0 news feed with content:encoded and CDATA and keeps its validators', async () => {
    const result = await fetched('/news.xml');
    assert.equal(result.feed.format, 'rss');
    assert.equal(result.feed.title, 'Valley Courier – Health');
    assert.equal(result.items.length, 3);
    const [wing] = result.items;
    assert.equal(wing?.id, 'https://valleycourier.example/health/?p=48213');
    assert.equal(wing?.url, 'https://valleycourier.example/health/2024/05/14/riverside-health-cardiac-wing/');
    assert.equal(wing?.author, 'Maria Lopez');
    assert.equal(wing?.publishedAt, '2024-05-14T15:30:00.000Z');
    assert.match(wing?.text ?? '', /^RIVERSIDE — Riverside Health cut the ribbon Tuesday/);
    assert.match(wing?.text ?? '', /“We were sending people two hours away,” said Dr\. Anita Shah/);
    assert.doesNotMatch(wing?.text ?? '', /adsbygoogle|margin|</, 'scripts, styles and tags are gone');
    assert.equal(result.etag, ETAG);
    assert.equal(result.lastModified, LAST_MODIFIED);
  });

  it('sends the validators back and reports 304 Not Modified as nothing new', async () => {
    assert.deepEqual(await fetchFeed(`${base}/news.xml`, { etag: ETAG }), { notModified: true });
    assert.deepEqual(await fetchFeed(`${base}/news.xml`, { lastModified: LAST_MODIFIED }), { notModified: true });
    const last = requests.at(-1);
    assert.equal(last?.headers['if-modified-since'], LAST_MODIFIED);
  });

  it('reads an Atom blog feed, resolving relative links against the feed address', async () => {
    const result = await fetched('/blog/atom.xml');
    assert.equal(result.feed.format, 'atom');
    assert.equal(result.items[0]?.url, `${base}/blog/2024/05/sleep-lab/`);
    assert.equal(result.items[0]?.title, 'Why I send patients to Riverside’s new sleep lab');
    assert.equal(result.items[0]?.publishedAt, '2024-05-10T13:00:00.000Z');
    assert.equal(result.items[1]?.text, 'Drink before you are thirsty. Slow down above 30°C.');
  });

  it('follows a redirect to the feed', async () => {
    const result = await fetched('/redirect');
    assert.equal(result.feed.title, 'Healthy Habits Blog');
  });

  it('reads a JSON Feed 1.1, stringifying numeric ids', async () => {
    const result = await fetched('/stories/feed.json');
    assert.equal(result.feed.format, 'json');
    assert.deepEqual(
      result.items.map((item) => item.id),
      ['https://stories.mercywest.example/2024/05/09/back-on-the-bike', '2024-05-02-volunteers', '1017'],
    );
    assert.equal(result.items[0]?.publishedAt, '2024-05-09T12:00:00.000Z');
    assert.equal(result.items[1]?.text, 'Our 212 volunteers gave 14,000 hours last year. Thank you.');
    assert.equal(result.items[2]?.publishedAt, '2024-04-30T18:45:00.000Z');
  });

  it('reads an RSS 1.0 (RDF) feed', async () => {
    const result = await fetched('/county.rdf');
    assert.equal(result.feed.format, 'rdf');
    assert.equal(result.items[0]?.id, 'https://county-health.example/news/2024/measles-clinic');
    assert.equal(result.items[0]?.text, 'Walk-in MMR vaccines on Saturday, 9am–1pm.');
    assert.equal(result.items[0]?.publishedAt, '2024-05-08T23:00:00.000Z');
  });

  it('reads a Google Alerts feed, unwrapping the google.com redirect to the article address', async () => {
    const result = await fetched('/alerts');
    assert.equal(result.feed.title, 'Google Alert - "Riverside Health"');
    assert.equal(result.items[0]?.url, 'https://valleycourier.example/health/2024/05/14/riverside-health-cardiac-wing/');
    assert.equal(result.items[0]?.title, 'Riverside Health opens new cardiac wing after two-year build');
    assert.match(result.items[0]?.text ?? '', /hospital's capacity for heart \.\.\.$/);
    assert.equal(result.items[0]?.author, undefined, 'an empty <name/> is no author');
  });

  it('reads a review-site feed, taking the reviewer name out of the RSS author e-mail', async () => {
    const result = await fetched('/reviews.rss');
    assert.equal(result.items[0]?.author, 'Pat R.');
    assert.equal(result.items[0]?.publishedAt, '2024-05-14T05:14:09.000Z');
    assert.equal(result.items[0]?.text, "Rating: 2/5 Waited 3 hours with my son's broken wrist. Front desk was rude. Doctor was great though.");
  });

  it('decodes a feed in the charset its XML declaration names', async () => {
    const result = await fetched('/latin1.xml');
    assert.equal(result.feed.title, 'Clínica São José');
    assert.equal(result.items[0]?.title, 'Inauguração');
  });

  it('repairs the control characters and bare ampersands real feeds carry', async () => {
    const result = await fetched('/invalid-chars.xml');
    assert.equal(result.feed.title, 'Johnson & Johnson Health News');
    assert.equal(result.items[0]?.title, 'Vaccine update from J&J');
    assert.equal(result.items[0]?.text, 'Paste from Word left a form feed & a vertical tab.');
  });

  it('answers that an HTML page is not a feed, whatever its content type says', async () => {
    for (const path of ['/moved-feed.xml', '/html-as-rss.xml']) {
      const err = await failure(path);
      assert.equal(err.code, 'NOT_A_FEED');
      assert.equal(err.message, `${base}${path}: the server answered with an HTML page, not a feed`);
      assert.equal(err.retryable, false);
    }
  });

  it('locates a truncated XML file at its end', async () => {
    const err = await failure('/truncated.xml');
    assert.equal(err.code, 'PARSE_ERROR');
    assert.equal(err.line, 34);
    assert.equal(err.message, `${base}/truncated.xml: the XML ends early at line 34, column 31 (truncated file?)`);
  });

  it('locates a truncated JSON Feed', async () => {
    const err = await failure('/truncated.json');
    assert.equal(err.code, 'PARSE_ERROR');
    assert.equal(err.line, 14);
    assert.match(err.message, /the JSON ends early at line 14, column \d+ \(truncated file\?\)$/);
  });

  it('locates malformed XML (an unescaped "<" in a title)', async () => {
    const err = await failure('/malformed.xml');
    assert.equal(err.code, 'PARSE_ERROR');
    assert.equal(err.line, 7);
    assert.match(err.message, /: the XML is malformed \(.+\) at line 7, column \d+$/);
  });

  it('says an empty body is not a feed', async () => {
    const err = await failure('/empty.xml');
    assert.equal(err.code, 'NOT_A_FEED');
    assert.equal(err.message, `${base}/empty.xml: the body is empty`);
  });

  it('reports a server error with its status, as worth retrying', async () => {
    const err = await failure('/error.xml');
    assert.equal(err.code, 'HTTP_ERROR');
    assert.equal(err.status, 500);
    assert.equal(err.message, `${base}/error.xml: HTTP 500 Internal Server Error`);
    assert.equal(err.retryable, true);
  });

  it('reports a missing feed as not worth retrying', async () => {
    const err = await failure('/gone.xml');
    assert.equal(err.status, 404);
    assert.equal(err.retryable, false);
  });

  it('stops reading a body larger than maxBytes', async () => {
    const err = await failure('/huge.xml', { maxBytes: 1024 * 1024 });
    assert.equal(err.code, 'TOO_LARGE');
    assert.match(err.message, /larger than the 1048576 bytes allowed$/);
  });

  it('refuses a body whose declared length is over maxBytes without reading it', async () => {
    const err = await failure('/declared-huge.xml');
    assert.equal(err.code, 'TOO_LARGE');
  });

  it('gives up on a server that does not finish within the timeout', async () => {
    const started = Date.now();
    const err = await failure('/slow.xml', { timeoutMs: 300 });
    assert.equal(err.code, 'TIMEOUT');
    assert.ok(Date.now() - started < 3_000);
    assert.equal(err.retryable, true);
  });

  it('reports a server that cannot be reached as a network error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await assert.rejects(fetchFeed(`http://127.0.0.1:${port}/feed.xml`), (err: unknown) => {
      assert.ok(err instanceof FeedError);
      assert.equal(err.code, 'NETWORK');
      assert.match(err.message, new RegExp(`^http://127\\.0\\.0\\.1:${port}/feed\\.xml: could not reach the server \\(ECONNREFUSED\\)$`));
      return true;
    });
  });

  it('refuses addresses that are not http(s)', async () => {
    await assert.rejects(fetchFeed('file:///etc/passwd'), { code: 'NETWORK' });
    await assert.rejects(fetchFeed('not a url'), { code: 'NETWORK' });
  });

  it('after a failed poll, the next good poll yields only the items not stored yet', async () => {
    const first = await fetched('/news.xml');
    const stored = new Set(first.items.slice(1).map((item) => item.id));
    await failure('/error.xml');
    const again = await fetched('/news.xml');
    assert.deepEqual(newItems(again.items, stored).map((item) => item.id), [first.items[0]?.id]);
    assert.deepEqual(newItems(again.items, new Set(again.items.map((item) => item.id))), []);
  });
});
