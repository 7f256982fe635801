/**
 * CSV as RFC 4180 writes it: fields separated by commas, records ended by CRLF, a field quoted
 * when it holds a comma, a double quote, CR or LF, and a double quote inside doubled.
 */
import type { Cell, ReportTable } from './table.ts';

// A spreadsheet runs a cell that starts with = + - @ (or tab/CR, which some strip first) as a
// formula: post text such as "=HYPERLINK(…)" would execute when leadership opens the export.
// A leading apostrophe makes it plain text in Excel, LibreOffice and Google Sheets (OWASP).
const FORMULA_START = /^[=+\-@\t\r]/u;

/** One field: numbers as written, null as empty, text guarded against formulas and quoted when needed. */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Records of fields, each record ended by CRLF. */
export function csvRecords(records: readonly (readonly Cell[])[]): string {
  return records.map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}

/** A report table as CSV: a header of the column labels, then one record per row. */
export function tableCsv(table: ReportTable): string {
  return csvRecords([table.columns.map((c) => c.label), ...table.rows]);
}
