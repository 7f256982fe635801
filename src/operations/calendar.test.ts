import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES } from '../testing/engines.ts';
import { testServer, type TestServer } from '../testing/server.ts';
import { startBlueskyNetwork, type BlueskyTestNetwork } from '../testing/bluesky-network.ts';
import { connectChannel } from './channels.ts';

let net: BlueskyTestNetwork;
before(async () => {
  net = await startBlueskyNetwork();
});
after(async () => {
  await net?.close();
});

async function channelOf(s: TestServer, name: string): Promise<string> {
  const account = await net.account(name);
  return (await connectChannel(s.ctx, s.ownerActor, { network: 'bluesky', handle: account.handle, credentials: { appPassword: await net.appPassword(account), serviceUrl: net.pdsUrl } })).id;
}

for (const engine of ENGINES) {
  describe(`posting plan, calendar and queue over the API on ${engine}`, () => {
    test('a Tue/Thu/Sat 10:00 plan shows empty slots; a post scheduled by local time or into the next slot fills them', async () => {
      const s = await testServer(engine);
      try {
        const channelId = await channelOf(s, `plan${engine.slice(0, 2)}`);
        const put = await s.request('PUT', `/api/channels/${channelId}/plan`, { as: s.as.admin, body: { slots: [{ days: ['TU', 'TH', 'SA'], time: '10:00' }] } });
        assert.equal(put.status, 200);
        assert.equal(((await put.json()) as { description: string }).description, 'Tue, Thu, Sat at 10:00 (America/Chicago)');
        const bad = await s.request('PUT', `/api/channels/${channelId}/plan`, { as: s.as.admin, body: { slots: [{ days: ['TU'], time: '25:00' }] } });
        assert.equal(bad.status, 400);
        // Refused by the request schema (shared with the web form), which names fields as dotted paths.
        assert.equal(((await bad.json()) as { error: { field: string } }).error.field, 'slots.0.time');

        await s.request('PATCH', '/api/workspace', { as: s.as.owner, body: { settings: { approvalRequired: false } } });
        const created = (await (await s.request('POST', '/api/posts', { as: s.as.editor, body: { parts: [{ text: 'Heart month: free BP checks' }], channelIds: [channelId] } })).json()) as { id: string };
        const queued = await s.request('POST', `/api/posts/${created.id}/schedule`, { as: s.as.editor, body: { slot: 'next' } });
        assert.equal(queued.status, 200, await queued.clone().text());
        const scheduledAt = ((await queued.json()) as { scheduledAt: string }).scheduledAt;
        // 10:00 in Chicago is 15:00 or 16:00 UTC depending on DST; the weekday is Tue, Thu or Sat there.
        const local = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', weekday: 'short', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(scheduledAt));
        assert.match(local, /^(Tue|Thu|Sat),? 10:00$/);

        const second = (await (await s.request('POST', '/api/posts', { as: s.as.editor, body: { parts: [{ text: 'Second post' }], channelIds: [channelId] } })).json()) as { id: string };
        const next = (await (await s.request('GET', `/api/channels/${channelId}/next-slot`, { as: s.as.viewer })).json()) as { at: string };
        assert.ok(new Date(next.at) > new Date(scheduledAt), 'the queue moves past the filled slot');

        const from = new Date().toISOString();
        const to = new Date(Date.now() + 14 * 86_400_000).toISOString();
        const cal = (await (await s.request('GET', `/api/calendar?from=${from}&to=${to}`, { as: s.as.viewer })).json()) as { days: Array<{ slots: Array<{ at: string; filledBy?: string }> }> };
        const slots = cal.days.flatMap((d) => d.slots);
        assert.ok(slots.length >= 5, 'two weeks of Tue/Thu/Sat');
        assert.equal(slots.filter((x) => x.filledBy === created.id).length, 1);
        assert.ok(slots.filter((x) => !x.filledBy).length >= 4, 'empty planned slots are visible');

        const gap = await s.request('POST', `/api/posts/${second.id}/schedule`, { as: s.as.editor, body: { localTime: '2027-03-14T02:30' } });
        assert.equal(gap.status, 400);
        const gapError = ((await gap.json()) as { error: { field: string; message: string } }).error;
        assert.equal(gapError.field, 'localTime');
        assert.match(gapError.message, /does not exist|DST|daylight/i);
        const byLocal = await s.request('POST', `/api/posts/${second.id}/schedule`, { as: s.as.editor, body: { localTime: '2027-03-14T10:00' } });
        assert.equal(((await byLocal.json()) as { scheduledAt: string }).scheduledAt, '2027-03-14T15:00:00.000Z', '10:00 CDT is 15:00 UTC');

        const consistency = (await (await s.request('GET', '/api/consistency', { as: s.as.viewer })).json()) as { channels: Array<{ report: { daysSinceLastPost: number | null; emptyPlannedSlots: string[] } }> };
        assert.equal(consistency.channels[0]!.report.daysSinceLastPost, null, 'nothing published yet');
        assert.ok(consistency.channels[0]!.report.emptyPlannedSlots.length >= 4);
      } finally {
        await s.cleanup();
      }
    });
  });
}
