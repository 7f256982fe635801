/**
 * The web workbench end to end: the real server on a port, a local Bluesky network for the
 * channel, and Debian's headless Chromium driven by playwright-core. Every page is checked with
 * axe (no serious or critical WCAG 2.1 AA violation), photographed at 1280×800 and 390×844
 * into test-output/screenshots/, and must not scroll sideways at phone width.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { RichText } from '@atproto/api';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { testContext } from '../testing/context.ts';
import { startBlueskyNetwork, type BlueskyTestNetwork, type TestAccount } from '../testing/bluesky-network.ts';
import { createServerApp } from './app.ts';
import { WEB_DIST } from './web.ts';
import { addMember, issueSetupToken } from '../operations/accounts.ts';
import { findUserByEmail, membershipsOf } from '../storage/users.ts';
import { listSources } from '../storage/sources.ts';
import { insertInteractions, insertSnapshots } from '../storage/metrics.ts';
import { ingestSource } from '../jobs/handlers/ingest.ts';
import type { JobRun } from '../jobs/queue.ts';
import type { IngestPayload } from '../jobs/handlers/ingest-kind.ts';
import type { AppContext, Actor } from '../operations/context.ts';
import { findChannel, replaceSealedCredentials, setChannelStatus } from '../storage/channels.ts';
import { CHANNEL_PAUSED } from '../storage/channel-health.ts';
import { getPost } from '../operations/posts.ts';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = join(REPO, 'test-output', 'screenshots');
const OWNER = { email: 'olivia@riverside.example', password: 'a long first-run password' };
const PASSWORD = 'correct horse battery staple';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

let net: BlueskyTestNetwork;
let ctx: AppContext;
let cleanupContext: () => Promise<void>;
let server: ServerType;
let base: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let setupToken: string;
let hospital: TestAccount;
let patient: TestAccount;

before(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Debian chromium is missing at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (.ci/run does this). playwright-core drives it; no browser is downloaded.`);
  }
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    const built = spawnSync(process.execPath, [join(REPO, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: REPO, encoding: 'utf8' });
    assert.equal(built.status, 0, `building the web workbench failed:\n${built.stderr}`);
  }
  mkdirSync(SHOTS, { recursive: true });
  [net, { ctx, cleanup: cleanupContext }, browser] = await Promise.all([
    startBlueskyNetwork(),
    testContext('sqlite'),
    chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }),
  ]);
  setupToken = (await issueSetupToken(ctx))!;
  const { app } = createServerApp(ctx);
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  context = await browser.newContext({ viewport: DESKTOP, timezoneId: 'America/Chicago', locale: 'en-US' });
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
  [hospital, patient] = await Promise.all([net.account('riverside'), net.account('pat')]);
});

after(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close().catch(() => undefined);
  if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  await cleanupContext?.();
  await net?.close();
});

/** axe on the page as it is now: no serious or critical violation of WCAG 2.1 A/AA. */
async function accessible(name: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`),
    [],
    `accessibility violations on ${name}`,
  );
}

/** Checks the page with axe and photographs it at desktop and phone size (axe again on the phone layout). */
async function review(name: string): Promise<void> {
  await accessible(name);
  await page.screenshot({ path: join(SHOTS, `${name}-1280x800.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  await accessible(`${name} (390 wide)`);
  const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));
  assert.ok(overflow <= 1, `${name} scrolls sideways by ${overflow}px at 390 wide`);
  await page.screenshot({ path: join(SHOTS, `${name}-390x844.png`), fullPage: true });
  await page.setViewportSize(DESKTOP);
}

async function mention(from: TestAccount, text: string, reply?: { uri: string; cid: string }): Promise<void> {
  const rt = new RichText({ text });
  await rt.detectFacets(from.agent);
  await from.agent.post({ text: rt.text, facets: rt.facets, ...(reply ? { reply: { root: reply, parent: reply } } : {}) });
}

async function ingest(): Promise<void> {
  await net.settle();
  const owner = (await findUserByEmail(ctx.storage.db, OWNER.email))!;
  const [membership] = await membershipsOf(ctx.storage.db, owner.id);
  for (const source of await listSources(ctx.storage.db, membership!.workspaceId)) {
    await ingestSource(ctx, ctx.queue, { id: 'e2e', kind: 'ingest-source', payload: { sourceId: source.id }, attempt: 1, lastAttempt: true, finish: async () => undefined } as JobRun<IngestPayload>);
  }
}

async function ownerActor(): Promise<Actor> {
  const owner = (await findUserByEmail(ctx.storage.db, OWNER.email))!;
  const [membership] = await membershipsOf(ctx.storage.db, owner.id);
  return { type: 'user', workspaceId: membership!.workspaceId, userId: owner.id, role: 'owner' };
}

const WEEK_MS = 7 * 86_400_000;

/**
 * Twenty weeks of history, as if the channel had been connected then: two published posts a week
 * with engagement figures, and a slowly growing number of people liking them each week.
 */
