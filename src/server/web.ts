import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BedsideApp } from './app-types.ts';

/** Where `npm run build:web` (and `npm install`, through `prepare`) writes the web workbench. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Only same-origin scripts and styles; no framing (clickjacking), no referrer leaking ids. */
const PAGE_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'self'; img-src 'self' data: https:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/**
 * Serves the built web workbench (web/dist): files by path, with long-lived caching for the
 * content-hashed files under /assets/, and index.html for every other non-API path, so the
 * browser's router handles /inbox/…, /compose… on reload. Without a build, a short page says how.
 */
export function registerWeb(app: BedsideApp, distDir: string = WEB_DIST): void {
  const indexPath = join(distDir, 'index.html');
  const root = normalize(distDir.endsWith(sep) ? distDir : distDir + sep);

  app.get('/*', async (c, next) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return next();
    }
    if (path === '/api' || path.startsWith('/api/') || path === '/healthz' || path === '/readyz') return next();
    if (!existsSync(indexPath)) return c.html(MISSING_BUILD, 200, { 'cache-control': 'no-store' });

    const file = normalize(join(root, path));
    if (file.startsWith(root) && file !== root && existsSync(file) && statSync(file).isFile()) {
      const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
      const hashed = path.startsWith('/assets/');
      const headers: Record<string, string> = {
        'content-type': type,
        'cache-control': hashed ? 'public, max-age=31536000, immutable' : file === indexPath ? 'no-cache' : 'public, max-age=3600',
        'x-content-type-options': 'nosniff',
        ...(type.startsWith('text/html') ? PAGE_HEADERS : {}),
      };
      return c.body(readFileSync(file), 200, headers);
    }
    // A missing asset is a 404, not the app page (a stale tab asking for an old hash must fail clearly).
    if (path.startsWith('/assets/') || extname(path) !== '') return next();
    return c.body(readFileSync(indexPath), 200, { 'content-type': CONTENT_TYPES['.html']!, 'cache-control': 'no-cache', ...PAGE_HEADERS });
  });
}

const MISSING_BUILD = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Bedside: the web workbench is not built</title></head>
<body style="font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem">
<main><h1>Bedside is running</h1>
<p>The web workbench has not been built in this copy. Run <code>npm run build:web</code> (or <code>npm install</code>, which builds it) and reload this page.</p>
<p>The API is at <a href="/api/openapi.json">/api/openapi.json</a>.</p></main></body></html>`;
