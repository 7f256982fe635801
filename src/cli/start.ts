import type { Command } from 'commander';
import { boot } from '../runtime/boot.ts';
import { run } from '../runtime/serve.ts';

/** `bedside start` (web + workers), and in PostgreSQL mode `bedside web` / `bedside worker`. */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description('Start Bedside: web server and job workers in one process (the embedded default)')
    .action(async () => {
      await run(await boot(), { web: true, worker: true });
    });

  program
    .command('web')
    .description('PostgreSQL mode: only the web server (scale these independently of workers)')
    .action(async () => {
      const booted = await boot();
      if (booted.ctx.storage.engine !== 'postgres') {
        await booted.close();
        throw new Error('`bedside web` runs without workers and needs DATABASE_URL (PostgreSQL); use `bedside start` on the embedded database');
      }
      await run(booted, { web: true, worker: false });
    });

  program
    .command('worker')
    .description('PostgreSQL mode: only job workers')
    .action(async () => {
      const booted = await boot();
      if (booted.ctx.storage.engine !== 'postgres') {
        await booted.close();
        throw new Error('`bedside worker` needs DATABASE_URL (PostgreSQL): the embedded database runs its worker inside `bedside start`');
      }
      await run(booted, { web: false, worker: true });
      booted.ctx.logger.info({ event: 'worker_started' }, 'worker started');
    });

  program
    .command('migrate')
    .description('Bring the database schema up to date (also done at every start)')
    .action(async () => {
      const booted = await boot();
      const location = booted.ctx.storage.location;
      await booted.close();
      console.log(`database ${location}: schema up to date`);
    });
}
