import type { AppBskyFeedDefs, AppBskyNotificationListNotifications } from '@atproto/api';
import type { NotificationKind, RemoteNotification, RemotePost, PostMetrics } from '../types.ts';

type Notification = AppBskyNotificationListNotifications.Notification;

interface PostRecordShape {
  text?: string;
  createdAt?: string;
  langs?: string[];
  reply?: { parent?: { uri: string; cid?: string }; root?: { uri: string; cid?: string } };
}

const KINDS: Record<string, NotificationKind> = {
  mention: 'mention',
  reply: 'reply',
  quote: 'quote',
  like: 'like',
  repost: 'repost',
  follow: 'follow',
};

/** A Bluesky notification in Bedside's terms; undefined for kinds Bedside does not track. */
export function toNotification(n: Notification): RemoteNotification | undefined {
  const kind = KINDS[n.reason];
  if (!kind) return undefined;
  const record = n.record as PostRecordShape;
  const author = { id: n.author.did, handle: n.author.handle, ...(n.author.displayName ? { displayName: n.author.displayName } : {}) };
  const out: RemoteNotification = { id: `${n.uri}#${n.reason}`, kind, author, createdAt: n.indexedAt };
  if (kind === 'mention' || kind === 'reply' || kind === 'quote') {
    out.post = {
      uri: n.uri,
      cid: n.cid,
      text: record.text ?? '',
      ...(record.langs?.[0] ? { lang: record.langs[0] } : {}),
      ...(record.reply?.root ? { root: { uri: record.reply.root.uri, ...(record.reply.root.cid ? { cid: record.reply.root.cid } : {}) } } : {}),
    };
  }
  const subject = n.reasonSubject ?? (kind === 'reply' ? record.reply?.parent?.uri : undefined);
  if (subject) out.subject = { uri: subject };
  return out;
}

export function toRemotePost(p: AppBskyFeedDefs.PostView): RemotePost {
  const record = p.record as PostRecordShape;
  const post: RemotePost = {
    uri: p.uri,
    cid: p.cid,
    author: { id: p.author.did, handle: p.author.handle, ...(p.author.displayName ? { displayName: p.author.displayName } : {}) },
    text: record.text ?? '',
    createdAt: record.createdAt ?? p.indexedAt,
    url: webUrl(p.author.handle, p.uri),
  };
  if (record.langs?.[0]) post.lang = record.langs[0];
  if (record.reply?.parent) post.replyParent = { uri: record.reply.parent.uri, ...(record.reply.parent.cid ? { cid: record.reply.parent.cid } : {}) };
  if (record.reply?.root) post.root = { uri: record.reply.root.uri, ...(record.reply.root.cid ? { cid: record.reply.root.cid } : {}) };
  return post;
}

export function toMetrics(p: AppBskyFeedDefs.PostView, fetchedAt: string): PostMetrics {
  return {
    uri: p.uri,
    likes: p.likeCount ?? 0,
    reposts: p.repostCount ?? 0,
    replies: p.replyCount ?? 0,
    quotes: p.quoteCount ?? 0,
    fetchedAt,
  };
}

export function webUrl(handle: string, uri: string): string {
  return `https://bsky.app/profile/${handle}/post/${uri.split('/').pop()}`;
}
