/**
 * A Bluesky repository export (a CAR file: Settings → Account → Export my data, or
 * com.atproto.sync.getRepo): the account's own posts (app.bsky.feed.post records) as history.
 *
 * A CAR is a list of blocks in no promised order: the signed commit, the nodes of the Merkle search
 * tree that names every record ("collection/rkey" → block id), and the records. The file is
 * streamed twice: the first pass checks every block against its id and learns from the tree which
 * blocks are posts and their paths (only that index is kept, not the records); the second decodes
 * the posts. A block cut short or altered, a tree node or a post missing from the file are errors
 * that name the block and, when known, the record path.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { cborToLex, readCarStream } from '@atproto/repo';
import type { ImportErrorCode, ImportedAuthor } from './types.ts';
import { throttledProgress, type ImportProgress } from './import-file.ts';

const POST_COLLECTION = 'app.bsky.feed.post';
/** Multihash code of sha2-256, the only hash repositories use. */
const SHA2_256 = 0x12;

/** One of the account's posts, with where it was in the repository. */
export interface ImportedBlueskyPost {
  /** at://did/app.bsky.feed.post/rkey: the key the import deduplicates on (as the Bluesky connector stores posts). */
  externalId: string;
  /** "app.bsky.feed.post/rkey". */
  path: string;
  author: ImportedAuthor;
  text: string;
  createdAt: string;
  lang?: string;
  url: string;
  inReplyTo?: string;
}

/** What is wrong with a repository export, and where: the block (1-based, in file order) and the record path when known. */
export class CarImportError extends Error {
  readonly code: ImportErrorCode;
  readonly reason: string;
  readonly block: number | undefined;
  readonly recordPath: string | undefined;
  readonly file: string | undefined;

  constructor(code: ImportErrorCode, reason: string, at: { block?: number; recordPath?: string; file?: string; cause?: unknown } = {}) {
    const where = [at.file, at.block === undefined ? undefined : `block ${at.block}`].filter(Boolean).join(', ');
    const path = at.recordPath ? ` (${at.recordPath})` : '';
    super(`${where}${path}${where || path ? ': ' : ''}${reason}`, at.cause === undefined ? undefined : { cause: at.cause });
    this.name = 'CarImportError';
    this.code = code;
    this.reason = reason;
    this.block = at.block;
    this.recordPath = at.recordPath;
    this.file = at.file;
  }
}

export interface BlueskyCarOptions {
  /** The account's handle, when known: the export names only its DID. */
  handle?: string;
  onProgress?: ImportProgress;
  /** Least time between two progress calls (the last one always comes). Default 100 ms. */
  progressIntervalMs?: number;
}

type Lex = Record<string, unknown>;
interface CidLike {
  toString(): string;
  multihash: { code: number; digest: Uint8Array };
}

function isObject(value: unknown): value is Lex {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/** A tree node: { l: left subtree | null, e: [{ p: shared prefix length, k: key suffix, v: record, t: right subtree | null }] }. */
function isTreeNode(value: unknown): value is { l: CidLike | null; e: Array<{ p: number; k: Uint8Array; v: CidLike; t: CidLike | null }> } {
  return isObject(value) && Array.isArray(value.e) && 'l' in value && Object.keys(value).length === 2;
}

interface Block {
  cid: CidLike;
  bytes: Uint8Array;
  index: number;
}

interface Reading {
  path: string;
  file: string;
  /** Known record paths by block id, to name the record a damaged block held. */
  pathOf(cid: string): string | undefined;
  counted(bytes: number): void;
}

/** The blocks of the file, each checked against its id (sha2-256 of its bytes). */
async function* blocksOf(reading: Reading): AsyncGenerator<Block, CidLike> {
  const file = createReadStream(reading.path, { highWaterMark: 256 * 1024 });
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for await (const chunk of file as AsyncIterable<Buffer>) {
      reading.counted(chunk.length);
      yield chunk;
    }
  }
  let index = 0;
  try {
    let car;
    try {
      car = await readCarStream(chunks(), { skipCidVerification: true });
    } catch (cause) {
      throw new CarImportError('SYNTAX', 'this is not a CAR file (its header cannot be read): export the repository again', { file: reading.file, cause });
    }
    if (car.roots.length !== 1) throw new CarImportError('SYNTAX', `a repository export has one root (its commit), this file has ${car.roots.length}`, { file: reading.file });
    const iterator = car.blocks[Symbol.asyncIterator]();
    for (;;) {
      let next: IteratorResult<{ cid: CidLike; bytes: Uint8Array }>;
      try {
        next = await iterator.next();
      } catch (cause) {
        throw new CarImportError('TRUNCATED', 'the file ends in the middle of a block: the export is incomplete', { file: reading.file, block: index + 1, cause });
      }
      if (next.done) break;
      index += 1;
      const { cid, bytes } = next.value;
      const digest = createHash('sha256').update(bytes).digest();
      if (cid.multihash.code !== SHA2_256 || !digest.equals(cid.multihash.digest)) {
        const recordPath = reading.pathOf(cid.toString());
        throw new CarImportError('TRUNCATED', 'the block does not match its id: the file is cut short or damaged', { file: reading.file, block: index, ...(recordPath ? { recordPath } : {}) });
      }
      yield { cid, bytes, index };
    }
    return car.roots[0] as unknown as CidLike;
  } finally {
    file.destroy();
  }
}

function decode(block: Block, reading: Reading): unknown {
  try {
    return cborToLex(block.bytes);
  } catch (cause) {
    const recordPath = reading.pathOf(block.cid.toString());
    throw new CarImportError('SYNTAX', 'the block is not valid DAG-CBOR', { file: reading.file, block: block.index, ...(recordPath ? { recordPath } : {}), cause });
  }
}

