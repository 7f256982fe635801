import type { Command } from 'commander';
import { boot } from '../runtime/boot.ts';
import { verifyAudit } from '../storage/audit-log.ts';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('The hash-chained audit log');
  audit
    .command('verify')
    .description('Re-compute every workspace\'s audit chain; exit 1 at a changed, deleted or re-linked row')
    .option('--workspace-id <id>', 'only this workspace')
    .action(async (opts: { workspaceId?: string }) => {
      const booted = await boot();
      try {
        const results = await verifyAudit(booted.ctx.storage.db, opts.workspaceId);
        let broken = 0;
        for (const r of results) {
          if (r.problem) {
            broken += 1;
            console.log(`workspace ${r.workspaceId}: BROKEN at seq ${r.problem.seq} (${r.problem.reason.replace('_', ' ')}) after ${r.entries} entries read`);
          } else {
            console.log(`workspace ${r.workspaceId}: intact, ${r.entries} entries`);
          }
        }
        if (results.length === 0) console.log('no audit entries yet');
        if (broken > 0) process.exitCode = 1;
      } finally {
        await booted.close();
      }
    });
}
