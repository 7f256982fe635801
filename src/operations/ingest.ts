import type { Transaction } from 'kysely';
import type { Database } from '../storage/schema.ts';
import type { AppContext } from './context.ts';
import { analyzeMessage, type MessageInput, type OrgProfile } from '../safety/index.ts';
import { ingestAnalysis, type IngestAnalysis } from './ingest-analysis.ts';
import { insertNewMentions, storedExternalIds, JsonText, type NewMention } from '../storage/mentions.ts';
import { insertInboxItems } from '../storage/inbox.ts';
import { timeOrderedId } from '../storage/row-ids.ts';
import { findWorkspace } from '../storage/workspaces.ts';
import { compileSlaPolicy, officeHours, type SlaPolicy, type CompiledSlaPolicy } from '../domain/inbox/index.ts';
import { workspaceProfile } from './workspace-profile.ts';
import { workspaceMatcher } from './listening.ts';
import { tokenise, unpackTokens } from '../domain/listening/query/index.ts';
import { alertScopeOf, enqueueAlerts } from './alerts.ts';
import type { AlertScope } from '../domain/alerts/urgent-alert.ts';

/** Something heard on a source, before analysis: a stored mention without what Bedside adds. */
export type IncomingMention = Omit<NewMention, 'id' | 'workspaceId' | 'sourceId' | 'channelId' | 'receivedAt' | 'sentiment' | 'intents' | 'urgent' | 'phiTypes' | 'analysis' | 'kind'> & {
  kind: 'mention' | 'reply' | 'quote' | 'search' | 'feed_item' | 'import';
};

/** Kinds addressed to the workspace: they deserve an answer and go to the inbox. */
const ADDRESSED = new Set(['mention', 'reply', 'quote']);

export const DEFAULT_FIRST_RESPONSE_MINUTES = 60;

/** Urgent alerts go out for messages written within this long. */
const ALERT_MAX_AGE_MS = 24 * 60 * 60_000;

export async function slaPolicyOf(ctx: AppContext, workspaceId: string): Promise<SlaPolicy> {
  const ws = await findWorkspace(ctx.storage.db, workspaceId);
  const stored = ws?.settings.sla as SlaPolicy | undefined;
  return stored ?? { firstResponseMinutes: DEFAULT_FIRST_RESPONSE_MINUTES, businessHours: officeHours(ws?.timeZone ?? 'UTC') };
}

export interface IngestResult {
  received: number;
  inserted: number;
  inbox: number;
  urgent: number;
  matches: number;
}

/** Options of recordMentions and recordMentionBatches. */
export interface RecordOptions {
  sla?: CompiledSlaPolicy;
  profile?: OrgProfile;
  // Inside a caller's transaction, pass what needs the database (on SQLite one connection serves all).
  trx?: Transaction<Database>;
  inbox?: boolean;
  /** The workspace's alert scope (null: no alerts); read from its settings when left out. */
  alertScope?: AlertScope | null;
}

/**
 * Records what a source delivered: every mention passes through the safety engine on arrival
 * (PHI, intents, urgency, sentiment), is stored once per network id, lands in the inbox when it
 * deserves an answer (anything addressed to us, and anything urgent or possibly urgent from anywhere) with its SLA
 * due time, and is matched against the workspace's listening queries — all in one transaction,
 * so a batch is either recorded whole or not at all.
 *
 * With worker threads (ctx.analyzer), chunks are analysed on them while earlier chunks are being
 * stored, so the analysis and the database work overlap; without, the batch is analysed first.
 */
export async function recordMentions(
  ctx: AppContext,
  workspaceId: string,
  from: { sourceId: string | null; channelId: string | null },
  delivered: IncomingMention[],
  options: RecordOptions = {},
): Promise<IngestResult> {
  return store(ctx, workspaceId, from, await prepare(ctx, workspaceId, delivered, options), options);
}

/**
 * Records many batches (an import, a long backfill), each as recordMentions does, in order. The
 * next batch is handed to the analysis before this one is stored, so with worker threads the
 * analysis never waits for the database and the database never waits for the analysis of a new
 * batch. Results are added up.
 */
export async function recordMentionBatches(
  ctx: AppContext,
  workspaceId: string,
  from: { sourceId: string | null; channelId: string | null },
  batches: AsyncIterable<IncomingMention[]> | Iterable<IncomingMention[]>,
  options: RecordOptions = {},
): Promise<IngestResult> {
  const settled: RecordOptions = {
    ...options,
    profile: options.profile ?? (await workspaceProfile(ctx, workspaceId)),
    sla: options.sla ?? compileSlaPolicy(await slaPolicyOf(ctx, workspaceId)),
    alertScope: options.alertScope !== undefined ? options.alertScope : await alertScopeOf(options.trx ?? ctx.storage.db, workspaceId),
  };
  const total: IngestResult = { received: 0, inserted: 0, inbox: 0, urgent: 0, matches: 0 };
  const add = (r: IngestResult): void => {
    for (const k of Object.keys(total) as Array<keyof IngestResult>) total[k] += r[k];
  };
  let ready: Prepared | null = null;
  for await (const batch of batches) {
    const next = await prepare(ctx, workspaceId, batch, settled);
    if (ready) add(await store(ctx, workspaceId, from, ready, settled));
    ready = next;
  }
  if (ready) add(await store(ctx, workspaceId, from, ready, settled));
  return total;
}

/** A batch deduplicated against what is stored, with its analysis under way. */
interface Prepared {
  received: number;
  incoming: IncomingMention[];
  analysis: AsyncIterable<IngestAnalysis[]> | Iterable<IngestAnalysis[]>;
  sla: CompiledSlaPolicy;
}

