/**
 * The monthly leadership report: reads the workspace's history as of the end of the month and
 * the month before, builds the report model (src/domain/report) and renders it as JSON, HTML,
 * PDF (report-pdf.ts) or one table as CSV. Read-only: needs workspace.read.
 */
import type { AppContext, Actor } from './context.ts';
import { requirePermission } from './context.ts';
import { OperationError } from './errors.ts';
import { scorecardInput } from './scorecard.ts';
import { slaPolicyOf } from './ingest.ts';
import { toResponseConversations } from './inbox-metrics.ts';
import { htmlToPdf } from './report-pdf.ts';
import { findWorkspace } from '../storage/workspaces.ts';
import { conversationsBetween } from '../storage/inbox.ts';
import { listMembers } from '../storage/users.ts';
import { findTarget } from '../storage/posts.ts';
import {
  ReportError,
  TABLE_NAMES,
  lastCompleteMonth,
  monthlyReport,
  previousPeriod,
  rankedPosts,
  renderReportHtml,
  reportPeriod,
  tableCsv,
  type MonthlyReport,
  type TableName,
} from '../domain/report/index.ts';

/**
 * The report model of `month` ('YYYY-MM' in the workspace's zone; default: the last complete
 * month). A malformed or future month is a 400 naming the field `month`.
 */
export async function monthlyReportModel(ctx: AppContext, actor: Actor, month?: string, now = new Date()): Promise<MonthlyReport> {
  requirePermission(actor, 'workspace.read');
  const db = ctx.storage.db;
  const workspaceId = actor.workspaceId;
  const ws = await findWorkspace(db, workspaceId);
  if (!ws) throw new OperationError('NOT_FOUND', 'workspace not found');
  const nowIso = now.toISOString();
  const wanted = month ?? lastCompleteMonth(ws.timeZone, nowIso);
  let period;
  let previous;
  try {
    period = reportPeriod(wanted, ws.timeZone, nowIso);
    previous = previousPeriod(period);
  } catch (err) {
    if (err instanceof ReportError) throw new OperationError('INVALID_REQUEST', err.message, { field: err.field });
    throw err;
  }
  const [history, previousHistory, rows, members, policy] = await Promise.all([
    scorecardInput(ctx, workspaceId, new Date(period.asOf)),
    scorecardInput(ctx, workspaceId, new Date(previous.asOf)),
    conversationsBetween(db, workspaceId, previous.from, period.to),
    listMembers(db, workspaceId),
    slaPolicyOf(ctx, workspaceId),
  ]);
  // Links only for the posts the report ranks: a handful of reads, not one per post of the month.
  const postLinks: Record<string, string> = {};
  const targets = await Promise.all(rankedPosts(history.posts, period).map((p) => findTarget(db, p.id)));
  for (const t of targets) {
    const url = t?.workspaceId === workspaceId ? t.remote[0]?.url : undefined;
    if (t && url) postLinks[t.id] = url;
  }
  return monthlyReport({
    workspace: { name: ws.name, zone: ws.timeZone },
    month: wanted,
    now: nowIso,
    history,
    previousHistory,
    conversations: toResponseConversations(rows),
    businessHours: policy.businessHours,
    firstResponseMinutes: policy.firstResponseMinutes,
    people: Object.fromEntries(members.map((m) => [m.userId, m.displayName])),
    postLinks,
  });
}

export async function monthlyReportHtml(ctx: AppContext, actor: Actor, month?: string, now = new Date()): Promise<{ report: MonthlyReport; html: string }> {
  const report = await monthlyReportModel(ctx, actor, month, now);
  return { report, html: renderReportHtml(report) };
}

/** The report as an A4 PDF; PDF_UNAVAILABLE (503) when the server has no Chromium. */
export async function monthlyReportPdf(ctx: AppContext, actor: Actor, month?: string, now = new Date()): Promise<{ report: MonthlyReport; pdf: Uint8Array }> {
  const { report, html } = await monthlyReportHtml(ctx, actor, month, now);
  return { report, pdf: await htmlToPdf(html) };
}

/** One table of the report as CSV (RFC 4180); an unknown table is a 404 naming the ones there are. */
export async function monthlyReportTableCsv(ctx: AppContext, actor: Actor, table: string, month?: string, now = new Date()): Promise<{ report: MonthlyReport; csv: string; filename: string }> {
  requirePermission(actor, 'workspace.read');
  if (!(TABLE_NAMES as readonly string[]).includes(table)) {
    throw new OperationError('NOT_FOUND', `the monthly report has no table "${table}"; available: ${TABLE_NAMES.join(', ')}`, { field: 'table' });
  }
  const report = await monthlyReportModel(ctx, actor, month, now);
  const found = report.tables.find((t) => t.name === (table as TableName))!;
  return { report, csv: tableCsv(found), filename: `bedside-${report.period.month}-${found.name}.csv` };
}
