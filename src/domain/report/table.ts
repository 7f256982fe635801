/**
 * Every table of the report in one generic shape, so the HTML renders and the CSV export writes
 * them the same way: a column says what kind of value it holds, a cell holds the raw value.
 */

/**
 * - text: words (a number in a text column is shown as it is)
 * - count: a whole number
 * - percent: 0–100, one decimal
 * - points: a change in percentage points or score points, signed
 * - number: a decimal figure, one decimal
 * - minutes: a duration in minutes (business or wall-clock, as the label says)
 * - date: a local date 'YYYY-MM-DD' or a local date-time 'YYYY-MM-DD HH:mm'
 * - link: an http(s) address
 */
export type ColumnKind = 'text' | 'count' | 'percent' | 'points' | 'number' | 'minutes' | 'date' | 'link';

export interface ReportColumn {
  key: string;
  label: string;
  kind: ColumnKind;
}

export type Cell = string | number | null;

export interface ReportTable {
  /** Stable, URL-safe: the CSV is /api/reports/monthly/tables/{name}.csv. */
  name: string;
  title: string;
  columns: ReportColumn[];
  rows: Cell[][];
  /** Shown when the table has no rows: what is missing. */
  empty?: string;
}

export function column(key: string, label: string, kind: ColumnKind): ReportColumn {
  return { key, label, kind };
}
