import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../storage/schema.ts';
import type { AppContext, Actor } from './context.ts';
import { auditActor, requirePermission } from './context.ts';
import { OperationError } from './errors.ts';
import { appendAudit } from '../storage/audit-log.ts';
import { findWorkspace } from '../storage/workspaces.ts';
import { findChannel } from '../storage/channels.ts';
import {
  findPost,
  findPostIdByIdempotencyKey,
  insertComment,
  insertPost,
  listComments,
  listPosts,
  updatePostRow,
  updateTarget,
  type Post,
  type PostListQuery,
  type PostPart,
} from '../storage/posts.ts';
import { decide, type PostAction, type PostState } from '../domain/posts/lifecycle.ts';
import { PUBLISH_KIND, publishJobKey, type PublishPayload } from '../jobs/handlers/publish-kind.ts';
import { assertPublishable } from './composer.ts';
import { checkPartMedia } from './media.ts';

export interface PostInput {
  parts: PostPart[];
  channelIds: string[];
}

async function loadForChange(trx: Transaction<Database>, actor: Actor, id: string): Promise<Post> {
  const post = await findPost(trx, actor.workspaceId, id);
  if (!post) throw new OperationError('NOT_FOUND', `no post ${id}`, { field: 'id' });
  return post;
}

async function rules(trx: Transaction<Database>, workspaceId: string): Promise<{ approvalRequired: boolean }> {
  const ws = await findWorkspace(trx, workspaceId);
  return { approvalRequired: ws?.settings.approvalRequired ?? true };
}

function transition(action: PostAction, post: Post, actor: Actor, approvalRequired: boolean): PostState {
  const decision = decide(action, { state: post.state, authorId: post.authorId ?? '' }, actor.userId, { approvalRequired });
  if (!decision.ok) throw new OperationError(decision.code === 'SELF_APPROVAL' ? 'FORBIDDEN' : 'CONFLICT', `post ${post.id}: ${decision.message}`, { field: 'state' });
  return decision.next;
}

function validateParts(parts: PostPart[]): void {
  if (parts.length === 0) throw new OperationError('INVALID_REQUEST', 'a post needs at least one part', { field: 'parts' });
  parts.forEach((part, i) => {
    if (!part.text.trim() && !(part.images?.length)) throw new OperationError('INVALID_REQUEST', `part ${i + 1} is empty`, { field: `parts[${i}].text` });
    part.images?.forEach((image, j) => {
      if (!image.altText?.trim()) {
        throw new OperationError('INVALID_REQUEST', `image ${j + 1} of part ${i + 1} has no alt text: describe it for people using screen readers`, { field: `parts[${i}].images[${j}].altText` });
      }
    });
  });
}

async function audit(trx: Transaction<Database>, ctx: AppContext, actor: Actor, action: string, post: Post, details: Record<string, string | number | boolean | null> = {}): Promise<void> {
  await appendAudit(trx, ctx.storage.engine, { workspaceId: actor.workspaceId, ...auditActor(actor), action, entityType: 'post', entityId: post.id, details: { revision: post.revision, ...details } });
}

/** Cancels the publish jobs of a post's channels (after the change that made them stale commits). */
async function cancelJobs(ctx: AppContext, post: Post): Promise<void> {
  for (const t of post.targets) if (t.jobId) await ctx.queue.cancel(PUBLISH_KIND, t.jobId).catch(() => false);
}

export async function createPost(ctx: AppContext, actor: Actor, input: PostInput & { idempotencyKey?: string | undefined }): Promise<{ post: Post; duplicate: boolean }> {
  requirePermission(actor, 'posts.draft');
  validateParts(input.parts);
  if (input.channelIds.length === 0) throw new OperationError('INVALID_REQUEST', 'choose at least one channel', { field: 'channelIds' });
  return ctx.storage.db.transaction().execute(async (trx) => {
    if (input.idempotencyKey) {
      const existing = await findPostIdByIdempotencyKey(trx, actor.workspaceId, input.idempotencyKey);
      if (existing) return { post: (await findPost(trx, actor.workspaceId, existing))!, duplicate: true };
    }
    for (const [i, channelId] of input.channelIds.entries()) {
      if (!(await findChannel(trx, actor.workspaceId, channelId))) throw new OperationError('INVALID_REQUEST', `no channel ${channelId} in this workspace`, { field: `channelIds[${i}]` });
    }
    await checkPartMedia(trx, actor.workspaceId, input.parts);
    const id = randomUUID();
    const channelIds = [...new Set(input.channelIds)];
    await insertPost(trx, { id, workspaceId: actor.workspaceId, authorId: actor.userId, parts: input.parts, idempotencyKey: input.idempotencyKey, channelIds, targetIds: channelIds.map(() => randomUUID()) });
    const post = (await findPost(trx, actor.workspaceId, id))!;
    await audit(trx, ctx, actor, 'post.created', post, { channels: channelIds.length });
    return { post, duplicate: false };
  });
}

