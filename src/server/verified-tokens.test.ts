import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { VerifiedTokens } from './verified-tokens.ts';
import type { Actor } from '../operations/context.ts';

const owner: Actor = { type: 'api_token', workspaceId: 'w-1', userId: 'u-1', role: 'owner', credentialId: 't-1' };

function counting(answer: () => Actor | undefined) {
  const calls: string[] = [];
  return { calls, lookup: async (token: string) => (calls.push(token), answer()) };
}

describe('verified API tokens', () => {
  test('a token verified once is trusted for the TTL only, then looked up again', async () => {
    let now = 1_000;
    const cache = new VerifiedTokens(2000, () => now);
    const db = counting(() => ({ ...owner }));
    assert.equal((await cache.actorFor('bsd_a', db.lookup))?.role, 'owner');
    now += 1999;
    assert.equal((await cache.actorFor('bsd_a', db.lookup))?.role, 'owner');
    assert.equal(db.calls.length, 1);
    now += 1;
    await cache.actorFor('bsd_a', db.lookup);
    assert.equal(db.calls.length, 2, 'expired entries are looked up again');
    await cache.actorFor('bsd_b', db.lookup);
    assert.equal(db.calls.length, 3, 'another token is its own entry');
  });

  test('an unknown or revoked token is never remembered', async () => {
    const cache = new VerifiedTokens(2000, () => 0);
    let valid = false;
    const db = counting(() => (valid ? { ...owner } : undefined));
    assert.equal(await cache.actorFor('bsd_a', db.lookup), undefined);
    valid = true;
    assert.equal((await cache.actorFor('bsd_a', db.lookup))?.role, 'owner', 'a token created since is accepted at once');
  });

  test('forgetAll makes the next request ask the database, even for a lookup already under way', async () => {
    const cache = new VerifiedTokens(60_000, () => 0);
    let role: Actor['role'] = 'owner';
    const db = counting(() => ({ ...owner, role }));
    await cache.actorFor('bsd_a', db.lookup);
    role = 'viewer';
    cache.forgetAll();
    assert.equal((await cache.actorFor('bsd_a', db.lookup))?.role, 'viewer');

    // A lookup that read the old answer before a change, and finishes after forgetAll, must not store it.
    let release!: () => void;
    const slow = async () => {
      await new Promise<void>((r) => (release = r));
      return { ...owner, role: 'admin' as const };
    };
    cache.forgetAll();
    const pending = cache.actorFor('bsd_a', slow);
    cache.forgetAll();
    release();
    assert.equal((await pending)?.role, 'admin');
    role = 'editor';
    assert.equal((await cache.actorFor('bsd_a', db.lookup))?.role, 'editor');
  });

  test('the shared actor cannot be changed by one request for the next', async () => {
    const cache = new VerifiedTokens(60_000, () => 0);
    const actor = await cache.actorFor('bsd_a', async () => ({ ...owner, role: 'viewer' }));
    assert.throws(() => {
      (actor as { role: string }).role = 'owner';
    }, TypeError);
  });
});
