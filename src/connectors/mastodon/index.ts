/**
 * The Mastodon connector (masto.js). A channel is an instance URL plus an access token the user
 * creates on their instance; there is no refresh — a token lives until revoked.
 */
import { ConnectorError, type ChannelCredentials, type Connector, type ConnectorSession } from '../types.ts';
import { call, createClient, parseInstanceUrl } from './client.ts';
import { MASTODON_DESCRIPTION } from './description.ts';
import type { MediaPolling } from './publish.ts';
import { MastodonSession } from './session.ts';

export { MASTODON_DESCRIPTION, MASTODON_LIMITS } from './description.ts';

export interface MastodonConnectorOptions {
  /** Per request; a timeout is TRANSIENT. */
  requestTimeoutMs?: number;
  mediaPolling?: MediaPolling;
  now?: () => Date;
}

export function createMastodonConnector(options: MastodonConnectorOptions = {}): Connector {
  const requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  const polling = options.mediaPolling ?? { intervalMs: 1_000, timeoutMs: 60_000 };
  const now = options.now ?? (() => new Date());

  return {
    describe: MASTODON_DESCRIPTION,

    /** Checks the token with verify_credentials: 401/403 → AUTH_REVOKED. `serviceUrl` overrides the stored instance URL. */
    async connect(credentials: ChannelCredentials, connectOptions?: { serviceUrl?: string }): Promise<ConnectorSession> {
      const instanceUrl = parseInstanceUrl(connectOptions?.serviceUrl ?? credentials.instanceUrl);
      const accessToken = credentials.accessToken?.trim();
      if (!accessToken) throw new ConnectorError('AUTH_REVOKED', 'no Mastodon access token is stored for this channel; reconnect it');

      const client = createClient(instanceUrl, accessToken, requestTimeoutMs);
      const account = await call(() => client.v1.accounts.verifyCredentials());
      return new MastodonSession({
        client,
        accountId: account.id,
        handle: `${account.acct}@${instanceUrl.host}`,
        instanceHost: instanceUrl.host,
        publishing: { polling, defaultVisibility: account.source?.privacy ?? 'public' },
        now,
      });
    },
  };
}

export const mastodonConnector: Connector = createMastodonConnector();
