import type { Connector, NetworkId } from './types.ts';
import { blueskyConnector, createBlueskyConnector } from './bluesky/index.ts';
import { createMastodonConnector, mastodonConnector } from './mastodon/index.ts';

export * from './types.ts';

/** Every network Bedside can publish to. Adding one is a folder and a line here. */
const CONNECTORS: Partial<Record<NetworkId, Connector>> = {
  bluesky: blueskyConnector,
  mastodon: mastodonConnector,
};

/** Adds a connector at run time (benchmarks plug in a timed stand-in; plug-ins could add networks). */
export function registerConnector(network: string, connector: Connector): void {
  (CONNECTORS as Record<string, Connector>)[network] = connector;
}

/** Applies start-up settings to the built-in connectors (BEDSIDE_NETWORK_TIMEOUT_SECONDS). */
export function configureConnectors(settings: { requestTimeoutMs: number }): void {
  CONNECTORS.bluesky = createBlueskyConnector(settings);
  CONNECTORS.mastodon = createMastodonConnector(settings);
}

export function connectorFor(network: string): Connector | undefined {
  return CONNECTORS[network as NetworkId];
}

export function supportedNetworks(): NetworkId[] {
  return Object.keys(CONNECTORS) as NetworkId[];
}
