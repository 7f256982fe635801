/**
 * Test support: a real AT Protocol network on loopback — PLC, a PDS and the Bluesky AppView from
 * @atproto/dev-env (the server software itself, not a fake). Needs PostgreSQL (the AppView's
 * store) and REDIS_HOST to be set; the PDS keeps its data in SQLite files of its own.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { TestNetwork } from '@atproto/dev-env';
import { AtpAgent } from '@atproto/api';
import { adminDatabaseUrl } from './engines.ts';

/** How long closing the network may take before the test moves on. */
const CLOSE_WAIT_MS = 30_000;

export interface TestAccount {
  did: string;
  handle: string;
  password: string;
  agent: AtpAgent;
}

export interface BlueskyTestNetwork {
  network: TestNetwork;
  pdsUrl: string;
  /** Creates an account and returns it logged in. */
  account(name: string): Promise<TestAccount>;
  /** An app password for the account, as a user would create one for Bedside. */
  appPassword(account: TestAccount): Promise<string>;
  /** Lets the AppView index everything written so far. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** dev-env wants a password in the URL (it does not use the socket); trust auth ignores it. */
function postgresUrlWithPassword(): string {
  const url = new URL(adminDatabaseUrl());
  if (!url.password) url.password = 'postgres';
  if (!url.username) url.username = 'postgres';
  return url.toString();
}

export async function startBlueskyNetwork(): Promise<BlueskyTestNetwork> {
  process.env.REDIS_HOST ??= '127.0.0.1:6379';
  const dbPostgresUrl = postgresUrlWithPassword();
  // letters only: dev-env refuses digits in the schema name
  const schema = `bedside_${[...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;
  const network = await TestNetwork.create({ dbPostgresSchema: schema, dbPostgresUrl });
  const seed = network.getSeedClient();
  return {
    network,
    pdsUrl: network.pds.url,
    async account(name) {
      const handle = `${name}.test`;
      const password = `${name}-password`;
      await seed.createAccount(name, { handle, email: `${name}@test.example`, password });
      const agent = new AtpAgent({ service: network.pds.url });
      await agent.login({ identifier: handle, password });
      return { did: agent.session!.did, handle, password, agent };
    },
    async appPassword(account) {
      const res = await account.agent.com.atproto.server.createAppPassword({ name: `bedside-${randomBytes(3).toString('hex')}` });
      return res.data.password;
    },
    settle: () => network.processAll(),
    async close() {
      // Bounded: once in CI (stop 16) shutting the network down held a test file for its whole
      // 600 s timeout after every test had passed. The schema drop gives up rather than wait on a
      // lock; a schema left behind is harmless (each network has its own).
      await Promise.race([network.close(), new Promise<void>((resolve) => setTimeout(resolve, CLOSE_WAIT_MS).unref())]);
      const client = new pg.Client({ connectionString: dbPostgresUrl });
      await client.connect();
      try {
        await client.query(`set lock_timeout = '10s'`);
        await client.query(`drop schema if exists appview_${schema} cascade`);
        await client.query(`drop schema if exists ozone_${schema} cascade`);
      } catch {
        // left for the database's next reset
      } finally {
        await client.end();
      }
    },
  };
}

/** A 1×1 PNG, for image uploads. */
export const TINY_PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
);
