import type { Command } from 'commander';
import { createInterface } from 'node:readline/promises';
import { boot } from '../runtime/boot.ts';
import { createWorkspaceWithOwner, addMember } from '../operations/accounts.ts';
import { isRole, type Role } from '../domain/roles.ts';
import { listWorkspaces } from '../storage/workspaces.ts';
import { findUserByEmail } from '../storage/users.ts';

/** Reads a password from BEDSIDE_PASSWORD or, on a terminal, a prompt: never from argv (it shows in `ps`). */
async function readPassword(): Promise<string> {
  if (process.env.BEDSIDE_PASSWORD) return process.env.BEDSIDE_PASSWORD;
  if (!process.stdin.isTTY) throw new Error('set BEDSIDE_PASSWORD or run on a terminal to type the password');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const password = await rl.question('Password (12+ characters): ');
  rl.close();
  return password;
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('Manage people');
  user
    .command('add')
    .description('Add a person. With --role owner on a new installation, also creates the workspace.')
    .requiredOption('--email <email>', 'their email (the login)')
    .option('--role <role>', 'owner | admin | editor | reviewer | viewer', 'editor')
    .option('--name <name>', 'display name (defaults to the email)')
    .option('--workspace <name>', 'workspace name, when creating the first workspace', 'My hospital')
    .option('--time-zone <zone>', 'IANA time zone of a new workspace', Intl.DateTimeFormat().resolvedOptions().timeZone)
    .option('--workspace-id <id>', 'the workspace to add to (default: the only one)')
    .action(async (opts: { email: string; role: string; name?: string; workspace: string; timeZone: string; workspaceId?: string }) => {
      if (!isRole(opts.role)) throw new Error(`--role must be one of owner, admin, editor, reviewer, viewer (got "${opts.role}")`);
      const role: Role = opts.role;
      const booted = await boot();
      try {
        const workspaces = await listWorkspaces(booted.ctx.storage.db);
        const password = (await findUserByEmail(booted.ctx.storage.db, opts.email)) ? undefined : await readPassword();
        if (workspaces.length === 0) {
          if (role !== 'owner') throw new Error('no workspace exists yet: the first person must be added with --role owner');
          if (!password) throw new Error('this email already has an account');
          const created = await createWorkspaceWithOwner(
            booted.ctx,
            { workspaceName: opts.workspace, timeZone: opts.timeZone, email: opts.email, displayName: opts.name ?? opts.email, password },
            { cli: true },
          );
          console.log(`created workspace "${opts.workspace}" (${created.workspaceId}) with owner ${opts.email}`);
          return;
        }
        const workspace = opts.workspaceId ? workspaces.find((w) => w.id === opts.workspaceId) : workspaces.length === 1 ? workspaces[0] : undefined;
        if (!workspace) throw new Error(`name the workspace with --workspace-id (one of: ${workspaces.map((w) => w.id).join(', ')})`);
        // The server's own operator acts as the workspace owner here.
        const member = await addMember(booted.ctx, { type: 'cli', workspaceId: workspace.id, userId: null, role: 'owner' }, {
          email: opts.email,
          displayName: opts.name ?? opts.email,
          role,
          password,
        });
        console.log(`added ${member.email} to "${workspace.name}" as ${member.role}`);
      } finally {
        await booted.close();
      }
    });
}
