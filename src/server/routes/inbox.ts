import { z } from '@hono/zod-openapi';
import type { BedsideApp, RouteInfo } from '../app-types.ts';
import type { AppContext } from '../../operations/context.ts';
import { defineRoute, errorResponses, ErrorSchema, actorOf } from '../route.ts';
import { actOnItems, addNote, approveSavedReply, checkReply, createSavedReply, inbox, inboxItem, replyToItem, savedReplies } from '../../operations/inbox.ts';
import { responseReport } from '../../operations/inbox-metrics.ts';
import { INBOX_STATUSES, OPEN_STATUSES, pageCursor, type InboxPageItem, type InboxStatus, type ListedMention } from '../../storage/inbox.ts';
import { OperationError } from '../../operations/errors.ts';
import { InboxActionRequest, NoteRequest, ReplyCheckRequest, ReplyRequest, SavedReplyRequest } from '../../domain/forms/index.ts';

const MentionSchema = z
  .object({
    id: z.string(),
    network: z.string(),
    kind: z.string(),
    author: z.object({ id: z.string().nullable(), handle: z.string(), displayName: z.string().nullable() }),
    text: z.string(),
    url: z.string().nullable(),
    createdAt: z.string(),
    sentiment: z.string(),
    intents: z.array(z.string()),
    urgent: z.boolean(),
    phiTypes: z.array(z.string()),
    analysis: z.unknown(),
  })
  .openapi('Mention');

const ItemSchema = z
  .object({
    id: z.string(),
    status: z.enum(INBOX_STATUSES),
    urgent: z.boolean(),
    possiblyUrgent: z.boolean().openapi({ description: 'Not urgent, but triage could not rule out a crisis: listed right after the urgent items.' }),
    dueAt: z.string(),
    receivedAt: z.string(),
    assigneeId: z.string().nullable(),
    channelId: z.string().nullable(),
    firstResponseAt: z.string().nullable(),
    firstResponseBy: z.string().nullable(),
    mention: MentionSchema,
  })
  .openapi('InboxItem');

function mentionView(m: ListedMention): z.infer<typeof MentionSchema> {
  return { id: m.id, network: m.network, kind: m.kind, author: m.author, text: m.text, url: m.url, createdAt: m.createdAt, sentiment: m.sentiment, intents: m.intents, urgent: m.urgent, phiTypes: m.phiTypes, analysis: m.analysis };
}

/** The list, one conversation and a reply all answer with this view: a page item has every field it shows. */
function itemView(i: InboxPageItem): z.infer<typeof ItemSchema> {
  return { id: i.id, status: i.status, urgent: i.urgent, possiblyUrgent: i.possiblyUrgent, dueAt: i.dueAt, receivedAt: i.receivedAt, assigneeId: i.assigneeId, channelId: i.channelId, firstResponseAt: i.firstResponseAt, firstResponseBy: i.firstResponseBy, mention: mentionView(i.mention) };
}

