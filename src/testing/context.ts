import { randomBytes } from 'node:crypto';
import pino from 'pino';
import type { EngineName } from '../storage/engine.ts';
import { createJobQueue } from '../jobs/index.ts';
import { defineJobKinds } from '../jobs/kinds.ts';
import { SecretBox } from '../security/secret-box.ts';
import type { AppContext } from '../operations/context.ts';
import { freshStorage, type TestDatabase } from './engines.ts';

/** A whole AppContext on a fresh database of the given engine, with a silent logger. */
export async function testContext(engine: EngineName, options: { pollMs?: number; secretKey?: string; leaseMs?: number } = {}): Promise<{ ctx: AppContext; database: TestDatabase; cleanup: () => Promise<void> }> {
  const { storage, database, cleanup } = await freshStorage(engine);
  const queue = createJobQueue(storage, database.databaseUrl, { pollMs: options.pollMs ?? 50, maintenanceIntervalSeconds: 1, ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}) });
  await defineJobKinds(queue);
  const ctx: AppContext = { storage, queue, secrets: options.secretKey ? SecretBox.fromBase64(options.secretKey) : new SecretBox(randomBytes(32)), logger: pino({ level: 'silent' }) };
  return {
    ctx,
    database,
    cleanup: async () => {
      await queue.stop({ timeoutMs: 5000 });
      await cleanup();
    },
  };
}
