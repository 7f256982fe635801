/**
 * Mastodon entities (as masto.js hands them over, keys camelCased) → Bedside's connector types.
 *
 * A post's `uri` is the status id on the connected instance: Mastodon's API addresses statuses
 * by that local id (replying, deleting, metrics), not by the ActivityPub URI. `url` is the page
 * a person opens.
 */
import type { mastodon } from 'masto';
import type { NotificationKind, PostMetrics, PublishedPost, RemoteAuthor, RemoteNotification, RemotePost, RemotePostRef } from '../types.ts';
import { htmlToText } from './html-to-text.ts';

export function toRef(status: mastodon.v1.Status): RemotePostRef {
  return { uri: status.id, url: status.url ?? status.uri };
}

export function toPublished(status: mastodon.v1.Status): PublishedPost {
  return { ...toRef(status), publishedAt: status.createdAt };
}

/** Local accounts have a bare `acct`; qualify it with the instance so handles are unambiguous. */
export function toAuthor(account: mastodon.v1.Account, instanceHost: string): RemoteAuthor {
  const handle = account.acct.includes('@') ? account.acct : `${account.acct}@${instanceHost}`;
  return { id: account.id, handle, ...(account.displayName ? { displayName: account.displayName } : {}) };
}

/** The words of a status; a content warning (spoiler text) is kept in front, it often says what the post is about. */
export function statusText(status: mastodon.v1.Status): string {
  const body = htmlToText(status.content);
  return status.spoilerText ? `${status.spoilerText}\n\n${body}`.trim() : body;
}

export function toRemotePost(status: mastodon.v1.Status, instanceHost: string): RemotePost {
  return {
    ...toRef(status),
    author: toAuthor(status.account, instanceHost),
    text: statusText(status),
    createdAt: status.createdAt,
    ...(status.language ? { lang: status.language } : {}),
    ...(status.inReplyToId ? { replyParent: { uri: status.inReplyToId } } : {}),
  };
}

/**
 * Notification types the inbox cares about; the rest (poll ended, edits, follow requests, admin
 * and moderation events, "someone you follow posted") are not conversations with the public.
 * A reply to one of our posts arrives as a `mention` (replies mention their parent's author):
 * it is a reply when it answers a status of this account.
 */
export function toNotification(notification: mastodon.v1.Notification, ownAccountId: string, instanceHost: string): RemoteNotification | undefined {
  const base = { id: notification.id, author: toAuthor(notification.account, instanceHost), createdAt: notification.createdAt };
  const withPost = (kind: NotificationKind, status: mastodon.v1.Status, subject?: RemotePostRef): RemoteNotification => ({
    ...base,
    kind,
    post: { ...toRef(status), text: statusText(status), ...(status.language ? { lang: status.language } : {}) },
    ...(subject ? { subject } : {}),
  });

  switch (notification.type) {
    case 'mention': {
      const status = notification.status;
      if (status.inReplyToId && status.inReplyToAccountId === ownAccountId) return withPost('reply', status, { uri: status.inReplyToId });
      return withPost('mention', status);
    }
    case 'quote': {
      const quoted = quotedStatusId(notification.status);
      return withPost('quote', notification.status, quoted ? { uri: quoted } : undefined);
    }
    case 'favourite':
      return { ...base, kind: 'like', subject: toRef(notification.status) };
    case 'reblog':
      return { ...base, kind: 'repost', subject: toRef(notification.status) };
    case 'follow':
      return { ...base, kind: 'follow' };
    default:
      return undefined;
  }
}

function quotedStatusId(status: mastodon.v1.Status): string | undefined {
  const quote = status.quote;
  if (!quote) return undefined;
  if ('quotedStatus' in quote && quote.quotedStatus) return quote.quotedStatus.id;
  if ('quotedStatusId' in quote && quote.quotedStatusId) return quote.quotedStatusId;
  return undefined;
}

/**
 * Mastodon counts favourites, boosts and replies (only those its own server has seen: replies on
 * other servers may be missing). `quotes_count` exists from Mastodon 4.5; older servers omit it and
 * it reads as 0. No impressions: Mastodon does not measure views.
 */
export function toMetrics(status: mastodon.v1.Status, fetchedAt: Date): PostMetrics {
  return {
    uri: status.id,
    likes: status.favouritesCount,
    reposts: status.reblogsCount,
    replies: status.repliesCount,
    quotes: status.quotesCount ?? 0,
    fetchedAt: fetchedAt.toISOString(),
  };
}
