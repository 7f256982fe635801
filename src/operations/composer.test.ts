import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ENGINES } from '../testing/engines.ts';
import { testServer, type TestServer } from '../testing/server.ts';
import { insertChannel } from '../storage/channels.ts';

const DAY = 86_400_000;

/** Published posts on `channelId`, `daysAgo` each, written straight to storage (history, not the flow under test). */
async function published(s: TestServer, channelId: string, texts: Array<[text: string, daysAgo: number]>): Promise<void> {
  for (const [text, daysAgo] of texts) {
    const at = new Date(Date.now() - daysAgo * DAY).toISOString();
    const postId = randomUUID();
    await s.ctx.storage.db.insertInto('posts').values({ id: postId, workspace_id: s.workspaceId, author_id: s.as.editor.userId, state: 'published', parts: JSON.stringify([{ text }]), scheduled_at: at, revision: 1, approved_by: null, approved_at: null, idempotency_key: null, created_at: at, updated_at: at }).execute();
    await s.ctx.storage.db.insertInto('post_targets').values({ id: randomUUID(), workspace_id: s.workspaceId, post_id: postId, channel_id: channelId, state: 'published', job_id: null, remote: '[]', published_at: at, error_code: null, error_message: null, updated_at: at }).execute();
  }
}

type Check = { findings: Array<{ rule: string; severity: string; message: string }>; blocked: boolean };

for (const engine of ENGINES) {
  test(`${engine}: the composer warns when a promotional draft would push the last 30 days over the promotional target, and only then`, async () => {
    const s = await testServer(engine);
    try {
      const channelId = randomUUID();
      await insertChannel(s.ctx.storage.db, { id: channelId, workspaceId: s.workspaceId, network: 'bluesky', handle: 'mix.test', displayName: null, credentialsSealed: 'x', primary: true });
      const check = async (text: string): Promise<Check> => {
        const res = await s.request('POST', '/api/composer/check', { as: s.as.editor, body: { parts: [{ text }], channelIds: [channelId] } });
        assert.equal(res.status, 200);
        return (await res.json()) as Check;
      };
      const promo = 'Book your mammogram today: 20% off screening packages this month only!';
      const education = 'Five signs of a stroke: face drooping, arm weakness, speech trouble. Call 911.';

      // 4 educational posts and 1 promotional one in 30 days; a promotional post 40 days ago is outside the window.
      await published(s, channelId, [[education, 2], [education, 5], ['Meet Nurse Priya, 20 years in our NICU', 8], [education, 12], [promo, 20], [promo, 40]]);
      const over = await check(promo);
      const finding = over.findings.find((f) => f.rule === 'value_mix');
      assert.ok(finding, 'a second promotional post of 6 (33%) is over the 20% target');
      assert.equal(finding.severity, 'warn');
      assert.equal(over.blocked, false, 'a warning, not a block');
      assert.match(finding.message, /2 of 6 posts in the last 30 days/);
      assert.match(finding.message, /Publish 4 educational/);

      assert.equal((await check(education)).findings.some((f) => f.rule === 'value_mix'), false, 'an educational draft never warns');

      // Enough non-promotional history brings the draft within target: 2 of 10 is 20%.
      await published(s, channelId, [[education, 1], [education, 3], [education, 4], [education, 6]]);
      assert.equal((await check(promo)).findings.some((f) => f.rule === 'value_mix'), false);

      // A workspace target of 10% makes the same draft too much again.
      await s.ctx.storage.db.updateTable('workspaces').set({ settings: JSON.stringify({ valueTarget: { promotionalShare: 0.1 } }) }).where('id', '=', s.workspaceId).execute();
      assert.ok((await check(promo)).findings.some((f) => f.rule === 'value_mix' && /target of 10%/.test(f.message)));
    } finally {
      await s.cleanup();
    }
  });
}
