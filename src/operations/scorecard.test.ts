import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { testServer } from '../testing/server.ts';
import { startBlueskyNetwork, type BlueskyTestNetwork } from '../testing/bluesky-network.ts';

let net: BlueskyTestNetwork;
before(async () => {
  net = await startBlueskyNetwork();
});
after(async () => {
  await net?.close();
});

test('a new workspace scores "not enough data" with what is missing; a second channel waits for mastery unless the owner overrides (audited)', async () => {
  const s = await testServer('sqlite');
  try {
    const empty = (await (await s.request('GET', '/api/scorecard', { as: s.as.viewer })).json()) as { scorecard: { rules: Array<{ rule: string; score: number | null; status: string; missing?: string }> } };
    assert.equal(empty.scorecard.rules.length, 7);
    for (const r of empty.scorecard.rules) {
      assert.equal(r.score, null, `${r.rule} has no misleading number`);
      assert.equal(r.status, 'not_enough_data');
      assert.ok(r.missing && r.missing.length > 5, `${r.rule} says what is missing`);
    }

    const first = await net.account('smallfirst');
    const second = await net.account('smallsecond');
    const connect = async (account: typeof first) =>
      s.request('POST', '/api/channels', { as: s.as.admin, body: { network: 'bluesky', handle: account.handle, credentials: { appPassword: await net.appPassword(account), serviceUrl: net.pdsUrl } } });
    assert.equal((await connect(first)).status, 201);
    const refused = await connect(second);
    assert.equal(refused.status, 409);
    assert.match(((await refused.json()) as { error: { message: string } }).error.message, /start small/);
    assert.equal((await s.request('POST', '/api/start-small/override', { as: s.as.admin })).status, 403, 'only the owner may override');
    assert.equal((await s.request('POST', '/api/start-small/override', { as: s.as.owner })).status, 204);
    assert.equal((await connect(second)).status, 201);
    const audit = (await (await s.request('GET', '/api/audit?limit=100', { as: s.as.owner })).json()) as { entries: Array<{ action: string }> };
    assert.ok(audit.entries.some((e) => e.action === 'start_small.overridden'));

    const withChannel = (await (await s.request('GET', '/api/scorecard', { as: s.as.viewer })).json()) as { mastery: { mastered: boolean; checks: unknown[] } };
    assert.equal(withChannel.mastery.mastered, false);
    assert.equal(withChannel.mastery.checks.length, 3);
  } finally {
    await s.cleanup();
  }
});
