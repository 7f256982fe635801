/**
 * Which link gets a preview card: the first web URL of the first post. Networks show a card or
 * images, not both, so a post with images gets no card. Fetching the card is a job's work.
 */
import twitter from 'twitter-text';
import type { ComposerFinding, DraftPart } from './types.ts';

export interface LinkPreview {
  url?: string;
  finding?: ComposerFinding;
}

export function linkPreview(part: DraftPart): LinkPreview {
  const [first] = twitter.extractUrlsWithIndices(part.text, { extractUrlsWithoutProtocol: false });
  if (first === undefined) return {};
  const span = { start: first.indices[0], end: first.indices[1] };
  if ((part.images?.length ?? 0) > 0) {
    return { finding: { rule: 'link_preview', severity: 'info', message: `The post has images, so ${first.url} will show as a plain link without a preview card.`, span, field: 'text' } };
  }
  return { url: first.url, finding: { rule: 'link_preview', severity: 'info', message: `${first.url} will show as a preview card under the post.`, span, field: 'text' } };
}