async function seedHistory(): Promise<void> {
  const db = ctx.storage.db;
  const actor = await ownerActor();
  const workspaceId = actor.workspaceId;
  const channel = await db.selectFrom('channels').select(['id']).where('workspace_id', '=', workspaceId).where('primary_since', 'is not', null).executeTakeFirstOrThrow();
  const now = Date.now();
  await db.updateTable('channels').set({ created_at: new Date(now - 20 * WEEK_MS).toISOString() }).where('id', '=', channel.id).execute();
  const topics = ['Five signs of a stroke everyone should know', 'How to lower your blood pressure: three small habits', 'Meet our new cardiac rehab team', 'Flu shots: who should get one and when', 'Did you know? Walking 20 minutes a day helps your heart'];
  const snapshots: Parameters<typeof insertSnapshots>[2] = [];
  const interactions: Parameters<typeof insertInteractions>[3] = [];
  for (let w = 19; w >= 1; w--) {
    for (let k = 0; k < 2; k++) {
      const at = new Date(now - w * WEEK_MS + k * 2 * 86_400_000).toISOString();
      const postId = randomUUID();
      const targetId = randomUUID();
      const text = topics[(w + k) % topics.length]!;
      await db.insertInto('posts').values({ id: postId, workspace_id: workspaceId, author_id: actor.type === 'user' ? actor.userId : null, state: 'published', parts: JSON.stringify([{ text }]), scheduled_at: at, revision: 1, approved_by: null, approved_at: null, idempotency_key: null, created_at: at, updated_at: at }).execute();
      await db.insertInto('post_targets').values({ id: targetId, workspace_id: workspaceId, post_id: postId, channel_id: channel.id, state: 'published', job_id: null, remote: null, published_at: at, error_code: null, error_message: null, updated_at: at }).execute();
      snapshots.push({ targetId, channelId: channel.id, likes: 10 + ((w * 7 + k) % 13), reposts: 2 + (w % 3), replies: 1 + ((w + k) % 4), quotes: k, impressions: null, unavailable: null });
    }
    const people = 30 + (19 - w) + ((w * 5) % 4);
    for (let i = 0; i < people; i++) interactions.push({ externalId: `seed-${w}-${i}`, personId: `did:plc:person${i}`, kind: 'like', at: new Date(now - w * WEEK_MS + 86_400_000 + i * 60_000).toISOString() });
  }
  await insertSnapshots(db, workspaceId, snapshots);
  await insertInteractions(db, workspaceId, channel.id, interactions);
}

async function signIn(email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

async function signOut(): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in to Bedside' }).waitFor();
}

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function pressKey(key: string): Promise<void> {
  await page.keyboard.press(key);
}

const ZONE = 'America/Chicago';

/** The wall-clock reading (YYYY-MM-DDTHH:mm) of an instant in the workspace's zone. */
function wallClock(iso: string): string {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** A calendar date plus whole days. */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Monday of next week in the workspace's zone (the calendar's weeks start on Monday). */
function nextMonday(): string {
  const today = wallClock(new Date().toISOString()).slice(0, 10);
  const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(today, 7 - weekday);
}

/** 02:30 on the next spring-forward Sunday (second Sunday of March in the US): a time that does not exist. */
function nextDstGap(): string {
  const today = wallClock(new Date().toISOString()).slice(0, 10);
  for (const year of [Number(today.slice(0, 4)), Number(today.slice(0, 4)) + 1]) {
    for (let day = 8; day <= 14; day++) {
      const date = `${year}-03-${String(day).padStart(2, '0')}`;
      if (new Date(`${date}T12:00:00Z`).getUTCDay() === 0 && date > today) return `${date}T02:30`;
    }
  }
  throw new Error('no spring-forward Sunday found');
}

async function primaryChannel(): Promise<{ id: string; workspaceId: string }> {
  const { workspaceId } = await ownerActor();
  const row = await ctx.storage.db.selectFrom('channels').select(['id']).where('workspace_id', '=', workspaceId).where('primary_since', 'is not', null).executeTakeFirstOrThrow();
  return { id: row.id, workspaceId };
}

async function postWithText(fragment: string): Promise<{ id: string; scheduled_at: string | null; parts: unknown }> {
  const { workspaceId } = await ownerActor();
  return ctx.storage.db.selectFrom('posts').select(['id', 'scheduled_at', 'parts']).where('workspace_id', '=', workspaceId).where('parts', 'like', `%${fragment}%`).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
}

