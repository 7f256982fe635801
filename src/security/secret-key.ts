import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box.ts';

export class SecretKeyError extends Error {}

/**
 * The key that encrypts channel credentials. From BEDSIDE_SECRET_KEY when set; on the embedded
 * database it is otherwise generated once into the data folder (and the caller warns the user to
 * back it up). PostgreSQL mode runs several processes, so it must be given explicitly.
 */
export function loadSecretBox(options: { secretKey?: string | undefined; dataDir: string; engine: 'sqlite' | 'postgres' }): {
  box: SecretBox;
  generatedAt?: string;
} {
  if (options.secretKey) {
    try {
      return { box: SecretBox.fromBase64(options.secretKey) };
    } catch (err) {
      throw new SecretKeyError((err as Error).message);
    }
  }
  if (options.engine === 'postgres') {
    throw new SecretKeyError('BEDSIDE_SECRET_KEY is required with DATABASE_URL (every process must share it): generate one with `openssl rand -base64 32`');
  }
  const file = join(options.dataDir, 'secret.key');
  if (existsSync(file)) return { box: SecretBox.fromBase64(readFileSync(file, 'utf8').trim()) };
  mkdirSync(options.dataDir, { recursive: true });
  writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return { box: SecretBox.fromBase64(readFileSync(file, 'utf8').trim()), generatedAt: file };
}
