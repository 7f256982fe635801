import { z } from '@hono/zod-openapi';
import type { BedsideApp, RouteInfo } from '../app-types.ts';
import type { AppContext } from '../../operations/context.ts';
import { defineRoute, errorResponses, actorOf } from '../route.ts';
import { auditEntries, changeWorkspace, verifyWorkspaceAudit, workspaceOf } from '../../operations/workspace.ts';
import { WorkspacePatchRequest, AlertSettingsRequest } from '../../domain/forms/index.ts';
import { alertSettings, sendTestAlert, setAlertSettings } from '../../operations/alerts.ts';

const WorkspaceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    timeZone: z.string(),
    settings: z.object({ approvalRequired: z.boolean(), profile: z.unknown().optional(), sla: z.unknown().optional(), pillars: z.unknown().optional(), valueTarget: z.unknown().optional() }),
    createdAt: z.string(),
  })
  .openapi('Workspace');

const AlertSettingsSchema = z
  .object({
    configured: z.boolean(),
    host: z.string().nullable().openapi({ description: "The webhook's host (the address itself is a secret and is never returned)" }),
    scope: z.enum(['urgent', 'urgent_and_possible']),
  })
  .openapi('AlertSettings');

const AuditEntrySchema = z
  .object({
    seq: z.number(),
    at: z.string(),
    actorType: z.string(),
    actorId: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    beforeId: z.string().nullable(),
    afterId: z.string().nullable(),
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  })
  .openapi('AuditEntry');

export function registerWorkspace(app: BedsideApp, table: RouteInfo[], ctx: AppContext): void {
  app.openapi(
    defineRoute(table, 'workspace.read', {
      method: 'get',
      path: '/api/workspace',
      summary: 'The current workspace',
      responses: { 200: { description: 'The workspace', content: { 'application/json': { schema: WorkspaceSchema } } }, ...errorResponses },
    }),
    async (c) => c.json(await workspaceOf(ctx, actorOf(c)), 200),
  );

  app.openapi(
    defineRoute(table, 'workspace.manage', {
      method: 'patch',
      path: '/api/workspace',
      summary: 'Rename the workspace, change its time zone or settings',
      request: { body: { content: { 'application/json': { schema: WorkspacePatchRequest } }, required: true } },
      responses: { 200: { description: 'Updated', content: { 'application/json': { schema: WorkspaceSchema } } }, ...errorResponses },
    }),
    async (c) => c.json(await changeWorkspace(ctx, actorOf(c), c.req.valid('json')), 200),
  );

  app.openapi(
    defineRoute(table, 'workspace.read', {
      method: 'get',
      path: '/api/workspace/alerts',
      summary: 'Urgent alerts: whether a webhook is set, its host, and which ranks raise an alert',
      responses: { 200: { description: 'The alert settings', content: { 'application/json': { schema: AlertSettingsSchema } } }, ...errorResponses },
    }),
    async (c) => c.json(await alertSettings(ctx, actorOf(c)), 200),
  );

  app.openapi(
    defineRoute(table, 'workspace.manage', {
      method: 'put',
      path: '/api/workspace/alerts',
      summary: 'Set the urgent-alert webhook (Slack, Teams, Mattermost or any JSON receiver), or remove it with webhookUrl: null',
      request: { body: { content: { 'application/json': { schema: AlertSettingsRequest } }, required: true } },
      responses: { 200: { description: 'Saved', content: { 'application/json': { schema: AlertSettingsSchema } } }, ...errorResponses },
    }),
    async (c) => c.json(await setAlertSettings(ctx, actorOf(c), c.req.valid('json')), 200),
  );

  app.openapi(
    defineRoute(table, 'workspace.manage', {
      method: 'post',
      path: '/api/workspace/alerts/test',
      summary: 'Send a test alert to the webhook now and report what it answered',
      responses: {
        200: {
          description: 'What the webhook answered',
          content: { 'application/json': { schema: z.object({ ok: z.boolean(), status: z.number().nullable(), error: z.string().nullable() }) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await sendTestAlert(ctx, actorOf(c)), 200),
  );

  app.openapi(
    defineRoute(table, 'audit.read', {
      method: 'get',
      path: '/api/audit',
      summary: 'The audit log, newest first, paginated by seq',
      request: {
        query: z.object({
          before: z.coerce.number().int().positive().optional().openapi({ description: 'Return entries with seq below this' }),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
      responses: {
        200: { description: 'A page of entries', content: { 'application/json': { schema: z.object({ entries: z.array(AuditEntrySchema), nextBefore: z.number().nullable() }) } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const entries = await auditEntries(ctx, actorOf(c), { beforeSeq: q.before, limit: q.limit });
      const last = entries[entries.length - 1];
      return c.json({ entries: entries.map(({ workspaceId: _w, ...e }) => e), nextBefore: entries.length === q.limit && last ? last.seq : null }, 200);
    },
  );

  app.openapi(
    defineRoute(table, 'audit.read', {
      method: 'get',
      path: '/api/audit/verify',
      summary: "Re-computes the workspace's audit hash chain and reports the first break",
      responses: {
        200: {
          description: 'The verification',
          content: { 'application/json': { schema: z.object({ entries: z.number(), intact: z.boolean(), problem: z.object({ seq: z.number(), reason: z.string() }).nullable() }) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const result = await verifyWorkspaceAudit(ctx, actorOf(c));
      return c.json({ entries: result.entries, intact: result.problem === null, problem: result.problem }, 200);
    },
  );
}
