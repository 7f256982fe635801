import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { serve, type ServerType } from '@hono/node-server';
import { ENGINES } from '../testing/engines.ts';
import { testServer, type TestServer } from '../testing/server.ts';
import { createApiToken } from '../operations/auth.ts';
import { connectChannel } from '../operations/channels.ts';
import { recordMentions } from '../operations/ingest.ts';
import { recording, startReplay, type ReplayServer } from '../connectors/mastodon/replay-server.ts';
import { buildProgram } from './main.ts';

const MASTODON_TOKEN = 'ZA-Yj3aBD8U8Cm7lKUp-lm9O9BmDgdhHzDeqsY8tlL0';
/** The status the replayed reply answers (fixtures/status-get.json, status-create-reply.json). */
const PATIENT_STATUS = '103186126728896492';
const COMPLIANT_TEXT = '@zsc Thank you! Walk-ins are welcome until 6pm.';

interface Cli {
  s: TestServer;
  mastodon: ReplayServer;
  channelId: string;
  run(args: string[]): Promise<{ status: number; out: string }>;
  close(): Promise<void>;
}

/**
 * A test server listening on loopback with an owner's API token, a Mastodon channel on a replayed
 * instance, and the CLI run in this process against it the way `main` runs it (an error is one line, exit 1).
 */
