import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../storage/schema.ts';
import type { AppContext, Actor } from './context.ts';
import { auditActor, requirePermission } from './context.ts';
import { OperationError } from './errors.ts';
import { appendAudit } from '../storage/audit-log.ts';
import { deleteQuery, deleteSource, ensureSource, findSource, insertMatches, insertQuery, listQueries, listSources, matchedMentionIds, type ListeningQuery, type Source } from '../storage/sources.ts';
import { mentionsByIds, recentMentions, searchMentionIds, type Mention, type NewMention } from '../storage/mentions.ts';
import { INGEST_KIND, ingestJobKey } from '../jobs/handlers/ingest-kind.ts';
import { format, matches, parse, prepare, toFts5, toTsQuery, type QueryNode, type TextTokens } from '../domain/listening/query/index.ts';
import { emergingTerms, topQuestions, topTerms } from '../domain/listening/trends/index.ts';
import { findWorkspace } from '../storage/workspaces.ts';
import { listChannels } from '../storage/channels.ts';

/** Parses a query or refuses it with the column and a caret line under the problem. */
export function parseOrRefuse(query: string, field = 'query'): QueryNode {
  const parsed = parse(query);
  if (!parsed.ok) {
    throw new OperationError('INVALID_REQUEST', `${parsed.error.message} (column ${parsed.error.column})`, { field });
  }
  return parsed.ast;
}

export function explainQueryError(query: string): { ok: true } | { ok: false; message: string; column: number; length: number; pointer: string } {
  const parsed = parse(query);
  if (parsed.ok) return { ok: true };
  return { ok: false, message: parsed.error.message, column: parsed.error.column, length: parsed.error.length, pointer: format(parsed.error, query) };
}

const parsedCache = new Map<string, QueryNode>();
function cachedAst(query: string): QueryNode | undefined {
  let ast = parsedCache.get(query);
  if (!ast) {
    const parsed = parse(query);
    if (!parsed.ok) return undefined;
    ast = parsed.ast;
    if (parsedCache.size > 1000) parsedCache.clear();
    parsedCache.set(query, ast);
  }
  return ast;
}

/**
 * The workspace's listening queries, compiled once for a batch: `match` records which of the freshly
 * stored mentions each query matches (at ingest).
 */
export async function workspaceMatcher(trx: Transaction<Database>, workspaceId: string): Promise<{ match(fresh: NewMention[], tokens?: TextTokens[]): Promise<number> }> {
  const queries = await listQueries(trx, workspaceId);
  const compiled = queries.map((q) => ({ id: q.id, ast: cachedAst(q.query) })).filter((q): q is { id: string; ast: QueryNode } => q.ast !== undefined);
  return {
    // tokens[i], when given, is tokenise(fresh[i].text): ingest has it from indexing the text.
    async match(fresh, tokens) {
      if (fresh.length === 0 || compiled.length === 0) return 0;
      const found: Array<{ queryId: string; mentionId: string }> = [];
      for (let i = 0; i < fresh.length; i++) {
        const m = fresh[i]!;
        const doc = prepare({ text: m.text, author: m.author.handle, ...(m.lang ? { lang: m.lang } : {}) }, tokens?.[i]);
        for (const q of compiled) if (matches(q.ast, doc)) found.push({ queryId: q.id, mentionId: m.id });
      }
      await insertMatches(trx, workspaceId, found);
      return found.length;
    },
  };
}

export async function queries(ctx: AppContext, actor: Actor): Promise<ListeningQuery[]> {
  requirePermission(actor, 'workspace.read');
  return listQueries(ctx.storage.db, actor.workspaceId);
}

/**
 * Saves a listening query (validated, errors at the column). It is matched against every mention
 * from now on, and searched on the networks that support search (Bluesky's searchPosts).
 */
