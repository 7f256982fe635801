/** The one check on an alert webhook's address, shared by the server and the settings form (no dependencies). */

/** Why `url` cannot be a webhook, or null when it can (http or https, no credentials in it). */
export function webhookUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Enter the full webhook address, starting with https://';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'The webhook address must start with https:// (or http:// inside your network)';
  if (parsed.username || parsed.password) return 'Put no user name or password in the address: webhooks carry their secret in the path';
  return null;
}
