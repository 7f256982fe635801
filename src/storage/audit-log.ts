import type { Transaction } from 'kysely';
import type { Database } from './schema.ts';
import { lockForTransaction, type Db, type EngineName } from './engine.ts';
import { GENESIS_HASH, entryHash, verifyChain, type AuditEntry, type ChainBreak, type ChainStart } from '../domain/audit-chain.ts';

export type NewAuditEntry = Omit<AuditEntry, 'seq' | 'at' | 'beforeId' | 'afterId' | 'details' | 'entityId'> & {
  at?: string;
  entityId?: string | null;
  beforeId?: string | null;
  afterId?: string | null;
  details?: AuditEntry['details'];
};

/** Appends to a workspace's hash chain inside the caller's transaction (with the change it records). */
export async function appendAudit(trx: Transaction<Database>, engine: EngineName, input: NewAuditEntry): Promise<AuditEntry> {
  await lockForTransaction(trx, engine, `audit:${input.workspaceId}`);
  const head = await trx
    .selectFrom('audit_heads')
    .select(['seq', 'hash'])
    .where('workspace_id', '=', input.workspaceId)
    .executeTakeFirst();
  const entry: AuditEntry = {
    workspaceId: input.workspaceId,
    seq: (head?.seq ?? 0) + 1,
    at: input.at ?? new Date().toISOString(),
    actorType: input.actorType,
    actorId: input.actorId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    beforeId: input.beforeId ?? null,
    afterId: input.afterId ?? null,
    details: input.details ?? {},
  };
  const prevHash = head?.hash ?? GENESIS_HASH;
  const hash = entryHash(entry, prevHash);
  await trx
    .insertInto('audit_log')
    .values({
      workspace_id: entry.workspaceId,
      seq: entry.seq,
      at: entry.at,
      actor_type: entry.actorType,
      actor_id: entry.actorId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before_id: entry.beforeId,
      after_id: entry.afterId,
      details: JSON.stringify(entry.details),
      prev_hash: prevHash,
      hash,
    })
    .execute();
  if (head) {
    await trx.updateTable('audit_heads').set({ seq: entry.seq, hash }).where('workspace_id', '=', entry.workspaceId).execute();
  } else {
    await trx.insertInto('audit_heads').values({ workspace_id: entry.workspaceId, seq: entry.seq, hash }).execute();
  }
  return entry;
}

type AuditRow = Database['audit_log'];

function toEntry(row: { [K in keyof AuditRow]: AuditRow[K] }): AuditEntry {
  return {
    workspaceId: row.workspace_id,
    seq: Number(row.seq),
    at: row.at,
    actorType: row.actor_type as AuditEntry['actorType'],
    actorId: row.actor_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    beforeId: row.before_id,
    afterId: row.after_id,
    details: JSON.parse(row.details) as AuditEntry['details'],
  };
}

export async function listAudit(
  db: Db,
  workspaceId: string,
  page: { beforeSeq?: number | undefined; limit: number },
): Promise<AuditEntry[]> {
  let q = db.selectFrom('audit_log').selectAll().where('workspace_id', '=', workspaceId);
  if (page.beforeSeq !== undefined) q = q.where('seq', '<', page.beforeSeq);
  const rows = await q.orderBy('seq', 'desc').limit(page.limit).execute();
  return rows.map(toEntry);
}

export interface AuditVerification {
  workspaceId: string;
  entries: number;
  problem: ChainBreak | null;
}

/** Re-computes every workspace's chain (or one), in pages so a long log stays in bounded memory. */
export async function verifyAudit(db: Db, workspaceId?: string): Promise<AuditVerification[]> {
  let wq = db.selectFrom('audit_heads').select(['workspace_id', 'seq', 'hash']);
  if (workspaceId) wq = wq.where('workspace_id', '=', workspaceId);
  const heads = await wq.orderBy('workspace_id').execute();
  let lq = db.selectFrom('audit_log').select('workspace_id').distinct();
  if (workspaceId) lq = lq.where('workspace_id', '=', workspaceId);
  const withRows = (await lq.execute()).map((r) => r.workspace_id);
  // A chain with rows but no head had its head deleted: verify it against an empty head.
  const workspaces = [...new Set([...heads.map((h) => h.workspace_id), ...withRows])].sort();
  const out: AuditVerification[] = [];
  for (const ws of workspaces) {
    let entries = 0;
    let problem: ChainBreak | null = null;
    let start: ChainStart = { seq: 0, hash: GENESIS_HASH };
    for (;;) {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('workspace_id', '=', ws)
        .where('seq', '>', start.seq)
        .orderBy('seq')
        .limit(5000)
        .execute();
      if (rows.length === 0) break;
      problem = verifyChain(rows.map((r) => ({ entry: toEntry(r), prevHash: r.prev_hash, hash: r.hash })), start);
      entries += rows.length;
      if (problem) break;
      const last = rows[rows.length - 1]!;
      start = { seq: Number(last.seq), hash: last.hash };
    }
    const head = heads.find((h) => h.workspace_id === ws);
    if (!problem && (!head || Number(head.seq) !== start.seq || head.hash !== start.hash)) {
      // The newest rows were deleted, or the head itself was altered.
      problem = { seq: Math.min(start.seq + 1, Number(head?.seq ?? 0)), reason: 'head_mismatch' };
    }
    out.push({ workspaceId: ws, entries, problem });
  }
  return out;
}
