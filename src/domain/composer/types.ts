import type { NetworkCapabilities, NetworkLimits } from '../../connectors/types.ts';

/** An image attached to a draft, as the composer knows it before upload. */
export interface DraftImage {
  altText?: string | null;
  mimeType?: string;
  bytes?: number;
}

/** One post's worth of content: the draft itself or a follow-up part of its thread. */
export interface DraftPart {
  text: string;
  images?: DraftImage[];
}

export interface PostDraft extends DraftPart {
  /** Follow-up parts published as a thread after the first post. */
  thread?: DraftPart[];
}

/**
 * What the composer needs to know about a target network. A connector's `ConnectorDescription`
 * satisfies it; `network` is a plain string so networks without a connector yet can be checked.
 */
export interface ComposerTarget {
  network: string;
  /** How messages name the network ("Bluesky"); the network id when absent. */
  displayName?: string;
  capabilities: Pick<NetworkCapabilities, 'threads' | 'publishImages'>;
  limits: NetworkLimits;
}

/** Where a part sits in the draft, for findings' `field` and for messages. */
export interface PartPlace {
  /** "" for the first post, "thread[0]." for the first follow-up part. */
  fieldPrefix: string;
  /** How a message names the part: "the post", "thread part 2". */
  label: string;
}

export type ComposerRule =
  | 'empty'
  | 'length'
  | 'thread_unsupported'
  | 'images_unsupported'
  | 'image_count'
  | 'image_too_large'
  | 'alt_text_missing'
  | 'alt_text_too_long'
  | 'alt_text_filename'
  | 'hashtag_camel_case'
  | 'link_preview'
  | 'value_mix';

export type FindingSeverity = 'block' | 'warn' | 'info';

/** A range of a text in UTF-16 offsets (what JavaScript strings and the browser use); end is exclusive. */
export interface TextSpan {
  start: number;
  end: number;
}

export interface ComposerFinding {
  rule: ComposerRule;
  severity: FindingSeverity;
  message: string;
  /** Where in the field's text the finding applies. */
  span?: TextSpan;
  /** Set when the finding holds for one network only. */
  network?: string;
  /** The part of the draft at fault: "text", "images[1].altText", "thread[0].text"… */
  field?: string;
  /** A replacement for the text under `span` (e.g. "#HeartHealth"). */
  suggestion?: string;
}

export interface PartLength {
  length: number;
  remaining: number;
}

export interface NetworkLength extends PartLength {
  limit: number;
  /** The follow-up parts, in draft order, when the draft is a thread the network can publish. */
  thread?: PartLength[];
}

export interface ComposerCheckResult {
  findings: ComposerFinding[];
  /** The first post's length per network, counted the network's way. */
  perNetwork: Record<string, NetworkLength>;
  /** The URL that gets a preview card (fetching the card is a job's work). */
  linkPreviewUrl?: string;
  /** True when any finding blocks publishing. */
  blocked: boolean;
}
