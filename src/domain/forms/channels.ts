/** Connecting a channel and resuming one (POST /api/channels, POST /api/channels/{id}/resume). */
import { z } from 'zod';

const TOO_LONG = 'That is longer than any credential (4,096 characters at most)';
const CREDENTIAL_NETWORKS = ['bluesky', 'mastodon'] as const;

export const BlueskyHandle = z.string().trim().min(1, 'Enter the Bluesky handle, e.g. riverside.bsky.social').max(253, 'A handle has at most 253 characters');
export const AppPassword = z
  .string()
  .trim()
  .min(1, 'Create an app password in Bluesky (Settings → Privacy and security → App passwords) and paste it here')
  .max(4096, TOO_LONG);
/** Empty means bsky.social. */
export const ServiceUrl = z.union([z.literal(''), z.string().url('Enter the server address, e.g. https://bsky.social').max(4096, TOO_LONG)]);

/** What each network needs to sign in; the connectors declare the same fields (src/connectors/<network>/index.ts). */
const NETWORK_CREDENTIALS = {
  bluesky: z.object({ appPassword: AppPassword, serviceUrl: ServiceUrl.optional() }),
  mastodon: z.object({
    accessToken: z.string().trim().min(1, 'Paste the access token of your Mastodon application').max(4096, TOO_LONG),
    instanceUrl: z.string().trim().min(1, 'Enter your Mastodon server, e.g. mastodon.social').max(4096, TOO_LONG),
  }),
} satisfies Record<(typeof CREDENTIAL_NETWORKS)[number], z.ZodType>;

export const ConnectChannelRequest = z
  .object({
    network: z.enum(CREDENTIAL_NETWORKS, 'Choose bluesky or mastodon'),
    handle: BlueskyHandle,
    displayName: z.string().max(120, 'Keep the name under 120 characters').optional(),
    credentials: z.record(z.string(), z.string().max(4096, TOO_LONG)),
  })
  // The credentials stay a map in the API (each network has its own keys); the network's keys are checked here, named `credentials.<key>`.
  .superRefine((value, ctx) => {
    const checked = NETWORK_CREDENTIALS[value.network].safeParse(value.credentials);
    if (checked.success) return;
    for (const issue of checked.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: ['credentials', ...issue.path] });
  });

/** A replacement secret: never blank, which would overwrite the stored one with nothing. */
export const NewCredential = (missing: string) => z.string().trim().min(1, missing).max(4096, TOO_LONG);

export const ResumeChannelRequest = z.object({ credentials: z.record(z.string(), NewCredential('Enter the new credentials')).optional() });

/** The setup page connects a Bluesky account: its handle, app password and (rarely) its own server. */
export const ChannelForm = z.object({ handle: BlueskyHandle, appPassword: AppPassword, serviceUrl: ServiceUrl });

/** The resume form's one secret; `missing` names it for the channel's network. */
export const ResumeForm = (missing: string) => z.object({ secret: NewCredential(missing) });