export async function editPost(ctx: AppContext, actor: Actor, id: string, input: { parts?: PostPart[] | undefined }): Promise<Post> {
  requirePermission(actor, 'posts.draft');
  if (input.parts) validateParts(input.parts);
  let stale: Post | undefined;
  const post = await ctx.storage.db.transaction().execute(async (trx) => {
    const post = await loadForChange(trx, actor, id);
    if (input.parts) await checkPartMedia(trx, actor.workspaceId, input.parts);
    const { approvalRequired } = await rules(trx, actor.workspaceId);
    const next = transition('edit', post, actor, approvalRequired);
    const leavesSchedule = post.state === 'scheduled' && next !== 'scheduled';
    await updatePostRow(trx, id, { parts: input.parts, state: next, bumpRevision: true, ...(next === 'in_review' ? { approvedBy: null, approvedAt: null } : {}) }, post.revision);
    if (leavesSchedule) {
      stale = post;
      for (const t of post.targets) await updateTarget(trx, t.id, { state: 'pending', jobId: null });
    } else if (post.state === 'scheduled') {
      // Still scheduled (no approval needed): re-queue under the new revision.
      stale = post;
      await enqueueTargets(ctx, trx, { ...post, revision: post.revision + 1 });
    }
    const after = (await findPost(trx, actor.workspaceId, id))!;
    await audit(trx, ctx, actor, 'post.edited', after, { from: post.state, to: next });
    return after;
  });
  if (stale) await cancelJobs(ctx, stale);
  return post;
}

async function simpleTransition(ctx: AppContext, actor: Actor, id: string, action: 'submit' | 'approve' | 'request_changes', comment?: string): Promise<Post> {
  requirePermission(actor, action === 'submit' ? 'posts.draft' : 'posts.approve');
  return ctx.storage.db.transaction().execute(async (trx) => {
    const post = await loadForChange(trx, actor, id);
    const { approvalRequired } = await rules(trx, actor.workspaceId);
    const next = transition(action, post, actor, approvalRequired);
    if (action !== 'request_changes') await assertPublishable(trx, actor.workspaceId, post);
    const approved = next === 'approved' ? { approvedBy: actor.userId, approvedAt: new Date().toISOString() } : {};
    await updatePostRow(trx, id, { state: next, ...approved }, post.revision);
    if (comment?.trim()) await insertComment(trx, { id: randomUUID(), workspaceId: actor.workspaceId, postId: id, authorId: actor.userId, body: comment.trim() });
    const after = (await findPost(trx, actor.workspaceId, id))!;
    await audit(trx, ctx, actor, `post.${action === 'request_changes' ? 'changes_requested' : action === 'submit' ? 'submitted' : 'approved'}`, after, { from: post.state, to: next });
    return after;
  });
}

export const submitPost = (ctx: AppContext, actor: Actor, id: string) => simpleTransition(ctx, actor, id, 'submit');
export const approvePost = (ctx: AppContext, actor: Actor, id: string, comment?: string) => simpleTransition(ctx, actor, id, 'approve', comment);
export const requestChanges = (ctx: AppContext, actor: Actor, id: string, comment: string) => simpleTransition(ctx, actor, id, 'request_changes', comment);

async function enqueueTargets(ctx: AppContext, trx: Transaction<Database>, post: Post): Promise<void> {
  for (const target of post.targets) {
    if (target.state === 'published') continue;
    const payload: PublishPayload = { workspaceId: post.workspaceId, postId: post.id, targetId: target.id, revision: post.revision };
    const job = await ctx.queue.enqueue(
      { kind: PUBLISH_KIND, payload, runAt: new Date(post.scheduledAt!), idempotencyKey: publishJobKey(target.id, post.revision, post.scheduledAt!), workspaceId: post.workspaceId },
      { trx },
    );
    await updateTarget(trx, target.id, { state: 'scheduled', jobId: job.id, errorCode: null, errorMessage: null });
  }
}

/** Schedules a post at a UTC instant: its publish jobs are enqueued in the same transaction. */
export async function schedulePost(ctx: AppContext, actor: Actor, id: string, scheduledAt: Date, now = new Date()): Promise<Post> {
  requirePermission(actor, 'posts.draft');
  if (Number.isNaN(scheduledAt.getTime())) throw new OperationError('INVALID_REQUEST', `post ${id}: scheduledAt is not a valid time`, { field: 'scheduledAt' });
  if (scheduledAt.getTime() < now.getTime() - 60_000) {
    throw new OperationError('INVALID_REQUEST', `post ${id}: scheduledAt ${scheduledAt.toISOString()} is in the past`, { field: 'scheduledAt' });
  }
  let stale: Post | undefined;
  const post = await ctx.storage.db.transaction().execute(async (trx) => {
    const post = await loadForChange(trx, actor, id);
    const { approvalRequired } = await rules(trx, actor.workspaceId);
    transition('schedule', post, actor, approvalRequired);
    await assertPublishable(trx, actor.workspaceId, post);
    if (post.state === 'scheduled') stale = post;
    await updatePostRow(trx, id, { state: 'scheduled', scheduledAt: scheduledAt.toISOString() }, post.revision);
    const scheduled = (await findPost(trx, actor.workspaceId, id))!;
    await enqueueTargets(ctx, trx, scheduled);
    const after = (await findPost(trx, actor.workspaceId, id))!;
    await audit(trx, ctx, actor, 'post.scheduled', after, { at: after.scheduledAt });
    return after;
  });
  if (stale) await cancelJobs(ctx, { ...stale, targets: stale.targets.filter((t) => !post.targets.some((n) => n.jobId === t.jobId)) });
  return post;
}

