/** The urgent-alert job's name and payload, shared by ingestion that enqueues it and its handler. */
export const ALERT_KIND = 'urgent-alert';

export interface AlertJobPayload {
  workspaceId: string;
  itemId: string;
}
