import type { Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient, apiOptions } from './api-client.ts';
import { tableCsv, type MonthlyReport } from '../domain/report/index.ts';

const FORMATS = ['html', 'pdf', 'csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

interface ReportOptions {
  month?: string;
  format: string;
  table?: string;
  out?: string;
  url?: string;
  token?: string;
}

export function registerReport(program: Command): void {
  apiOptions(
    program
      .command('report')
      .description('The monthly leadership report (scorecard, what changed, trend, top posts, inbox, value mix) as HTML, PDF, CSV tables or JSON — over the API')
      .option('--month <YYYY-MM>', "calendar month in the workspace's time zone (default: the last complete month)")
      .option('--format <format>', `${FORMATS.join(', ')}`, 'html')
      .option('--table <name>', 'with --format csv: one table (e.g. top_posts); without it every table is written into the --out folder')
      .option('--out <path>', 'file to write (a folder for all CSV tables); html, csv and json go to stdout without it'),
  ).action(async (opts: ReportOptions) => {
    if (!(FORMATS as readonly string[]).includes(opts.format)) throw new Error(`--format must be one of ${FORMATS.join(', ')}, got "${opts.format}"`);
    const format = opts.format as Format;
    const api = new ApiClient(opts);
    const month = opts.month ? `month=${encodeURIComponent(opts.month)}` : '';
    if (format === 'csv') {
      if (opts.table) {
        const { bytes } = await api.bytes(`/api/reports/monthly/tables/${encodeURIComponent(opts.table)}.csv${month ? `?${month}` : ''}`);
        return write(bytes, opts.out);
      }
      if (!opts.out) throw new Error('--format csv without --table writes every table: give --out FOLDER (or pick one with --table NAME)');
      // One read of the model, then the same CSV writer the server uses: not one report build per table.
      const model = await api.call<MonthlyReport>('GET', `/api/reports/monthly?format=json${month ? `&${month}` : ''}`);
      mkdirSync(opts.out, { recursive: true });
      for (const t of model.tables) writeFileSync(join(opts.out, `bedside-${model.period.month}-${t.name}.csv`), `\uFEFF${tableCsv(t)}`);
      console.log(`wrote ${model.tables.length} tables of ${model.period.month} to ${opts.out}`);
      return;
    }
    if (format === 'pdf' && !opts.out) throw new Error('--format pdf needs --out FILE (a PDF is not for the terminal)');
    const { bytes } = await api.bytes(`/api/reports/monthly?format=${format}${month ? `&${month}` : ''}`);
    write(bytes, opts.out);
  });
}

function write(bytes: Uint8Array, out: string | undefined): void {
  if (out) {
    writeFileSync(out, bytes);
    console.log(`wrote ${out} (${bytes.length} bytes)`);
  } else process.stdout.write(bytes);
}
