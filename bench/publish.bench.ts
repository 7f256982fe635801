/**
 * bench/publish: 10,000 posts due at once, published through the real scheduler (durable jobs on
 * the embedded database, the exactly-once publish handler) to a stand-in network that answers in
 * 50 ms. Two scenarios, one run each:
 *  - burst: all 10,000 due at the same instant (everyone schedules "10:00"): how long until every
 *    post has been attempted → publish.all_attempted_s;
 *  - spread: 10,000 due across one minute: how late each attempt starts after its due time →
 *    publish.lateness_p50_ms / publish.lateness_p99_ms.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { testContext } from '../src/testing/context.ts';
import { createWorkspaceWithOwner } from '../src/operations/accounts.ts';
import { changeWorkspace } from '../src/operations/workspace.ts';
import { connectChannel } from '../src/operations/channels.ts';
import { createPost, schedulePost } from '../src/operations/posts.ts';
import { registerPublish } from '../src/jobs/handlers/publish.ts';
import { registerConnector, type Connector, type OutgoingPost, type PublishedPost } from '../src/connectors/index.ts';
import type { Actor } from '../src/operations/context.ts';
import type { BenchOutcome } from './types.ts';

const POSTS = Number(process.env.BENCH_PUBLISH_POSTS ?? 10_000);
const ANSWER_MS = 50;

/** Records when each post was attempted; answers after 50 ms like a network would. */
function timedNetwork(attempts: Map<string, number>): Connector {
  return {
    describe: {
      network: 'bluesky',
      displayName: 'Timed stand-in (50 ms)',
      capabilities: { publishText: true, publishImages: false, threads: true, reply: true, delete: false, notifications: false, postMetrics: false, searchPosts: false, impressions: false },
      limits: { textLength: 300, counting: { kind: 'graphemes' }, imagesPerPost: 0, altTextLength: 0, imageBytes: 0 },
      credentialFields: [],
    },
    async connect() {
      const publish = async (post: OutgoingPost): Promise<PublishedPost> => {
        const key = post.idempotencyKey!;
        if (!attempts.has(key)) attempts.set(key, Date.now());
        await sleep(ANSWER_MS);
        return { uri: `bench://${key}`, publishedAt: new Date().toISOString() };
      };
      return {
        accountId: 'bench',
        handle: 'bench.example',
        publish,
        publishThread: async (posts) => Promise.all(posts.map(publish)),
        delete: async () => undefined,
        findOwnPost: async () => undefined,
        notifications: async () => ({ notifications: [] }),
        thread: async () => [],
        metrics: async () => [],
        search: async () => ({ posts: [] }),
      };
    },
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function scenario(name: 'burst' | 'spread'): Promise<{ allAttemptedS: number; p50: number; p99: number; setupS: number }> {
  const attempts = new Map<string, number>();
  registerConnector('bench', timedNetwork(attempts));
  const { ctx, cleanup } = await testContext('sqlite', { secretKey: randomBytes(32).toString('base64') });
  try {
    const setupStart = Date.now();
    const { workspaceId, userId } = await createWorkspaceWithOwner(ctx, { workspaceName: 'Bench', timeZone: 'UTC', email: 'o@bench.example', displayName: 'O', password: 'bench password long' }, { cli: true });
    const owner: Actor = { type: 'user', workspaceId, userId, role: 'owner' };
    await changeWorkspace(ctx, owner, { settings: { approvalRequired: false } });
    const channel = await connectChannel(ctx, owner, { network: 'bench', handle: 'bench.example', credentials: { token: 'x' } });
    const ids: string[] = [];
    for (let i = 0; i < POSTS; i++) ids.push((await createPost(ctx, owner, { parts: [{ text: `Post ${i}` }], channelIds: [channel.id] })).post.id);
    // Scheduling all posts takes a while; the due times start after it.
    const perPostMs = 3;
    const start = Date.now() + POSTS * perPostMs + 5_000;
    const due = new Map<string, number>();
    for (const [i, id] of ids.entries()) {
      const at = name === 'burst' ? start : start + Math.floor((i / POSTS) * 60_000);
      const post = await schedulePost(ctx, owner, id, new Date(at));
      due.set(`${post.targets[0]!.id}`, at);
    }
    const setupS = (Date.now() - setupStart) / 1000;
    if (Date.now() > start) throw new Error(`setup overran the first due time by ${Date.now() - start} ms: raise perPostMs`);
    await registerPublish(ctx, ctx.queue);
    while (attempts.size < POSTS) await sleep(100);
    const lateness: number[] = [];
    let last = 0;
    for (const [key, at] of attempts) {
      const targetId = key.split(':')[1]!;
      lateness.push(at - due.get(targetId)!);
      last = Math.max(last, at);
    }
    lateness.sort((a, b) => a - b);
    return { allAttemptedS: (last - start) / 1000, p50: percentile(lateness, 50), p99: percentile(lateness, 99), setupS };
  } finally {
    await cleanup();
  }
}

export async function run(): Promise<BenchOutcome> {
  const burst = await scenario('burst');
  const spread = await scenario('spread');
  console.log(`  burst: all attempted after ${burst.allAttemptedS.toFixed(2)} s (lateness p50 ${burst.p50} ms, p99 ${burst.p99} ms)`);
  console.log(`  spread: lateness p50 ${spread.p50} ms, p99 ${spread.p99} ms; last attempt ${spread.allAttemptedS.toFixed(2)} s after the minute began`);
  return {
    figures: {
      'publish.all_attempted_s': Number(burst.allAttemptedS.toFixed(2)),
      'publish.lateness_p50_ms': spread.p50,
      'publish.lateness_p99_ms': spread.p99,
      'publish.burst.lateness_p50_ms': burst.p50,
      'publish.burst.lateness_p99_ms': burst.p99,
    },
    targets: { 'publish.all_attempted_s': { op: '<=', value: 60 }, 'publish.lateness_p99_ms': { op: '<=', value: 1000 } },
    how: `${POSTS} posts through the real scheduler on the embedded database (durable jobs, exactly-once publish handler with its attempt ledger and audit entries) to a stand-in network answering in ${ANSWER_MS} ms; one run per scenario. all_attempted_s: all due at the same instant, seconds until the last was attempted. lateness: due times spread evenly over one minute, attempt start minus due time (p50/p99); burst.* gives the same for the burst.`,
  };
}