export async function createQuery(ctx: AppContext, actor: Actor, input: { name: string; query: string }): Promise<ListeningQuery> {
  requirePermission(actor, 'workspace.manage');
  parseOrRefuse(input.query);
  const id = randomUUID();
  await ctx.storage.db.transaction().execute(async (trx) => {
    await insertQuery(trx, { id, workspaceId: actor.workspaceId, name: input.name, query: input.query, createdBy: actor.userId });
    const channels = await listChannels(trx, actor.workspaceId);
    if (channels.some((c) => c.network === 'bluesky')) {
      const source = await ensureSource(trx, { id: randomUUID(), workspaceId: actor.workspaceId, kind: 'query_search', ref: id });
      const at = Date.now();
      await ctx.queue.enqueue({ kind: INGEST_KIND, payload: { sourceId: source.id }, runAt: new Date(at), idempotencyKey: ingestJobKey(source.id, at), workspaceId: actor.workspaceId }, { trx });
    }
    await appendAudit(trx, ctx.storage.engine, { workspaceId: actor.workspaceId, ...auditActor(actor), action: 'listening_query.created', entityType: 'listening_query', entityId: id, details: {} });
  });
  return (await listQueries(ctx.storage.db, actor.workspaceId)).find((q) => q.id === id)!;
}

export async function removeQuery(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'workspace.manage');
  await ctx.storage.db.transaction().execute(async (trx) => {
    if (!(await deleteQuery(trx, actor.workspaceId, id))) throw new OperationError('NOT_FOUND', `no listening query ${id}`, { field: 'id' });
    await deleteSource(trx, actor.workspaceId, 'query_search', id);
    await appendAudit(trx, ctx.storage.engine, { workspaceId: actor.workspaceId, ...auditActor(actor), action: 'listening_query.deleted', entityType: 'listening_query', entityId: id, details: {} });
  });
}

export async function queryMatches(ctx: AppContext, actor: Actor, id: string, limit: number): Promise<Mention[]> {
  requirePermission(actor, 'workspace.read');
  return mentionsByIds(ctx.storage.db, await matchedMentionIds(ctx.storage.db, actor.workspaceId, id, limit));
}

/**
 * Searches stored mentions with the query language: the full-text index (FTS5 or tsvector)
 * narrows the candidates, the query's own matcher confirms each (NEAR, NOT, author:, lang:).
 */
export async function searchMentions(ctx: AppContext, actor: Actor, query: string, limit: number): Promise<Mention[]> {
  requirePermission(actor, 'workspace.read');
  const ast = parseOrRefuse(query, 'q');
  const expression = ctx.storage.engine === 'sqlite' ? toFts5(ast) : toTsQuery(ast);
  const out: Mention[] = [];
  let before: string | undefined;
  // Read candidate pages until the page is full of confirmed matches (bounded).
  for (let page = 0; page < 10 && out.length < limit; page++) {
    const candidates = expression
      ? await mentionsByIds(ctx.storage.db, await searchMentionIds(ctx.storage.db, ctx.storage.engine, actor.workspaceId, expression, { limit: limit * 4, before }))
      : await mentionsByIds(ctx.storage.db, (await recentMentions(ctx.storage.db, actor.workspaceId, '0000', before ?? '9999', limit * 4)).map((m) => m.id));
    if (candidates.length === 0) break;
    for (const m of candidates) {
      if (out.length < limit && matches(ast, { text: m.text, author: m.author.handle, ...(m.lang ? { lang: m.lang } : {}) })) out.push(m);
    }
    before = candidates[candidates.length - 1]!.createdAt;
    if (candidates.length < limit * 4) break;
  }
  return out;
}

/** What the audience talks and asks about: top terms and questions of a period, and emerging terms. */
export async function audienceTopics(ctx: AppContext, actor: Actor, from: Date, to: Date, now = new Date()) {
  requirePermission(actor, 'workspace.read');
  const ws = await findWorkspace(ctx.storage.db, actor.workspaceId);
  const channels = await listChannels(ctx.storage.db, actor.workspaceId);
  // The organisation's own name and handles would top every list.
  const extraStopWords = [...(ws?.name.toLowerCase().split(/\s+/) ?? []), ...channels.flatMap((c) => c.handle.toLowerCase().split(/[.@]/))].filter((w) => w.length > 1);
  const period = await recentMentions(ctx.storage.db, actor.workspaceId, from.toISOString(), to.toISOString());
  const recent = await recentMentions(ctx.storage.db, actor.workspaceId, new Date(now.getTime() - 15 * 86_400_000).toISOString(), now.toISOString());
  return {
    topTerms: topTerms(period, from.toISOString(), to.toISOString(), 20, { extraStopWords }),
    topQuestions: topQuestions(period, from.toISOString(), to.toISOString(), 10, { extraStopWords }),
    emerging: {
      hour: emergingTerms(recent, now.toISOString(), { window: 'hour', extraStopWords }),
      day: emergingTerms(recent, now.toISOString(), { window: 'day', extraStopWords }),
    },
  };
}