async function prepare(ctx: AppContext, workspaceId: string, delivered: IncomingMention[], options: RecordOptions): Promise<Prepared | null> {
  if (delivered.length === 0) return null;
  // Sources re-deliver (a feed returns its last 20 items on every poll; searches overlap): what is
  // already stored, or repeated within the batch, is not analysed again. The insert still skips
  // duplicates, for a concurrent run (or the batch before, still being stored) that stored them meanwhile.
  const stored = await storedExternalIds(options.trx ?? ctx.storage.db, workspaceId, delivered);
  const incoming = delivered.filter((m) => {
    const key = `${m.network}\u0000${m.externalId}`;
    if (stored.has(key)) return false;
    stored.add(key);
    return true;
  });
  const profile = options.profile ?? (await workspaceProfile(ctx, workspaceId));
  const sla = options.sla ?? compileSlaPolicy(await slaPolicyOf(ctx, workspaceId));
  const inputs: MessageInput[] = incoming.map((m) => ({ text: m.text, kind: 'mention' }));
  // Without threads, analyse before the transaction opens: the database is not held meanwhile.
  const analysis = incoming.length === 0 ? [] : ctx.analyzer ? ctx.analyzer.chunks(inputs, profile) : [inputs.map((input) => ingestAnalysis(analyzeMessage(input, profile), input.text))];
  return { received: delivered.length, incoming, analysis, sla };
}

async function store(
  ctx: AppContext,
  workspaceId: string,
  from: { sourceId: string | null; channelId: string | null },
  prepared: Prepared | null,
  options: RecordOptions,
): Promise<IngestResult> {
  if (!prepared) return { received: 0, inserted: 0, inbox: 0, urgent: 0, matches: 0 };
  const { incoming, sla } = prepared;
  if (incoming.length === 0) return { received: prepared.received, inserted: 0, inbox: 0, urgent: 0, matches: 0 };
  const receivedAt = new Date().toISOString();
  const toStored = (m: IncomingMention, analysis: IngestAnalysis, searchText: string): NewMention => ({
    id: timeOrderedId(),
    workspaceId,
    sourceId: from.sourceId,
    channelId: from.channelId,
    network: m.network,
    externalId: m.externalId,
    kind: m.kind,
    author: m.author,
    text: m.text,
    lang: m.lang,
    url: m.url,
    remoteUri: m.remoteUri,
    remoteCid: m.remoteCid,
    inReplyTo: m.inReplyTo,
    root: m.root,
    createdAt: m.createdAt,
    receivedAt,
    sentiment: analysis.sentiment,
    intents: analysis.intents,
    urgent: analysis.urgent,
    phiTypes: analysis.phiTypes,
    analysis: new JsonText(analysis.record),
    searchText,
  });
  const write = async (trx: Transaction<Database>): Promise<IngestResult> => {
    const matcher = await workspaceMatcher(trx, workspaceId);
    const alertScope = options.inbox === false ? null : options.alertScope !== undefined ? options.alertScope : await alertScopeOf(trx, workspaceId);
    const result: IngestResult = { received: prepared.received, inserted: 0, inbox: 0, urgent: 0, matches: 0 };
    let offset = 0;
    for await (const chunk of prepared.analysis) {
      // Tokenised once (by the analysis, when it did): the words are both the full-text index's text and what the listening queries read.
      const tokens = chunk.map((analysis, k) => (analysis.tokens ? unpackTokens(analysis.tokens) : tokenise(incoming[offset + k]!.text)));
      const mentions = chunk.map((analysis, k) => toStored(incoming[offset + k]!, analysis, analysis.tokens?.searchText ?? tokens[k]!.words.join(' ')));
      const possiblyUrgent = new Set(mentions.filter((_, k) => chunk[k]!.possiblyUrgent).map((m) => m.id));
      offset += chunk.length;
      const inserted = await insertNewMentions(trx, mentions);
      const fresh = mentions.filter((m) => inserted.has(m.id));
      const freshTokens = fresh.length === mentions.length ? tokens : tokens.filter((_, k) => inserted.has(mentions[k]!.id));
      // Possibly urgent ones come in from anywhere too: a person decides, not the engine.
      const forInbox = options.inbox === false ? [] : fresh.filter((m) => m.urgent || possiblyUrgent.has(m.id) || (ADDRESSED.has(m.kind) && !m.intents.includes('spam')));
      const items = forInbox.map((m) => ({
        id: timeOrderedId(),
        workspaceId,
        mentionId: m.id,
        channelId: m.channelId,
        urgent: m.urgent,
        possiblyUrgent: possiblyUrgent.has(m.id),
        // The clock starts when the message was written, not when Bedside fetched it.
        dueAt: new Date(sla.dueMs(Math.min(Date.parse(m.createdAt) || Date.now(), Date.now()), { urgent: m.urgent, possiblyUrgent: possiblyUrgent.has(m.id) })).toISOString(),
        receivedAt: m.createdAt,
      }));
      await insertInboxItems(trx, items);
      if (alertScope) {
        // A message more than a day old (a first backfill, an outage) is past helping by an alert and
        // would flood the team's channel; it still tops the inbox.
        const recent = items.filter((i) => (i.urgent || i.possiblyUrgent) && Date.now() - Date.parse(i.receivedAt) < ALERT_MAX_AGE_MS);
        await enqueueAlerts(ctx, trx, workspaceId, alertScope, recent.map((i) => ({ id: i.id, rank: i.urgent ? 'urgent' : 'possibly_urgent', dueAt: i.dueAt })));
      }
      result.matches += await matcher.match(fresh, freshTokens);
      result.inserted += fresh.length;
      result.inbox += forInbox.length;
      result.urgent += forInbox.filter((m) => m.urgent).length;
    }
    return result;
  };
  return options.trx ? write(options.trx) : ctx.storage.db.transaction().execute(write);
}

