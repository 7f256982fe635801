import { createHash } from 'node:crypto';

/** One entry of a workspace's audit log: who did what to which thing, by id only. */
export interface AuditEntry {
  workspaceId: string;
  seq: number;
  at: string;
  actorType: 'user' | 'api_token' | 'system' | 'cli';
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  beforeId: string | null;
  afterId: string | null;
  /** ids and enumerations only (e.g. {"role":"editor"}): never message text or credentials. */
  details: Record<string, string | number | boolean | null>;
}

export const GENESIS_HASH = '0'.repeat(64);

/** A stable serialisation: key order fixed, so the same entry always hashes the same. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const keys = Object.keys(value as object).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

export function entryHash(entry: AuditEntry, prevHash: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonical(entry)).digest('hex');
}

export interface ChainBreak {
  seq: number;
  reason: 'changed' | 'missing' | 'broken_link' | 'head_mismatch';
}

/** Where a chain segment starts: after genesis, or after an already verified row. */
export interface ChainStart {
  seq: number;
  hash: string;
}

/**
 * Walks a chain (or a segment of it, from `start`) in seq order and reports the first place it
 * does not hold: a row whose content no longer matches its hash (changed), a gap in seq
 * (deleted), or a prev_hash that is not the previous row's hash.
 */
export function verifyChain(
  rows: Array<{ entry: AuditEntry; prevHash: string; hash: string }>,
  start: ChainStart = { seq: 0, hash: GENESIS_HASH },
): ChainBreak | null {
  let expectedPrev = start.hash;
  let expectedSeq = start.seq + 1;
  for (const row of rows) {
    if (row.entry.seq !== expectedSeq) return { seq: expectedSeq, reason: 'missing' };
    if (row.prevHash !== expectedPrev) return { seq: row.entry.seq, reason: 'broken_link' };
    if (entryHash(row.entry, row.prevHash) !== row.hash) return { seq: row.entry.seq, reason: 'changed' };
    expectedPrev = row.hash;
    expectedSeq += 1;
  }
  return null;
}