export async function addFeed(ctx: AppContext, actor: Actor, url: string): Promise<Source> {
  requirePermission(actor, 'workspace.manage');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new OperationError('INVALID_REQUEST', 'the feed address is not a URL', { field: 'url' });
  }
  if (!/^https?:$/.test(parsed.protocol)) throw new OperationError('INVALID_REQUEST', 'a feed address starts with http:// or https://', { field: 'url' });
  return ctx.storage.db.transaction().execute(async (trx) => {
    const source = await ensureSource(trx, { id: randomUUID(), workspaceId: actor.workspaceId, kind: 'feed', ref: parsed.toString() });
    const at = Date.now();
    await ctx.queue.enqueue({ kind: INGEST_KIND, payload: { sourceId: source.id }, runAt: new Date(at), idempotencyKey: ingestJobKey(source.id, at), workspaceId: actor.workspaceId }, { trx });
    await appendAudit(trx, ctx.storage.engine, { workspaceId: actor.workspaceId, ...auditActor(actor), action: 'feed.added', entityType: 'source', entityId: source.id, details: {} });
    return source;
  });
}

/** Mastodon's hashtag alphabet: letters, digits and underscores (what follows the #). */
const HASHTAG = /^[\p{L}\p{M}\p{N}_]{1,100}$/u;

/**
 * Listens to a hashtag on Mastodon: the public tag timeline, read through the workspace's Mastodon
 * channel, from the newest posts on. Tags are case-insensitive there, so #FluShot and #flushot are
 * one source. A workspace without a Mastodon channel gets the source marked unhealthy with the reason.
 */
export async function addHashtag(ctx: AppContext, actor: Actor, tag: string): Promise<Source> {
  requirePermission(actor, 'workspace.manage');
  const name = tag.trim().replace(/^#/, '');
  if (!HASHTAG.test(name)) throw new OperationError('INVALID_REQUEST', `"${tag.slice(0, 120)}" is not a hashtag: letters, digits and _ only, e.g. #FluShot`, { field: 'tag' });
  return ctx.storage.db.transaction().execute(async (trx) => {
    const source = await ensureSource(trx, { id: randomUUID(), workspaceId: actor.workspaceId, kind: 'mastodon_hashtag', ref: name.toLowerCase() });
    const at = Date.now();
    await ctx.queue.enqueue({ kind: INGEST_KIND, payload: { sourceId: source.id }, runAt: new Date(at), idempotencyKey: ingestJobKey(source.id, at), workspaceId: actor.workspaceId }, { trx });
    await appendAudit(trx, ctx.storage.engine, { workspaceId: actor.workspaceId, ...auditActor(actor), action: 'hashtag.added', entityType: 'source', entityId: source.id, details: {} });
    return source;
  });
}

/** Stops listening to a feed or a hashtag; what it brought in stays. A channel's notifications go with the channel. */
export async function removeSource(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'workspace.manage');
  await ctx.storage.db.transaction().execute(async (trx) => {
    const source = await findSource(trx, id);
    if (!source || source.workspaceId !== actor.workspaceId) throw new OperationError('NOT_FOUND', `no source ${id}`, { field: 'id' });
    if (source.kind !== 'feed' && source.kind !== 'mastodon_hashtag') {
      throw new OperationError('CONFLICT', source.kind === 'channel_notifications' ? 'a channel’s notifications stop when the channel is disconnected' : 'this source belongs to a listening query: delete the query', { field: 'id' });
    }
    await deleteSource(trx, actor.workspaceId, source.kind, source.ref);
    await appendAudit(trx, ctx.storage.engine, { workspaceId: actor.workspaceId, ...auditActor(actor), action: source.kind === 'feed' ? 'feed.removed' : 'hashtag.removed', entityType: 'source', entityId: id, details: {} });
  });
}

export async function sources(ctx: AppContext, actor: Actor): Promise<Source[]> {
  requirePermission(actor, 'workspace.read');
  return listSources(ctx.storage.db, actor.workspaceId);
}
