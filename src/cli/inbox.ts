import type { Command } from 'commander';
import type { ResponseFigures } from '../domain/inbox/index.ts';
import { ApiClient, apiOptions } from './api-client.ts';

interface MentionView {
  id: string;
  network: string;
  kind: string;
  author: { handle: string; displayName: string | null };
  text: string;
  url: string | null;
  createdAt: string;
  sentiment: string;
  intents: string[];
  urgent: boolean;
  phiTypes: string[];
  analysis: unknown;
}

interface ItemView {
  id: string;
  status: string;
  urgent: boolean;
  possiblyUrgent?: boolean;
  dueAt: string;
  receivedAt: string;
  assigneeId: string | null;
  channelId: string | null;
  firstResponseAt: string | null;
  mention: MentionView;
}

interface ConversationView extends ItemView {
  conversation: MentionView[];
  notes: Array<{ id: string; authorId: string | null; body: string; createdAt: string }>;
}

interface Finding {
  rule: string;
  severity: string;
  message?: string;
  type?: string;
  suggestion?: string;
}

interface Analysis {
  findings?: Finding[];
  playbook?: { kind: string; replyTemplate: string; directMessageTemplate?: string; steps: string[] } | null;
  adverseEvent?: unknown;
}

type Api = { url?: string; token?: string };

const OPEN = new Set(['new', 'assigned']);

/** What a person may type for a status → the API's action that gets there. */
const STATUS_ACTIONS: Record<string, string> = {
  offline: 'move_offline',
  moved_offline: 'move_offline',
  hidden: 'hide',
  hide: 'hide',
  closed: 'close',
  close: 'close',
  new: 'reopen',
  open: 'reopen',
  reopen: 'reopen',
};
const STATUS_WORDS = 'offline, hidden, closed or open (new)';

