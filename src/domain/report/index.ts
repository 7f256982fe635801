/**
 * The monthly leadership report: its model (scorecard, what changed, weekly trend, top posts,
 * inbox performance, value mix and pillars) built from the workspace's history, rendered as a
 * self-contained HTML document, and every table as CSV. Pure functions; time is passed in.
 */
export { ReportError, type ReportErrorCode } from './report-error.ts';
export { lastCompleteMonth, previousPeriod, reportPeriod, type ReportPeriod } from './period.ts';
export {
  RULE_LABELS,
  monthlyReport,
  type Change,
  type MeasureUnit,
  type MonthlyReport,
  type MonthlyReportInput,
  type ReportRule,
  type ScorecardSection,
} from './monthly-report.ts';
export {
  CONVERSATION_WEIGHT,
  ENGAGEMENT_QUALITY_DEFINITION,
  ENGAGEMENT_QUALITY_METRIC,
  TOP_POSTS,
  qualityPoints,
  rankedPosts,
  type PillarSection,
  type TopPost,
  type TopPostsSection,
  type ValueMixSection,
} from './posts.ts';
export type { InboxSection } from './inbox-section.ts';
export { TREND_WEEKS, type TrendWeek, type WeeklyTrendSection } from './weekly-trend.ts';
export { TABLE_NAMES, type TableName } from './tables.ts';
export type { Cell, ColumnKind, ReportColumn, ReportTable } from './table.ts';
export { csvField, csvRecords, tableCsv } from './csv.ts';
export { escapeHtml } from './escape.ts';
export { renderReportHtml } from './html.ts';
