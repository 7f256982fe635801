/**
 * The web's form schemas and the server's routes agree: for each form, a value the browser accepts
 * gets past the route's validation, and a value it refuses is refused by the route naming the same
 * field (through the page's own mapping from request field to form field) with the same words.
 * The values are sent as the pages send them (web/src/pages/**), through the real Hono app.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as web from '../../../web/src/schemas.ts';
// The pages' own maps from a server field to the form field an error shows next to.
import { channelFormField, composerFormField, contentFormField, planFormField, resumeFormField, slaFormField } from '../../../web/src/form-fields.ts';
import { WEEKDAYS as CALENDAR_WEEKDAYS } from '../calendar/index.ts';
import { testServer, type TestServer } from '../../testing/server.ts';
import { testContext } from '../../testing/context.ts';
import { TINY_PNG } from '../../testing/bluesky-network.ts';
import { createServerApp } from '../../server/app.ts';
import { issueSetupToken, removeMember } from '../../operations/accounts.ts';
import { uploadMedia } from '../../operations/media.ts';
import { insertChannel, setChannelStatus } from '../../storage/channels.ts';
import type { z } from 'zod';

type Send = (value: never) => Promise<Response>;

interface Rejected {
  value: unknown;
  /** The form's key for the field, as the page shows errors (web `validate` names it the same). */
  field: string;
  /** False where the form and the request say the same thing in different units (percent vs share). */
  sameMessage?: boolean;
  /** Where the page shows the server's error when that is not `field` itself (a list's field for one of its items). */
  shownAt?: string;
}

interface FormCase {
  schema: z.ZodType;
  /** Sends the form's value the way its page does. */
  send: Send;
  /** The page's mapping of the server's field to its form key. */
  formField?: (serverField: string) => string | undefined;
  accepted: Array<{ value: unknown; status: number }>;
  rejected: Rejected[];
}

/** The route's validation answer: `json field: message` (src/server/errors.ts validationError). */
async function validationIssue(res: Response): Promise<{ field: string; message: string } | undefined> {
  if (res.status !== 400) return undefined;
  const body = (await res.json()) as { error: { code: string; message: string; field?: string } };
  const m = /^(?:json|query|param|header) \S+: ([\s\S]*)$/.exec(body.error.message);
  return m && body.error.field ? { field: body.error.field, message: m[1]! } : undefined;
}

const dotted = (field: string): string => field.replace(/\[(\d+)\]/g, '.$1');

let s: TestServer;
let channelId: string;
let revokedChannelId: string;
let mediaId: string;
const NOWHERE = 'http://127.0.0.1:9'; // nothing listens: a connector's login fails at once, after validation

async function addChannel(handle: string): Promise<string> {
  const id = randomUUID();
  const sealed = s.ctx.secrets.seal(JSON.stringify({ identifier: handle, appPassword: 'old-password', serviceUrl: NOWHERE }), `channel:${id}`);
  await insertChannel(s.ctx.storage.db, { id, workspaceId: s.workspaceId, network: 'bluesky', handle, displayName: null, credentialsSealed: sealed, primary: false });
  return id;
}

const owner = (method: string, path: string, body?: unknown): Promise<Response> => s.request(method, path, { as: s.as.owner, body });

/** A workspace's response-time form, filled in as the page fills it, with `change` on top. */
function slaForm(change: Record<string, unknown> = {}, day: Record<string, unknown> = {}): Record<string, unknown> {
  const days = Object.fromEntries(web.WEEKDAYS.map((d) => [d, d === 'SA' || d === 'SU' ? { open: false, start: '09:00', end: '17:00' } : { open: true, start: '09:00', end: '17:00' }]));
  return { timeZone: 'America/Chicago', firstResponseMinutes: '60', urgentFirstResponseMinutes: '15', possiblyUrgentFirstResponseMinutes: '60', days: { ...days, MO: { open: true, start: '09:00', end: '17:00', ...day } }, ...change };
}

const pillar = (i: number, change: Record<string, unknown> = {}) => ({ id: `pillar-${i}`, name: `Pillar ${i}`, keywords: ['flu', 'vaccine'], ...change });
const part = (text: string, images?: Array<{ mediaId?: string; altText: string }>) => ({ text, images: images ?? [] });

