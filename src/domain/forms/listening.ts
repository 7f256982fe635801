/** Listening: saved queries and the sources mentions come from (POST /api/listening/…, /api/sources/…). */
import { z } from 'zod';

export const ListeningQueryRequest = z.object({
  name: z.string().trim().min(1, 'Name the query').max(120, 'Keep the name under 120 characters'),
  // Kept as written: the column of a syntax error must point into what was typed.
  query: z
    .string()
    .min(1, 'Write the query')
    .max(2000, 'Keep the query under 2,000 characters')
    .refine((q) => q.trim().length > 0, 'Write the query'),
});

/** Checked as it is typed: an empty query is simply not an error yet. */
export const ValidateQueryRequest = z.object({ query: z.string().max(5000) });

const HASHTAG = /^#?[\p{L}\p{M}\p{N}_]{1,100}$/u;

/** One Mastodon hashtag, with or without its #. */
export const HashtagRequest = z.object({
  tag: z
    .string()
    .trim()
    .min(1, 'Enter a hashtag, e.g. #FluShot')
    .max(120, 'Keep the hashtag under 120 characters')
    // A refinement, not .regex(): the OpenAPI document would copy the pattern with its /u flag, which JSON Schema cannot read.
    .refine((tag) => HASHTAG.test(tag), 'Letters, digits and _ only (at most 100), e.g. #FluShot'),
});

function isWebAddress(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** An RSS, Atom or JSON Feed address on the web. */
export const FeedRequest = z.object({
  url: z
    .string()
    .trim()
    .min(8, 'Enter the feed address, e.g. https://example.org/feed.xml')
    .max(2000, 'Keep the address under 2,000 characters')
    .refine(isWebAddress, 'Enter the feed address starting with https:// (or http://)'),
});

export const ListeningQueryForm = ListeningQueryRequest;
export const HashtagForm = HashtagRequest;
export const FeedForm = FeedRequest;
