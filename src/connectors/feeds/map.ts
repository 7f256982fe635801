import { createHash } from 'node:crypto';
import type { AnyFeed, AtomFeed, JsonFeed, RdfFeed, RssFeed } from 'feedsmith';
import { toIsoUtc } from './dates.ts';
import { collapseWhitespace, htmlToPlainText, plainText } from './plain-text.ts';
import type { FeedItem, ParsedFeed } from './types.ts';

/** What every format's item is reduced to before ids and text are settled. */
interface RawItem {
  id?: string;
  url?: string;
  /** HTML (or plain text when `plain`). */
  title?: string;
  content?: string;
  summary?: string;
  plain?: { title?: boolean; content?: boolean; summary?: boolean };
  author?: string;
  date?: string;
}

function clean(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : undefined;
}

/** Google Alerts links go through a google.com/url redirect; the article's own address dedups across sources. */
function unwrapRedirect(url: URL): string {
  if (/(^|\.)google\.[a-z.]+$/.test(url.hostname) && url.pathname === '/url') {
    const target = url.searchParams.get('url') ?? url.searchParams.get('q');
    if (target !== null && /^https?:\/\//i.test(target)) return target;
  }
  return url.href;
}

function absolute(url: string | undefined, base: string | undefined): string | undefined {
  const value = clean(url);
  if (value === undefined) return undefined;
  try {
    return unwrapRedirect(new URL(value, base));
  } catch {
    return /^https?:\/\//i.test(value) ? value : undefined;
  }
}

/** "jo@example.org (Jo Smith)" → "Jo Smith": RSS <author> is an e-mail address with the name in brackets. */
function personName(value: string | undefined): string | undefined {
  const text = clean(value);
  if (text === undefined) return undefined;
  const bracketed = /^\S+@\S+\s*\((.+)\)$/.exec(text);
  return collapseWhitespace(bracketed?.[1] ?? text);
}

function toText(value: string | undefined, plain: boolean | undefined): string {
  if (value === undefined) return '';
  return plain ? plainText(value) : htmlToPlainText(value);
}

function toItem(raw: RawItem, base: string | undefined): FeedItem {
  const url = absolute(raw.url, base);
  const title = clean(toText(raw.title, raw.plain?.title));
  const publishedAt = toIsoUtc(raw.date);
  const text = toText(raw.content, raw.plain?.content) || toText(raw.summary, raw.plain?.summary) || (title ?? '');
  const id =
    clean(raw.id) ??
    url ??
    `sha256:${createHash('sha256').update(`${title ?? ''}\n${raw.date ?? ''}\n${title || raw.date ? '' : text}`).digest('hex').slice(0, 32)}`;
  const item: FeedItem = { id, text };
  if (url !== undefined) item.url = url;
  if (title !== undefined) item.title = title;
  const author = personName(raw.author);
  if (author !== undefined) item.author = author;
  if (publishedAt !== undefined) item.publishedAt = publishedAt;
  return item;
}

function fromRss(item: RssFeed.Item<string>): RawItem {
  const guid = clean(item.guid?.value);
  const guidIsLink = guid !== undefined && item.guid?.isPermaLink !== false && /^https?:\/\//i.test(guid);
  return {
    id: guid,
    url: item.link ?? (guidIsLink ? guid : undefined),
    title: item.title,
    content: item.content?.encoded,
    summary: item.description,
    author: item.authors?.[0]?.name ?? item.authors?.[0]?.email ?? item.dc?.creators?.[0],
    date: item.pubDate ?? item.dc?.dates?.[0],
  };
}

function fromRdf(item: RdfFeed.Item<string>): RawItem {
  return {
    id: item.rdf?.about ?? item.link,
    url: item.link,
    title: item.title,
    content: item.content?.encoded,
    summary: item.description,
    author: item.dc?.creators?.[0],
    date: item.dc?.dates?.[0],
  };
}

function isPlainAtom(text: { type?: string } | undefined): boolean {
  return text?.type === undefined || text.type === 'text';
}

function fromAtom(entry: AtomFeed.Entry<string>): RawItem {
  const links = entry.links ?? [];
  const link = links.find((l) => l.rel === undefined || l.rel === 'alternate') ?? links[0];
  return {
    id: entry.id,
    url: link?.href,
    title: entry.title?.value,
    content: entry.content?.value,
    summary: entry.summary?.value,
    plain: { title: isPlainAtom(entry.title), content: isPlainAtom(entry.content), summary: isPlainAtom(entry.summary) },
    author: entry.authors?.[0]?.name ?? entry.dc?.creators?.[0],
    date: entry.published ?? entry.updated ?? entry.dc?.dates?.[0],
  };
}

function fromJson(item: JsonFeed.Item<string>): RawItem {
  const html = clean(item.content_html);
  return {
    id: item.id === undefined ? undefined : String(item.id),
    url: item.url ?? item.external_url,
    title: item.title,
    content: html ?? item.content_text,
    summary: item.summary,
    plain: { title: true, content: html === undefined, summary: true },
    author: item.authors?.[0]?.name,
    date: item.date_published ?? item.date_modified,
  };
}

/** Reduces a parsed feed of any format to FeedItems; `base` resolves relative links. */
export function toParsedFeed(parsed: AnyFeed<string>, base?: string): ParsedFeed {
  let title: string | undefined;
  let link: string | undefined;
  let raws: RawItem[];
  switch (parsed.format) {
    case 'rss':
      title = parsed.feed.title;
      link = parsed.feed.link;
      raws = (parsed.feed.items ?? []).map(fromRss);
      break;
    case 'rdf':
      title = parsed.feed.title;
      link = parsed.feed.link;
      raws = (parsed.feed.items ?? []).map(fromRdf);
      break;
    case 'atom': {
      title = parsed.feed.title?.value;
      const links = parsed.feed.links ?? [];
      link = (links.find((l) => l.rel === undefined || l.rel === 'alternate') ?? links[0])?.href;
      raws = (parsed.feed.entries ?? []).map(fromAtom);
      break;
    }
    case 'json':
      title = parsed.feed.title;
      link = parsed.feed.home_page_url;
      raws = (parsed.feed.items ?? []).map(fromJson);
      break;
  }
  const siteLink = absolute(link, base);
  const feedTitle = clean(htmlToPlainText(title ?? ''));
  const feed: ParsedFeed['feed'] = { format: parsed.format };
  if (feedTitle !== undefined) feed.title = feedTitle;
  if (siteLink !== undefined) feed.link = siteLink;
  return { feed, items: raws.map((raw) => toItem(raw, base ?? siteLink)) };
}
