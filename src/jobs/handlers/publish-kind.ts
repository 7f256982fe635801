/** The publish job's name and payload, shared by the operations that enqueue it and its handler. */
export const PUBLISH_KIND = 'publish-post';

export interface PublishPayload {
  workspaceId: string;
  postId: string;
  targetId: string;
  /** The post revision this job publishes; a newer edit makes the job stale. */
  revision: number;
}

/** One job per (channel target, revision, time): re-scheduling to another time is a new job. */
export function publishJobKey(targetId: string, revision: number, at: string): string {
  return `${targetId}:r${revision}:${at}`;
}

/** The key under which a part goes out on the network: stable across retries of one revision. */
export function networkKey(targetId: string, revision: number, part: number): string {
  return `bedside:${targetId}:r${revision}:p${part}`;
}
