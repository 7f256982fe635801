/**
 * The web workbench end to end: the real server on a port, a local Bluesky network for the
 * channel, and Debian's headless Chromium driven by playwright-core. Every page is checked with
 * axe (no serious or critical WCAG 2.1 AA violation) and photographed at 1280×800 and 390×844
 * into test-output/screenshots/.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { RichText } from '@atproto/api';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { testContext } from '../testing/context.ts';
import { startBlueskyNetwork, type BlueskyTestNetwork, type TestAccount } from '../testing/bluesky-network.ts';
import { createServerApp } from './app.ts';
import { WEB_DIST } from './web.ts';
import { addMember, issueSetupToken } from '../operations/accounts.ts';
import { findUserByEmail, membershipsOf } from '../storage/users.ts';
import { listSources } from '../storage/sources.ts';
import { ingestSource } from '../jobs/handlers/ingest.ts';
import type { JobRun } from '../jobs/queue.ts';
import type { IngestPayload } from '../jobs/handlers/ingest-kind.ts';
import type { AppContext, Actor } from '../operations/context.ts';

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
    await page.getByLabel('App password').fill(await net.appPassword(hospital));
    await page.getByText('Your own Bluesky server (optional)').click();
    await page.getByLabel('Server address').fill(net.pdsUrl);
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
    await page.getByRole('heading', { name: 'Urgent' }).waitFor();
    const urgent = page.getByRole('list', { name: 'Urgent conversations' }).getByRole('link');
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
    assert.equal(await page.getByRole('list', { name: 'Urgent conversations' }).count(), 0, 'once handled it leaves the open view');
  });

  test('a reply naming the visit is blocked by the PHI guard as it is typed, then fixed and sent', async () => {
    await page.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: /Does this include weekends/ }).click();
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
    // The session ends while the editor writes: the sign-in form comes up over the page, the text stays.
    await context.clearCookies();
    await page.getByRole('button', { name: 'Submit for review' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Your session ended').waitFor();
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
});
