import type { Transaction } from 'kysely';
import type { Database } from '../storage/schema.ts';
import type { AppContext } from './context.ts';
import { analyzeMessage, type MessageAnalysis, type MessageInput, type OrgProfile } from '../safety/index.ts';
import { insertNewMentions, storedExternalIds, type NewMention } from '../storage/mentions.ts';
import { insertInboxItems } from '../storage/inbox.ts';
import { timeOrderedId } from '../storage/row-ids.ts';
import { findWorkspace } from '../storage/workspaces.ts';
import { compileSlaPolicy, officeHours, type SlaPolicy, type CompiledSlaPolicy } from '../domain/inbox/index.ts';
import { workspaceProfile } from './workspace-profile.ts';
import { workspaceMatcher } from './listening.ts';

/** Something heard on a source, before analysis: a stored mention without what Bedside adds. */
export type IncomingMention = Omit<NewMention, 'id' | 'workspaceId' | 'sourceId' | 'channelId' | 'receivedAt' | 'sentiment' | 'intents' | 'urgent' | 'phiTypes' | 'analysis' | 'kind'> & {
  kind: 'mention' | 'reply' | 'quote' | 'search' | 'feed_item' | 'import';
};

/** Kinds addressed to the workspace: they deserve an answer and go to the inbox. */
const ADDRESSED = new Set(['mention', 'reply', 'quote']);

export const DEFAULT_FIRST_RESPONSE_MINUTES = 60;

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
  // Inside a caller's transaction, pass what needs the database (on SQLite one connection serves all).
  options: { sla?: CompiledSlaPolicy; profile?: OrgProfile; trx?: Transaction<Database>; inbox?: boolean } = {},
): Promise<IngestResult> {
  if (delivered.length === 0) return { received: 0, inserted: 0, inbox: 0, urgent: 0, matches: 0 };
  // Sources re-deliver (a feed returns its last 20 items on every poll; searches overlap): what is
  // already stored, or repeated within the batch, is not analysed again. The insert below still
  // skips duplicates, for a concurrent run that stored them meanwhile.
  const stored = await storedExternalIds(options.trx ?? ctx.storage.db, workspaceId, delivered);
  const incoming = delivered.filter((m) => {
    const key = `${m.network}\u0000${m.externalId}`;
    if (stored.has(key)) return false;
    stored.add(key);
    return true;
  });
  if (incoming.length === 0) return { received: delivered.length, inserted: 0, inbox: 0, urgent: 0, matches: 0 };
  const profile = options.profile ?? (await workspaceProfile(ctx, workspaceId));
  const sla = options.sla ?? compileSlaPolicy(await slaPolicyOf(ctx, workspaceId));
  const receivedAt = new Date().toISOString();
  const inputs: MessageInput[] = incoming.map((m) => ({ text: m.text, kind: 'mention' }));
  const toStored = (m: IncomingMention, analysis: MessageAnalysis): NewMention => ({
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
    phiTypes: [...new Set(analysis.phi.spans.map((s) => s.type))],
    analysis: { findings: analysis.findings.map(({ rule, severity, type }) => ({ rule, severity, type })), adverseEvent: analysis.adverseEvent, playbook: analysis.playbook, possiblyUrgent: analysis.possiblyUrgent },
  });
  // Without threads, analyse before the transaction opens: the database is not held meanwhile.
  const analysed = ctx.analyzer ? undefined : [inputs.map((input) => analyzeMessage(input, profile))];
  const write = async (trx: Transaction<Database>): Promise<IngestResult> => {
    const matcher = await workspaceMatcher(trx, workspaceId);
    const result: IngestResult = { received: delivered.length, inserted: 0, inbox: 0, urgent: 0, matches: 0 };
    let offset = 0;
    for await (const chunk of analysed ?? ctx.analyzer!.chunks(inputs, profile)) {
      const mentions = chunk.map((analysis, k) => toStored(incoming[offset + k]!, analysis));
      const possiblyUrgent = new Set(mentions.filter((_, k) => chunk[k]!.possiblyUrgent).map((m) => m.id));
      offset += chunk.length;
      const inserted = await insertNewMentions(trx, mentions);
      const fresh = mentions.filter((m) => inserted.has(m.id));
      // Possibly urgent ones come in from anywhere too: a person decides, not the engine.
      const forInbox = options.inbox === false ? [] : fresh.filter((m) => m.urgent || possiblyUrgent.has(m.id) || (ADDRESSED.has(m.kind) && !m.intents.includes('spam')));
      await insertInboxItems(
        trx,
        forInbox.map((m) => ({
          id: timeOrderedId(),
          workspaceId,
          mentionId: m.id,
          channelId: m.channelId,
          urgent: m.urgent,
          possiblyUrgent: possiblyUrgent.has(m.id),
          // The clock starts when the message was written, not when Bedside fetched it.
          dueAt: new Date(sla.dueMs(Math.min(Date.parse(m.createdAt) || Date.now(), Date.now()), { urgent: m.urgent, possiblyUrgent: possiblyUrgent.has(m.id) })).toISOString(),
          receivedAt: m.createdAt,
        })),
      );
      result.matches += await matcher.match(fresh);
      result.inserted += fresh.length;
      result.inbox += forInbox.length;
      result.urgent += forInbox.filter((m) => m.urgent).length;
    }
    return result;
  };
  return options.trx ? write(options.trx) : ctx.storage.db.transaction().execute(write);
}

