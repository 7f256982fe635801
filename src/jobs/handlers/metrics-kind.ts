/** Post metrics snapshots: one run per channel every few hours, each run enqueues the next. */
export const METRICS_KIND = 'metrics-snapshot';
export const METRICS_EVERY_MS = 6 * 60 * 60_000;
/** Posts are followed for this long after publishing; their history stays. */
export const METRICS_FOLLOW_DAYS = 90;

export interface MetricsPayload {
  workspaceId: string;
  channelId: string;
}

export function metricsJobKey(channelId: string, at: number): string {
  return `${channelId}:${Math.floor(at / METRICS_EVERY_MS)}`;
}
