import type { Command } from 'commander';
import { boot } from '../runtime/boot.ts';
import { importHistory } from '../operations/import-history.ts';
import { listWorkspaces } from '../storage/workspaces.ts';
import type { CsvMapping } from '../importers/index.ts';

function progressBar(): (bytesRead: number, totalBytes: number, items: number) => void {
  const tty = process.stderr.isTTY;
  let lastTenth = -1;
  return (bytesRead, totalBytes, items) => {
    const share = totalBytes > 0 ? Math.min(1, bytesRead / totalBytes) : 1;
    const mb = (n: number) => (n / 1_048_576).toFixed(1);
    const text = `${Math.round(share * 100)}%  ${mb(bytesRead)} / ${mb(totalBytes)} MB  ${items.toLocaleString('en-US')} records`;
    if (tty) {
      const width = 30;
      const filled = Math.round(share * width);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${text}`);
    } else if (Math.floor(share * 10) !== lastTenth) {
      lastTenth = Math.floor(share * 10);
      process.stderr.write(`${text}\n`);
    }
  };
}

function parseMapping(spec: string): CsvMapping {
  const pairs = Object.fromEntries(spec.split(',').map((p) => p.split('=').map((x) => x.trim()) as [string, string]));
  for (const required of ['id', 'text', 'createdAt', 'author']) {
    if (!pairs[required]) throw new Error(`--map needs ${required}=<column> (got "${spec}")`);
  }
  return pairs as unknown as CsvMapping;
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('Import history all-or-nothing: an X archive (data/tweets.js), a CSV with a column mapping, or a Bluesky repository export (repo.car)')
    .argument('<kind>', 'x-archive | csv | bluesky-car')
    .argument('<file>', 'the file (X: data/tweets.js, with account.js beside it; Bluesky: the .car file)')
    .option('--map <mapping>', 'CSV columns: id=<col>,text=<col>,createdAt=<col>,author=<col>[,url=<col>,lang=<col>]')
    .option('--handle <handle>', 'Bluesky: the account\'s handle (the export names only its DID)')
    .option('--workspace-id <id>', 'the workspace (default: the only one)')
    .action(async (kind: string, file: string, opts: { map?: string; handle?: string; workspaceId?: string }) => {
      if (kind !== 'x-archive' && kind !== 'csv' && kind !== 'bluesky-car') throw new Error('kind must be x-archive, csv or bluesky-car');
      if (kind === 'csv' && !opts.map) throw new Error('a CSV import needs --map id=<col>,text=<col>,createdAt=<col>,author=<col>');
      const booted = await boot();
      try {
        const workspaces = await listWorkspaces(booted.ctx.storage.db);
        const workspace = opts.workspaceId ? workspaces.find((w) => w.id === opts.workspaceId) : workspaces.length === 1 ? workspaces[0] : undefined;
        if (!workspace) throw new Error(`name the workspace with --workspace-id (one of: ${workspaces.map((w) => w.id).join(', ') || 'none yet'})`);
        const summary = await importHistory(booted.ctx, { type: 'cli', workspaceId: workspace.id, userId: null, role: 'owner' }, {
          path: file,
          kind: kind === 'x-archive' ? 'twitter-archive' : kind === 'bluesky-car' ? 'bluesky-car' : 'csv',
          mapping: opts.map ? parseMapping(opts.map) : undefined,
          handle: opts.handle,
          onProgress: progressBar(),
        });
        if (process.stderr.isTTY) process.stderr.write('\n');
        console.log(`imported ${summary.inserted} new records from ${summary.read} read (${summary.alreadyStored} were already stored)`);
      } catch (err) {
        if (process.stderr.isTTY) process.stderr.write('\n');
        throw new Error(`nothing was imported: ${(err as Error).message}`);
      } finally {
        await booted.close();
      }
    });
}
