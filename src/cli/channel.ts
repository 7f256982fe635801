import type { Command } from 'commander';
import { createInterface } from 'node:readline/promises';
import { ApiClient, apiOptions } from './api-client.ts';

async function readSecret(envName: string, prompt: string): Promise<string> {
  if (process.env[envName]) return process.env[envName]!;
  if (!process.stdin.isTTY) throw new Error(`set ${envName} or run on a terminal to type it`);
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const value = await rl.question(prompt);
  rl.close();
  return value.trim();
}

export function registerChannel(program: Command): void {
  const channel = program.command('channel').description('Connected accounts');
  apiOptions(
    channel
      .command('connect')
      .argument('<network>', 'bluesky (mastodon: use --instance and BEDSIDE_ACCESS_TOKEN)')
      .requiredOption('--handle <handle>', 'the account, e.g. riversidehealth.bsky.social')
      .option('--service <url>', 'Bluesky PDS address (default bsky.social)')
      .option('--instance <url>', 'Mastodon instance address')
      .description('Connect an account; Bluesky asks for an app password (or reads BEDSIDE_APP_PASSWORD), never your main password'),
  ).action(async (network: string, opts: { handle: string; service?: string; instance?: string; url?: string; token?: string }) => {
    const api = new ApiClient(opts);
    let credentials: Record<string, string>;
    if (network === 'bluesky') {
      credentials = { appPassword: await readSecret('BEDSIDE_APP_PASSWORD', 'Bluesky app password (Settings → Privacy and security → App passwords): '), ...(opts.service ? { serviceUrl: opts.service } : {}) };
    } else if (network === 'mastodon') {
      if (!opts.instance) throw new Error('--instance is required for mastodon');
      credentials = { instanceUrl: opts.instance, accessToken: await readSecret('BEDSIDE_ACCESS_TOKEN', 'Mastodon access token: ') };
    } else throw new Error(`unknown network "${network}" (bluesky or mastodon)`);
    const created = await api.call<{ id: string; handle: string; primary: boolean }>('POST', '/api/channels', { network, handle: opts.handle, credentials });
    console.log(`connected ${network} ${created.handle} as channel ${created.id}${created.primary ? ' (primary channel)' : ''}`);
  });

  apiOptions(channel.command('list').description('List connected accounts')).action(async (opts: { url?: string; token?: string }) => {
    const { channels } = await new ApiClient(opts).call<{ channels: Array<{ id: string; network: string; handle: string; status: string; primary: boolean }> }>('GET', '/api/channels');
    for (const c of channels) console.log(`${c.id}  ${c.network.padEnd(9)} ${c.handle}  ${c.status}${c.primary ? '  primary' : ''}`);
  });
}