describe('the web workbench in headless Chromium', () => {
  test('first run: the owner, the workspace, one Bluesky channel and a posting plan, then a post scheduled into the next slot', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Sign in to Bedside' }).waitFor();
    await review('sign-in');

    await page.goto(`${base}/setup?token=${setupToken}`);
    await page.getByRole('heading', { name: 'Create your workspace' }).waitFor();
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByText('Name the workspace (your hospital or team)').waitFor(); // the error sits next to its field
    assert.equal(await page.getByLabel('Workspace name').getAttribute('aria-invalid'), 'true');
    await page.getByLabel('Workspace name').fill('Riverside Regional');
    await page.getByLabel('Time zone').selectOption('America/Chicago');
    await page.getByLabel('Your name').fill('Olivia Owner');
    await page.getByLabel('Your email').fill(OWNER.email);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByText('Use at least 12 characters').waitFor();
    await review('setup-owner');
    await page.getByLabel('Password').fill(OWNER.password);
    await page.getByRole('button', { name: 'Create workspace' }).click();

    await page.getByRole('heading', { name: 'Connect one channel' }).waitFor();
    await page.getByText('Start small: one channel first.').waitFor();
    await page.getByLabel('Bluesky handle').fill(hospital.handle);
    await page.getByText('Your own Bluesky server (optional)').click();
    await page.getByLabel('Server address').fill(net.pdsUrl);
    // Only the network can refuse a password: the server's 400 names `credentials`, shown next to the app password.
    await page.getByLabel('App password').fill('wrong-app-password');
    await page.getByRole('button', { name: 'Connect channel' }).click();
    await page.locator('#channel-app-password-error', { hasText: 'the network refused these credentials' }).waitFor();
    assert.equal(await page.getByLabel('App password').getAttribute('aria-invalid'), 'true');
    await page.getByLabel('App password').fill(await net.appPassword(hospital));
    await review('setup-channel');
    await page.getByRole('button', { name: 'Connect channel' }).click();

    await page.getByRole('heading', { name: 'Set a posting plan' }).waitFor();
    for (const day of ['Monday', 'Wednesday', 'Friday', 'Saturday', 'Sunday']) await page.getByLabel(day).check();
    await page.getByLabel('Time (workspace time zone)').fill('10:00');
    await page.getByLabel('Every post needs a reviewer’s approval before it goes out').uncheck(); // posting alone, for now
    await review('setup-plan');
    await page.getByRole('button', { name: 'Save plan' }).click();

    await page.getByRole('heading', { name: 'You are set up' }).waitFor();
    await review('setup-done');

    // The landing page on a workspace with no history yet: every rule says what is missing, no misleading number.
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    const listen = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Listen', level: 3 }) });
    await listen.getByText('Not enough data yet').waitFor();
    await listen.getByText(/Missing:.*listening quer/).waitFor();
    assert.equal(await page.locator('.rule .score-none').count(), 7, 'all seven rules wait for data');
    assert.equal(await page.getByRole('meter').count(), 0, 'no score is drawn without data');
    await page.getByRole('heading', { name: /master one channel first/ }).waitFor();
    await page.getByText(/On plan for 8 weeks in a row.*not yet/).waitFor();
    await review('dashboard-empty');
    await page.goto(`${base}/setup/done`);
    await page.getByRole('link', { name: 'Write your first post' }).click();

    await page.getByRole('heading', { name: 'Compose', level: 1 }).waitFor();
    await page.getByLabel('Text', { exact: true }).fill('Flu shots are free at every Riverside clinic this Saturday, 9am to 1pm. No appointment needed.');
    await page.getByText(/bluesky: \d+ \/ 300/).waitFor(); // the network's own counter, live
    await review('compose');
    await page.getByRole('button', { name: 'Schedule in the next open slot' }).click();
    await page.getByText(/^Scheduled for /).first().waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
    await page.getByRole('heading', { name: 'Calendar', level: 1 }).waitFor();
    await page.getByRole('link', { name: /Flu shots are free/ }).first().waitFor();
    assert.ok((await page.locator('.entry.slot:not(.missed)').count()) > 0, 'planned empty slots ahead are visible');
    await review('calendar-week');
    await page.getByRole('button', { name: 'Month' }).click();
    await page.getByRole('link', { name: /Flu shots are free/ }).first().waitFor();
    await review('calendar-month');
  });

  test('an urgent mention is pinned with its playbook and handled from the inbox', async () => {
    const ours = await hospital.agent.post({ text: 'Our walk-in clinic now opens at 7am' });
    await mention(patient, `@${hospital.handle} what time does the flu clinic open on Saturday?`);
    await mention(patient, `@${hospital.handle} my dad has crushing chest pain and his left arm is numb, what do we do`);
    await mention(patient, 'Does this include weekends? The parking was awful last time', ours);
    await mention(patient, `@${hospital.handle} thank you to the nurses on the maternity ward, you were wonderful`);
    await ingest();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();
    await page.getByRole('heading', { name: 'Urgent', exact: true }).waitFor();
    const urgent = page.getByRole('list', { name: 'Urgent conversations', exact: true }).getByRole('link');
    assert.equal(await urgent.count(), 1, 'the chest pain message is pinned');
    await urgent.first().getByText(/Urgent: emergency playbook/).waitFor();
    await urgent.first().click();
    await page.getByRole('heading', { name: /emergency playbook/ }).waitFor();
    await page.getByRole('region', { name: /emergency playbook/ }).getByText(/911/).first().waitFor();
    await review('inbox-urgent');
    await page.getByRole('button', { name: 'Move offline' }).click();
    await page.locator('.conversation .meta', { hasText: 'moved offline' }).waitFor();
    await page.getByRole('button', { name: 'Assign to me' }).click();
    await page.getByLabel('Add a note').fill('Called the family; they are on their way to the ER.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByText('Called the family; they are on their way to the ER.').last().waitFor();
    // Once handled it leaves the open view.
    await page.getByRole('list', { name: 'Urgent conversations', exact: true }).waitFor({ state: 'detached' });
  });

  test('a reply naming the visit is blocked by the PHI guard as it is typed, then fixed and sent', async () => {
    await page.getByRole('list', { name: 'Conversations', exact: true }).getByRole('link', { name: /Does this include weekends/ }).click();
    const box = page.getByLabel(/Reply to @/);
    await box.fill('Sorry about your visit and the parking during your stay with us, we hope your recovery goes well!');
    await page.getByText('The PHI guard blocks this reply').waitFor();
    await page.getByRole('list', { name: 'PHI guard findings' }).waitFor();
    await page.getByText('Compliant reply:').waitFor();
    await review('inbox-reply-blocked');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByText(/^Not sent:/).waitFor();

    const fixed = 'Yes, weekends too, 7am to 3pm. Parking is free in garage B on weekends.';
    await box.fill(fixed);
    await page.getByText('The PHI guard found nothing to fix.').waitFor();
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByText('Reply sent.').waitFor();
    const records = await hospital.agent.com.atproto.repo.listRecords({ repo: hospital.did, collection: 'app.bsky.feed.post' });
    const texts = records.data.records.map((r) => (r.value as { text: string }).text);
    assert.ok(texts.includes(fixed), 'the fixed reply reached the network');
    assert.ok(!texts.some((t) => t.includes('your visit')), 'the blocked one did not');
  });

  test('keyboard: j and k move through the conversations, r goes to the reply box, e closes', async () => {
    await page.goto(`${base}/inbox`);
    const rows = page.getByRole('list', { name: 'Conversations' }).getByRole('link');
    await rows.first().waitFor();
    const before = await rows.count();
    assert.ok(before >= 2, `two open conversations to move between, found ${before}`);
    const selected = (): Promise<string | null> => page.locator('a[aria-current="true"]').textContent();

    await pressKey('j');
    await page.locator('a[aria-current="true"]').waitFor();
    const first = await selected();
    await pressKey('j');
    await page.locator('a[aria-current="true"]').filter({ hasNotText: first! }).waitFor();
    const second = await selected();
    assert.notEqual(second, first);
    await pressKey('k');
    await page.locator('a[aria-current="true"]').filter({ hasText: first! }).waitFor();
    await review('inbox-keyboard');

    await pressKey('r');
    assert.equal(await page.locator('#reply-text:focus').count(), 1, 'r puts the cursor in the reply box');
    await page.keyboard.type('j');
    assert.equal(await page.getByLabel(/Reply to @/).inputValue(), 'j', 'letters typed in the box are text, not shortcuts');
    await page.getByLabel(/Reply to @/).fill('');
    await pressKey('Escape');

    await pressKey('e');
    await until(async () => (await rows.count()) === before - 1, 'the closed conversation leaves the list');
    assert.equal(await selected(), second, 'after closing, the next conversation is selected');
  });

  test('a possibly urgent conversation is listed after the urgent ones and before the rest, with its badge; a person triages it out of the lane', async () => {
    await mention(patient, `@${hospital.handle} been feeling off since the new pills, cant really describe it`);
    await ingest();
    // Whether the engine puts this message in the lane depends on its trained model (tested in
    // src/safety/model); here the page is under test, so the item is ranked into the lane outright.
    const { id } = await ctx.storage.db
      .selectFrom('inbox_items')
      .innerJoin('mentions', 'mentions.id', 'inbox_items.mention_id')
      .select('inbox_items.id')
      .where('mentions.text', 'like', '%feeling off since the new pills%')
      .executeTakeFirstOrThrow();
    await ctx.storage.db.updateTable('inbox_items').set({ priority: 1 }).where('id', '=', id).execute();

    await page.goto(`${base}/inbox`);
    await page.getByRole('heading', { name: 'Possibly urgent: read these now' }).waitFor();
    const lane = page.getByRole('list', { name: 'Possibly urgent conversations' }).getByRole('link');
    assert.equal(await lane.count(), 1);
    await lane.first().getByText('Possibly urgent', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Everything else' }).waitFor();
    await lane.first().click();
    await page.getByRole('region', { name: 'Possibly urgent' }).waitFor();
    await review('inbox-possibly-urgent');
    // A person reads it and triages: out of the lane, into the ordinary queue.
    await page.getByRole('group', { name: 'Triage' }).getByRole('button', { name: 'Not urgent' }).click();
    await page.getByText('Marked not urgent.').waitFor();
    // exact: a list name 'Conversations' alone would also match 'Possibly urgent conversations',
    // and the wait could end on the lane's own link before the page re-renders.
    await page.getByRole('list', { name: 'Conversations', exact: true }).getByRole('link', { name: /feeling off since the new pills/ }).waitFor();
    await page.getByRole('list', { name: 'Possibly urgent conversations' }).waitFor({ state: 'detached' });
    // The triage box goes with the lane.
    await page.getByRole('region', { name: 'Possibly urgent' }).waitFor({ state: 'detached' });
    // Closed, so the tests after this one see the inbox they expect.
    await page.getByRole('group', { name: 'Conversation actions' }).getByRole('button', { name: 'Close' }).click();
    await page.getByRole('list', { name: 'Conversations', exact: true }).getByRole('link', { name: /feeling off since the new pills/ }).waitFor({ state: 'detached' });
  });

  test('an editor submits a draft (kept through an expired session) and a reviewer approves it', async () => {
    const owner = (await findUserByEmail(ctx.storage.db, OWNER.email))!;
    const [membership] = await membershipsOf(ctx.storage.db, owner.id);
    const ownerActor: Actor = { type: 'user', workspaceId: membership!.workspaceId, userId: owner.id, role: 'owner' };
    await addMember(ctx, ownerActor, { email: 'eddie@riverside.example', displayName: 'Eddie Editor', role: 'editor', password: PASSWORD });
    await addMember(ctx, ownerActor, { email: 'rita@riverside.example', displayName: 'Rita Reviewer', role: 'reviewer', password: PASSWORD });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Riverside Regional' }).waitFor();
    await page.getByLabel('Every post needs a reviewer’s approval').check();
    await page.getByText('Posts now need a reviewer’s approval.').waitFor();
    await review('settings');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Listening' }).click();
    await page.getByLabel('Query', { exact: true }).fill('flu AND (');
    await page.locator('.guard-blocked').waitFor();
    await page.getByLabel('Query', { exact: true }).fill('flu AND clinic');
    await page.getByText('The query is valid.').waitFor();
    await review('listening');
    await signOut();

    await signIn('eddie@riverside.example', PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compose' }).click();
    const text = 'Heart health month: free blood pressure checks in the Riverside lobby every Tuesday.';
    await page.getByLabel('Text', { exact: true }).fill(text);
    // The composer has picked the primary channel (its list loads after the page): otherwise the
    // click below stops at the form's own "choose a channel" check and never reaches the server.
    await until(async () => page.locator('fieldset input[type=checkbox]').first().isChecked(), 'the primary channel is selected');
    // The session ends while the editor writes: the sign-in form comes up over the page, the text stays.
    await context.clearCookies();
    await page.getByRole('button', { name: 'Submit for review' }).click();
    const dialog = page.getByRole('dialog');
    // When this wait timed out before, the screenshot showed the text field empty: the composer's
    // "primary channel" effect had written back a draft from before the typing (fixed in
    // web/src/drafts.ts with updater setters). Keep what the page shows if it ever fails again.
    await dialog.getByText('Your session ended').waitFor({ timeout: 30_000 }).catch(async (err: unknown) => {
      await page.screenshot({ path: join(SHOTS, 'FAILED-session-expired.png'), fullPage: true });
      throw err;
    });
    await review('session-expired');
    await dialog.getByLabel('Password').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await page.getByLabel('Text', { exact: true }).inputValue(), text, 'the draft survived the expired session');
    await page.reload();
    await page.getByRole('heading', { name: 'Compose', level: 1 }).waitFor();
    assert.equal(await page.getByLabel('Text', { exact: true }).inputValue(), text, 'and a reload');
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.getByText('Submitted: the post is in review.').waitFor();
    await signOut();

    await signIn('rita@riverside.example', PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compose' }).click();
    await page.getByRole('button', { name: 'Needs review', pressed: true }).waitFor();
    const row = page.locator('.post-row', { hasText: text });
    await row.waitFor();
    await review('review-queue');
    await row.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('The post is now approved.').waitFor();
    await page.getByRole('button', { name: 'Approved' }).click();
    await page.locator('.post-row', { hasText: text }).getByText('approved').waitFor();
  });

  test('the dashboard scores a workspace with history; analytics draws its weeks with the noise band, response times and top posts', async () => {
    await seedHistory();
    await signOut();
    await signIn(OWNER.email, OWNER.password);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    const quality = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Quality', level: 3 }) });
    await quality.getByRole('meter', { name: 'Quality score' }).waitFor();
    assert.match((await quality.locator('.score').textContent()) ?? '', /^\d{1,3} \/ 100$/);
    const patience = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Patience', level: 3 }) });
    await patience.getByText('/ 100').waitFor();
    await patience.getByText(/Next:/).waitFor();
    await page.getByText(/^Overall:/).waitFor();
    await patience.getByText(/^Figures/).click();
    await patience.getByText('Normal range high').waitFor();
    await review('dashboard');

    // Keyboard: the main navigation is a list of links reached with Tab and followed with Enter.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analytics' }).focus();
    await pressKey('Enter');
    await page.getByRole('heading', { name: 'Analytics', level: 1 }).waitFor();
    const audience = page.getByRole('figure', { name: /Engaged people per week/ });
    await audience.waitFor();
    await audience.getByText(/known weeks/).waitFor();
    assert.equal(await audience.locator('path.band').count(), 1, 'the noise band is drawn');
    assert.equal(await audience.locator('path.series').count(), 1);
    await audience.getByText('The numbers as a table').click();
    assert.ok((await audience.getByRole('row').count()) >= 12, 'the weeks are also a table');
    await page.getByRole('figure', { name: /Median first response per week/ }).waitFor();
    await page.getByRole('figure', { name: /Posts per week/ }).locator('rect.bar').first().waitFor();
    assert.ok((await page.locator('.top-posts li').count()) >= 3, 'top posts are listed');
    const month = await page.getByLabel('Month', { exact: true }).inputValue();
    assert.equal(await page.getByRole('link', { name: 'Download PDF' }).getAttribute('href'), `/api/reports/monthly?month=${month}&format=pdf`);
    assert.equal(await page.getByRole('link', { name: /Inbox performance \(inbox_summary\.csv\)/ }).getAttribute('href'), `/api/reports/monthly/tables/inbox_summary.csv?month=${month}`);
    await review('analytics');
  });

  test('settings: an owner manages the team and roles, a server error lands next to its field, and the audit log verifies', async () => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Settings' }).click();
    const sections = page.getByRole('navigation', { name: 'Settings' });
    await sections.getByRole('link', { name: 'Team and roles' }).click();
    await page.getByRole('heading', { name: 'Team and roles', level: 1 }).waitFor();
    await page.getByRole('cell', { name: 'eddie@riverside.example' }).waitFor();

    // The client checks the form first…
    await page.getByRole('button', { name: 'Add to the team' }).click();
    await page.getByText('Enter their name').waitFor();
    assert.equal(await page.getByLabel('Name', { exact: true }).getAttribute('aria-invalid'), 'true');
    // …and what only the server knows (this person is already a member) lands next to the email field.
    await page.getByLabel('Name', { exact: true }).fill('Rita Again');
    await page.getByLabel('Email').fill('rita@riverside.example');
    await page.getByRole('button', { name: 'Add to the team' }).click();
    await page.locator('#member-email-error', { hasText: /already/ }).waitFor();
    assert.equal(await page.getByLabel('Email').getAttribute('aria-invalid'), 'true');
    await page.getByLabel('Name', { exact: true }).fill('Vic Viewer');
    await page.getByLabel('Email').fill('vic@riverside.example');
    await page.getByLabel('Role', { exact: true }).selectOption('viewer');
    await page.getByLabel('First password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Add to the team' }).click();
    await page.getByText('Vic Viewer was added as viewer.').waitFor();
    await page.getByRole('cell', { name: 'vic@riverside.example' }).waitFor();

    await page.getByLabel('Role of Eddie Editor').selectOption('reviewer');
    await page.getByText('Eddie Editor is now reviewer.').waitFor();
    const eddie = (await findUserByEmail(ctx.storage.db, 'eddie@riverside.example'))!;
    assert.equal((await membershipsOf(ctx.storage.db, eddie.id))[0]!.role, 'reviewer', 'the role changed on the server');
    await page.getByRole('button', { name: 'Remove Vic Viewer' }).click();
    await page.getByText('Vic Viewer was removed; their sessions have ended.').waitFor();
    await page.getByRole('cell', { name: 'vic@riverside.example' }).waitFor({ state: 'detached' });
    await review('settings-team');

    await sections.getByRole('link', { name: 'Response times' }).click();
    await page.getByRole('heading', { name: 'Response times', level: 1 }).waitFor();
    await page.getByLabel('First response within (business minutes)').fill('');
    await page.getByRole('button', { name: 'Save targets and hours' }).click();
    await page.getByText('Enter the first-response target in minutes (at least 1)').waitFor();
    await page.getByLabel('First response within (business minutes)').fill('120');
    // Closing before opening is the form's own check (the server's schema says the same): the error
    // shows next to the field and nothing is sent. Were it sent, the error would show only after the request.
    const sent: string[] = [];
    const record = (r: Request): void => {
      if (r.url().startsWith(`${base}/api/`) && r.method() !== 'GET') sent.push(`${r.method()} ${r.url().slice(base.length)}`);
    };
    page.on('request', record);
    await page.getByLabel('Monday opens').fill('17:00');
    await page.getByLabel('Monday closes').fill('09:00');
    await page.getByRole('button', { name: 'Save targets and hours' }).click();
    await page.locator('#sla-MO-end-error', { hasText: /at or before it starts/ }).waitFor();
    page.off('request', record);
    assert.deepEqual(sent, [], 'the form refused the hours without asking the server');
    assert.equal(await page.getByLabel('Monday closes').getAttribute('aria-invalid'), 'true');
    await review('settings-response-times');
    await page.getByLabel('Monday opens').fill('08:00');
    await page.getByLabel('Monday closes').fill('18:00');
    // The lane's first look runs around the clock: 60 minutes unless the team sets its own.
    const possiblyUrgent = page.getByLabel('Possibly urgent: first look within (minutes, around the clock)');
    assert.equal(await possiblyUrgent.inputValue(), '60');
    await possiblyUrgent.fill('30');
    await page.getByRole('button', { name: 'Save targets and hours' }).click();
    await page.getByText('Saved. New conversations are due by these targets.').waitFor();
    await page.reload();
    assert.equal(await page.getByLabel('Possibly urgent: first look within (minutes, around the clock)').inputValue(), '30');

    // Urgent alerts: the address is checked before it is sent, saved sealed, shown by its host only;
    // a test alert to a receiver that is not there says so.
    await sections.getByRole('link', { name: 'Urgent alerts' }).click();
    await page.getByRole('heading', { name: 'Urgent alerts', level: 1 }).waitFor();
    await page.getByText('No alerts are sent').waitFor();
    await page.getByLabel('Webhook address').fill('hooks.example.org/services/T0');
    await page.getByRole('button', { name: 'Save alerts' }).click();
    await page.getByText('Enter the full webhook address, starting with https://').waitFor();
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await page.getByLabel('Webhook address').fill(`http://127.0.0.1:${closedPort}/hooks/secret-token`);
    await page.getByLabel('Alert on').selectOption('urgent_and_possible');
    await page.getByRole('button', { name: 'Save alerts' }).click();
    await page.getByText(`Saved. Urgent conversations are announced to 127.0.0.1:${closedPort}.`).waitFor();
    assert.equal(await page.getByLabel('Replace the webhook address').inputValue(), '', 'the saved address is not shown again');
    await page.getByRole('button', { name: 'Send a test alert' }).click();
    await page.getByText('The test alert did not arrive: the webhook could not be reached (ECONNREFUSED).').waitFor();
    await review('settings-alerts');

    await sections.getByRole('link', { name: 'Content pillars' }).click();
    await page.getByRole('heading', { name: 'Content pillars', level: 1 }).waitFor();
    await page.getByRole('button', { name: /Add a pillar/ }).click();
    await page.getByRole('button', { name: 'Save pillars and target' }).click();
    await page.getByText('Name the pillar').waitFor();
    await page.getByLabel('Pillar 1 name').fill('Heart health');
    await page.getByLabel('Pillar 1 keywords').fill('blood pressure, stroke, cardiac, heart');
    await page.getByLabel('Most promotional posts allowed (%)').fill('15');
    await page.getByRole('button', { name: 'Save pillars and target' }).click();
    await page.getByText('Saved. The Focus and Value rules use these from now on.').waitFor();
    await review('settings-content');

    await sections.getByRole('link', { name: 'Channels' }).click();
    await page.getByText('primary', { exact: true }).waitFor();
    await page.getByText(/Status: connected/).waitFor();
    await review('settings-channels');
    await sections.getByRole('link', { name: 'Posting plans' }).click();
    await page.getByText(/^Now: /).waitFor();
    await review('settings-plans');

    await sections.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    const entries = page.getByRole('table').getByRole('row');
    await page.getByRole('cell', { name: /^member\.role_changed/ }).waitFor();
    const { workspaceId } = await ownerActor();
    const recorded = Number((await ctx.storage.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow()).n);
    assert.ok(recorded > 25, `more entries (${recorded}) than one page of 25`);
    assert.equal(await entries.count(), 26, 'a page of 25 entries under the header row');
    await page.getByRole('button', { name: 'Older entries →' }).click();
    await page.getByRole('cell', { name: /^workspace\.created/ }).waitFor();
    await page.getByRole('button', { name: '← Newer entries' }).click();
    await page.getByRole('cell', { name: /^member\.role_changed/ }).waitFor();
    await page.getByRole('cell', { name: 'from: editor · to: reviewer' }).waitFor();
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await page.getByText(/^The chain is intact: \d+ entries checked\.$/).waitFor();
    await review('settings-audit');
  });

  test('listening: topics and questions with example mentions; a question becomes a post idea in the composer', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Listening' }).click();
    await page.getByRole('heading', { name: 'What your audience talks about' }).waitFor();
    const questions = page.locator('.topic-grid .card', { has: page.getByRole('heading', { name: 'Questions people ask' }) });
    const first = questions.getByRole('listitem').first();
    await first.waitFor();
    await first.getByText(/^Example mentions/).click();
    await first.locator('.examples li').first().waitFor();
    await page.locator('.topic-grid .card', { has: page.getByRole('heading', { name: 'Top terms' }) }).getByRole('listitem').first().waitFor();
    await review('listening-topics');

    await first.getByRole('button', { name: /Turn into a post idea/ }).click();
    await page.getByRole('heading', { name: 'Compose', level: 1 }).waitFor();
    assert.match(page.url(), /\/compose\?idea=/);
    const text = await page.getByLabel('Text', { exact: true }).inputValue();
    assert.match(text, /^Many of you have asked about .+\. Here is what to know: $/, 'the composer starts from the idea');
    await page.getByText('Started from a listening idea').waitFor();
    await review('compose-idea');
  });

  test('channels: one whose credentials were refused says why, refuses a wrong app password next to the field, and resumes with a new one; its queued post goes out again', async () => {
    const channel = await primaryChannel();
    const flu = await postWithText('Flu shots are free');
    // As the publish job leaves it when the network refuses the stored credentials: the post is parked, the channel auth_revoked.
    await ctx.storage.db.updateTable('post_targets').set({ job_id: null, error_code: CHANNEL_PAUSED }).where('post_id', '=', flu.id).execute();
    await replaceSealedCredentials(ctx.storage.db, channel.workspaceId, channel.id, ctx.secrets.seal(JSON.stringify({ identifier: hospital.handle, appPassword: 'revoked-app-password', serviceUrl: net.pdsUrl }), `channel:${channel.id}`));
    await setChannelStatus(ctx.storage.db, channel.workspaceId, channel.id, 'auth_revoked', 'the network refused the stored credentials: reconnect the channel');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Channels' }).click();
    await page.getByText('credentials refused', { exact: true }).waitFor();
    await page.getByText('Why: the network refused the stored credentials: reconnect the channel').waitFor();
    const field = page.getByLabel(`New app password for ${hospital.handle}`);
    const resume = page.getByRole('button', { name: `Check and resume on ${hospital.handle}` });
    await resume.click();
    await page.getByText('Paste a new Bluesky app password').waitFor();
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    // The network is asked first: a password it refuses is named next to the field, and nothing changes.
    await field.fill('wrong-app-password');
    await resume.click();
    await page.locator(`#resume-${channel.id}-secret-error`, { hasText: /still refuses the given credentials/ }).waitFor();
    assert.equal((await findChannel(ctx.storage.db, channel.workspaceId, channel.id))!.status, 'auth_revoked');
    await review('settings-channels-revoked');

    await field.fill(await net.appPassword(hospital));
    await resume.click();
    await page.getByText(`Publishing resumed on ${hospital.handle}. 1 queued post is going out now.`).waitFor();
    await page.getByText('connected', { exact: true }).waitFor();
    const after = (await findChannel(ctx.storage.db, channel.workspaceId, channel.id))!;
    assert.deepEqual([after.status, after.statusReason], ['active', null], 'the channel is active again on the server');
    const target = await ctx.storage.db.selectFrom('post_targets').select(['job_id', 'error_code']).where('post_id', '=', flu.id).executeTakeFirstOrThrow();
    assert.ok(target.job_id, 'the parked post has a publish job again');
    assert.equal(target.error_code, null);

    // A plain pause (repeated network failures) resumes with the stored credentials, which now work.
    await setChannelStatus(ctx.storage.db, channel.workspaceId, channel.id, 'paused', 'publishing stopped after 5 failures in a row (TRANSIENT)');
    await page.reload();
    await page.getByText('Why: publishing stopped after 5 failures in a row (TRANSIENT)').waitFor();
    await review('settings-channels-paused');
    await page.getByRole('button', { name: `Resume publishing on ${hospital.handle}` }).click();
    await page.getByText(`Publishing resumed on ${hospital.handle}. No post was waiting.`).waitFor();
    assert.equal((await findChannel(ctx.storage.db, channel.workspaceId, channel.id))!.status, 'active');
  });

  test('listening sources: a Mastodon hashtag is checked, added and stored; its health says why it cannot be read; another is removed', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Listening' }).click();
    const sources = page.getByRole('region', { name: 'Sources' });
    const list = page.getByRole('list', { name: 'Sources and their health' });
    await list.getByText(hospital.handle).waitFor();
    const tag = page.getByLabel('Mastodon hashtag');
    const add = page.getByRole('button', { name: 'Listen to this hashtag' });
    await add.click();
    await page.locator('#hashtag-error', { hasText: 'Enter a hashtag, e.g. #FluShot' }).waitFor();
    await tag.fill('#flu shot');
    await add.click();
    await page.locator('#hashtag-error', { hasText: /Letters, digits and _ only/ }).waitFor();
    assert.equal(await tag.getAttribute('aria-invalid'), 'true');
    await tag.fill('#FluShot');
    await add.click();
    await sources.getByText('Listening to #flushot from its newest posts on.').waitFor();
    assert.equal(await tag.inputValue(), '', 'the field is cleared');
    const { workspaceId } = await ownerActor();
    const stored = (await listSources(ctx.storage.db, workspaceId)).find((x) => x.kind === 'mastodon_hashtag' && x.ref === 'flushot');
    assert.ok(stored, 'the hashtag source is stored');

    // The workspace has no Mastodon channel: the first run marks the source unhealthy, with the reason.
    await ingestSource(ctx, ctx.queue, { id: 'e2e', kind: 'ingest-source', payload: { sourceId: stored.id }, attempt: 1, lastAttempt: true, finish: async () => undefined } as JobRun<IngestPayload>);
    await page.reload();
    const item = list.getByRole('listitem').filter({ hasText: '#flushot' });
    await item.getByText('unhealthy', { exact: true }).waitFor();
    await item.getByText(/^Why: .*needs a connected Mastodon channel/).waitFor();
    await list.getByRole('listitem').filter({ hasText: hospital.handle }).getByText('healthy', { exact: true }).waitFor();
    await review('listening-sources');

    await tag.fill('HeartMonth');
    await add.click();
    await sources.getByText('Listening to #heartmonth from its newest posts on.').waitFor();
    await page.getByRole('button', { name: 'Stop listening to #heartmonth' }).click();
    await sources.getByText('Stopped listening to #heartmonth. What it brought in stays.').waitFor();
    await list.getByText('#heartmonth').waitFor({ state: 'detached' });
    assert.deepEqual((await listSources(ctx.storage.db, workspaceId)).filter((x) => x.kind === 'mastodon_hashtag').map((x) => x.ref), ['flushot'], 'removed on the server too');
  });

  test('composer images: a file is checked, uploaded and previewed; the missing alt text is named next to its field; the post keeps the image with its alt text', async () => {
    // Scheduling straight from the composer: approvals off again (an earlier test turned them on).
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Every post needs a reviewer’s approval').uncheck();
    await page.getByText('Posts no longer need an approval.').waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compose' }).click();
    await page.getByRole('heading', { name: 'Compose', level: 1 }).waitFor();
    const text = 'Heart month: free blood pressure checks in the Riverside lobby, Tuesdays 9 to 11.';
    await page.getByLabel('Text', { exact: true }).fill(text);
    await until(async () => page.locator('fieldset input[type=checkbox]').first().isChecked(), 'the primary channel is selected');
    const picker = page.getByLabel('Add an image', { exact: true });
    const uploadError = page.locator('#part-0-upload-error');

    // Too large: refused in the browser before it is sent.
    await picker.setInputFiles({ name: 'poster.png', mimeType: 'image/png', buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 1) });
    await uploadError.getByText(/poster\.png is 5\.0 MB; the largest image Bedside keeps is 5 MB/).waitFor();
    // Named .png but not an image: the server looks at the bytes and refuses; its reason sits next to the picker.
    await picker.setInputFiles({ name: 'flyer.png', mimeType: 'image/png', buffer: Buffer.from('this is a text file, not a picture') });
    await uploadError.getByText('flyer.png: only PNG, JPEG, GIF and WebP images can be attached').waitFor();
    assert.equal(await picker.getAttribute('aria-invalid'), 'true');

    const png = Buffer.from(
      String(
        await page.evaluate(`(() => {
          const c = document.createElement('canvas'); c.width = 480; c.height = 320;
          const g = c.getContext('2d');
          g.fillStyle = '#dbe9f7'; g.fillRect(0, 0, 480, 320);
          g.fillStyle = '#a40000'; g.beginPath(); g.arc(240, 150, 90, 0, Math.PI * 2); g.fill();
          g.fillStyle = '#fff'; g.fillRect(225, 90, 30, 120); g.fillRect(180, 135, 120, 30);
          return c.toDataURL('image/png').split(',')[1];
        })()`),
      ),
      'base64',
    );
    await picker.setInputFiles({ name: 'heart-month.png', mimeType: 'image/png', buffer: png });
    const thumb = page.locator('.images img.thumb');
    await thumb.waitFor();
    assert.match((await thumb.getAttribute('src')) ?? '', /^data:image\/jpeg;base64,/, 'a preview made in the browser');
    await uploadError.waitFor({ state: 'detached' }); // the earlier refusal is gone
    // The server's composer check blocks an image without alt text; the finding sits next to the alt-text field.
    const alt = page.getByLabel('Alt text for image 1', { exact: true });
    await page.locator('#part-0-image-0-alt-error', { hasText: 'Image 1 of the post has no alt text; describe the image before publishing.' }).waitFor();
    assert.equal(await alt.getAttribute('aria-invalid'), 'true');
    await alt.fill('IMG_2041.jpg');
    await page.locator('#part-0-image-0-alt-note', { hasText: /says nothing about the image/ }).waitFor();
    await alt.fill('A nurse takes a man’s blood pressure at a table in the hospital lobby.');
    await page.locator('#part-0-image-0-alt-note').waitFor({ state: 'detached' });
    await page.locator('#part-0-image-0-alt-error').waitFor({ state: 'detached' });

    // A second image, removed again; the client also refuses a save while an image has no alt text.
    await picker.setInputFiles({ name: 'second.png', mimeType: 'image/png', buffer: png });
    await page.getByLabel('Alt text for image 2', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.locator('#part-0-image-1-alt-error', { hasText: 'Describe the image for people who cannot see it' }).waitFor();
    await review('compose-images');
    await page.getByRole('button', { name: 'Remove image 2' }).click();
    assert.equal(await page.locator('.images img.thumb').count(), 1);

    const tuesday = `${addDays(nextMonday(), 1)}T09:30`;
    await page.getByLabel(/^Or schedule at/).fill(tuesday);
    await page.getByRole('button', { name: 'Schedule at this time' }).click();
    await page.getByText(/^Scheduled for /).first().waitFor();
    const saved = await postWithText('Heart month: free blood pressure');
    const post = await getPost(ctx, await ownerActor(), saved.id);
    assert.equal(post.state, 'scheduled');
    assert.equal(wallClock(post.scheduledAt!), tuesday);
    assert.equal(post.parts[0]!.text, text);
    assert.equal(post.parts[0]!.images?.length, 1, 'one image went with the post');
    assert.equal(post.parts[0]!.images![0]!.altText, 'A nurse takes a man’s blood pressure at a table in the hospital lobby.');
    const media = await ctx.storage.db.selectFrom('media').select(['mime_type', 'size']).where('id', '=', post.parts[0]!.images![0]!.mediaId!).executeTakeFirstOrThrow();
    assert.deepEqual([media.mime_type, Number(media.size)], ['image/png', png.byteLength], 'the stored upload is the PNG that was picked');

    // Opened again for editing: the image comes from the server (GET /api/media/{id}) with its alt text.
    await page.goto(`${base}/compose?post=${saved.id}`);
    await page.getByRole('heading', { name: 'Edit post' }).waitFor();
    await until(async () => (await page.getByLabel('Alt text for image 1', { exact: true }).inputValue()) === 'A nurse takes a man’s blood pressure at a table in the hospital lobby.', 'the saved alt text is shown');
    assert.equal(await page.locator('.images img.thumb').getAttribute('src'), `/api/media/${post.parts[0]!.images![0]!.mediaId}`);
    await until(async () => Number(await page.evaluate("document.querySelector('.images img.thumb').naturalWidth")) === 480, 'the stored image loads as the preview');
  });

  test('calendar: a scheduled post is dragged to another day; with the keyboard, a time in the DST gap is refused next to the field and the post stays; then it moves', async () => {
    const monday = nextMonday();
    const [tuesday, thursday, saturday] = [addDays(monday, 1), addDays(monday, 3), addDays(monday, 5)];
    const id = (await postWithText('Heart month: free blood pressure')).id;
    const scheduled = async (): Promise<string> => wallClock((await getPost(ctx, await ownerActor(), id)).scheduledAt!);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
    await page.getByRole('heading', { name: 'Calendar', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Next week →' }).click();
    const day = (date: string) => page.locator(`li.day[data-date="${date}"]`);
    const entry = (date: string) => day(date).locator('li.entry.movable', { hasText: 'Heart month' });
    await entry(tuesday).waitFor();

    await entry(tuesday).dragTo(day(thursday).getByRole('heading'));
    await page.getByText(/^Moved “Heart month: free blood pressure.*” to /).waitFor();
    await entry(thursday).waitFor();
    await entry(tuesday).waitFor({ state: 'detached' });
    assert.equal(await scheduled(), `${thursday}T09:30`, 'the same time of day, two days later, on the server');
    await review('calendar-moved');

    // The keyboard way: Move… opens a date-time field in the workspace zone, focused.
    await entry(thursday).getByRole('button', { name: /^Move…/ }).focus();
    await pressKey('Enter');
    const when = page.getByLabel(/^New time for “Heart month/);
    await when.waitFor();
    await until(async () => (await page.evaluate('document.activeElement?.type')) === 'datetime-local', 'the date-time field has the focus');
    assert.equal(await when.inputValue(), `${thursday}T09:30`);
    const gap = nextDstGap();
    await when.fill(gap);
    await pressKey('Enter');
    await page.locator('.move-form .field-error', { hasText: /does not exist in America\/Chicago: clocks spring forward/ }).waitFor();
    assert.equal(await when.getAttribute('aria-invalid'), 'true');
    assert.equal(await scheduled(), `${thursday}T09:30`, 'a refused move changes nothing on the server');
    assert.equal(await entry(thursday).count(), 1, 'and the post stays where it was');
    await review('calendar-move-refused');

    await when.fill(`${saturday}T11:15`);
    await pressKey('Enter');
    await page.getByText(/^Moved “Heart month: free blood pressure.*” to /).waitFor();
    await entry(saturday).waitFor();
    assert.equal(await scheduled(), `${saturday}T11:15`);
  });
});
