import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ConnectorError, type ConnectorSession } from '../types.ts';
import { createMastodonConnector } from './index.ts';
import { startFaultServer, type FaultServer } from '../../testing/fault-server.ts';

// What the connector makes of each fault the network can throw at it: the error code the
// scheduler acts on, and no status made twice when a call is repeated with its key.

let server: FaultServer;
let session: ConnectorSession;
const TIMEOUT_MS = 300;

before(async () => {
  server = await startFaultServer();
  session = await createMastodonConnector({ requestTimeoutMs: TIMEOUT_MS }).connect({ instanceUrl: server.url, accessToken: server.token });
});
after(async () => {
  await server?.close();
});

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ConnectorError, `expected a ConnectorError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

test('the same Idempotency-Key answers the same status and makes nothing new', async () => {
  const before = server.statuses.length;
  const first = await session.publish({ text: 'Flu shots this week, walk in 8–5.', idempotencyKey: 'fault-key-1' });
  const again = await session.publish({ text: 'Flu shots this week, walk in 8–5.', idempotencyKey: 'fault-key-1' });
  assert.equal(again.uri, first.uri);
  assert.equal(server.statuses.length, before + 1);
});

test('a 429 gives RATE_LIMITED with the wait announced by X-RateLimit-Reset, Retry-After seconds or an HTTP date, never shorter', async () => {
  for (const header of ['x-ratelimit-reset', 'retry-after-seconds', 'retry-after-date'] as const) {
    server.inject({ kind: 'rate_limit', retryAfterSeconds: 7, header });
    const error = await failure(session.publish({ text: 'Rate limited', idempotencyKey: `fault-429-${header}` }));
    assert.equal(error.code, 'RATE_LIMITED', header);
    assert.ok(error.retryAfterSeconds !== undefined && error.retryAfterSeconds >= 7 && error.retryAfterSeconds <= 9, `${header}: ${error.retryAfterSeconds}`);
  }
});

test('500, 502 and 503 (JSON or an HTML page) are TRANSIENT and make nothing', async () => {
  const before = server.statuses.length;
  for (const status of [500, 502, 503] as const) {
    server.inject({ kind: 'server_error', status });
    const error = await failure(session.publish({ text: 'Burst', idempotencyKey: `fault-5xx-${status}` }));
    assert.equal(error.code, 'TRANSIENT', `HTTP ${status}: ${error.message}`);
    assert.equal(error.retryable, true);
  }
  assert.equal(server.statuses.length, before);
});

test('a response that never comes is cut off by the request timeout (TRANSIENT); the retry with the key finds the status made meanwhile', async () => {
  server.inject({ kind: 'timeout', afterApplying: true });
  const started = Date.now();
  const error = await failure(session.publish({ text: 'Timed out but made', idempotencyKey: 'fault-timeout-1' }));
  const took = Date.now() - started;
  assert.equal(error.code, 'TRANSIENT', error.message);
  assert.ok(took >= TIMEOUT_MS - 20 && took < TIMEOUT_MS + 2000, `cut off after ${took} ms`);
  const made = server.statuses.filter((s) => s.idempotencyKey === 'fault-timeout-1');
  assert.equal(made.length, 1, 'the server made it before going silent');
  const retried = await session.publish({ text: 'Timed out but made', idempotencyKey: 'fault-timeout-1' });
  assert.equal(retried.uri, made[0]!.id);
  assert.equal(server.statuses.filter((s) => s.idempotencyKey === 'fault-timeout-1').length, 1);
});

test('a connection reset, before or halfway through the answer, is TRANSIENT', async () => {
  server.inject({ kind: 'reset' });
  assert.equal((await failure(session.publish({ text: 'Reset', idempotencyKey: 'fault-reset-1' }))).code, 'TRANSIENT');
  assert.equal(server.statuses.filter((s) => s.idempotencyKey === 'fault-reset-1').length, 0);
  server.inject({ kind: 'reset', afterApplying: true });
  assert.equal((await failure(session.publish({ text: 'Reset after', idempotencyKey: 'fault-reset-2' }))).code, 'TRANSIENT');
  const retried = await session.publish({ text: 'Reset after', idempotencyKey: 'fault-reset-2' });
  assert.deepEqual(server.statuses.filter((s) => s.idempotencyKey === 'fault-reset-2').map((s) => s.id), [retried.uri]);
});

test('an expired token is AUTH_REVOKED, not worth retrying', async () => {
  server.inject({ kind: 'unauthorized' });
  const error = await failure(session.publish({ text: 'Expired', idempotencyKey: 'fault-401' }));
  assert.equal(error.code, 'AUTH_REVOKED');
  assert.match(error.message, /access token is invalid/);
  assert.equal(error.retryable, false);
});

test('a status deleted on the instance: metrics leave it out, the key reports it gone (NOT_FOUND) rather than posting it again', async () => {
  const kept = await session.publish({ text: 'Kept', idempotencyKey: 'fault-kept' });
  const gone = await session.publish({ text: 'Deleted later', idempotencyKey: 'fault-deleted' });
  server.deleteStatus(gone.uri);
  const metrics = await session.metrics([{ uri: kept.uri }, { uri: gone.uri }]);
  assert.deepEqual(metrics.map((m) => m.uri), [kept.uri]);
  const before = server.statuses.length;
  assert.equal((await failure(session.publish({ text: 'Deleted later', idempotencyKey: 'fault-deleted' }))).code, 'NOT_FOUND');
  assert.equal((await failure(session.findOwnPost('fault-deleted', new Date(Date.now() - 60_000)))).code, 'NOT_FOUND');
  assert.equal(await session.findOwnPost('fault-never-sent', new Date(Date.now() - 60_000)), undefined);
  assert.equal(server.statuses.length, before);
});
