import type { Command } from 'commander';
import { ApiClient, apiOptions } from './api-client.ts';

interface PostView {
  id: string;
  state: string;
  parts: Array<{ text: string }>;
  scheduledAt: string | null;
  targets: Array<{ channelId: string; state: string; errorMessage: string | null; remote: Array<{ url?: string }> }>;
}

function line(p: PostView): string {
  const first = p.parts[0]?.text.replace(/\s+/g, ' ') ?? '';
  const when = p.scheduledAt ? ` at ${p.scheduledAt}` : '';
  const problems = p.targets.filter((t) => t.errorMessage).map((t) => `  ! ${t.channelId}: ${t.errorMessage}`);
  return [`${p.id}  ${p.state.padEnd(19)}${when}  ${first.length > 60 ? `${first.slice(0, 57)}...` : first}`, ...problems].join('\n');
}

export function registerPost(program: Command): void {
  const post = program.command('post').description('Drafts, review and scheduling');
  apiOptions(
    post
      .command('create')
      .description('Create a draft; several --text make a thread')
      .requiredOption('--text <text...>', 'the text (repeat for thread parts)')
      .requiredOption('--channel <id...>', 'channel id(s) (see `bedside channel list`)')
      .option('--submit', 'submit for review at once')
      .option('--idempotency-key <key>', 'retrying with the same key never creates a second draft'),
  ).action(async (opts: { text: string[]; channel: string[]; submit?: boolean; idempotencyKey?: string; url?: string; token?: string }) => {
    const api = new ApiClient(opts);
    let created = await api.call<PostView>('POST', '/api/posts', { parts: opts.text.map((text) => ({ text })), channelIds: opts.channel });
    if (opts.submit) created = await api.call<PostView>('POST', `/api/posts/${created.id}/submit`);
    console.log(line(created));
  });

  apiOptions(
    post
      .command('schedule')
      .argument('<id>', 'the post')
      .option('--at <time>', 'an instant with offset (2026-12-01T10:00:00-06:00) or a wall-clock time in the workspace zone (2026-12-01T10:00)')
      .option('--next-slot', 'the next free slot of the posting plan')
      .description('Schedule an approved post'),
  ).action(async (id: string, opts: { at?: string; nextSlot?: boolean; url?: string; token?: string }) => {
    if (!opts.at === !opts.nextSlot) throw new Error('give --at <time> or --next-slot');
    const body = opts.nextSlot ? { slot: 'next' } : /[zZ]|[+-]\d\d:\d\d$/.test(opts.at!) ? { scheduledAt: opts.at } : { localTime: opts.at };
    console.log(line(await new ApiClient(opts).call<PostView>('POST', `/api/posts/${id}/schedule`, body)));
  });

  apiOptions(
    post
      .command('list')
      .description('Posts, newest change first')
      .option('--state <states>', 'comma-separated: draft,in_review,approved,scheduled,published,failed…')
      .option('--limit <n>', 'how many', '20'),
  ).action(async (opts: { state?: string; limit: string; url?: string; token?: string }) => {
    const q = new URLSearchParams({ limit: opts.limit, ...(opts.state ? { state: opts.state } : {}) });
    const { posts } = await new ApiClient(opts).call<{ posts: PostView[] }>('GET', `/api/posts?${q}`);
    if (posts.length === 0) console.log('no posts');
    for (const p of posts) console.log(line(p));
  });
}
