import { Command, CommanderError } from 'commander';
import { registerAnalyze } from './analyze.ts';
import { registerStart } from './start.ts';
import { registerUser } from './user.ts';
import { registerAudit } from './audit.ts';
import { registerChannel } from './channel.ts';
import { registerPost } from './post.ts';
import { registerImport } from './import.ts';
import { registerBackup } from './backup.ts';
import { registerReport } from './report.ts';
import { registerInbox } from './inbox.ts';
import { registerListen } from './listen.ts';

/** Builds the `bedside` command line. One file per command under src/cli/. */
export function buildProgram(): Command {
  const program = new Command('bedside')
    .description('Bedside: the social media workbench for healthcare marketing teams')
    .showHelpAfterError();
  registerStart(program);
  registerUser(program);
  registerAudit(program);
  registerChannel(program);
  registerPost(program);
  registerInbox(program);
  registerListen(program);
  registerImport(program);
  registerBackup(program);
  registerReport(program);
  registerAnalyze(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  program.exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) process.exit(err.exitCode);
    // One clear line, never a stack trace (and never message text: see the safety rules).
    console.error(`bedside: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
