import { createHash, randomBytes } from 'node:crypto';

/** A random secret for cookies, setup links and API tokens (256 bits, URL-safe). */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** Secrets are stored only as their SHA-256: a copy of the database grants no access. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export const API_TOKEN_PREFIX = 'bsd_';
