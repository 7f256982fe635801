import { z } from '@hono/zod-openapi';
import type { BedsideApp, RouteInfo } from '../app-types.ts';
import type { AppContext } from '../../operations/context.ts';
import { OperationError } from '../../operations/errors.ts';
import { defineRoute, errorResponses, ErrorSchema, actorOf } from '../route.ts';
import { monthlyReportHtml, monthlyReportModel, monthlyReportPdf, monthlyReportTableCsv } from '../../operations/report.ts';
import { TABLE_NAMES } from '../../domain/report/index.ts';

const Month = z
  .string()
  // No /u flag: the OpenAPI document copies the pattern's source, and a flag would end up in it.
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM, e.g. 2026-10')
  .optional()
  .openapi({ description: "Calendar month in the workspace's time zone; default: the last complete month", example: '2026-10' });

// The HTML is a document of its own: no script may run in it, nothing is fetched by it.
const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
const PRIVATE = { 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' };

export function registerReports(app: BedsideApp, table: RouteInfo[], ctx: AppContext): void {
  app.openapi(
    defineRoute(table, 'workspace.read', {
      method: 'get',
      path: '/api/reports/monthly',
      summary:
        'Monthly leadership report: the seven-rules scorecard, what changed since the month before, the weekly trend with its noise band, top posts by engagement quality, inbox performance, value mix and pillars — as HTML (default), PDF or the JSON model',
      request: { query: z.object({ month: Month, format: z.enum(['html', 'pdf', 'json']).default('html') }) },
      responses: {
        200: {
          description: 'The report',
          content: {
            'text/html': { schema: z.string() },
            'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
            'application/json': { schema: z.object({ period: z.unknown(), tables: z.unknown() }).passthrough() },
          },
        },
        503: { description: 'PDF requested but the server has no Chromium (PDF_UNAVAILABLE); HTML and JSON still work', content: { 'application/json': { schema: ErrorSchema } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const actor = actorOf(c);
      if (q.format === 'json') return c.json((await monthlyReportModel(ctx, actor, q.month)) as never, 200);
      if (q.format === 'pdf') {
        const { report, pdf } = await monthlyReportPdf(ctx, actor, q.month);
        return c.body(pdf as never, 200, { ...PRIVATE, 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="bedside-${report.period.month}-report.pdf"` }) as never;
      }
      const { report, html } = await monthlyReportHtml(ctx, actor, q.month);
      return c.body(html, 200, {
        ...PRIVATE,
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': REPORT_CSP,
        'content-disposition': `inline; filename="bedside-${report.period.month}-report.html"`,
      }) as never;
    },
  );

  app.openapi(
    defineRoute(table, 'workspace.read', {
      method: 'get',
      path: '/api/reports/monthly/tables/{table}',
      summary: `One table of the monthly report as CSV (RFC 4180, UTF-8 with BOM): GET /api/reports/monthly/tables/{name}.csv, name one of ${TABLE_NAMES.join(', ')}`,
      request: {
        params: z.object({ table: z.string().openapi({ description: 'The table name followed by .csv', example: 'top_posts.csv' }) }),
        query: z.object({ month: Month }),
      },
      responses: {
        200: { description: 'CSV attachment', content: { 'text/csv': { schema: z.string() } } },
        404: { description: 'No such table: the message lists the available ones', content: { 'application/json': { schema: ErrorSchema } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { table: file } = c.req.valid('param');
      const { month } = c.req.valid('query');
      if (!file.endsWith('.csv')) {
        throw new OperationError('NOT_FOUND', `ask for {table}.csv, e.g. top_posts.csv; tables: ${TABLE_NAMES.join(', ')}`, { field: 'table' });
      }
      const { csv, filename } = await monthlyReportTableCsv(ctx, actorOf(c), file.slice(0, -'.csv'.length), month);
      // The BOM tells Excel the file is UTF-8; without it accents and emoji in post text turn to mojibake.
      return c.body(`\uFEFF${csv}`, 200, { ...PRIVATE, 'content-type': 'text/csv; charset=utf-8; header=present', 'content-disposition': `attachment; filename="${filename}"` }) as never;
    },
  );
}
