import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claimBack, claimFront, newClaims, MAX_CLAIMED } from './shared-claims.ts';

test('front and back claims take every message once: a prefix from the front, the rest from the back', () => {
  for (const count of [0, 1, 2, 7, 250, MAX_CLAIMED]) {
    for (const pattern of [[1, 0], [0, 1], [3, 1], [1, 5]]) {
      const claims = newClaims(count);
      const front: number[] = [];
      const back: number[] = [];
      for (let turn = 0, done = false; !done; turn++) {
        done = true;
        for (let k = 0; k < pattern[0]!; k++) {
          const i = claimFront(claims);
          if (i < 0) continue;
          front.push(i);
          done = false;
        }
        for (let k = 0; k < pattern[1]!; k++) {
          const i = claimBack(claims);
          if (i < 0) continue;
          back.push(i);
          done = false;
        }
      }
      assert.deepEqual(front, Array.from({ length: front.length }, (_, i) => i));
      assert.deepEqual(back, Array.from({ length: back.length }, (_, i) => count - 1 - i));
      assert.equal(front.length + back.length, count);
      assert.equal(claimFront(claims), -1);
      assert.equal(claimBack(claims), -1);
    }
  }
  assert.throws(() => newClaims(MAX_CLAIMED + 1), RangeError);
});
