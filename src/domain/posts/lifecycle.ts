/**
 * A post's life: draft → in_review → approved → scheduled → publishing → published | failed.
 * Changes after approval send it back to review; a reviewer never approves their own draft.
 * Each channel a post goes to has its own state (a failure on one does not fail the others).
 */
export const POST_STATES = ['draft', 'in_review', 'approved', 'scheduled', 'publishing', 'published', 'partially_published', 'failed', 'cancelled'] as const;
export type PostState = (typeof POST_STATES)[number];

export const TARGET_STATES = ['pending', 'scheduled', 'publishing', 'published', 'failed', 'unconfirmed', 'cancelled'] as const;
export type TargetState = (typeof TARGET_STATES)[number];

export type PostAction = 'edit' | 'submit' | 'approve' | 'request_changes' | 'schedule' | 'unschedule' | 'cancel';

export interface LifecycleRules {
  approvalRequired: boolean;
}

export interface PostFacts {
  state: PostState;
  authorId: string;
}

export type Decision = { ok: true; next: PostState } | { ok: false; code: 'INVALID_TRANSITION' | 'SELF_APPROVAL'; message: string };

const EDITABLE: PostState[] = ['draft', 'in_review', 'approved', 'scheduled', 'failed'];

/** What an action does to a post in a state, under the workspace's rules. */
export function decide(action: PostAction, post: PostFacts, actorId: string | null, rules: LifecycleRules): Decision {
  const refuse = (message: string): Decision => ({ ok: false, code: 'INVALID_TRANSITION', message });
  switch (action) {
    case 'edit':
      if (!EDITABLE.includes(post.state)) return refuse(`a ${post.state.replace('_', ' ')} post cannot be edited`);
      // An approved (or scheduled) post that changes needs a new approval.
      if (rules.approvalRequired && (post.state === 'approved' || post.state === 'scheduled')) return { ok: true, next: 'in_review' };
      if (post.state === 'failed') return { ok: true, next: 'draft' };
      return { ok: true, next: post.state };
    case 'submit':
      if (post.state !== 'draft') return refuse(`only a draft can be submitted for review (this post is ${post.state.replace('_', ' ')})`);
      return { ok: true, next: rules.approvalRequired ? 'in_review' : 'approved' };
    case 'approve':
      if (post.state !== 'in_review') return refuse(`only a post in review can be approved (this post is ${post.state.replace('_', ' ')})`);
      if (actorId !== null && actorId === post.authorId) return { ok: false, code: 'SELF_APPROVAL', message: 'a reviewer cannot approve their own draft: ask another reviewer' };
      return { ok: true, next: 'approved' };
    case 'request_changes':
      if (post.state !== 'in_review') return refuse('changes can be requested only on a post in review');
      return { ok: true, next: 'draft' };
    case 'schedule':
      if (post.state === 'approved' || post.state === 'scheduled') return { ok: true, next: 'scheduled' };
      if (!rules.approvalRequired && post.state === 'draft') return { ok: true, next: 'scheduled' };
      return refuse(rules.approvalRequired ? `a post must be approved before it is scheduled (this post is ${post.state.replace('_', ' ')})` : `a ${post.state} post cannot be scheduled`);
    case 'unschedule':
      if (post.state !== 'scheduled') return refuse('only a scheduled post can be unscheduled');
      return { ok: true, next: rules.approvalRequired ? 'approved' : 'draft' };
    case 'cancel':
      if (['publishing', 'published', 'partially_published', 'cancelled'].includes(post.state)) return refuse(`a ${post.state.replace('_', ' ')} post cannot be cancelled`);
      return { ok: true, next: 'cancelled' };
  }
}

/** A post's overall state from its channels' states, once publishing has begun. */
export function rollUp(targets: TargetState[]): PostState {
  if (targets.length === 0) return 'scheduled';
  const done = targets.filter((t) => t === 'published').length;
  if (done === targets.length) return 'published';
  if (targets.some((t) => t === 'publishing' || t === 'scheduled' || t === 'pending' || t === 'unconfirmed')) return 'publishing';
  return done > 0 ? 'partially_published' : 'failed';
}
