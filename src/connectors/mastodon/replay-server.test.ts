import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recording, startReplay } from './replay-server.ts';

// The connector tests are only as strict as the replay: it must notice a request unlike the recording.

test('the replay reports a missing header and a different body', async () => {
  const server = await startReplay([recording('status-create-text.json')], 'token');
  await fetch(`${server.url}/api/v1/statuses`, { method: 'POST', headers: { authorization: 'Bearer token', 'content-type': 'application/json' }, body: '{"status":"other"}' });
  await assert.rejects(server.close(), /header idempotency-key: undefined[\s\S]*body \{"status":"other"\}/);
});

test('the replay reports a wrong token, an unexpected request and a recording never asked for', async () => {
  const server = await startReplay([recording('verify-credentials.json')], 'token');
  const refused = await fetch(`${server.url}/api/v1/accounts/verify_credentials`, { headers: { authorization: 'Bearer stolen' } });
  assert.equal(refused.status, 401);
  await fetch(`${server.url}/api/v1/instance`, { headers: { authorization: 'Bearer token' } });
  await assert.rejects(server.close(), /sent Authorization "Bearer stolen"[\s\S]*unexpected request GET \/api\/v1\/instance[\s\S]*never requested/);
});

test('the replay answers with the recorded status, headers and body', async () => {
  const server = await startReplay([recording('status-create-429.json')], 'token');
  const response = await fetch(`${server.url}/api/v1/statuses`, {
    method: 'POST',
    headers: { authorization: 'Bearer token', 'content-type': 'application/json' },
    body: JSON.stringify({ status: 'Reminder: masks are required in the oncology ward.' }),
  });
  assert.equal(response.status, 429);
  assert.equal(response.headers.get('x-ratelimit-reset'), '2025-03-14T10:05:00.000Z');
  assert.equal(response.headers.get('date'), 'Fri, 14 Mar 2025 10:02:13 GMT');
  assert.deepEqual(await response.json(), { error: 'Too many requests' });
  await server.close();
});
