/** Writing, scheduling and reviewing posts (POST/PATCH /api/posts, /api/posts/{id}/…, /api/composer/check). */
import { z } from 'zod';
import { Uuid } from './fields.ts';

/** Both networks take at most four images per post. */
export const MAX_IMAGES_PER_PART = 4;

export const PostImage = z.object({
  mediaId: z.string().max(100).optional(),
  altText: z.string().trim().min(1, 'Describe the image for people who cannot see it').max(5000, 'Keep the description under 5,000 characters'),
});

/** One post of a thread: text, images with their descriptions, or both. */
export const PostPart = z
  .object({
    text: z.string().max(10_000, 'Keep each part under 10,000 characters'),
    images: z.array(PostImage).max(MAX_IMAGES_PER_PART, 'At most four images per part').optional(),
  })
  .superRefine((part, ctx) => {
    // The text is kept as written (no trimming); a part of only spaces is still empty.
    if (!part.text.trim() && !part.images?.length) ctx.addIssue({ code: 'custom', message: 'Write something in every part', path: ['text'] });
  });

const Parts = z.array(PostPart).min(1, 'Write the post first').max(25, 'A thread has at most 25 parts');
const ChannelIds = z.array(Uuid).min(1, 'Pick a channel').max(10, 'Pick at most 10 channels');

export const CreatePostRequest = z.object({ parts: Parts, channelIds: ChannelIds });
export const EditPostRequest = z.object({ parts: Parts });
/**
 * The composer's live check takes a draft as it is being written: nothing has to be filled in yet
 * (an image without its description is what the check's findings point out), only bounded in size.
 */
export const ComposerCheckRequest = z.object({
  parts: z
    .array(
      z.object({
        text: PostPart.shape.text,
        images: z.array(PostImage.extend({ altText: z.string().max(5000, 'Keep the description under 5,000 characters') })).max(10).optional(),
      }),
    )
    .min(1, 'Write the post first')
    .max(25, 'A thread has at most 25 parts'),
  channelIds: ChannelIds,
});

/** A wall-clock time in the workspace's zone, as a datetime-local field gives it. */
export const LocalTime = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/, 'Pick a date and time');

/** Exactly one of the three is given (the route says so when not). */
export const ScheduleRequest = z.object({
  scheduledAt: z.string().datetime({ offset: true, message: 'Give an ISO 8601 time with its offset, e.g. 2026-10-05T10:00:00-05:00' }).optional(),
  localTime: LocalTime.optional(),
  slot: z.literal('next').optional(),
});

export const ReviewComment = z.string().trim().min(1, 'Say what to change').max(2000, 'Keep the comment under 2,000 characters');
export const CommentRequest = z.object({ comment: ReviewComment });
export const ApproveRequest = z.object({ comment: z.string().max(2000, 'Keep the comment under 2,000 characters').optional() });
export const RetryRequest = z.object({ targetId: Uuid });

/** The composer's form is the post itself. */
export const PostForm = CreatePostRequest;
/** The calendar's "move" and the composer's "schedule at" fields. */
export const LocalTimeForm = z.object({ localTime: LocalTime });