async function cliAgainstServer(engine: (typeof ENGINES)[number], mastodonExchanges: string[]): Promise<Cli> {
  const s = await testServer(engine);
  const http = await new Promise<ServerType>((resolve) => {
    const server = serve({ fetch: s.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(server));
  });
  const address = http.address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const { token } = await createApiToken(s.ctx, s.ownerActor, { name: 'cli test' });
  const mastodon = await startReplay(['verify-credentials.json', ...mastodonExchanges].map((name) => recording(name)), MASTODON_TOKEN);
  const channel = await connectChannel(s.ctx, s.ownerActor, { network: 'mastodon', handle: 'stmarys', credentials: { instanceUrl: mastodon.url, accessToken: MASTODON_TOKEN } });

  const run = async (args: string[]): Promise<{ status: number; out: string }> => {
    const lines: string[] = [];
    const log = console.log;
    const error = console.error;
    console.log = (...parts: unknown[]) => void lines.push(parts.map(String).join(' '));
    console.error = console.log;
    try {
      const program = buildProgram();
      program.exitOverride().configureOutput({ writeOut: (t) => void lines.push(t), writeErr: (t) => void lines.push(t) });
      for (const command of program.commands) command.exitOverride();
      await program.parseAsync(['node', 'bedside', ...args, '--url', url, '--token', token]);
      return { status: 0, out: lines.join('\n') };
    } catch (err) {
      lines.push(`bedside: ${err instanceof Error ? err.message : String(err)}`);
      return { status: 1, out: lines.join('\n') };
    } finally {
      console.log = log;
      console.error = error;
    }
  };
  return {
    s,
    mastodon,
    channelId: channel.id,
    run,
    close: async () => {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await s.cleanup();
    },
  };
}

async function hear(cli: Cli, items: Array<{ id: string; text: string; minutesAgo: number; remote?: string }>): Promise<void> {
  await recordMentions(
    cli.s.ctx,
    cli.s.workspaceId,
    { sourceId: null, channelId: cli.channelId },
    items.map((m) => ({
      network: 'mastodon',
      externalId: m.id,
      kind: 'mention' as const,
      author: { id: '971724', handle: 'zsc@mastodon.example', displayName: 'Zoe' },
      text: m.text,
      remoteUri: m.remote ?? m.id,
      createdAt: new Date(Date.now() - m.minutesAgo * 60_000).toISOString(),
    })),
  );
}

const ids = (out: string): string[] => out.split('\n').map((l) => l.split(' ')[0]!).filter((id) => /^[0-9a-f-]{36}$/.test(id));

for (const engine of ENGINES) {
  describe(`bedside inbox and listen over the API on ${engine}`, () => {
    test('list puts the emergency first, show gives thread, findings and playbook; assign, note, status and metrics act through the API', async () => {
      const cli = await cliAgainstServer(engine, []);
      try {
        await hear(cli, [
          { id: '9001', text: 'Are you open on Saturday for flu shots?', minutesAgo: 30 },
          { id: '9002', text: 'My dad has crushing chest pain and cannot breathe, what do we do??', minutesAgo: 5 },
          { id: '9003', text: 'Is parking free for visitors?', minutesAgo: 50 },
        ]);
        const list = await cli.run(['inbox', 'list']);
        assert.equal(list.status, 0, list.out);
        const rows = list.out.split('\n');
        assert.equal(ids(list.out).length, 3);
        assert.match(rows[0]!, / !! .*emergency.*mastodon:stmarys@127\.0\.0\.1.*due .*crushing chest pain/);

        const json = JSON.parse((await cli.run(['inbox', 'list', '--urgent', '--json'])).out) as { items: Array<{ id: string; urgent: boolean }> };
        assert.deepEqual(json.items.map((i) => i.urgent), [true]);
        const urgentId = json.items[0]!.id;
        const idOf = (text: string): string => ids(rows.find((r) => r.includes(text)) ?? '')[0]!;
        const parkingId = idOf('parking free');
        const fluId = idOf('flu shots');

        const show = await cli.run(['inbox', 'show', urgentId]);
        assert.equal(show.status, 0, show.out);
        assert.match(show.out, /thread:\n> .*@zsc@mastodon\.example: My dad has crushing chest pain/);
        assert.match(show.out, /safety:\n/);
        assert.match(show.out, /urgent \(emergency\) playbook:\n {2}- Escalate now/);
        assert.match(show.out, /public reply: If this is a medical emergency/);

        const mine = await cli.run(['inbox', 'assign', urgentId, '--to', 'me']);
        assert.equal(mine.status, 0, mine.out);
        assert.match(mine.out, /assigned, assigned to me/);
        const editor = await cli.run(['inbox', 'assign', fluId, '--to', 'EDITOR@riverside.example']);
        assert.equal(editor.status, 0, editor.out);
        const stranger = await cli.run(['inbox', 'assign', fluId, '--to', 'nobody@elsewhere.example']);
        assert.equal(stranger.status, 1);
        assert.match(stranger.out, /no member with the email nobody@elsewhere\.example/);
        const assigned = await cli.s.request('GET', `/api/inbox/${fluId}`, { as: cli.s.as.viewer });
        assert.equal(((await assigned.json()) as { assigneeId: string }).assigneeId, cli.s.as.editor.userId);

        assert.equal((await cli.run(['inbox', 'note', urgentId, '--text', 'Called 911 guidance sent by DM'])).status, 0);
        assert.match((await cli.run(['inbox', 'show', urgentId])).out, /notes:\n {2}\S+ \S+: Called 911 guidance sent by DM/);

        const offline = await cli.run(['inbox', 'status', urgentId, 'offline']);
        assert.equal(offline.status, 0, offline.out);
        assert.match(offline.out, /moved_offline/);
        assert.match((await cli.run(['inbox', 'status', parkingId, 'hidden'])).out, /hidden/);
        const again = await cli.run(['inbox', 'status', parkingId, 'offline']);
        assert.equal(again.status, 1);
        assert.match(again.out, /a hidden item cannot be/);
        assert.match((await cli.run(['inbox', 'status', parkingId, 'replied'])).out, /bedside inbox reply/);
        assert.match((await cli.run(['inbox', 'status', parkingId, 'open'])).out, /new/);

        // A person's triage over the engine's: to the urgent rank and back to the ordinary queue.
        assert.equal((await cli.run(['inbox', 'triage', parkingId, 'urgent'])).status, 0);
        assert.match((await cli.run(['inbox', 'list'])).out, new RegExp(`^${parkingId} !! `, 'm'));
        assert.equal((await cli.run(['inbox', 'triage', parkingId, 'not-urgent'])).status, 0);
        assert.match((await cli.run(['inbox', 'list'])).out, new RegExp(`^${parkingId}    `, 'm'));
        const badRank = await cli.run(['inbox', 'triage', parkingId, 'maybe']);
        assert.equal(badRank.status, 1);
        assert.match(badRank.out, /use urgent or not-urgent/);

        const offlineList = await cli.run(['inbox', 'list', '--status', 'offline']);
        assert.deepEqual(ids(offlineList.out), [urgentId]);
        assert.match(offlineList.out, /moved_offline .* answered /);

        const metrics = await cli.run(['inbox', 'metrics']);
        assert.equal(metrics.status, 0, metrics.out);
        assert.match(metrics.out, /received +3 \(3 needed a response\)/);
        assert.match(metrics.out, /responded +1 \(33%\): 0 replied, 1 moved offline/);
        const bad = await cli.run(['inbox', 'metrics', '--from', 'last tuesday']);
        assert.equal(bad.status, 1);
        assert.match(bad.out, /--from last tuesday is not a date/);
      } finally {
        await cli.mastodon.close();
        await cli.close();
      }
    });

    test('a reply that confirms a visit is blocked with the findings and a compliant template; a compliant one goes out on Mastodon', async () => {
      const cli = await cliAgainstServer(engine, ['verify-credentials.json', 'status-get.json', 'status-create-reply.json']);
      try {
        await hear(cli, [{ id: PATIENT_STATUS, text: 'Do you take walk-ins for flu shots today?', minutesAgo: 10 }]);
        const [id] = ids((await cli.run(['inbox', 'list'])).out) as [string];

        const blocked = await cli.run(['inbox', 'reply', id, '--text', 'Sorry about your visit and the parking during your stay with us, we hope your recovery goes well!']);
        assert.equal(blocked.status, 1);
        assert.match(blocked.out, /BLOCKED: /);
        assert.match(blocked.out, /a compliant reply you can send instead:\n {2}Thank you for reaching out/);
        assert.match(blocked.out, /bedside: the reply was not sent: the PHI guard blocked it/);
        assert.equal(cli.mastodon.received.filter((r) => r.method === 'POST').length, 0, 'nothing was sent');

        const sent = await cli.run(['inbox', 'reply', id, '--text', COMPLIANT_TEXT]);
        assert.equal(sent.status, 0, sent.out);
        assert.match(sent.out, /replied to \S+: replied/);
        assert.equal(cli.mastodon.received.filter((r) => r.method === 'POST' && r.path === '/api/v1/statuses').length, 1);
      } finally {
        await cli.mastodon.close();
        await cli.close();
      }
    });

    test('listen: a broken query is shown at its column and not saved; a saved one is listed; topics read the period', async () => {
      const cli = await cliAgainstServer(engine, []);
      try {
        const bad = await cli.run(['listen', 'query', 'add', '--name', 'Flu', '--query', 'flu AND (shot OR']);
        assert.equal(bad.status, 1);
        assert.match(bad.out, /the query was not saved: .*\(column \d+\)\n {2}flu AND \(shot OR\n +\^/);
        const saved = await cli.run(['listen', 'query', 'add', '--name', 'Flu season', '--query', '("flu shot" OR vaccin*) NOT job']);
        assert.equal(saved.status, 0, saved.out);
        const listed = await cli.run(['listen', 'query', 'list']);
        assert.match(listed.out, /Flu season +\("flu shot" OR vaccin\*\) NOT job/);
        assert.doesNotMatch(listed.out, /shot OR$/m);

        await hear(cli, [
          { id: '9101', text: 'Where can I get a flu shot on Saturday?', minutesAgo: 60 },
          { id: '9102', text: 'Is the flu shot free for seniors?', minutesAgo: 40 },
          { id: '9103', text: 'Flu shot clinic was quick and friendly', minutesAgo: 20 },
        ]);
        const topics = await cli.run(['listen', 'topics']);
        assert.equal(topics.status, 0, topics.out);
        assert.match(topics.out, /top terms .*:\n(.*\n)*\s+3 +(flu shot|flu|shot)/);
        assert.match(topics.out, /top questions:/);
        assert.match(topics.out, /emerging in the last hour: /);
      } finally {
        await cli.mastodon.close();
        await cli.close();
      }
    });
  });
}

test('the bedside process exits 1 with one line when the API refuses', async () => {
  const r = await new Promise<{ status: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, ['bin/bedside.mjs', 'inbox', 'list', '--url', 'http://127.0.0.1:9', '--token', 'bsd_x'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('close', (status) => resolve({ status, out }));
  });
  assert.equal(r.status, 1);
  assert.match(r.out, /^bedside: cannot reach Bedside at http:\/\/127\.0\.0\.1:9/);
});