function cases(): Record<string, FormCase> {
  return {
    'sign in': {
      schema: web.SignInForm,
      send: (v: unknown) => s.request('POST', '/api/auth/login', { body: v }),
      accepted: [
        { value: { email: 'owner@riverside.example', password: 'correct horse battery staple' }, status: 200 },
        // A pasted address often carries a space; the browser trims it and so does the server.
        { value: { email: ' owner@riverside.example ', password: 'correct horse battery staple' }, status: 200 },
      ],
      rejected: [
        { value: { email: 'owner', password: 'x' }, field: 'email' },
        { value: { email: 'owner@riverside.example', password: '' }, field: 'password' },
      ],
    },
    'connect a channel (setup)': {
      schema: web.ChannelForm,
      send: ({ handle, appPassword, serviceUrl }: { handle: string; appPassword: string; serviceUrl: string }) =>
        owner('POST', '/api/channels', { network: 'bluesky', handle, credentials: { appPassword, ...(serviceUrl ? { serviceUrl } : {}) } }),
      formField: channelFormField,
      // Past validation, "start small" refuses a second channel: the workspace has one already.
      accepted: [{ value: { handle: 'riverside.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop', serviceUrl: NOWHERE }, status: 409 }],
      rejected: [
        { value: { handle: ' ', appPassword: 'abcd-efgh-ijkl-mnop', serviceUrl: '' }, field: 'handle' },
        { value: { handle: 'riverside.bsky.social', appPassword: '  ', serviceUrl: '' }, field: 'appPassword' },
        { value: { handle: 'riverside.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop', serviceUrl: 'bsky dot social' }, field: 'serviceUrl' },
      ],
    },
    'resume a channel with a new secret': {
      schema: web.ResumeForm('Paste a new Bluesky app password'),
      send: (v: { secret: string }) => owner('POST', `/api/channels/${revokedChannelId}/resume`, { credentials: { appPassword: v.secret } }),
      formField: resumeFormField,
      // Validation passed: the network (nowhere) still cannot confirm the secret.
      accepted: [{ value: { secret: 'new-app-password' }, status: 409 }],
      rejected: [
        { value: { secret: '   ' }, field: 'secret', sameMessage: false }, // the page names the network's secret; the API says "credentials"
        { value: { secret: 'x'.repeat(4097) }, field: 'secret' },
      ],
    },
    'listen to a hashtag': {
      schema: web.HashtagForm,
      send: (v: { tag: string }) => owner('POST', '/api/sources/hashtags', { tag: v.tag }),
      accepted: [
        { value: { tag: '#FluShot' }, status: 201 },
        { value: { tag: 'GripeSaisonnière' }, status: 201 },
      ],
      rejected: [
        { value: { tag: '' }, field: 'tag' },
        { value: { tag: '#flu shot' }, field: 'tag' },
      ],
    },
    'listen to a feed': {
      schema: web.FeedForm,
      send: (v: { url: string }) => owner('POST', '/api/sources/feeds', v),
      accepted: [{ value: { url: 'https://news.example.org/feed.xml' }, status: 201 }],
      rejected: [
        { value: { url: 'feed' }, field: 'url' },
        { value: { url: 'ftp://news.example.org/feed.xml' }, field: 'url' },
      ],
    },
    'save a listening query': {
      schema: web.ListeningQueryForm,
      send: (v: unknown) => owner('POST', '/api/listening/queries', v),
      accepted: [{ value: { name: 'Flu season', query: 'flu AND (shot OR vaccine)' }, status: 201 }],
      rejected: [
        { value: { name: ' ', query: 'flu' }, field: 'name' },
        { value: { name: 'Flu', query: '   ' }, field: 'query' },
      ],
    },
    'posting plan': {
      schema: web.PlanForm,
      send: (v: unknown) => owner('PUT', `/api/channels/${channelId}/plan`, { slots: [v] }),
      formField: planFormField,
      accepted: [{ value: { days: ['TU', 'TH'], time: '10:00' }, status: 200 }],
      rejected: [
        { value: { days: [], time: '10:00' }, field: 'days' },
        { value: { days: ['TU'], time: '10' }, field: 'time' },
        // Once accepted by the browser, then refused by the posting-plan rules.
        { value: { days: ['TU'], time: '25:00' }, field: 'time' },
      ],
    },
    'reply to a conversation': {
      schema: web.ReplyForm,
      // No such conversation: a 404 comes after the body passed validation.
      send: (v: unknown) => owner('POST', `/api/inbox/${randomUUID()}/reply`, v),
      accepted: [{ value: { text: 'Thank you, we have passed this on to our patient relations team.' }, status: 404 }],
      rejected: [
        { value: { text: '   ' }, field: 'text' },
        { value: { text: 'x'.repeat(5001) }, field: 'text' },
      ],
    },
    'internal note': {
      schema: web.NoteForm,
      send: (v: unknown) => owner('POST', `/api/inbox/${randomUUID()}/notes`, v),
      accepted: [{ value: { body: 'Called them back, all fine.' }, status: 404 }],
      rejected: [{ value: { body: '' }, field: 'body' }],
    },
    'post draft': {
      schema: web.PostForm,
      // As the composer: parts with their images (mediaId, altText), the channels.
      send: (v: { parts: Array<{ text: string; images: Array<{ mediaId?: string; altText: string }> }>; channelIds: string[] }) =>
        owner('POST', '/api/posts', { parts: v.parts.map((p) => (p.images.length ? p : { text: p.text })), channelIds: v.channelIds }),
      formField: composerFormField,
      accepted: [
        { value: { parts: [part('Flu shots this Saturday in the lobby.')], channelIds: [channelId] }, status: 201 },
        // An image with its description is a part on its own; the browser once asked for text too.
        { value: { parts: [part('', [{ mediaId, altText: 'A nurse gives a flu shot.' }])], channelIds: [channelId] }, status: 201 },
      ],
      rejected: [
        { value: { parts: [part('Flu shots.'), part('  ')], channelIds: [channelId] }, field: 'parts.1.text' },
        { value: { parts: [part('Flu shots.', [{ mediaId, altText: ' ' }])], channelIds: [channelId] }, field: 'parts.0.images.0.altText' },
        { value: { parts: [part('Flu shots.', Array.from({ length: 5 }, () => ({ mediaId, altText: 'A nurse.' })))], channelIds: [channelId] }, field: 'parts.0.images' },
        { value: { parts: [part('Flu shots.')], channelIds: [] }, field: 'channelIds' },
      ],
    },
    'schedule at a local time': {
      schema: web.LocalTimeForm,
      send: (v: unknown) => owner('POST', `/api/posts/${randomUUID()}/schedule`, v),
      accepted: [{ value: { localTime: '2031-03-04T10:00' }, status: 404 }],
      rejected: [{ value: { localTime: 'next Tuesday' }, field: 'localTime' }],
    },
    'add a team member': {
      schema: web.MemberForm,
      send: ({ password, ...rest }: { password: string }) => owner('POST', '/api/members', { ...rest, ...(password ? { password } : {}) }),
      accepted: [
        { value: { email: ' new.nurse@riverside.example ', displayName: 'New Nurse', role: 'editor', password: 'a long enough password' }, status: 201 },
        // Someone who has an account already (the viewer was removed in before()) needs no password.
        { value: { email: 'viewer@riverside.example', displayName: 'viewer person', role: 'viewer', password: '' }, status: 201 },
      ],
      rejected: [
        { value: { email: 'nurse', displayName: 'Nurse', role: 'editor', password: '' }, field: 'email' },
        { value: { email: 'a@riverside.example', displayName: ' ', role: 'editor', password: '' }, field: 'displayName' },
        { value: { email: 'a@riverside.example', displayName: 'A', role: 'boss', password: '' }, field: 'role' },
        { value: { email: 'a@riverside.example', displayName: 'A', role: 'editor', password: 'short' }, field: 'password' },
      ],
    },
    'response times': {
      schema: web.ResponseTimesForm,
      // As the page builds settings.sla, from the raw fields so that refused values reach the server too.
      send: (form: { timeZone: string; firstResponseMinutes: string; urgentFirstResponseMinutes: string; possiblyUrgentFirstResponseMinutes: string; days: Record<string, { open: boolean; start: string; end: string }> }) => {
        const days = Object.fromEntries(web.WEEKDAYS.map((d) => [d, form.days[d]!.open ? [{ start: form.days[d]!.start, end: form.days[d]!.end }] : []]));
        const sla = { firstResponseMinutes: Number(form.firstResponseMinutes), urgentFirstResponseMinutes: Number(form.urgentFirstResponseMinutes), possiblyUrgentFirstResponseMinutes: Number(form.possiblyUrgentFirstResponseMinutes), businessHours: { zone: form.timeZone, days, holidays: [] } };
        return owner('PATCH', '/api/workspace', { timeZone: form.timeZone, settings: { sla } });
      },
      formField: slaFormField,
      accepted: [
        { value: slaForm(), status: 200 },
        { value: slaForm({}, { end: '24:00' }), status: 200 },
      ],
      rejected: [
        { value: slaForm({ firstResponseMinutes: '0' }), field: 'firstResponseMinutes' },
        { value: slaForm({ urgentFirstResponseMinutes: '7.5' }), field: 'urgentFirstResponseMinutes' },
        { value: slaForm({ possiblyUrgentFirstResponseMinutes: '0' }), field: 'possiblyUrgentFirstResponseMinutes' },
        // Both were accepted by the browser and refused by the server's business-hours rules.
        { value: slaForm({}, { start: '17:00', end: '09:00' }), field: 'days.MO.end' },
        { value: slaForm({}, { start: '24:00', end: '24:00' }), field: 'days.MO.start' },
      ],
    },
    'content pillars and value target': {
      schema: web.ContentForm,
      send: (form: { pillars: unknown[]; promotionalPercent: string; days: string }) =>
        owner('PATCH', '/api/workspace', { settings: { pillars: form.pillars, valueTarget: { promotionalShare: Number(form.promotionalPercent) / 100, days: Number(form.days) } } }),
      formField: contentFormField,
      accepted: [{ value: { pillars: [pillar(1), pillar(2)], promotionalPercent: '20', days: '30' }, status: 200 }],
      rejected: [
        { value: { pillars: [1, 2, 3, 4, 5, 6].map((i) => pillar(i)), promotionalPercent: '20', days: '30' }, field: 'pillars' },
        { value: { pillars: [pillar(1, { name: ' ' })], promotionalPercent: '20', days: '30' }, field: 'pillars.0.name' },
        { value: { pillars: [pillar(1, { keywords: ['x'.repeat(61)] })], promotionalPercent: '20', days: '30' }, field: 'pillars.0.keywords.0', shownAt: 'pillars.0.keywords' },
        { value: { pillars: [], promotionalPercent: '120', days: '30' }, field: 'promotionalPercent', sameMessage: false },
        { value: { pillars: [], promotionalPercent: '20', days: '400' }, field: 'days' },
      ],
    },
  };
}

