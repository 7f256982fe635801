import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ENGINES } from '../testing/engines.ts';
import { testContext } from '../testing/context.ts';
import { analyzeMessage, type MessageInput } from '../safety/index.ts';
import { ingestAnalysis } from './ingest-analysis.ts';
import { listAudit } from '../storage/audit-log.ts';
import { findInboxItem, listInbox } from '../storage/inbox.ts';
import { createWorkspaceWithOwner } from './accounts.ts';
import { recordMentions } from './ingest.ts';
import { actOnItems, inbox, inboxItem } from './inbox.ts';
import { changeWorkspace } from './workspace.ts';
import type { Actor } from './context.ts';

// Saturday 2026-11-21 03:00 UTC: outside Chicago business hours, so the two clocks differ.
const WRITTEN = '2026-11-21T03:00:00.000Z';

for (const engine of ENGINES) {
  describe(`a person's triage on ${engine}`, () => {
    test('a possibly urgent conversation is due within an hour around the clock, and leaves its lane as not urgent (business-hours target) or urgent (15 minutes, around the clock); audited; closed ones refuse', async () => {
      const { ctx, cleanup } = await testContext(engine);
      try {
        const { workspaceId, userId } = await createWorkspaceWithOwner(ctx, { workspaceName: 'Triage', timeZone: 'America/Chicago', email: `o${randomUUID()}@x.example`, displayName: 'O', password: 'a long enough password' }, { cli: true });
        const owner: Actor = { type: 'user', workspaceId, userId, role: 'owner' };
        ctx.analyzer = {
          async *chunks(inputs: MessageInput[], profile) {
            // The lane is set outright: which messages the engine puts there depends on its model.
            yield inputs.map((i) => ingestAnalysis({ ...analyzeMessage(i, profile), urgent: false, possiblyUrgent: true, intents: ['other' as const] }));
          },
        };
        const mention = (id: string, text: string) => ({ network: 'bluesky', externalId: id, kind: 'mention' as const, author: { handle: `${id}.example` }, text, createdAt: WRITTEN });
        await recordMentions(ctx, workspaceId, { sourceId: null, channelId: null }, [mention('a', 'been feeling off since the new pills'), mention('b', 'cant sleep again, same as last week')]);
        const lane = await listInbox(ctx.storage.db, workspaceId, { statuses: ['new', 'assigned'], limit: 10 });
        assert.deepEqual(lane.map((i) => i.possiblyUrgent), [true, true]);
        // Written 21:00 on a Friday in Chicago: the lane runs around the clock (60 minutes by default), not until Monday.
        assert.deepEqual(lane.map((i) => i.dueAt), ['2026-11-21T04:00:00.000Z', '2026-11-21T04:00:00.000Z']);
        const byText = (text: string) => lane.find((i) => i.mention.text.startsWith(text))!.id;
        const pills = byText('been feeling off');
        const sleep = byText('cant sleep');

        assert.deepEqual(await actOnItems(ctx, owner, [pills], 'mark_urgent'), [{ id: pills, ok: true, status: 'new' }]);
        assert.deepEqual(await actOnItems(ctx, owner, [sleep], 'not_urgent'), [{ id: sleep, ok: true, status: 'new' }]);
        const urgent = (await findInboxItem(ctx.storage.db, workspaceId, pills))!;
        const ordinary = (await findInboxItem(ctx.storage.db, workspaceId, sleep))!;
        assert.deepEqual([urgent.urgent, urgent.possiblyUrgent, urgent.dueAt], [true, false, '2026-11-21T03:15:00.000Z']);
        // Default target 60 business minutes: Monday 09:00 Chicago (15:00 UTC) + 1 h.
        assert.deepEqual([ordinary.urgent, ordinary.possiblyUrgent, ordinary.dueAt], [false, false, '2026-11-23T16:00:00.000Z']);
        const queue = await listInbox(ctx.storage.db, workspaceId, { statuses: ['new', 'assigned'], limit: 10 });
        assert.deepEqual(queue.map((i) => i.id), [pills, sleep]);

        const audit = await listAudit(ctx.storage.db, workspaceId, { limit: 5 });
        const triage = audit.filter((e) => e.action === 'inbox.mark_urgent' || e.action === 'inbox.not_urgent').map((e) => [e.action, e.entityId, e.details]);
        assert.deepEqual(triage.sort(), [
          ['inbox.mark_urgent', pills, { from: 'new', to: 'new', rankFrom: 'possibly_urgent', rankTo: 'urgent' }],
          ['inbox.not_urgent', sleep, { from: 'new', to: 'new', rankFrom: 'possibly_urgent', rankTo: 'ordinary' }],
        ].sort());

        await actOnItems(ctx, owner, [sleep], 'close');
        const refused = await actOnItems(ctx, owner, [sleep], 'mark_urgent');
        assert.deepEqual(refused, [{ id: sleep, ok: false, error: 'a closed item cannot be marked urgent' }]);
      } finally {
        await cleanup();
      }
    });

    test("an urgent item's playbook is stored by kind and built when read: it names the on-call person of today, for rows of either form", async () => {
      const { ctx, cleanup } = await testContext(engine);
      try {
        const { workspaceId, userId } = await createWorkspaceWithOwner(ctx, { workspaceName: 'Playbook', timeZone: 'America/Chicago', email: `o${randomUUID()}@x.example`, displayName: 'O', password: 'a long enough password' }, { cli: true });
        const owner: Actor = { type: 'user', workspaceId, userId, role: 'owner' };
        const onCall = (name: string) => changeWorkspace(ctx, owner, { settings: { profile: { name: 'Riverside General', on_call: { name, phone: '555-0142' } } } });
        await onCall('Dana Ruiz');
        const mention = (id: string, text: string) => ({ network: 'bluesky', externalId: id, kind: 'mention' as const, author: { handle: `${id}.example` }, text, createdAt: WRITTEN });
        await recordMentions(ctx, workspaceId, { sourceId: null, channelId: null }, [mention('u', 'my dad has crushing chest pain and his left arm is numb right now, what do we do'), mention('q', 'what time does the flu clinic open on Saturday?')]);
        const stored = await ctx.storage.db.selectFrom('mentions').select(['external_id', 'analysis']).where('workspace_id', '=', workspaceId).orderBy('external_id').execute();
        assert.deepEqual(stored.map((r) => [r.external_id, JSON.parse(r.analysis).playbook]), [['q', undefined], ['u', { kind: 'emergency' }]]);

        const [item] = await inbox(ctx, owner, { statuses: ['new'], urgentOnly: true, limit: 10 });
        type Shown = { playbook: { kind: string; replyTemplate: string; escalateTo: { name: string; phone?: string } | null } };
        const playbookOf = async (): Promise<Shown['playbook']> => ((await inboxItem(ctx, owner, item!.id)).mention.analysis as Shown).playbook;
        assert.equal((item!.mention.analysis as Shown).playbook.escalateTo?.name, 'Dana Ruiz', 'the page lists it whole');
        assert.deepEqual([(await playbookOf()).kind, (await playbookOf()).escalateTo], ['emergency', { name: 'Dana Ruiz', phone: '555-0142' }]);
        assert.match((await playbookOf()).replyTemplate, /911/);

        await onCall('Sam Ortiz');
        assert.equal((await playbookOf()).escalateTo?.name, 'Sam Ortiz', 'the on-call person changed after the message arrived');
        // A row written before kept its whole playbook: it is read by its kind, like the others.
        const old = { findings: [], adverseEvent: null, playbook: { kind: 'emergency', replyTemplate: 'old', directMessageTemplate: 'old', escalateTo: { name: 'Former Lead' }, steps: [] }, possiblyUrgent: false };
        await ctx.storage.db.updateTable('mentions').set({ analysis: JSON.stringify(old) }).where('workspace_id', '=', workspaceId).where('external_id', '=', 'u').execute();
        assert.equal((await playbookOf()).escalateTo?.name, 'Sam Ortiz');
      } finally {
        await cleanup();
      }
    });
  });
}
