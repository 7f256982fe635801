import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { BedsideApp, ServerVariables } from './app-types.ts';
import { registerWeb } from './web.ts';

/** A server with one API route and the web workbench from a dist folder built for the test. */
function appWith(dist: string): BedsideApp {
  const app: BedsideApp = new OpenAPIHono<{ Variables: ServerVariables }>();
  app.get('/api/ping', (c) => c.json({ ok: true }));
  registerWeb(app, dist);
  app.notFound((c) => c.json({ error: { code: 'NOT_FOUND', message: 'no route' } }, 404));
  return app;
}

function builtDist(): string {
  const dist = mkdtempSync(join(tmpdir(), 'bedside-web-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Bedside</title><script type="module" src="/assets/index-abc123.js"></script>');
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log("bedside")');
  writeFileSync(join(dist, 'assets', 'index-abc123.css'), 'body{}');
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dist;
}

test('hashed assets are served with their content type and cached for a year; the page itself is revalidated', async () => {
  const dist = builtDist();
  try {
    const app = appWith(dist);
    const js = await app.request('/assets/index-abc123.js');
    assert.equal(js.status, 200);
    assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(js.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(await js.text(), 'console.log("bedside")');
    assert.equal((await app.request('/assets/index-abc123.css')).headers.get('content-type'), 'text/css; charset=utf-8');
    assert.equal((await app.request('/favicon.svg')).headers.get('content-type'), 'image/svg+xml');
    const page = await app.request('/');
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(page.headers.get('cache-control'), 'no-cache');
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});

test('any other page path gets the app (the browser routes it); API paths and missing assets stay 404 JSON', async () => {
  const dist = builtDist();
  try {
    const app = appWith(dist);
    for (const path of ['/inbox', '/inbox/5b0f3c1e-0000-4000-8000-000000000000?status=closed', '/setup?token=abc', '/compose']) {
      const res = await app.request(path);
      assert.equal(res.status, 200, path);
      assert.match(await res.text(), /<title>Bedside<\/title>/, path);
    }
    assert.deepEqual(await (await app.request('/api/ping')).json(), { ok: true });
    const api = await app.request('/api/nothing-here');
    assert.equal(api.status, 404);
    assert.equal(((await api.json()) as { error: { code: string } }).error.code, 'NOT_FOUND');
    assert.equal((await app.request('/assets/index-old999.js')).status, 404);
    assert.equal((await app.request('/robots.txt')).status, 404);
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});

test('a path that climbs out of the build folder is never served', async () => {
  const dist = builtDist();
  const outside = join(dist, '..', `secret-${process.pid}.txt`);
  writeFileSync(outside, 'secret');
  try {
    const app = appWith(dist);
    for (const path of [`/../secret-${process.pid}.txt`, `/%2e%2e/secret-${process.pid}.txt`, `/assets/..%2f..%2fsecret-${process.pid}.txt`]) {
      const res = await app.request(path);
      assert.doesNotMatch(await res.text(), /^secret$/, path);
    }
  } finally {
    rmSync(outside, { force: true });
    rmSync(dist, { recursive: true, force: true });
  }
});

test('without a build, every page says how to build the workbench', async () => {
  const app = appWith(join(tmpdir(), 'bedside-no-such-dist'));
  const res = await app.request('/inbox');
  assert.equal(res.status, 200);
  assert.match(await res.text(), /npm run build:web/);
  assert.equal((await app.request('/api/ping')).status, 200);
});
