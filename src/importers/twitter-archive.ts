import type { Readable } from 'node:stream';
import { jsonArrayElements, type ArrayElement } from './json-array-stream.ts';
import { textChunks } from './text-chunks.ts';
import { ImportError, type ImportedAuthor, type ImportedMention } from './types.ts';

/** "window.YTD.tweets.part0 = " (and the older "window.YTD.tweet.part0 = "): the JS around the JSON in an X archive. */
const ARCHIVE_PREFIX = /^\uFEFF?\s*window\.YTD\.[\w$]+\.part\d+\s*=\s*$/;
const MONTHS: Record<string, number> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };
const TWITTER_DATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) (\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "Wed Oct 10 20:19:24 +0000 2018" → ISO UTC. */
export function parseTwitterDate(value: string): string | undefined {
  const m = TWITTER_DATE.exec(value);
  if (m === null) return undefined;
  const [, mon, day, hh, mm, ss, sign, offH, offM, year] = m;
  const month = MONTHS[mon as string];
  if (month === undefined) return undefined;
  const local = Date.UTC(Number(year), month, Number(day), Number(hh), Number(mm), Number(ss));
  const check = new Date(local);
  if (check.getUTCDate() !== Number(day) || Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return undefined;
  const offset = (Number(offH) * 60 + Number(offM)) * 60_000 * (sign === '-' ? -1 : 1);
  return new Date(local - offset).toISOString();
}

/** X escapes &, < and > in tweet text; t.co links are swapped back for the addresses they stand for. */
function tweetText(tweet: Json): string | undefined {
  const raw = typeof tweet.full_text === 'string' ? tweet.full_text : typeof tweet.text === 'string' ? tweet.text : undefined;
  if (raw === undefined) return undefined;
  let text = raw.replace(/&(amp|lt|gt);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>' })[name] ?? '');
  const entities = isObject(tweet.entities) ? tweet.entities : {};
  for (const list of [entities.urls, entities.media]) {
    if (!Array.isArray(list)) continue;
    for (const link of list) {
      if (isObject(link) && typeof link.url === 'string' && typeof link.expanded_url === 'string' && link.url.length > 0) {
        text = text.split(link.url).join(link.expanded_url);
      }
    }
  }
  return text;
}

function toMention(element: ArrayElement, author: ImportedAuthor): ImportedMention {
  const at = { line: element.line, column: element.column };
  const invalid = (field: string, reason: string): ImportError => new ImportError('INVALID_RECORD', reason, { ...at, field });
  if (!isObject(element.value)) throw invalid('tweet', 'the element is not a tweet object');
  const wrapped = isObject(element.value.tweet);
  const tweet = (wrapped ? element.value.tweet : element.value) as Json;
  const path = (name: string): string => (wrapped ? `tweet.${name}` : name);

  const id = typeof tweet.id_str === 'string' ? tweet.id_str : typeof tweet.id === 'string' ? tweet.id : undefined;
  if (id === undefined || !/^\d{1,20}$/.test(id)) throw invalid(path('id_str'), id === undefined ? 'the tweet has no id_str' : `${JSON.stringify(id)} is not a tweet id`);
  const text = tweetText(tweet);
  if (text === undefined) throw invalid(path('full_text'), 'the tweet has no full_text');
  if (typeof tweet.created_at !== 'string') throw invalid(path('created_at'), 'the tweet has no created_at');
  const createdAt = parseTwitterDate(tweet.created_at);
  if (createdAt === undefined) throw invalid(path('created_at'), `${JSON.stringify(tweet.created_at)} is not a date like "Wed Oct 10 20:19:24 +0000 2018"`);

  const mention: ImportedMention = {
    externalId: id,
    author,
    text,
    createdAt,
    url: `https://x.com/${author.handle || 'i/web'}/status/${id}`,
    line: element.line,
  };
  if (typeof tweet.lang === 'string' && tweet.lang !== 'und' && tweet.lang.length > 0) mention.lang = tweet.lang;
  if (typeof tweet.in_reply_to_status_id_str === 'string' && tweet.in_reply_to_status_id_str.length > 0) mention.inReplyTo = tweet.in_reply_to_status_id_str;
  return mention;
}

export interface TwitterArchiveOptions {
  /** The account the archive belongs to (tweets.js does not say; data/account.js does: see readTwitterAccount). */
  author: ImportedAuthor;
}

/**
 * Streams the tweets of an X archive's data/tweets.js (or tweets-partN.js), one at a time, in file
 * order. Memory stays flat whatever the file size. Throws ImportError at the first bad element.
 */
export async function* readTwitterArchive(stream: Readable | AsyncIterable<Buffer | string>, options: TwitterArchiveOptions): AsyncGenerator<ImportedMention> {
  for await (const element of jsonArrayElements(textChunks(stream), { prefix: ARCHIVE_PREFIX })) {
    yield toMention(element, options.author);
  }
}

/** The archive owner, from data/account.js ("window.YTD.account.part0 = [ { "account": { … } } ]"). */
export async function readTwitterAccount(stream: Readable | AsyncIterable<Buffer | string>): Promise<ImportedAuthor> {
  let last = { line: 1, column: 1 };
  for await (const element of jsonArrayElements(textChunks(stream), { prefix: ARCHIVE_PREFIX, maxElementChars: 1024 * 1024 })) {
    last = { line: element.line, column: element.column };
    const account = isObject(element.value) && isObject(element.value.account) ? element.value.account : undefined;
    if (account !== undefined && typeof account.username === 'string' && account.username.length > 0) {
      const author: ImportedAuthor = { handle: account.username };
      if (typeof account.accountId === 'string') author.id = account.accountId;
      if (typeof account.accountDisplayName === 'string') author.displayName = account.accountDisplayName;
      return author;
    }
  }
  throw new ImportError('MISSING_ACCOUNT', 'account.js names no account (expected [{ "account": { "username": … } }])', { ...last, field: 'account.username' });
}