export async function unschedulePost(ctx: AppContext, actor: Actor, id: string): Promise<Post> {
  requirePermission(actor, 'posts.draft');
  let stale: Post | undefined;
  const post = await ctx.storage.db.transaction().execute(async (trx) => {
    const post = await loadForChange(trx, actor, id);
    const { approvalRequired } = await rules(trx, actor.workspaceId);
    const next = transition('unschedule', post, actor, approvalRequired);
    stale = post;
    await updatePostRow(trx, id, { state: next, scheduledAt: null, bumpRevision: true }, post.revision);
    for (const t of post.targets) await updateTarget(trx, t.id, { state: 'pending', jobId: null });
    const after = (await findPost(trx, actor.workspaceId, id))!;
    await audit(trx, ctx, actor, 'post.unscheduled', after);
    return after;
  });
  if (stale) await cancelJobs(ctx, stale);
  return post;
}

export async function cancelPost(ctx: AppContext, actor: Actor, id: string): Promise<Post> {
  requirePermission(actor, 'posts.draft');
  let stale: Post | undefined;
  const post = await ctx.storage.db.transaction().execute(async (trx) => {
    const post = await loadForChange(trx, actor, id);
    const { approvalRequired } = await rules(trx, actor.workspaceId);
    transition('cancel', post, actor, approvalRequired);
    stale = post;
    await updatePostRow(trx, id, { state: 'cancelled', bumpRevision: true }, post.revision);
    for (const t of post.targets) if (t.state !== 'published') await updateTarget(trx, t.id, { state: 'cancelled', jobId: null });
    const after = (await findPost(trx, actor.workspaceId, id))!;
    await audit(trx, ctx, actor, 'post.cancelled', after);
    return after;
  });
  if (stale) await cancelJobs(ctx, stale);
  return post;
}

/** Tries one failed channel of a post again (the others keep their state). */
export async function retryTarget(ctx: AppContext, actor: Actor, postId: string, targetId: string): Promise<Post> {
  requirePermission(actor, 'posts.draft');
  return ctx.storage.db.transaction().execute(async (trx) => {
    const post = await loadForChange(trx, actor, postId);
    const target = post.targets.find((t) => t.id === targetId);
    if (!target) throw new OperationError('NOT_FOUND', `post ${postId} has no channel target ${targetId}`, { field: 'targetId' });
    if (target.state !== 'failed') throw new OperationError('CONFLICT', `post ${postId}: only a failed channel can be retried (this one is ${target.state})`, { field: 'targetId' });
    const at = new Date().toISOString();
    await updatePostRow(trx, postId, { state: 'publishing', scheduledAt: post.scheduledAt ?? at }, post.revision);
    const payload: PublishPayload = { workspaceId: post.workspaceId, postId, targetId, revision: post.revision };
    const job = await ctx.queue.enqueue({ kind: PUBLISH_KIND, payload, idempotencyKey: `${publishJobKey(targetId, post.revision, at)}:retry`, workspaceId: post.workspaceId }, { trx });
    await updateTarget(trx, targetId, { state: 'scheduled', jobId: job.id, errorCode: null, errorMessage: null });
    const after = (await findPost(trx, actor.workspaceId, postId))!;
    await audit(trx, ctx, actor, 'post.retried', after, { target: targetId });
    return after;
  });
}

export async function commentOnPost(ctx: AppContext, actor: Actor, id: string, body: string): Promise<void> {
  requirePermission(actor, 'posts.comment');
  await ctx.storage.db.transaction().execute(async (trx) => {
    const post = await loadForChange(trx, actor, id);
    await insertComment(trx, { id: randomUUID(), workspaceId: actor.workspaceId, postId: id, authorId: actor.userId, body: body.trim() });
    await audit(trx, ctx, actor, 'post.commented', post);
  });
}

export async function getPost(ctx: AppContext, actor: Actor, id: string): Promise<Post & { comments: Awaited<ReturnType<typeof listComments>> }> {
  requirePermission(actor, 'workspace.read');
  const post = await findPost(ctx.storage.db, actor.workspaceId, id);
  if (!post) throw new OperationError('NOT_FOUND', `no post ${id}`, { field: 'id' });
  return { ...post, comments: await listComments(ctx.storage.db, id) };
}

export async function posts(ctx: AppContext, actor: Actor, query: PostListQuery): Promise<Post[]> {
  requirePermission(actor, 'workspace.read');
  return listPosts(ctx.storage.db, actor.workspaceId, query);
}
