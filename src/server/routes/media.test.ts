import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ENGINES } from '../../testing/engines.ts';
import { testServer } from '../../testing/server.ts';
import { TINY_PNG } from '../../testing/bluesky-network.ts';

for (const engine of ENGINES) {
  describe(`uploaded images over HTTP on ${engine}`, () => {
    test('an upload is served back as it was stored, with its sniffed type and never sniffed again by the browser; an unknown id is 404', async () => {
      const s = await testServer(engine);
      try {
        // The client says octet-stream; the type comes from the bytes.
        const uploaded = (await (await s.request('POST', '/api/media', { as: s.as.editor, body: { raw: TINY_PNG } })).json()) as { id: string };
        const res = await s.request('GET', `/api/media/${uploaded.id}`, { as: s.as.viewer });
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('content-type'), 'image/png');
        assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
        assert.match(res.headers.get('cache-control') ?? '', /^private/);
        assert.deepEqual(new Uint8Array(await res.arrayBuffer()), TINY_PNG);
        assert.equal((await s.request('GET', `/api/media/${randomUUID()}`, { as: s.as.viewer })).status, 404);
      } finally {
        await s.cleanup();
      }
    });
  });
}
