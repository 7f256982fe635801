// Runs every *.test.ts under src/, bench/ and eval/ with Node's own test runner (through tsx).
// Node 20's runner does not expand globs itself, so the files are listed here.
// Usage: node scripts/run-tests.mjs [path-filter ...]
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawn, execFileSync } from 'node:child_process';

function find(dir) {
  let out = [];
  let entries;
  try { entries = readdirSync(dir); } catch { return out; }
  for (const name of entries) {
    if (name === 'node_modules') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(find(path));
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const filters = process.argv.slice(2);
const files = ['src', 'bench', 'eval', 'scripts']
  .flatMap(find)
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
const concurrency = process.env.TEST_CONCURRENCY ?? '2';
// A single test that takes longer than this fails by name instead of holding the run.
const testTimeoutMs = Number(process.env.TEST_TIMEOUT_MS ?? 10 * 60_000);
// The whole run normally takes ~10 minutes; past this budget it is stuck, and the watchdog names
// the test files still running before it stops them (CI has 90 minutes in all).
const runBudgetMs = Number(process.env.TEST_RUN_BUDGET_MS ?? 50 * 60_000);

// --test-force-exit: a file whose tests have all finished exits even if a handle (a socket of a
// fault-injection server, a client's timer) is still open.
const child = spawn(
  process.execPath,
  [
    '--import', 'tsx', '--test', '--test-force-exit', `--test-concurrency=${concurrency}`,
    `--test-timeout=${testTimeoutMs}`, '--test-reporter=spec', ...files,
  ],
  { stdio: 'inherit', detached: true },
);

/** The processes under `pid` with their command lines (the test files still running show here). */
function descendants(pid) {
  try {
    const table = execFileSync('ps', ['-eo', 'pid=,ppid=,etimes=,args='], { encoding: 'utf8' })
      .split('\n').filter(Boolean)
      .map((line) => {
        const [p, pp, secs, ...args] = line.trim().split(/\s+/);
        return { pid: Number(p), ppid: Number(pp), seconds: Number(secs), args: args.join(' ') };
      });
    const out = [];
    const walk = (parent) => {
      for (const row of table.filter((r) => r.ppid === parent)) { out.push(row); walk(row.pid); }
    };
    walk(pid);
    return out;
  } catch {
    return [];
  }
}

const watchdog = setTimeout(() => {
  console.error(`\n✖ the test run passed its budget of ${Math.round(runBudgetMs / 1000)} s; still running:`);
  for (const row of descendants(child.pid)) {
    const file = row.args.split(' ').find((a) => a.endsWith('.test.ts'));
    if (file) console.error(`  ${file} (for ${row.seconds} s)`);
  }
  try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
  process.exit(1);
}, runBudgetMs);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    process.exit(1);
  });
}

child.on('exit', (code, signal) => {
  clearTimeout(watchdog);
  process.exit(code ?? (signal ? 1 : 0));
});
