import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MastoHttpError, MastoTimeoutError, MastoUnexpectedError } from 'masto';
import { ConnectorError } from '../types.ts';
import { retryAfterSecondsFrom, toConnectorError } from './errors.ts';

/** What masto.js throws for an HTTP error: the server's `error` text, the status, the Response as cause. */
function httpError(statusCode: number, message: string, headers: Record<string, string> = {}): MastoHttpError {
  return new MastoHttpError({ statusCode, message }, { cause: new Response(null, { status: statusCode, headers }) });
}

const NOW = () => new Date('2025-03-14T10:00:00Z');

test('401 means the token was revoked', () => {
  const error = toConnectorError(httpError(401, 'The access token is invalid'));
  assert.equal(error.code, 'AUTH_REVOKED');
  assert.match(error.message, /The access token is invalid/);
});

test('403 is AUTH_REVOKED and says the account may be suspended', () => {
  const error = toConnectorError(httpError(403, 'Your login is currently disabled'));
  assert.equal(error.code, 'AUTH_REVOKED');
  assert.match(error.message, /suspended/);
  assert.match(error.message, /Your login is currently disabled/);
});

test('404 is NOT_FOUND', () => {
  assert.equal(toConnectorError(httpError(404, 'Record not found')).code, 'NOT_FOUND');
});

test('422 about the length blames the text; about an upload, the image or its alt text', () => {
  const tooLong = toConnectorError(httpError(422, 'Validation failed: Text character limit of 500 exceeded'));
  assert.equal(tooLong.code, 'INVALID_CONTENT');
  assert.equal(tooLong.field, 'text');
  assert.match(tooLong.message, /character limit of 500 exceeded/);
  assert.equal(toConnectorError(httpError(422, "Validation failed: Text can't be blank")).field, undefined);
  assert.equal(toConnectorError(httpError(422, 'Validation failed: File content type is invalid'), { field: 'images[1]' }).field, 'images[1]');
  assert.equal(toConnectorError(httpError(422, 'Validation failed: Description is too long (maximum is 1500 characters)'), { field: 'images[0]' }).field, 'images[0].altText');
});

test('429 waits until X-RateLimit-Reset, counted from the response Date rather than our clock', () => {
  const error = toConnectorError(httpError(429, 'Too many requests', { date: 'Fri, 14 Mar 2025 10:02:13 GMT', 'x-ratelimit-reset': '2025-03-14T10:05:00.000Z', 'x-ratelimit-remaining': '0' }), { now: NOW });
  assert.equal(error.code, 'RATE_LIMITED');
  assert.equal(error.retryAfterSeconds, 167);
  assert.equal(error.retryable, true);
});

test('429 without a Date header measures the reset against the local clock', () => {
  assert.equal(toConnectorError(httpError(429, 'Too many requests', { 'x-ratelimit-reset': '2025-03-14T10:01:30.500Z' }), { now: NOW }).retryAfterSeconds, 91);
});

test('429 from a proxy falls back to Retry-After, in seconds or as a date', () => {
  assert.equal(retryAfterSecondsFrom(new Headers({ 'retry-after': '120' }), NOW), 120);
  assert.equal(retryAfterSecondsFrom(new Headers({ 'retry-after': 'Fri, 14 Mar 2025 10:00:30 GMT', date: 'Fri, 14 Mar 2025 10:00:00 GMT' }), NOW), 30);
  assert.equal(retryAfterSecondsFrom(new Headers(), NOW), undefined);
  assert.equal(toConnectorError(httpError(429, 'Too many requests')).retryAfterSeconds, undefined);
});

test('a reset already passed still waits at least a second', () => {
  assert.equal(retryAfterSecondsFrom(new Headers({ 'x-ratelimit-reset': '2025-03-14T09:59:00Z' }), NOW), 1);
});

test('server errors, timeouts and network failures are TRANSIENT', () => {
  for (const status of [500, 502, 503, 504, 408]) assert.equal(toConnectorError(httpError(status, 'oops')).code, 'TRANSIENT', String(status));
  assert.equal(toConnectorError(new MastoTimeoutError('Request timed out')).code, 'TRANSIENT');
  assert.equal(toConnectorError(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:1') })).code, 'TRANSIENT');
  assert.equal(toConnectorError(new MastoUnexpectedError('The server returned data with an unknown encoding. The server may be down.')).code, 'TRANSIENT');
});

test('other client errors are PERMANENT, and so is anything unrecognised', () => {
  assert.equal(toConnectorError(httpError(400, 'Bad request')).code, 'PERMANENT');
  assert.equal(toConnectorError(httpError(410, 'Gone')).code, 'PERMANENT');
  assert.equal(toConnectorError(new Error('something else')).code, 'PERMANENT');
});

test('a ConnectorError passes through unchanged', () => {
  const original = new ConnectorError('INVALID_CONTENT', 'no alt text', { field: 'images[0].altText' });
  assert.equal(toConnectorError(original), original);
});
