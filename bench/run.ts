/**
 * Runs the benchmarks in bench/ and records their figures.
 *
 *   npm run bench              every benchmark
 *   npm run bench -- analyze   only those whose name contains "analyze"
 *
 * Each benchmark is a module `bench/<name>.bench.ts` exporting `run(): Promise<BenchOutcome>`.
 * Figures are merged into bench/results.json under their stable keys (flat, dotted:
 * "analyze.msgs_per_s") and bench/RESULTS.md is rewritten from all recorded figures.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import type { BenchOutcome, BenchRecord } from './types.ts';

const here = dirname(fileURLToPath(import.meta.url));
const resultsPath = join(here, 'results.json');
const recordsPath = join(here, 'records.json');
const reportPath = join(here, 'RESULTS.md');

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

function meets(value: number, target: BenchRecord['target']): string {
  if (!target) return '';
  const ok = target.op === '<=' ? value <= target.value : value >= target.value;
  return ok ? 'met' : 'MISSED';
}

async function main(): Promise<void> {
  const filters = process.argv.slice(2);
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort();
  const results: Record<string, number> = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, 'utf8')) : {};
  const records: Record<string, BenchRecord> = existsSync(recordsPath) ? JSON.parse(readFileSync(recordsPath, 'utf8')) : {};
  for (const file of files) {
    const name = file.replace(/\.bench\.ts$/, '');
    console.log(`# ${name}`);
    const mod = (await import(join(here, file))) as { run: () => Promise<BenchOutcome> };
    const outcome = await mod.run();
    const date = new Date().toISOString();
    for (const [key, value] of Object.entries(outcome.figures)) {
      results[key] = value;
      records[key] = { benchmark: name, value, date, machine: machine(), target: outcome.targets?.[key], how: outcome.how };
      console.log(`  ${key} = ${value} ${meets(value, outcome.targets?.[key])}`);
    }
  }
  const sorted = Object.fromEntries(Object.entries(results).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(resultsPath, JSON.stringify(sorted, null, 2) + '\n');
  writeFileSync(recordsPath, JSON.stringify(records, null, 2) + '\n');
  writeFileSync(reportPath, report(records));
}

function report(records: Record<string, BenchRecord>): string {
  const lines = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run.ts) from the figures each benchmark measured; do not edit by hand.',
    'Each figure is a median over the runs its benchmark describes, measured on the machine named beside it.',
    '',
    '| key | value | target | status | benchmark | measured | machine |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const [key, r] of Object.entries(records).sort(([a], [b]) => a.localeCompare(b))) {
    const target = r.target ? `${r.target.op} ${r.target.value}` : '—';
    lines.push(`| \`${key}\` | ${r.value} | ${target} | ${meets(r.value, r.target) || '—'} | ${r.benchmark} | ${r.date.slice(0, 16)}Z | ${r.machine} |`);
  }
  lines.push('', '## How each benchmark measures', '');
  const seen = new Set<string>();
  for (const r of Object.values(records)) {
    if (seen.has(r.benchmark) || !r.how) continue;
    seen.add(r.benchmark);
    lines.push(`- **${r.benchmark}**: ${r.how}`);
  }
  return lines.join('\n') + '\n';
}

await main();
