import { serve, type ServerType } from '@hono/node-server';
import type { Booted } from './boot.ts';
import { createServerApp } from '../server/app.ts';
import { issueSetupToken } from '../operations/accounts.ts';
import { registerJobHandlers } from '../jobs/handlers/index.ts';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { beat, removeWorker } from '../storage/workers.ts';

const HEARTBEAT_MS = 10_000;

export interface Running {
  url: string;
  server: ServerType;
  stop(): Promise<void>;
}

/**
 * Runs the HTTP server and/or the job workers of one process. On SIGTERM/SIGINT it stops
 * taking requests and jobs, lets running ones finish, then closes the database.
 */
export async function run(booted: Booted, roles: { web: boolean; worker: boolean }): Promise<Running | undefined> {
  const { ctx, config } = booted;
  let draining = false;
  let server: ServerType | undefined;
  let url = '';
  let heartbeat: NodeJS.Timeout | undefined;
  const workerId = randomUUID();
  if (roles.worker) {
    await registerJobHandlers(ctx);
    const me = { id: workerId, host: hostname(), pid: process.pid, startedAt: new Date().toISOString() };
    await beat(ctx.storage.db, me);
    heartbeat = setInterval(() => void beat(ctx.storage.db, me).catch(() => undefined), HEARTBEAT_MS);
  }
  if (roles.web) {
    const { app } = createServerApp(ctx, { publicUrl: config.publicUrl, isDraining: () => draining });
    server = await new Promise<ServerType>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
      s.once('error', reject);
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    url = config.publicUrl ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  }
  const stop = async (): Promise<void> => {
    if (draining) return;
    draining = true;
    ctx.logger.info({ event: 'shutdown' }, 'draining');
    if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
    if (heartbeat) {
      clearInterval(heartbeat);
      await removeWorker(ctx.storage.db, workerId).catch(() => undefined);
    }
    await booted.close();
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void stop().then(() => process.exit(0));
    });
  }
  if (roles.web) {
    printBanner(booted, url, await issueSetupToken(ctx));
    return { url, server: server!, stop };
  }
  return undefined;
}

function printBanner(booted: Booted, url: string, setupToken: string | undefined): void {
  const lines = [
    '',
    `  Bedside is running at ${url}`,
    `  database: ${booted.ctx.storage.engine} (${booted.ctx.storage.location})`,
  ];
  if (booted.generatedKeyFile) {
    lines.push(`  A new secret key was written to ${booted.generatedKeyFile}: back it up with the database,`, '  without it the stored channel credentials cannot be read.');
  }
  if (setupToken) {
    lines.push(
      '',
      '  First run: no workspace exists yet. Create the owner account with this one-time link',
      `  (valid 24 hours):  ${url}/setup?token=${setupToken}`,
      '  or on this machine:  npx bedside user add --role owner --email you@hospital.org --workspace "Name"',
      '  then sign in at ' + url,
    );
  }
  process.stdout.write(lines.join('\n') + '\n\n');
}
