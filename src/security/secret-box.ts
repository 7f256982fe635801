import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Encrypts channel credentials at rest with AES-256-GCM. The stored form is
 * "v1.<iv>.<tag>.<ciphertext>" in base64url; the version lets the key be rotated later.
 */
export class SecretBox {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('the secret key must be 32 bytes (base64 of 32 random bytes)');
    this.#key = key;
  }

  static fromBase64(value: string): SecretBox {
    const key = Buffer.from(value, 'base64');
    if (key.length !== 32) throw new Error('BEDSIDE_SECRET_KEY must be the base64 of 32 bytes (e.g. `openssl rand -base64 32`)');
    return new SecretBox(key);
  }

  seal(plaintext: string, associatedData: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(Buffer.from(associatedData));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  /** associatedData binds a box to its row (e.g. the channel id): a box copied elsewhere fails. */
  open(sealed: string, associatedData: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('unreadable encrypted value');
    const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(associatedData));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new Error('encrypted value cannot be opened: wrong BEDSIDE_SECRET_KEY or tampered data');
    }
  }
}
