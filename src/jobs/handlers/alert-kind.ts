/** The urgent-alert job's name and payload, shared by ingestion that enqueues it and its handler. */
export const ALERT_KIND = 'urgent-alert';

export interface AlertJobPayload {
  workspaceId: string;
  itemId: string;
  /**
   * "arrival" (also when absent: jobs queued before stages existed) goes out at once; "overdue" is
   * queued for the item's due time and goes out only if nobody has answered by then.
   */
  stage?: 'arrival' | 'overdue';
}
