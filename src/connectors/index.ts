import type { Connector, NetworkId } from './types.ts';
import { blueskyConnector } from './bluesky/index.ts';
import { mastodonConnector } from './mastodon/index.ts';

export * from './types.ts';

/** Every network Bedside can publish to. Adding one is a folder and a line here. */
const CONNECTORS: Partial<Record<NetworkId, Connector>> = {
  bluesky: blueskyConnector,
  mastodon: mastodonConnector,
};

export function connectorFor(network: string): Connector | undefined {
  return CONNECTORS[network as NetworkId];
}

export function supportedNetworks(): NetworkId[] {
  return Object.keys(CONNECTORS) as NetworkId[];
}
