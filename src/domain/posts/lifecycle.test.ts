import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decide, rollUp, type PostState } from './lifecycle.ts';

const withApproval = { approvalRequired: true };
const post = (state: PostState, authorId = 'editor-1') => ({ state, authorId });

test('with approval required a submitted draft goes to review, and only another person can approve it', () => {
  assert.deepEqual(decide('submit', post('draft'), 'editor-1', withApproval), { ok: true, next: 'in_review' });
  const self = decide('approve', post('in_review'), 'editor-1', withApproval);
  assert.equal(self.ok, false);
  assert.equal(!self.ok && self.code, 'SELF_APPROVAL');
  assert.deepEqual(decide('approve', post('in_review'), 'reviewer-1', withApproval), { ok: true, next: 'approved' });
});

test('editing an approved or scheduled post sends it back to review', () => {
  assert.deepEqual(decide('edit', post('approved'), 'editor-1', withApproval), { ok: true, next: 'in_review' });
  assert.deepEqual(decide('edit', post('scheduled'), 'editor-1', withApproval), { ok: true, next: 'in_review' });
  assert.deepEqual(decide('edit', post('scheduled'), 'editor-1', { approvalRequired: false }), { ok: true, next: 'scheduled' });
});

test('a post cannot be scheduled before approval when approval is required, but can when it is not', () => {
  assert.equal(decide('schedule', post('draft'), 'editor-1', withApproval).ok, false);
  assert.equal(decide('schedule', post('in_review'), 'editor-1', withApproval).ok, false);
  assert.deepEqual(decide('schedule', post('approved'), 'editor-1', withApproval), { ok: true, next: 'scheduled' });
  assert.deepEqual(decide('schedule', post('draft'), 'editor-1', { approvalRequired: false }), { ok: true, next: 'scheduled' });
});

test('published and publishing posts are frozen', () => {
  for (const state of ['publishing', 'published'] as const) {
    assert.equal(decide('edit', post(state), 'editor-1', withApproval).ok, false);
    assert.equal(decide('cancel', post(state), 'editor-1', withApproval).ok, false);
  }
});

test("a post's state rolls up from its channels: one failure among successes is partial, not failed", () => {
  assert.equal(rollUp(['published', 'published']), 'published');
  assert.equal(rollUp(['published', 'failed']), 'partially_published');
  assert.equal(rollUp(['failed']), 'failed');
  assert.equal(rollUp(['published', 'publishing']), 'publishing');
  assert.equal(rollUp(['unconfirmed']), 'publishing');
});
