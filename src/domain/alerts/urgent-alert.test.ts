import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alertPayload, shouldAlert, webhookUrlProblem, type AlertFacts } from './urgent-alert.ts';

const facts = (over: Partial<AlertFacts> = {}): AlertFacts => ({
  workspaceName: 'Riverside Regional',
  itemId: '0193a7b2-item',
  rank: 'urgent',
  intent: 'self_harm',
  network: 'bluesky',
  receivedAt: '2026-11-21T08:13:00.000Z', // Saturday 02:13 in Chicago
  dueAt: '2026-11-21T08:28:00.000Z',
  timeZone: 'America/Chicago',
  onCall: 'Dana Ruiz (on-call nurse manager)',
  link: 'https://bedside.example/inbox/0193a7b2-item',
  ...over,
});

test('an urgent alert says what, where, when in the workspace zone, who is on call and where to open it', () => {
  const p = alertPayload(facts());
  assert.equal(
    p.text,
    [
      'URGENT — possible self-harm (Riverside Regional)',
      'A message on Bluesky arrived Sat 02:13; first response due by Sat 02:28 (America/Chicago).',
      'Follow the playbook and escalate to Dana Ruiz (on-call nurse manager). Do not discuss the message here: open it in Bedside.',
      'https://bedside.example/inbox/0193a7b2-item',
    ].join('\n'),
  );
  assert.deepEqual(p.bedside, { event: 'inbox.urgent', itemId: '0193a7b2-item', rank: 'urgent', intent: 'self_harm', network: 'bluesky', receivedAt: '2026-11-21T08:13:00.000Z', dueAt: '2026-11-21T08:28:00.000Z', onCall: 'Dana Ruiz (on-call nurse manager)', url: 'https://bedside.example/inbox/0193a7b2-item' });
  // The payload's fields are exactly these: there is no field a message, an author or a name could travel in.
  assert.deepEqual(Object.keys(p).sort(), ['bedside', 'text']);
});

test('a possibly urgent alert asks for a decision; without a public address it names the item; a test says so', () => {
  const lane = alertPayload(facts({ rank: 'possibly_urgent', intent: null, link: null, onCall: null }));
  assert.match(lane.text, /^Possibly urgent — a person should read it now \(Riverside Regional\)\n/);
  assert.match(lane.text, /mark it urgent or not urgent\.\nInbox item 0193a7b2-item$/);
  assert.equal(lane.bedside.event, 'inbox.possibly_urgent');
  const trial = alertPayload(facts({ intent: 'emergency', test: true }));
  assert.match(trial.text, /^\[TEST\] URGENT — possible emergency/);
  assert.equal(trial.bedside.event, 'alerts.test');
});

test('an overdue alert says nobody has answered, to whom it is assigned, and escalates to the on-call person', () => {
  const late = alertPayload(facts({ overdue: { assignee: 'Sam Lee' } }));
  assert.equal(
    late.text,
    [
      'OVERDUE — URGENT — possible self-harm (Riverside Regional)',
      'Still unanswered: a message on Bluesky arrived Sat 02:13; the first response was due by Sat 02:28 (America/Chicago). Assigned to Sam Lee.',
      'Escalate to Dana Ruiz (on-call nurse manager) now. Do not discuss the message here: open it in Bedside.',
      'https://bedside.example/inbox/0193a7b2-item',
    ].join('\n'),
  );
  assert.equal(late.bedside.event, 'inbox.overdue');
  const nobody = alertPayload(facts({ overdue: { assignee: null }, onCall: null, rank: 'possibly_urgent', intent: null }));
  assert.match(nobody.text, /due by Sat 02:28 \(America\/Chicago\), and nobody is assigned\.\nOpen it in Bedside and mark it urgent or not urgent\./);
  assert.equal(alertPayload(facts()).bedside.event, 'inbox.urgent', 'the first alert is not marked overdue');
});

test('the scope decides which ranks raise an alert', () => {
  assert.deepEqual([shouldAlert('urgent', 'urgent'), shouldAlert('urgent', 'possibly_urgent'), shouldAlert('urgent_and_possible', 'possibly_urgent')], [true, false, true]);
});

test('a webhook address must be http(s) without credentials in it', () => {
  assert.equal(webhookUrlProblem('https://hooks.slack.com/services/T000/B000/XXXX'), null);
  assert.equal(webhookUrlProblem('http://mattermost.internal:8065/hooks/abc'), null);
  assert.match(webhookUrlProblem('hooks.slack.com/services/T000')!, /full webhook address/);
  assert.match(webhookUrlProblem('ftp://example.org/hook')!, /must start with https/);
  assert.match(webhookUrlProblem('https://user:pw@example.org/hook')!, /no user name or password/);
});
