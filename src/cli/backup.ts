import type { Command } from 'commander';
import { join, resolve } from 'node:path';
import { readConfig } from '../config/env.ts';
import { backupSqlite, restoreSqlite } from '../storage/backup.ts';

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .argument('<file>', 'where to write the copy (must not exist)')
    .description('Copy the embedded database while Bedside runs (PostgreSQL mode: use pg_dump, see docs/deploy.md)')
    .action(async (file: string) => {
      const config = readConfig();
      if (config.databaseUrl) throw new Error('DATABASE_URL is set: back up PostgreSQL with pg_dump (docs/deploy.md)');
      const { pages } = await backupSqlite(join(config.dataDir, 'bedside.sqlite'), resolve(file));
      console.log(`backed up ${pages} pages to ${resolve(file)}; keep ${join(config.dataDir, 'secret.key')} with it (the channel credentials need it)`);
    });
  program
    .command('restore')
    .argument('<file>', 'a copy made by `bedside backup`')
    .description('Replace the embedded database with a backup (stop Bedside first)')
    .action(async (file: string) => {
      const config = readConfig();
      if (config.databaseUrl) throw new Error('DATABASE_URL is set: restore PostgreSQL with pg_restore (docs/deploy.md)');
      const target = join(config.dataDir, 'bedside.sqlite');
      restoreSqlite(resolve(file), target);
      console.log(`restored ${resolve(file)} into ${target} (the previous database is kept as bedside.sqlite.before-restore)`);
    });
}
