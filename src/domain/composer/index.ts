/**
 * Composer checks: what stops a draft from going out (too long, an image without alt text…) and
 * what would make it better (CamelCase hashtags), as findings the UI and the API show.
 */
export { checkDraft } from './check-draft.ts';
export { countLength, measureText } from './text-length.ts';
export type { TextMeasure } from './text-length.ts';
export { suggestCamelCaseHashtag } from './hashtag-case.ts';
export { looksLikeFileName } from './image-checks.ts';
export type {
  ComposerCheckResult,
  ComposerFinding,
  ComposerRule,
  ComposerTarget,
  DraftImage,
  DraftPart,
  FindingSeverity,
  NetworkLength,
  PartLength,
  PostDraft,
  TextSpan,
} from './types.ts';
