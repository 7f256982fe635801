import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ENGINES } from '../testing/engines.ts';
import { testContext } from '../testing/context.ts';
import { analyzeMessage, type MessageInput } from '../safety/index.ts';
import { ingestAnalysis } from './ingest-analysis.ts';
import { createWorkspaceWithOwner } from './accounts.ts';
import { recordMentions, type IncomingMention } from './ingest.ts';
import { actOnItems } from './inbox.ts';
import { alertSettings, deliverAlert, sendTestAlert, setAlertSettings, AlertRejectedError, WebhookStatusError } from './alerts.ts';
import { workspaceOf } from './workspace.ts';
import { registerAlerts } from '../jobs/handlers/alert.ts';
import { listAudit } from '../storage/audit-log.ts';
import { listInbox } from '../storage/inbox.ts';
import { OperationError } from './errors.ts';
import { DEFAULT_URGENT_FIRST_RESPONSE_MINUTES } from '../domain/inbox/sla.ts';
import type { Actor, AppContext } from './context.ts';

/** A webhook receiver on loopback: records each POST and answers with the next scripted status (then 200). */
async function receiver(statuses: number[] = []): Promise<{ url: string; received: Array<{ path: string; body: { text: string; bedside: Record<string, unknown> } }>; close: () => Promise<void> }> {
  const received: Array<{ path: string; body: { text: string; bedside: Record<string, unknown> } }> = [];
  const read = async (req: IncomingMessage): Promise<string> => {
    let data = '';
    for await (const chunk of req) data += String(chunk);
    return data;
  };
  const server: Server = createServer((req, res) => {
    void read(req).then((data) => {
      received.push({ path: req.url ?? '', body: JSON.parse(data) as { text: string; bedside: Record<string, unknown> } });
      res.writeHead(statuses.shift() ?? 200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks/secret-token-123`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function workspace(ctx: AppContext): Promise<Actor> {
  const { workspaceId, userId } = await createWorkspaceWithOwner(ctx, { workspaceName: 'Riverside', timeZone: 'America/Chicago', email: `o${randomUUID()}@x.example`, displayName: 'O', password: 'a long enough password' }, { cli: true });
  return { type: 'user', workspaceId, userId, role: 'owner' };
}

/** Ranks set outright by the message's first word: which messages the engine finds urgent depends on its model. */
function rankByFirstWord(ctx: AppContext): void {
  ctx.analyzer = {
    async *chunks(inputs: MessageInput[], profile) {
      yield inputs.map((i) => {
        const a = analyzeMessage(i, profile);
        if (i.text.startsWith('URGENT')) return ingestAnalysis({ ...a, urgent: true, possiblyUrgent: false, intents: ['self_harm' as const] });
        if (i.text.startsWith('MAYBE')) return ingestAnalysis({ ...a, urgent: false, possiblyUrgent: true, intents: ['other' as const] });
        return ingestAnalysis({ ...a, urgent: false, possiblyUrgent: false, intents: ['question' as const] });
      });
    },
  };
}

const mention = (id: string, text: string, minutesAgo = 2): IncomingMention => ({ network: 'bluesky', externalId: id, kind: 'mention', author: { handle: 'jordan.patient.example' }, text, createdAt: new Date(Date.now() - minutesAgo * 60_000).toISOString() });

async function until(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await sleep(50);
  }
  assert.fail(`timed out waiting for ${what}`);
}

for (const engine of ENGINES) {
  describe(`urgent alerts on ${engine}`, () => {
    test('an urgent mention raises one alert, with no message text, author or handle in it; the address stays sealed', async () => {
      const { ctx, cleanup } = await testContext(engine);
      const hook = await receiver();
      try {
        const owner = await workspace(ctx);
        rankByFirstWord(ctx);
        await registerAlerts(ctx, ctx.queue, 'https://bedside.example/');
        assert.deepEqual(await alertSettings(ctx, owner), { configured: false, host: null, scope: 'urgent' });
        assert.deepEqual(await setAlertSettings(ctx, owner, { webhookUrl: hook.url }), { configured: true, host: new URL(hook.url).host, scope: 'urgent' });

        const from = { sourceId: null, channelId: null };
        await recordMentions(ctx, owner.workspaceId, from, [
          mention('a', 'URGENT I have the pills counted out tonight'),
          mention('b', 'MAYBE been feeling off since the new pills'),
          mention('c', 'What time does the flu clinic open?'),
          mention('d', 'URGENT from three days ago, heard on a first backfill', 3 * 24 * 60),
        ]);
        await until(() => hook.received.length === 1, 'the alert');
        await sleep(300); // nothing else arrives: not the lane (out of scope), the question, or the 3-day-old message
        assert.equal(hook.received.length, 1);
        const [alert] = hook.received;
        assert.equal(alert!.path, '/hooks/secret-token-123');
        const items = await listInbox(ctx.storage.db, owner.workspaceId, { statuses: ['new', 'assigned'], limit: 10 });
        const urgent = items.find((i) => i.mention.text.startsWith('URGENT I have'))!;
        assert.deepEqual(alert!.body.bedside, { event: 'inbox.urgent', itemId: urgent.id, rank: 'urgent', intent: 'self_harm', network: 'bluesky', receivedAt: urgent.receivedAt, dueAt: urgent.dueAt, onCall: null, url: `https://bedside.example/inbox/${urgent.id}` });
        const raw = JSON.stringify(alert!.body);
        for (const secret of ['pills', 'counted', 'jordan', 'patient.example']) assert.ok(!raw.includes(secret), `the alert carries "${secret}"`);

        await until(async () => (await listAudit(ctx.storage.db, owner.workspaceId, { limit: 20 })).some((e) => e.action === 'inbox.alert_sent'), 'the audit entry');
        const audit = await listAudit(ctx.storage.db, owner.workspaceId, { limit: 20 });
        assert.deepEqual(audit.filter((e) => e.action === 'inbox.alert_sent').map((e) => [e.entityId, e.details]), [[urgent.id, { status: 200 }]]);
        assert.deepEqual(audit.find((e) => e.action === 'alerts.configured')?.details, { host: new URL(hook.url).host, scope: 'urgent' });
        // The address is a secret: not in the audit, not in the workspace as clients read it, not in the database in clear.
        assert.ok(!JSON.stringify(audit).includes('secret-token-123'));
        assert.equal((await workspaceOf(ctx, owner)).settings.alerts, undefined);
        const row = await ctx.storage.db.selectFrom('workspaces').select('settings').where('id', '=', owner.workspaceId).executeTakeFirstOrThrow();
        assert.ok(!row.settings.includes('secret-token-123'));

        // Heard again (a feed re-delivers): no second alert.
        await recordMentions(ctx, owner.workspaceId, from, [mention('a', 'URGENT I have the pills counted out tonight')]);
        await sleep(300);
        assert.equal(hook.received.length, 1);
      } finally {
        await hook.close();
        await cleanup();
      }
    });

    test('with the lane in scope a possibly urgent mention alerts too; one answered before the alert goes out is skipped', async () => {
      const { ctx, cleanup } = await testContext(engine);
      const hook = await receiver();
      try {
        const owner = await workspace(ctx);
        rankByFirstWord(ctx);
        await setAlertSettings(ctx, owner, { webhookUrl: hook.url, scope: 'urgent_and_possible' });
        await recordMentions(ctx, owner.workspaceId, { sourceId: null, channelId: null }, [mention('m', 'MAYBE been feeling off since the new pills'), mention('u', 'URGENT my dad is grey and sweaty')]);
        const items = await listInbox(ctx.storage.db, owner.workspaceId, { statuses: ['new', 'assigned'], limit: 10 });
        const lane = items.find((i) => i.possiblyUrgent)!;
        const urgent = items.find((i) => i.urgent)!;
        // Someone closes the urgent one (answered by phone) before the worker starts.
        await actOnItems(ctx, owner, [urgent.id], 'close');
        await registerAlerts(ctx, ctx.queue);
        await until(() => hook.received.length === 1, 'the lane alert');
        assert.equal(hook.received[0]!.body.bedside.itemId, lane.id);
        assert.equal(hook.received[0]!.body.bedside.event, 'inbox.possibly_urgent');
        assert.equal(hook.received[0]!.body.bedside.url, null);
        await until(async () => (await listAudit(ctx.storage.db, owner.workspaceId, { limit: 20 })).some((e) => e.action === 'inbox.alert_skipped'), 'the skip');
        const skipped = (await listAudit(ctx.storage.db, owner.workspaceId, { limit: 20 })).find((e) => e.action === 'inbox.alert_skipped')!;
        assert.deepEqual([skipped.entityId, skipped.details], [urgent.id, { reason: 'already_handled' }]);
      } finally {
        await hook.close();
        await cleanup();
      }
    });

    test('an urgent message nobody has answered by its due time raises a second, overdue alert naming the assignee; one answered in time does not', async () => {
      const { ctx, cleanup } = await testContext(engine);
      const hook = await receiver();
      try {
        const owner = await workspace(ctx);
        rankByFirstWord(ctx);
        await setAlertSettings(ctx, owner, { webhookUrl: hook.url });
        await registerAlerts(ctx, ctx.queue);
        // Written 14 min 57 s ago: the 15-minute urgent target falls due in ~3 s.
        const nearlyDue = (DEFAULT_URGENT_FIRST_RESPONSE_MINUTES * 60 - 3) / 60;
        await recordMentions(ctx, owner.workspaceId, { sourceId: null, channelId: null }, [
          mention('late', 'URGENT my dad is grey and sweaty', nearlyDue),
          mention('done', 'URGENT I have the pills counted out tonight', nearlyDue),
          // Past due on arrival: alerted once, not twice at once.
          mention('old', 'URGENT from an hour ago', 60),
        ]);
        const items = await listInbox(ctx.storage.db, owner.workspaceId, { statuses: ['new'], limit: 10 });
        const late = items.find((i) => i.mention.text.includes('grey'))!;
        const done = items.find((i) => i.mention.text.includes('pills'))!;
        await until(() => hook.received.length === 3, 'the three first alerts');
        assert.deepEqual(hook.received.map((r) => r.body.bedside.event), ['inbox.urgent', 'inbox.urgent', 'inbox.urgent']);
        // Assigned is not answered; a moved-offline answer (a phone call) is.
        await actOnItems(ctx, owner, [late.id], 'assign');
        await actOnItems(ctx, owner, [done.id], 'move_offline');
        await until(() => hook.received.length === 4, 'the overdue alert');
        const overdue = hook.received[3]!.body;
        assert.equal(overdue.bedside.event, 'inbox.overdue');
        assert.equal(overdue.bedside.itemId, late.id);
        assert.match(overdue.text, /^OVERDUE — URGENT — possible self-harm \(Riverside\)\nStill unanswered: .*Assigned to O\./);
        assert.ok(!overdue.text.includes('grey') && !overdue.text.includes('jordan'));
        // The receiver hears the alert before the job records it: wait for both overdue outcomes in the audit.
        const overdueAudited = async (id: string) => (await listAudit(ctx.storage.db, owner.workspaceId, { limit: 50 })).some((e) => e.entityId === id && e.details?.stage === 'overdue');
        await until(async () => (await overdueAudited(late.id)) && (await overdueAudited(done.id)), 'both overdue outcomes audited');
        const audit = await listAudit(ctx.storage.db, owner.workspaceId, { limit: 50 });
        const byItem = (id: string) => audit.filter((e) => e.entityId === id && e.action.startsWith('inbox.alert_')).map((e) => JSON.stringify([e.action, e.details])).sort();
        const expect = (...entries: Array<[string, Record<string, unknown>]>) => entries.map((e) => JSON.stringify(e)).sort();
        assert.deepEqual(byItem(late.id), expect(['inbox.alert_sent', { status: 200 }], ['inbox.alert_sent', { status: 200, stage: 'overdue' }]));
        assert.deepEqual(byItem(done.id), expect(['inbox.alert_sent', { status: 200 }], ['inbox.alert_skipped', { reason: 'already_handled', stage: 'overdue' }]));
        await sleep(300);
        assert.equal(hook.received.length, 4, 'the message past due on arrival raised no second alert');
      } finally {
        await hook.close();
        await cleanup();
      }
    });

    test('a webhook that refuses the alert (404) fails the job for good, audited with the status and never the address', async () => {
      const { ctx, cleanup } = await testContext(engine);
      const hook = await receiver([404]);
      try {
        const owner = await workspace(ctx);
        rankByFirstWord(ctx);
        await setAlertSettings(ctx, owner, { webhookUrl: hook.url });
        await registerAlerts(ctx, ctx.queue);
        await recordMentions(ctx, owner.workspaceId, { sourceId: null, channelId: null }, [mention('u', 'URGENT my dad is grey and sweaty')]);
        await until(async () => (await listAudit(ctx.storage.db, owner.workspaceId, { limit: 20 })).some((e) => e.action === 'inbox.alert_failed'), 'the failure');
        const failed = (await listAudit(ctx.storage.db, owner.workspaceId, { limit: 20 })).find((e) => e.action === 'inbox.alert_failed')!;
        assert.deepEqual(failed.details, { error: 'the webhook refused the alert with HTTP 404: check the address in Settings', attempts: 1 });
        await sleep(300);
        assert.equal(hook.received.length, 1, 'not tried again');
      } finally {
        await hook.close();
        await cleanup();
      }
    });

    test('a receiver that is down is retried, one that refuses stops the job; a test alert reports what the receiver said; a bad address is refused by field', async () => {
      const { ctx, cleanup } = await testContext(engine);
      const hook = await receiver([503, 404]);
      try {
        const owner = await workspace(ctx);
        rankByFirstWord(ctx);
        await assert.rejects(setAlertSettings(ctx, owner, { webhookUrl: 'hooks.slack.com/services/T0' }), (e: unknown) => e instanceof OperationError && e.field === 'webhookUrl');
        await assert.rejects(sendTestAlert(ctx, owner), (e: unknown) => e instanceof OperationError && e.code === 'CONFLICT');
        await assert.rejects(setAlertSettings(ctx, owner, { scope: 'urgent_and_possible' }), (e: unknown) => e instanceof OperationError && e.field === 'webhookUrl');
        await setAlertSettings(ctx, owner, { webhookUrl: hook.url });
        // Left out, the address stays: only the scope changes.
        assert.deepEqual(await setAlertSettings(ctx, owner, { scope: 'urgent_and_possible' }), { configured: true, host: new URL(hook.url).host, scope: 'urgent_and_possible' });
        await recordMentions(ctx, owner.workspaceId, { sourceId: null, channelId: null }, [mention('u', 'URGENT my dad is grey and sweaty')]);
        const [item] = await listInbox(ctx.storage.db, owner.workspaceId, { statuses: ['new'], limit: 1 });
        const payload = { workspaceId: owner.workspaceId, itemId: item!.id };
        await assert.rejects(deliverAlert(ctx, payload), (e: unknown) => e instanceof WebhookStatusError && !(e instanceof AlertRejectedError) && e.status === 503);
        await assert.rejects(deliverAlert(ctx, payload), (e: unknown) => e instanceof AlertRejectedError && e.status === 404 && !e.message.includes('secret-token'));
        assert.deepEqual(await deliverAlert(ctx, payload), { sent: true, status: 200 });
        const trial = await sendTestAlert(ctx, owner);
        assert.deepEqual(trial, { ok: true, status: 200, error: null });
        assert.match(hook.received.at(-1)!.body.text, /^\[TEST\] URGENT/);
        await setAlertSettings(ctx, owner, { webhookUrl: null });
        assert.deepEqual(await deliverAlert(ctx, payload), { sent: false, reason: 'no_webhook' });
        // A port nothing listens on any more.
        const gone = createServer();
        await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
        const closedPort = (gone.address() as AddressInfo).port;
        await new Promise((resolve) => gone.close(resolve));
        await setAlertSettings(ctx, owner, { webhookUrl: `http://127.0.0.1:${closedPort}/hooks/secret-token-123` });
        const down = await sendTestAlert(ctx, owner);
        assert.deepEqual({ ok: down.ok, status: down.status }, { ok: false, status: null });
        assert.match(down.error!, /^the webhook could not be reached \(ECONNREFUSED\)$/);
      } finally {
        await hook.close();
        await cleanup();
      }
    });
  });
}
