import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validate, version } from 'uuid';
import { timeOrderedId } from './row-ids.ts';

test('row ids are version 7 UUIDs, unique, in creation order even within one millisecond, carrying the time', () => {
  const before = Date.now();
  // Far more ids than the random pool holds (256), most of them within the same milliseconds.
  const ids = Array.from({ length: 20_000 }, () => timeOrderedId());
  const after = Date.now();
  assert.ok(ids.every((id) => validate(id) && version(id) === 7));
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual([...ids].sort(), ids);
  const msOf = (id: string): number => parseInt(id.replaceAll('-', '').slice(0, 12), 16);
  assert.ok(msOf(ids[0]!) >= before && msOf(ids.at(-1)!) <= after + 1, `${msOf(ids[0]!)} ${before} ${msOf(ids.at(-1)!)} ${after}`);
  // The random part differs from id to id (the pool is not reused).
  assert.equal(new Set(ids.map((id) => id.slice(-12))).size, ids.length);
});
