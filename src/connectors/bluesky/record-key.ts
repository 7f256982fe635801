import { createHash } from 'node:crypto';
import { TID } from '@atproto/common-web';

// 2024-01-01T00:00:00Z in microseconds: record keys derived from idempotency keys fall in the
// ~12 days after it, so they are valid TIDs in the past whatever the key.
const BASE_MICROS = 1_704_067_200_000_000;
const SPAN_MICROS = 2 ** 40;

/**
 * The record key a post with this idempotency key is written under. The PDS refuses a second
 * record with the same key, so publishing the same post twice is impossible on the network
 * itself, and after a crash the post is found again by reading this one key.
 */
export function recordKeyFor(idempotencyKey: string): string {
  const digest = createHash('sha256').update(idempotencyKey).digest();
  const micros = BASE_MICROS + Number(digest.readBigUInt64BE(0) % BigInt(SPAN_MICROS));
  const clockId = digest.readUInt16BE(8) % 1024;
  return TID.fromTime(micros, clockId).toString();
}

export function recordKeyOf(uri: string): string {
  const rkey = uri.split('/').pop();
  if (!rkey) throw new Error(`not an at:// record URI: ${uri}`);
  return rkey;
}
