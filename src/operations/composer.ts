import type { AppContext, Actor } from './context.ts';
import { requirePermission } from './context.ts';
import { OperationError } from './errors.ts';
import { findChannel } from '../storage/channels.ts';
import type { DbOrTrx } from '../storage/engine.ts';
import type { PostPart } from '../storage/posts.ts';
import { mediaInfo, type MediaInfo } from '../storage/media.ts';
import { connectorFor } from '../connectors/index.ts';
import { checkDraft, type ComposerCheckResult, type ComposerTarget, type PostDraft } from '../domain/composer/index.ts';
import { DEFAULT_PROMOTIONAL_TARGET, DEFAULT_VALUE_WINDOW_DAYS, wouldExceedPromotionalTarget } from '../domain/scorecard/index.ts';
import { findWorkspace } from '../storage/workspaces.ts';
import { publishedPostsSince } from '../storage/scorecard-data.ts';

const DAY_MS = 86_400_000;

function toDraft(parts: PostPart[], media: Map<string, MediaInfo> = new Map()): PostDraft {
  const [first, ...rest] = parts;
  const asPart = (p: PostPart) => ({
    text: p.text,
    images: (p.images ?? []).map((i) => {
      const info = i.mediaId ? media.get(i.mediaId) : undefined;
      return { altText: i.altText, ...(info ? { bytes: info.size, mimeType: info.mimeType } : {}) };
    }),
  });
  return { ...asPart(first ?? { text: '' }), ...(rest.length ? { thread: rest.map(asPart) } : {}) };
}

async function targetsOf(db: DbOrTrx, workspaceId: string, channelIds: string[]): Promise<ComposerTarget[]> {
  const targets: ComposerTarget[] = [];
  for (const [i, id] of channelIds.entries()) {
    const channel = await findChannel(db, workspaceId, id);
    if (!channel) throw new OperationError('INVALID_REQUEST', `no channel ${id} in this workspace`, { field: `channelIds[${i}]` });
    const connector = connectorFor(channel.network);
    if (connector) targets.push(connector.describe);
  }
  return targets;
}

/** The composer's findings for a draft on the chosen channels (lengths, alt text, hashtags…). */
export async function checkComposerDraft(ctx: AppContext, actor: Actor, input: { parts: PostPart[]; channelIds: string[] }): Promise<ComposerCheckResult> {
  requirePermission(actor, 'workspace.read');
  const media = new Map((await mediaInfo(ctx.storage.db, actor.workspaceId, input.parts.flatMap((p) => (p.images ?? []).flatMap((i) => (i.mediaId ? [i.mediaId] : []))))).map((m) => [m.id, m]));
  const result = checkDraft(toDraft(input.parts, media), await targetsOf(ctx.storage.db, actor.workspaceId, input.channelIds));
  const valueMix = await valueMixFinding(ctx, actor.workspaceId, input.parts[0]?.text ?? '', new Date());
  return valueMix ? { ...result, findings: [...result.findings, valueMix] } : result;
}

/**
 * Rule "Value": a warning when publishing this draft now would push the promotional share of the
 * workspace's recent posts over its target (default 20% over 30 days). A warning, never a block:
 * the team may have a good reason, and the scorecard will show the mix either way.
 */
async function valueMixFinding(ctx: AppContext, workspaceId: string, text: string, now: Date) {
  if (!text.trim()) return null;
  const ws = await findWorkspace(ctx.storage.db, workspaceId);
  const target = (ws?.settings as { valueTarget?: { promotionalShare?: number; days?: number } } | undefined)?.valueTarget;
  const days = target?.days ?? DEFAULT_VALUE_WINDOW_DAYS;
  const recent = await publishedPostsSince(ctx.storage.db, ctx.storage.engine, workspaceId, new Date(now.getTime() - days * DAY_MS).toISOString());
  return wouldExceedPromotionalTarget(text, recent, now.toISOString(), target?.promotionalShare ?? DEFAULT_PROMOTIONAL_TARGET, days);
}

/** Refuses, naming the post and the field, a post that a blocking finding keeps from going out. */
export async function assertPublishable(db: DbOrTrx, workspaceId: string, post: { id: string; parts: PostPart[]; targets: Array<{ channelId: string }> }): Promise<void> {
  const media = new Map((await mediaInfo(db, workspaceId, post.parts.flatMap((p) => (p.images ?? []).flatMap((i) => (i.mediaId ? [i.mediaId] : []))))).map((m) => [m.id, m]));
  const result = checkDraft(toDraft(post.parts, media), await targetsOf(db, workspaceId, post.targets.map((t) => t.channelId)));
  const block = result.findings.find((f) => f.severity === 'block');
  if (block) {
    const field = block.field ? `parts${block.field.startsWith('thread[') ? block.field.replace(/^thread\[(\d+)\]/, (_m, n: string) => `[${Number(n) + 1}]`) : `[0].${block.field}`}` : 'parts';
    throw new OperationError('INVALID_REQUEST', `post ${post.id}: ${block.message}`, { field });
  }
}
