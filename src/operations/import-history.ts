import type { AppContext, Actor } from './context.ts';
import { auditActor, requirePermission } from './context.ts';
import { appendAudit } from '../storage/audit-log.ts';
import { compileSlaPolicy } from '../domain/inbox/index.ts';
import { importFile, readBlueskyCar, type CsvMapping, type ImportedMention, type ImportKind, type ImportProgress } from '../importers/index.ts';
import { recordMentionBatches, slaPolicyOf, type IncomingMention } from './ingest.ts';
import { workspaceProfile } from './workspace-profile.ts';

export interface ImportSummary {
  read: number;
  inserted: number;
  alreadyStored: number;
}

const BATCH = 1000;

/**
 * Imports a history file all-or-nothing: every record is analysed and stored inside one
 * transaction, which commits only when the whole file was read without an error. A bad record
 * (located by line) rolls the import back; what was stored before stays as it was. Records
 * already stored (same network id) are skipped, so a file can be imported again safely.
 * History goes to listening and analytics, not to the inbox.
 */
export async function importHistory(
  ctx: AppContext,
  actor: Actor,
  // 'bluesky-car': a repository export (the account's own posts); `handle` names the account it belongs to.
  input: { path: string; kind: ImportKind | 'bluesky-car'; mapping?: CsvMapping | undefined; onProgress?: ImportProgress | undefined; handle?: string | undefined },
): Promise<ImportSummary> {
  requirePermission(actor, 'workspace.manage');
  const network = input.kind === 'twitter-archive' ? 'x' : input.kind === 'bluesky-car' ? 'bluesky' : 'csv';
  const progress = input.onProgress ? { onProgress: input.onProgress } : {};
  const records: AsyncIterable<Omit<ImportedMention, 'line'>> =
    input.kind === 'bluesky-car'
      ? readBlueskyCar(input.path, { ...progress, ...(input.handle ? { handle: input.handle } : {}) })
      : importFile(input.path, input.kind, { ...(input.mapping ? { mapping: input.mapping } : {}), ...progress });
  const sla = compileSlaPolicy(await slaPolicyOf(ctx, actor.workspaceId));
  const profile = await workspaceProfile(ctx, actor.workspaceId);
  return ctx.storage.db.transaction().execute(async (trx) => {
    let read = 0;
    // The file is read batch by batch; the next batch's analysis runs while this one is stored.
    async function* batches(): AsyncGenerator<IncomingMention[]> {
      let batch: IncomingMention[] = [];
      for await (const record of records) {
        read += 1;
        batch.push({
          network,
          externalId: record.externalId,
          kind: 'import',
          author: { handle: record.author.handle, ...(record.author.id ? { id: record.author.id } : {}), ...(record.author.displayName ? { displayName: record.author.displayName } : {}) },
          text: record.text,
          lang: record.lang,
          url: record.url,
          inReplyTo: record.inReplyTo,
          createdAt: record.createdAt,
        });
        if (batch.length >= BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
    }
    const { inserted } = await recordMentionBatches(ctx, actor.workspaceId, { sourceId: null, channelId: null }, batches(), { sla, profile, trx, inbox: false });
    await appendAudit(trx, ctx.storage.engine, { workspaceId: actor.workspaceId, ...auditActor(actor), action: 'history.imported', entityType: 'import', details: { kind: input.kind, read, inserted } });
    return { read, inserted, alreadyStored: read - inserted };
  });
}
