/**
 * Urgent alerts: what the team's chat or pager hears when a crisis reaches the inbox, so an
 * emergency or a self-harm message reaches a person at 2 a.m. without anyone watching the inbox.
 *
 * An alert leaves Bedside for a third party (Slack, Teams, a pager bridge), so it carries no
 * protected health information: never the message, never the author, never a name. It says what
 * kind of crisis, on which network, when it arrived and when the answer is due, who is on call,
 * and where to open it.
 */
import { DateTime } from 'luxon';

export { webhookUrlProblem } from './webhook-url.ts';

/** Which inbox ranks raise an alert: urgent only, or the "possibly urgent" lane as well. */
export type AlertScope = 'urgent' | 'urgent_and_possible';
export const ALERT_SCOPES: readonly AlertScope[] = ['urgent', 'urgent_and_possible'];

export type AlertRank = 'urgent' | 'possibly_urgent';

/** Whether an item of `rank` raises an alert under `scope`. */
export function shouldAlert(scope: AlertScope, rank: AlertRank): boolean {
  return rank === 'urgent' || scope === 'urgent_and_possible';
}

/** The facts an alert may carry (none of them identifies the person who wrote). */
export interface AlertFacts {
  workspaceName: string;
  itemId: string;
  rank: AlertRank;
  /** For urgent items: which crisis. */
  intent: 'emergency' | 'self_harm' | null;
  network: string;
  receivedAt: string;
  dueAt: string;
  /** The workspace's zone, for the times people read. */
  timeZone: string;
  /** The named on-call person from the organisation profile. */
  onCall: string | null;
  /** Where to open the conversation, when Bedside knows its public address. */
  link: string | null;
  /** A test sent from the settings page, not a real conversation. */
  test?: boolean;
  /**
   * The second alert: the first-response target has passed and nobody has answered. Names the
   * staff member it is assigned to, if any (a colleague, not the person who wrote).
   */
  overdue?: { assignee: string | null };
}

/**
 * The webhook body: `text` is what Slack, Mattermost and Rocket.Chat incoming webhooks show;
 * `bedside` is the same for any other receiver to read.
 */
export interface AlertPayload {
  text: string;
  bedside: {
    event: 'inbox.urgent' | 'inbox.possibly_urgent' | 'inbox.overdue' | 'alerts.test';
    itemId: string;
    rank: AlertRank;
    intent: 'emergency' | 'self_harm' | null;
    network: string;
    receivedAt: string;
    dueAt: string;
    onCall: string | null;
    url: string | null;
  };
}

const NETWORK_NAMES: Record<string, string> = {
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  x: 'X',
  rss: 'a feed',
  csv: 'an import',
};

export function alertPayload(f: AlertFacts): AlertPayload {
  const what = f.rank === 'urgent' ? `URGENT — ${f.intent === 'self_harm' ? 'possible self-harm' : 'possible emergency'}` : 'Possibly urgent — a person should read it now';
  const at = (iso: string): string => DateTime.fromISO(iso, { zone: 'utc' }).setZone(f.timeZone).toFormat('ccc HH:mm');
  const network = NETWORK_NAMES[f.network] ?? f.network;
  // The overdue alert says the same things, as a reminder that nobody has answered yet.
  const when = f.overdue
    ? `Still unanswered: a message on ${network} arrived ${at(f.receivedAt)}; the first response was due by ${at(f.dueAt)} (${f.timeZone})${f.overdue.assignee ? `. Assigned to ${f.overdue.assignee}` : ', and nobody is assigned'}.`
    : `A message on ${network} arrived ${at(f.receivedAt)}; first response due by ${at(f.dueAt)} (${f.timeZone}).`;
  const escalate = f.overdue ? (f.onCall ? `Escalate to ${f.onCall} now` : 'Someone take it now') : `Follow the playbook${f.onCall ? ` and escalate to ${f.onCall}` : ''}`;
  const lines = [
    `${f.test ? '[TEST] ' : ''}${f.overdue ? 'OVERDUE — ' : ''}${what} (${f.workspaceName})`,
    when,
    f.rank === 'urgent' ? `${escalate}. Do not discuss the message here: open it in Bedside.` : 'Open it in Bedside and mark it urgent or not urgent.',
    f.link ? f.link : `Inbox item ${f.itemId}`,
  ];
  const event = f.test ? 'alerts.test' : f.overdue ? 'inbox.overdue' : f.rank === 'urgent' ? 'inbox.urgent' : 'inbox.possibly_urgent';
  return {
    text: lines.join('\n'),
    bedside: {
      event,
      itemId: f.itemId,
      rank: f.rank,
      intent: f.intent,
      network: f.network,
      receivedAt: f.receivedAt,
      dueAt: f.dueAt,
      onCall: f.onCall,
      url: f.link,
    },
  };
}
