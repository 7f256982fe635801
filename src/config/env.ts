import { resolve } from 'node:path';

/** Settings read from the environment once, at start. Documented in README.md. */
export interface BedsideConfig {
  port: number;
  host: string;
  dataDir: string;
  /** postgres://… selects server mode; unset means the embedded SQLite file in dataDir. */
  databaseUrl: string | undefined;
  /** base64 of 32 bytes; generated into dataDir on first embedded start when unset. */
  secretKey: string | undefined;
  publicUrl: string | undefined;
  logLevel: string;
  /** Overrides every job kind's lease (how soon a try whose worker died is taken again). */
  jobLeaseSeconds: number | undefined;
  /** How often pg-boss looks for lost tries (PostgreSQL mode). */
  jobMaintenanceSeconds: number | undefined;
  /** How long one request to a network (Bluesky, Mastodon) may take before it counts as failed. */
  networkTimeoutSeconds: number;
  /** Worker threads that run the safety analysis for batch ingestion (0: on the main thread). */
  analysisThreads: number | undefined;
}

function optionalPositive(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new ConfigError(`${name} must be a positive number of seconds (got "${raw}")`);
  return value;
}

function threadCount(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 64) throw new ConfigError(`${name} must be a whole number from 0 to 64 (got "${raw}")`);
  return value;
}

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): BedsideConfig {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535 (got "${env.PORT}")`);
  }
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql:// (unset it to use the embedded database)');
  }
  return {
    port,
    host: env.HOST?.trim() || '127.0.0.1',
    dataDir: resolve(env.BEDSIDE_DATA_DIR?.trim() || './data'),
    databaseUrl,
    secretKey: env.BEDSIDE_SECRET_KEY?.trim() || undefined,
    publicUrl: env.BEDSIDE_PUBLIC_URL?.trim() || undefined,
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    jobLeaseSeconds: optionalPositive(env, 'BEDSIDE_JOB_LEASE_SECONDS'),
    jobMaintenanceSeconds: optionalPositive(env, 'BEDSIDE_JOB_MAINTENANCE_SECONDS'),
    networkTimeoutSeconds: optionalPositive(env, 'BEDSIDE_NETWORK_TIMEOUT_SECONDS') ?? 30,
    analysisThreads: threadCount(env, 'BEDSIDE_ANALYSIS_THREADS'),
  };
}
