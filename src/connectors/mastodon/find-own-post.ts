/**
 * Reconciliation after a crash: did the post with this idempotency key go out?
 *
 * Mastodon stores no client key on a status, so it cannot be searched for. What it does keep is
 * the Idempotency-Key of POST /api/v1/statuses, for one hour, and it checks that key before it
 * validates anything. So within the hour we ask the server directly: re-send the key with an
 * empty status. If the key is known, Mastodon answers with the status it made (200); if not, the
 * empty status fails validation (422) and nothing is created either way. A 404 means the status was
 * made and has since been deleted.
 *
 * After the hour the key is gone. The only evidence left is the account's own statuses since
 * `since`, compared by text — which the interface does not pass (see `expectedText`). Without it
 * the connector refuses to guess (PERMANENT): a duplicate post and a lost post are both worse than
 * a person looking at the account.
 */
import { ConnectorError, type PublishedPost } from '../types.ts';
import { call, nextMaxId, type MastodonClient } from './client.ts';
import { statusText, toPublished } from './map.ts';

/** Mastodon keeps keys 3600 s; stay clear of the edge. */
const IDEMPOTENCY_WINDOW_MS = 55 * 60 * 1000;
/** How far back the text comparison pages through the account's statuses (40 per page). */
const MAX_PAGES = 5;

export interface FindOwnPostInput {
  accountId: string;
  idempotencyKey: string;
  since: Date;
  now: Date;
  /** The text that was being published; needed once the server has forgotten the key. */
  expectedText?: string;
}

export async function findOwnPost(client: MastodonClient, input: FindOwnPostInput): Promise<PublishedPost | undefined> {
  if (input.now.getTime() - input.since.getTime() < IDEMPOTENCY_WINDOW_MS) return askByIdempotencyKey(client, input.idempotencyKey);
  if (input.expectedText !== undefined) return findByText(client, input.accountId, input.expectedText, input.since);
  throw new ConnectorError(
    'PERMANENT',
    `cannot tell whether the post went out: Mastodon forgets idempotency keys after an hour and the post was attempted at ${input.since.toISOString()}; check the account`,
  );
}

async function askByIdempotencyKey(client: MastodonClient, key: string): Promise<PublishedPost | undefined> {
  try {
    const status = await call(() => client.v1.statuses.create({ status: '' }, { requestInit: { headers: { 'Idempotency-Key': key } } }));
    return toPublished(status);
  } catch (error) {
    if (error instanceof ConnectorError && error.code === 'INVALID_CONTENT') return undefined; // key unknown: never published
    if (error instanceof ConnectorError && error.code === 'NOT_FOUND') {
      throw new ConnectorError('NOT_FOUND', 'the post went out and has since been deleted on Mastodon; not publishing it again', { cause: error });
    }
    throw error;
  }
}

async function findByText(client: MastodonClient, accountId: string, expectedText: string, since: Date): Promise<PublishedPost | undefined> {
  const wanted = comparable(expectedText);
  let maxId: string | undefined;
  let match: PublishedPost | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const response = await call(() => client.v1.accounts.$select(accountId).statuses.list.$raw({ limit: 40, excludeReblogs: true, ...(maxId ? { maxId } : {}) }));
    for (const status of response.data) {
      if (Date.parse(status.createdAt) < since.getTime()) return match;
      // Newest first: keep overwriting, so the earliest match after `since` wins.
      if (comparable(statusText(status)) === wanted) match = toPublished(status);
    }
    maxId = nextMaxId(response.headers);
    if (!maxId) return match;
  }
  return match;
}

/**
 * Text as Mastodon shows it back: remote mentions and the like lose their domain in the HTML
 * ("@ana@example.org" renders as "@ana"), whitespace is rearranged.
 */
export function comparable(text: string): string {
  return text
    .normalize('NFC')
    .replace(/@([\w.-]+)@[\w.-]+\.[a-z]{2,}/gi, '@$1')
    .replace(/\s+/g, ' ')
    .trim();
}