const IdParam = z.object({ id: z.string().uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const json = <T extends z.ZodTypeAny>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const FindingSchema = z.object({ rule: z.string(), severity: z.string(), message: z.string(), span: z.object({ start: z.number(), end: z.number() }).optional(), type: z.string().optional(), suggestion: z.string().optional() });

export function registerInbox(app: BedsideApp, table: RouteInfo[], ctx: AppContext): void {
  app.openapi(
    defineRoute(table, 'workspace.read', {
      method: 'get',
      path: '/api/inbox',
      summary: 'The inbox: urgent first, then by SLA due time; filter by status, intent, channel, assignee (keyset-paginated)',
      request: {
        query: z.object({
          status: z.string().optional().openapi({ description: 'Comma-separated; default new,assigned' }),
          intent: z.string().max(40).optional(),
          channelId: z.string().uuid().optional(),
          assigneeId: z.string().uuid().optional(),
          urgent: z.enum(['true', 'false']).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          after: z.string().max(300).optional(),
        }),
      },
      responses: { 200: { description: 'A page', content: { 'application/json': { schema: z.object({ items: z.array(ItemSchema), nextCursor: z.string().nullable() }) } } }, ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const statuses = (q.status ? q.status.split(',') : OPEN_STATUSES) as InboxStatus[];
      const bad = statuses.find((s) => !(INBOX_STATUSES as readonly string[]).includes(s));
      if (bad) throw new OperationError('INVALID_REQUEST', `unknown status "${bad}"`, { field: 'status' });
      let after;
      try {
        after = q.after ? (JSON.parse(Buffer.from(q.after, 'base64url').toString()) as { priority: number; dueAt: string; id: string }) : undefined;
      } catch {
        throw new OperationError('INVALID_REQUEST', 'after is not a cursor this API gave', { field: 'after' });
      }
      const items = await inbox(ctx, actorOf(c), { statuses, intent: q.intent, channelId: q.channelId, assigneeId: q.assigneeId, urgentOnly: q.urgent === 'true', limit: q.limit, after });
      const last = items[items.length - 1];
      const nextCursor = items.length === q.limit && last ? Buffer.from(JSON.stringify(pageCursor(last))).toString('base64url') : null;
      return c.json({ items: items.map(itemView), nextCursor }, 200);
    },
  );

  app.openapi(
    defineRoute(table, 'workspace.read', {
      method: 'get',
      path: '/api/inbox/{id}',
      summary: 'One conversation: the item, the thread around it, internal notes, and the urgent playbook if any',
      request: { params: IdParam },
      responses: {
        200: { description: 'The conversation', content: { 'application/json': { schema: ItemSchema.extend({ conversation: z.array(MentionSchema), notes: z.array(z.object({ id: z.string(), authorId: z.string().nullable(), body: z.string(), createdAt: z.string() })) }) } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const item = await inboxItem(ctx, actorOf(c), c.req.valid('param').id);
      return c.json({ ...itemView(item), conversation: item.conversation.map(mentionView), notes: item.notes }, 200);
    },
  );

  app.openapi(
    defineRoute(table, 'inbox.reply', {
      method: 'post',
      path: '/api/inbox/actions',
      summary: 'Assign, move offline, hide, close or reopen one or many items (bulk); results per item',
      request: json(InboxActionRequest),
      responses: { 200: { description: 'Per item', content: { 'application/json': { schema: z.object({ results: z.array(z.object({ id: z.string(), ok: z.boolean(), status: z.string().optional(), error: z.string().optional() })) }) } } }, ...errorResponses },
    }),
    async (c) => {
      const b = c.req.valid('json');
      return c.json({ results: await actOnItems(ctx, actorOf(c), b.ids, b.action, { assigneeId: b.assigneeId }) }, 200);
    },
  );

  app.openapi(
    defineRoute(table, 'inbox.reply', {
      method: 'post',
      path: '/api/inbox/{id}/notes',
      summary: 'Add an internal note (never sent)',
      request: { params: IdParam, ...json(NoteRequest) },
      responses: { 204: { description: 'Added' }, ...errorResponses },
    }),
    async (c) => {
      await addNote(ctx, actorOf(c), c.req.valid('param').id, c.req.valid('json').body);
      return c.body(null, 204);
    },
  );

  app.openapi(
    defineRoute(table, 'workspace.read', {
      method: 'post',
      path: '/api/inbox/{id}/reply-check',
      summary: 'Run the PHI guard on a reply draft (as you type): findings and the compliant template',
      request: { params: IdParam, ...json(ReplyCheckRequest) },
      responses: { 200: { description: 'Findings', content: { 'application/json': { schema: z.object({ blocked: z.boolean(), findings: z.array(FindingSchema), compliantReply: z.string() }) } } }, ...errorResponses },
    }),
    async (c) => c.json((await checkReply(ctx, actorOf(c), c.req.valid('param').id, c.req.valid('json').text)) as never, 200),
  );

  app.openapi(
    defineRoute(table, 'inbox.reply', {
      method: 'post',
      path: '/api/inbox/{id}/reply',
      summary: 'Reply through the channel, after the PHI guard (422 PHI_BLOCKED with findings and a compliant template)',
      request: { params: IdParam, ...json(ReplyRequest) },
      responses: { 200: { description: 'Sent', content: { 'application/json': { schema: ItemSchema } } }, 422: { description: 'Blocked by the PHI guard', content: { 'application/json': { schema: ErrorSchema } } }, ...errorResponses },
    }),
    async (c) => c.json(itemView(await replyToItem(ctx, actorOf(c), c.req.valid('param').id, c.req.valid('json').text)), 200),
  );

  const SavedReplySchema = z.object({ id: z.string(), title: z.string(), body: z.string(), reviewedBy: z.string().nullable(), reviewedAt: z.string().nullable() }).openapi('SavedReply');
  app.openapi(
    defineRoute(table, 'workspace.read', {
      method: 'get',
      path: '/api/saved-replies',
      summary: 'Saved replies (reviewed ones are marked)',
      responses: { 200: { description: 'List', content: { 'application/json': { schema: z.object({ savedReplies: z.array(SavedReplySchema) }) } } }, ...errorResponses },
    }),
    async (c) => c.json({ savedReplies: await savedReplies(ctx, actorOf(c)) }, 200),
  );
  app.openapi(
    defineRoute(table, 'inbox.reply', {
      method: 'post',
      path: '/api/saved-replies',
      summary: 'Write a saved reply (a reviewer approves it before it counts as reviewed)',
      request: json(SavedReplyRequest),
      responses: { 201: { description: 'Created', content: { 'application/json': { schema: SavedReplySchema } } }, ...errorResponses },
    }),
    async (c) => c.json(await createSavedReply(ctx, actorOf(c), c.req.valid('json')), 201),
  );
  app.openapi(
    defineRoute(table, 'posts.approve', {
      method: 'post',
      path: '/api/saved-replies/{id}/review',
      summary: 'Mark a saved reply as reviewed (the compliance role)',
      request: { params: IdParam },
      responses: { 204: { description: 'Reviewed' }, ...errorResponses },
    }),
    async (c) => {
      await approveSavedReply(ctx, actorOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    defineRoute(table, 'workspace.read', {
      method: 'get',
      path: '/api/inbox-metrics',
      summary: 'Response metrics over every conversation of a period: rate, first-response median/p90, breached, per person and channel',
      request: { query: z.object({ from: z.string().datetime({ offset: true }), to: z.string().datetime({ offset: true }) }) },
      responses: { 200: { description: 'Metrics with their definitions', content: { 'application/json': { schema: z.object({ metrics: z.unknown(), definitions: z.unknown() }) } } }, ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json((await responseReport(ctx, actorOf(c), new Date(q.from), new Date(q.to))) as never, 200);
    },
  );
}
