import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testServer } from '../testing/server.ts';
import { recordMentions } from './ingest.ts';

test('response-time targets: invalid ones are refused naming the field; a message at 16:45 on a Friday with a 30-minute target is due Monday 09:15', async () => {
  const s = await testServer('sqlite');
  try {
    const hours = (zone: string) => ({ zone, days: { MO: [{ start: '09:00', end: '17:00' }], TU: [{ start: '09:00', end: '17:00' }], WE: [{ start: '09:00', end: '17:00' }], TH: [{ start: '09:00', end: '17:00' }], FR: [{ start: '09:00', end: '17:00' }], SA: [], SU: [] } });
    const bad = await s.request('PATCH', '/api/workspace', { as: s.as.admin, body: { settings: { sla: { firstResponseMinutes: 30, businessHours: hours('Mars/Base') } } } });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { error: { field: string } }).error.field, 'settings.sla.businessHours.zone');
    const ok = await s.request('PATCH', '/api/workspace', { as: s.as.admin, body: { settings: { sla: { firstResponseMinutes: 30, businessHours: hours('America/Chicago') } } } });
    assert.equal(ok.status, 200);

    // Friday 2026-11-20 16:45 in Chicago (CST) is 22:45 UTC.
    await recordMentions(s.ctx, s.workspaceId, { sourceId: null, channelId: null }, [
      { network: 'bluesky', externalId: 'friday', kind: 'mention', author: { handle: 'late.friday' }, text: 'Do you take walk-ins on Monday?', createdAt: '2026-11-20T22:45:00.000Z' },
    ]);
    const item = await s.ctx.storage.db.selectFrom('inbox_items').select('due_at').executeTakeFirstOrThrow();
    assert.equal(item.due_at, '2026-11-23T15:15:00.000Z', 'Monday 09:15 in Chicago');

    const profile = await s.request('PATCH', '/api/workspace', { as: s.as.admin, body: { settings: { profile: { name: 'Riverside Regional', phones: ['(555) 010-2000'] } } } });
    assert.equal(profile.status, 200, await profile.clone().text());
    const pillars = await s.request('PATCH', '/api/workspace', { as: s.as.admin, body: { settings: { pillars: [{ id: 'heart', name: 'Heart health', keywords: ['heart', 'cardiac', 'blood pressure'] }], valueTarget: { promotionalShare: 0.2 } } } });
    assert.equal(pillars.status, 200);
    const six = await s.request('PATCH', '/api/workspace', { as: s.as.admin, body: { settings: { pillars: Array.from({ length: 6 }, (_, i) => ({ id: `p${i}`, name: `P${i}`, keywords: [] })) } } });
    assert.equal(six.status, 400, 'at most five pillars');
  } finally {
    await s.cleanup();
  }
});
