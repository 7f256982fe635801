import type { Logger } from 'pino';
import type { Storage } from '../storage/engine.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { SecretBox } from '../security/secret-box.ts';
import { can, type Permission, type Role } from '../domain/roles.ts';
import { OperationError } from './errors.ts';
import type { MessageInput, OrgProfile } from '../safety/index.ts';
import type { IngestAnalysis } from './ingest-analysis.ts';

/**
 * Runs the safety engine over many messages, chunk by chunk, in order, and yields what ingestion
 * stores of each result (runtime/analysis-pool.ts).
 */
export interface BatchAnalyzer {
  chunks(inputs: MessageInput[], profile: OrgProfile): AsyncIterable<IngestAnalysis[]>;
}

/** What every operation needs, built once at start (src/runtime/app-context.ts). */
export interface AppContext {
  storage: Storage;
  queue: JobQueue;
  secrets: SecretBox;
  logger: Logger;
  /** Analysis on worker threads for batch ingestion; without it, ingestion analyses inline. */
  analyzer?: BatchAnalyzer;
  /** Where people reach this Bedside (BEDSIDE_PUBLIC_URL), for links in alerts. */
  publicUrl?: string | undefined;
}

/** Who is acting, in which workspace, with which role. */
export interface Actor {
  type: 'user' | 'api_token' | 'cli' | 'system';
  workspaceId: string;
  userId: string | null;
  role: Role;
  /** The API token or session acting, for the audit log. */
  credentialId?: string;
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) {
    throw new OperationError('FORBIDDEN', `the ${actor.role} role may not do this (needs ${permission})`);
  }
}

export function auditActor(actor: Actor): { actorType: 'user' | 'api_token' | 'system' | 'cli'; actorId: string | null } {
  return { actorType: actor.type, actorId: actor.type === 'api_token' ? (actor.credentialId ?? null) : actor.userId };
}