describe('web forms and server routes validate with the same schemas', () => {
  before(async () => {
    s = await testServer('sqlite'); // validation does not depend on the engine
    channelId = await addChannel('riverside.test');
    revokedChannelId = await addChannel('revoked.test');
    await setChannelStatus(s.ctx.storage.db, s.workspaceId, revokedChannelId, 'auth_revoked', 'the network refused the credentials');
    mediaId = (await uploadMedia(s.ctx, s.ownerActor, TINY_PNG)).id;
    await removeMember(s.ctx, s.ownerActor, s.as.viewer.userId);
  });
  after(async () => {
    await s.cleanup();
  });

  test('the forms share the domain calendar’s weekdays', () => {
    assert.deepEqual([...web.WEEKDAYS], [...CALENDAR_WEEKDAYS]);
  });

  for (const name of Object.keys(cases())) {
    test(`${name}: what the browser accepts the route accepts; what it refuses the route refuses, naming the same field`, async () => {
      // Built here: the fixtures' ids exist only once before() ran.
      const { schema, send, formField = (f: string) => f, accepted, rejected } = cases()[name]!;
      for (const { value, status } of accepted) {
        const client = web.validate(schema, value);
        assert.ok(client.ok, `${name}: the browser accepts ${JSON.stringify(value).slice(0, 200)} (got ${JSON.stringify(client.ok ? null : client.errors)})`);
        const res = await send(value as never);
        const issue = await validationIssue(res.clone());
        assert.equal(issue, undefined, `${name}: the route accepts ${JSON.stringify(value).slice(0, 200)}`);
        assert.equal(res.status, status, `${name}: ${JSON.stringify(value).slice(0, 200)} → ${await res.text()}`);
      }
      for (const { value, field, sameMessage = true, shownAt = field } of rejected) {
        const client = web.validate(schema, value);
        assert.ok(!client.ok, `${name}: the browser refuses ${JSON.stringify(value).slice(0, 200)}`);
        const message = client.errors[field];
        assert.ok(message, `${name}: the browser names ${field} (named ${Object.keys(client.errors).join(', ')})`);
        const res = await send(value as never);
        const issue = await validationIssue(res.clone());
        assert.ok(issue, `${name}: the route refuses ${JSON.stringify(value).slice(0, 200)} with a validation error (got ${res.status} ${await res.text()})`);
        assert.equal(formField(dotted(issue.field)), shownAt, `${name}: the route names ${issue.field}`);
        if (sameMessage) assert.equal(issue.message, message);
      }
    });
  }

  test('first run: the setup form the browser accepts creates the workspace; a refused one names its field', async () => {
    const { ctx, cleanup } = await testContext('sqlite');
    try {
      const { app } = createServerApp(ctx);
      const token = (await issueSetupToken(ctx))!;
      const setup = (form: Record<string, string>) => app.request('/api/setup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...form, token }) });
      const form = { workspaceName: 'Lakeside Clinic', timeZone: 'Europe/Berlin', displayName: 'Lena', email: 'lena@lakeside.example', password: 'a long enough password' };
      for (const [bad, field] of [
        [{ workspaceName: ' ' }, 'workspaceName'],
        [{ email: 'lena' }, 'email'],
        [{ password: 'short' }, 'password'],
        [{ timeZone: '' }, 'timeZone'],
      ] as const) {
        const checked = web.validate(web.SetupForm, { ...form, ...bad });
        assert.ok(!checked.ok && checked.errors[field], `the browser names ${field}`);
        const issue = await validationIssue(await setup({ ...form, ...bad }));
        assert.deepEqual(issue, { field, message: checked.errors[field] });
      }
      assert.ok(web.validate(web.SetupForm, form).ok);
      assert.equal((await setup(form)).status, 201, 'the refused attempts did not use up the setup link');
    } finally {
      await cleanup();
    }
  });
});