/** The API's status names, with the short words the CLI accepts. */
function apiStatuses(spec: string): string {
  return spec
    .split(',')
    .map((s) => s.trim())
    .map((s) => (s === 'offline' ? 'moved_offline' : s))
    .join(',');
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** "2026-03-14T15:30Z": minutes are precise enough for a due time. */
function minute(iso: string): string {
  return `${iso.slice(0, 16)}Z`;
}

function dueLabel(item: ItemView, now: number): string {
  if (!OPEN.has(item.status)) return item.firstResponseAt ? `answered ${minute(item.firstResponseAt)}` : item.status;
  return Date.parse(item.dueAt) < now ? `BREACHED ${minute(item.dueAt)}` : `due ${minute(item.dueAt)}`;
}

async function channelNames(api: ApiClient): Promise<Map<string, string>> {
  const { channels } = await api.call<{ channels: Array<{ id: string; network: string; handle: string }> }>('GET', '/api/channels');
  return new Map(channels.map((c) => [c.id, `${c.network}:${c.handle}`]));
}

/** One item on one line: id, urgency mark (!! urgent, ?! possibly urgent), status, intents, channel, due or breached, the start of the text. */
export function itemLine(item: ItemView, channels: Map<string, string>, now = Date.now()): string {
  const mark = item.urgent ? '!!' : item.possiblyUrgent ? '?!' : '  ';
  const intents = item.mention.intents.length > 0 ? item.mention.intents.join(',') : '-';
  const channel = item.channelId ? (channels.get(item.channelId) ?? item.channelId) : 'listening';
  return `${item.id} ${mark} ${item.status.padEnd(13)} ${intents.padEnd(18)} ${channel.padEnd(24)} ${dueLabel(item, now).padEnd(27)} ${oneLine(item.mention.text, 60)}`;
}

function analysisOf(mention: MentionView): Analysis {
  return typeof mention.analysis === 'object' && mention.analysis !== null ? (mention.analysis as Analysis) : {};
}

function printConversation(item: ConversationView, channels: Map<string, string>): void {
  const m = item.mention;
  console.log(itemLine(item, channels));
  console.log(`from @${m.author.handle}${m.author.displayName ? ` (${m.author.displayName})` : ''} on ${m.network}, ${m.kind}, ${m.createdAt}${m.url ? `  ${m.url}` : ''}`);
  console.log(`assigned to ${item.assigneeId ?? 'nobody'}; sentiment ${m.sentiment}; intents ${m.intents.join(', ') || 'none'}`);

  console.log('\nthread:');
  const thread = item.conversation.length > 0 ? item.conversation : [m];
  for (const t of thread) {
    const marker = t.id === m.id ? '>' : ' ';
    console.log(`${marker} ${minute(t.createdAt)} @${t.author.handle}: ${t.text.replace(/\s*\n\s*/g, ' / ')}`);
  }

  const analysis = analysisOf(m);
  console.log('\nsafety:');
  const findings = analysis.findings ?? [];
  if (m.phiTypes.length > 0) console.log(`  health details in the message: ${m.phiTypes.join(', ')} (do not repeat them in a public reply)`);
  if (findings.length === 0 && m.phiTypes.length === 0) console.log('  no findings');
  for (const f of findings) console.log(`  ${f.severity.padEnd(5)} ${f.rule}${f.type ? ` (${f.type})` : ''}`);
  if (analysis.adverseEvent) console.log('  possible adverse event: report it through the pharmacovigilance process');
  if (analysis.playbook) {
    console.log(`\nurgent (${analysis.playbook.kind}) playbook:`);
    for (const step of analysis.playbook.steps) console.log(`  - ${step}`);
    console.log(`  public reply: ${analysis.playbook.replyTemplate}`);
    if (analysis.playbook.directMessageTemplate) console.log(`  private message: ${analysis.playbook.directMessageTemplate}`);
  }

  console.log('\nnotes:');
  if (item.notes.length === 0) console.log('  none');
  for (const n of item.notes) console.log(`  ${minute(n.createdAt)} ${n.authorId ?? 'someone'}: ${n.body}`);
}

/** Runs one inbox action on one item; a refused change (wrong status, unknown item) is an error. */
async function act(api: ApiClient, id: string, action: string, extra: Record<string, unknown> = {}): Promise<string> {
  const { results } = await api.call<{ results: Array<{ id: string; ok: boolean; status?: string; error?: string }> }>('POST', '/api/inbox/actions', { ids: [id], action, ...extra });
  const result = results[0];
  if (!result?.ok) throw new Error(result?.error ?? `the inbox did not ${action} ${id}`);
  return result.status ?? '';
}

function period(opts: { from?: string; to?: string }, days: number): { from: string; to: string } {
  const to = opts.to ? new Date(opts.to) : new Date();
  const from = opts.from ? new Date(opts.from) : new Date(to.getTime() - days * 86_400_000);
  if (Number.isNaN(to.getTime())) throw new Error(`--to ${opts.to} is not a date (2026-03-01 or 2026-03-01T00:00:00Z)`);
  if (Number.isNaN(from.getTime())) throw new Error(`--from ${opts.from} is not a date (2026-03-01 or 2026-03-01T00:00:00Z)`);
  return { from: from.toISOString(), to: to.toISOString() };
}

function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

function minutes(value: number | null): string {
  return value === null ? '—' : `${Math.round(value)} min`;
}

/** The API's inbox metrics are the domain's response figures. */
type Figures = ResponseFigures;

export function registerInbox(program: Command): void {
  const inbox = program.command('inbox').description('The inbox: conversations that need an answer — over the API');

  apiOptions(
    inbox
      .command('list')
      .description('Open conversations, urgent first, then by response-time target')
      .option('--status <statuses>', 'comma-separated: new,assigned,replied,offline,hidden,closed (default new,assigned)')
      .option('--urgent', 'only emergencies and self-harm')
      .option('--limit <n>', 'how many (at most 200)', '50')
      .option('--json', 'the API answer as JSON'),
  ).action(async (opts: { status?: string; urgent?: boolean; limit: string; json?: boolean } & Api) => {
    const api = new ApiClient(opts);
    const q = new URLSearchParams({ limit: opts.limit, ...(opts.status ? { status: apiStatuses(opts.status) } : {}), ...(opts.urgent ? { urgent: 'true' } : {}) });
    const page = await api.call<{ items: ItemView[]; nextCursor: string | null }>('GET', `/api/inbox?${q}`);
    if (opts.json) {
      console.log(JSON.stringify(page, null, 2));
      return;
    }
    if (page.items.length === 0) {
      console.log('the inbox is empty');
      return;
    }
    const channels = await channelNames(api);
    for (const item of page.items) console.log(itemLine(item, channels));
    if (page.nextCursor) console.log(`… more: raise --limit (at most 200)`);
  });

  apiOptions(inbox.command('show').argument('<id>', 'the inbox item').description('One conversation: the thread, the safety findings, the notes').option('--json', 'the API answer as JSON')).action(
    async (id: string, opts: { json?: boolean } & Api) => {
      const api = new ApiClient(opts);
      const item = await api.call<ConversationView>('GET', `/api/inbox/${encodeURIComponent(id)}`);
      if (opts.json) console.log(JSON.stringify(item, null, 2));
      else printConversation(item, await channelNames(api));
    },
  );

  apiOptions(inbox.command('assign').argument('<id>', 'the inbox item').requiredOption('--to <who>', 'a member\'s email, or "me"').description('Assign a conversation to a team member')).action(
    async (id: string, opts: { to: string } & Api) => {
      const api = new ApiClient(opts);
      let assigneeId: string | undefined;
      if (opts.to !== 'me') {
        const { members } = await api.call<{ members: Array<{ userId: string; email: string; disabled: boolean }> }>('GET', '/api/members');
        const member = members.find((m) => m.email.toLowerCase() === opts.to.trim().toLowerCase());
        if (!member) throw new Error(`no member with the email ${opts.to} (see the team in the web UI, or use --to me)`);
        assigneeId = member.userId;
      }
      const status = await act(api, id, 'assign', assigneeId ? { assigneeId } : {});
      console.log(`${id} ${status}, assigned to ${opts.to}`);
    },
  );

  apiOptions(inbox.command('note').argument('<id>', 'the inbox item').requiredOption('--text <text>', 'the note (internal, never sent)').description('Add an internal note')).action(
    async (id: string, opts: { text: string } & Api) => {
      await new ApiClient(opts).call('POST', `/api/inbox/${encodeURIComponent(id)}/notes`, { body: opts.text });
      console.log(`note added to ${id}`);
    },
  );

  apiOptions(
    inbox
      .command('reply')
      .argument('<id>', 'the inbox item')
      .requiredOption('--text <text>', 'the reply')
      .description('Reply through the channel, after the PHI guard (a blocked reply prints why and a compliant template, and exits 1)'),
  ).action(async (id: string, opts: { text: string } & Api) => {
    const api = new ApiClient(opts);
    const path = `/api/inbox/${encodeURIComponent(id)}`;
    // The same guard the reply goes through, asked first so its findings can be shown.
    const check = await api.call<{ blocked: boolean; findings: Finding[]; compliantReply: string }>('POST', `${path}/reply-check`, { text: opts.text });
    for (const f of check.findings) console.log(`${f.severity === 'block' ? 'BLOCKED' : f.severity}: ${f.message ?? f.rule}${f.suggestion ? ` — ${f.suggestion}` : ''}`);
    if (check.blocked) {
      console.log(`\na compliant reply you can send instead:\n  ${check.compliantReply}`);
      throw new Error('the reply was not sent: the PHI guard blocked it');
    }
    const sent = await api.call<ItemView>('POST', `${path}/reply`, { text: opts.text });
    console.log(`replied to ${id}: ${sent.status}`);
  });

  apiOptions(
    inbox
      .command('status')
      .argument('<id>', 'the inbox item')
      .argument('<status>', STATUS_WORDS)
      .description('Move a conversation offline, hide, close or reopen it (replying and assigning have their own commands)'),
  ).action(async (id: string, status: string, opts: Api) => {
    const action = STATUS_ACTIONS[status];
    if (!action) {
      if (status === 'replied') throw new Error('a conversation becomes replied by replying: bedside inbox reply ID --text …');
      if (status === 'assigned') throw new Error('a conversation becomes assigned by assigning it: bedside inbox assign ID --to EMAIL|me');
      throw new Error(`unknown status "${status}": use ${STATUS_WORDS}`);
    }
    console.log(`${id} ${await act(new ApiClient(opts), id, action)}`);
  });

  apiOptions(
    inbox
      .command('triage')
      .argument('<id>', 'the inbox item')
      .argument('<rank>', 'urgent or not-urgent')
      .description("A person's triage over the engine's: move an open conversation to the urgent rank, or to the ordinary queue (how a possibly urgent one leaves its lane)"),
  ).action(async (id: string, rank: string, opts: Api) => {
    const action = rank === 'urgent' ? 'mark_urgent' : rank === 'not-urgent' || rank === 'not_urgent' ? 'not_urgent' : null;
    if (!action) throw new Error(`unknown rank "${rank}": use urgent or not-urgent`);
    await act(new ApiClient(opts), id, action);
    console.log(`${id} ${rank === 'urgent' ? 'urgent' : 'not urgent'}`);
  });

  apiOptions(
    inbox
      .command('metrics')
      .description('Response metrics of a period (default the last 7 days): response rate, first-response times, breaches')
      .option('--from <date>', 'start (ISO date or time)')
      .option('--to <date>', 'end (default now)')
      .option('--json', 'the API answer as JSON, with the definitions'),
  ).action(async (opts: { from?: string; to?: string; json?: boolean } & Api) => {
    const q = new URLSearchParams(period(opts, 7));
    const report = await new ApiClient(opts).call<{ metrics: Figures & { period: { from: string; to: string } } }>('GET', `/api/inbox-metrics?${q}`);
    if (opts.json) {
      console.log(JSON.stringify(report, null, 2));
      return;
    }
    const m = report.metrics;
    const first = m.firstResponseMinutes;
    console.log(`conversations ${m.period.from} → ${m.period.to}`);
    console.log(`  received            ${m.total} (${m.needingResponse} needed a response)`);
    console.log(`  responded           ${m.responded} (${percent(m.respondedRate)}): ${m.replied} replied, ${m.movedOffline} moved offline`);
    console.log(`  still open          ${m.open}`);
    console.log(`  breached target     ${m.breached} (${m.breachedOpen} still open)`);
    console.log(`  first response      median ${minutes(first.business.median)}, p90 ${minutes(first.business.p90)} in business hours; median ${minutes(first.wallClock.median)} wall clock`);
  });
}