const DECODER = new TextDecoder('utf-8', { fatal: true });

/** First pass: every block checked; the commit's DID and data root; every post's path by block id. */
async function indexRepository(reading: Reading, postPaths: Map<string, string>): Promise<{ did: string }> {
  const nodesSeen = new Set<string>();
  const nodesNamed = new Set<string>();
  let root: string | undefined;
  const blocks = blocksOf(reading);
  const commits: Array<{ cid: string; did: string; data: string }> = [];
  for (;;) {
    const next = await blocks.next();
    if (next.done) {
      root = next.value.toString();
      break;
    }
    const block = next.value;
    const value = decode(block, reading);
    if (isTreeNode(value)) {
      nodesSeen.add(block.cid.toString());
      if (value.l) nodesNamed.add(value.l.toString());
      let key = '';
      for (const entry of value.e) {
        try {
          key = key.slice(0, entry.p) + DECODER.decode(entry.k);
        } catch (cause) {
          throw new CarImportError('INVALID_RECORD', 'a tree node holds a key that is not UTF-8', { file: reading.file, block: block.index, cause });
        }
        if (entry.t) nodesNamed.add(entry.t.toString());
        if (key.startsWith(`${POST_COLLECTION}/`)) postPaths.set(entry.v.toString(), key);
      }
    } else if (isObject(value) && typeof value.did === 'string' && typeof value.version === 'number' && value.data) {
      commits.push({ cid: block.cid.toString(), did: value.did, data: String(value.data) });
    }
  }
  const commit = commits.find((c) => c.cid === root);
  if (!commit) throw new CarImportError('TRUNCATED', 'the commit the file names as its root is not in it: the export is incomplete', { file: reading.file });
  nodesNamed.add(commit.data);
  const missing = [...nodesNamed].filter((cid) => !nodesSeen.has(cid));
  if (missing.length > 0) {
    throw new CarImportError('TRUNCATED', `${missing.length} of the ${nodesNamed.size} nodes of the repository tree are missing: the export is incomplete, some posts would be lost`, { file: reading.file });
  }
  return { did: commit.did };
}

function toPost(value: unknown, path: string, did: string, author: ImportedAuthor, where: { file: string; block: number }): ImportedBlueskyPost {
  const invalid = (field: string, reason: string) => new CarImportError('INVALID_RECORD', `${field}: ${reason}`, { ...where, recordPath: path });
  if (!isObject(value)) throw invalid('$type', 'the record is not an object');
  if (value.$type !== POST_COLLECTION) throw invalid('$type', `the record is a ${JSON.stringify(value.$type)}, not a post`);
  if (typeof value.text !== 'string') throw invalid('text', 'the post has no text');
  if (typeof value.createdAt !== 'string') throw invalid('createdAt', 'the post has no createdAt');
  const ms = Date.parse(value.createdAt);
  if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}T/.test(value.createdAt)) throw invalid('createdAt', `${JSON.stringify(value.createdAt.slice(0, 40))} is not a date and time`);
  const rkey = path.slice(POST_COLLECTION.length + 1);
  const post: ImportedBlueskyPost = {
    externalId: `at://${did}/${path}`,
    path,
    author,
    text: value.text,
    createdAt: new Date(ms).toISOString(),
    url: `https://bsky.app/profile/${author.handle}/post/${rkey}`,
  };
  if (Array.isArray(value.langs) && typeof value.langs[0] === 'string') post.lang = value.langs[0];
  const reply = isObject(value.reply) && isObject(value.reply.parent) ? value.reply.parent : undefined;
  if (reply && typeof reply.uri === 'string') post.inReplyTo = reply.uri;
  return post;
}

/**
 * Streams the posts of a Bluesky repository export, in file order. Stops with a CarImportError at
 * the first problem. All-or-nothing is the caller's, as for the other importers: write inside one
 * transaction and commit only when this generator has finished (the last checks — every post the
 * tree names was found — come at the end).
 */
export async function* readBlueskyCar(path: string, options: BlueskyCarOptions = {}): AsyncGenerator<ImportedBlueskyPost> {
  const totalBytes = (await stat(path)).size;
  // Two passes over the file: progress runs over both, so it reaches the file's size once.
  let doubleBytes = 0;
  let items = 0;
  const progress = throttledProgress(options.onProgress, options.progressIntervalMs);
  const report = (force: boolean): void => progress(Math.floor(doubleBytes / 2), totalBytes, items, force);
  const postPaths = new Map<string, string>();
  const reading: Reading = {
    path,
    file: path,
    pathOf: (cid) => postPaths.get(cid),
    counted: (bytes) => {
      doubleBytes += bytes;
      report(false);
    },
  };

  report(true);
  const { did } = await indexRepository(reading, postPaths);
  const author: ImportedAuthor = { id: did, handle: options.handle ?? did };
  const found = new Set<string>();
  for await (const block of blocksOf(reading)) {
    const cid = block.cid.toString();
    const postPath = postPaths.get(cid);
    if (postPath === undefined || found.has(cid)) continue;
    found.add(cid);
    items += 1;
    yield toPost(decode(block, reading), postPath, did, author, { file: path, block: block.index });
  }
  const lost = [...postPaths].filter(([cid]) => !found.has(cid)).map(([, p]) => p);
  if (lost.length > 0) {
    throw new CarImportError('TRUNCATED', `the post is named by the repository tree but not in the file${lost.length > 1 ? ` (nor ${lost.length - 1} more)` : ''}: the export is incomplete`, { file: path, recordPath: lost[0]! });
  }
  report(true);
}
