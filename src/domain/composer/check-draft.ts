/**
 * Checks a draft against every network it is going to, before it is scheduled or published.
 * Limits come from each connector's description, never from which network it is.
 */
import { hashtagFindings } from './hashtag-case.ts';
import { altTextFindings, imageLimitFindings } from './image-checks.ts';
import { linkPreview } from './link-preview.ts';
import { measureText } from './text-length.ts';
import type { ComposerCheckResult, ComposerFinding, ComposerTarget, DraftPart, NetworkLength, PartPlace, PostDraft } from './types.ts';

interface PlacedPart {
  part: DraftPart;
  place: PartPlace;
}

export function checkDraft(draft: PostDraft, targets: readonly ComposerTarget[]): ComposerCheckResult {
  const first: PlacedPart = { part: draft, place: { fieldPrefix: '', label: 'the post' } };
  const followUps: PlacedPart[] = (draft.thread ?? []).map((part, index) => ({ part, place: { fieldPrefix: `thread[${index}].`, label: `thread part ${index + 2}` } }));

  const findings: ComposerFinding[] = [];
  for (const { part, place } of [first, ...followUps]) {
    findings.push(...emptyFindings(part, place), ...altTextFindings(part.images ?? [], place), ...hashtagFindings(part.text, place));
  }

  const perNetwork: Record<string, NetworkLength> = {};
  for (const target of targets) {
    const threadFits = followUps.length === 0 || target.capabilities.threads;
    if (!threadFits) findings.push(threadUnsupported(target, followUps.length));
    const published = threadFits ? [first, ...followUps] : [first];
    const lengths = published.map(({ part, place }) => {
      const { finding, length, remaining } = lengthCheck(part.text, target, place);
      if (finding !== undefined) findings.push(finding);
      findings.push(...imageLimitFindings(part.images ?? [], target, place));
      return { length, remaining };
    });
    const [own, ...thread] = lengths;
    if (own !== undefined) perNetwork[target.network] = { ...own, limit: target.limits.textLength, ...(thread.length > 0 ? { thread } : {}) };
  }

  const preview = linkPreview(draft);
  if (preview.finding !== undefined) findings.push(preview.finding);

  return {
    findings,
    perNetwork,
    ...(preview.url !== undefined ? { linkPreviewUrl: preview.url } : {}),
    blocked: findings.some((finding) => finding.severity === 'block'),
  };
}

function emptyFindings(part: DraftPart, place: PartPlace): ComposerFinding[] {
  if (part.text.trim() !== '' || (part.images?.length ?? 0) > 0) return [];
  const what = place.fieldPrefix === '' ? 'The post is empty' : `${capitalise(place.label)} is empty`;
  return [{ rule: 'empty', severity: 'block', message: `${what}: write some text or add an image.`, field: `${place.fieldPrefix}text` }];
}

function lengthCheck(text: string, target: ComposerTarget, place: PartPlace): { finding?: ComposerFinding; length: number; remaining: number } {
  const { length, limit, remaining, overflow } = measureText(text, target.limits.counting, target.limits.textLength);
  if (overflow === undefined) return { length, remaining };
  const name = target.displayName ?? target.network;
  const finding: ComposerFinding = {
    rule: 'length',
    severity: 'block',
    message: `${capitalise(place.label)} is ${length} characters long on ${name}, over the limit of ${limit} by ${-remaining}.`,
    span: overflow,
    network: target.network,
    field: `${place.fieldPrefix}text`,
  };
  return { finding, length, remaining };
}

function threadUnsupported(target: ComposerTarget, parts: number): ComposerFinding {
  const name = target.displayName ?? target.network;
  return {
    rule: 'thread_unsupported',
    severity: 'block',
    message: `${name} cannot publish threads; the draft has ${parts} follow-up part(s). Remove them or leave ${name} out.`,
    network: target.network,
    field: 'thread',
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
