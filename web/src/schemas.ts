/**
 * Form schemas, checked in the browser before a request goes out. They mirror the server's
 * request schemas (src/server/routes/*.ts) field for field, so an error shows next to its field
 * at once; the server checks again and its 400 names the same field.
 */
import { z } from 'zod';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export const SignInForm = z.object({
  email: z.string().trim().email('Enter the email address you sign in with').max(254),
  password: z.string().min(1, 'Enter your password').max(1024),
});

export const SetupForm = z.object({
  workspaceName: z.string().trim().min(1, 'Name the workspace (your hospital or team)').max(120),
  timeZone: z.string().min(1, 'Choose the time zone you post in').max(64),
  displayName: z.string().trim().min(1, 'Enter your name').max(120),
  email: z.string().trim().email('Enter a valid email address').max(254),
  password: z.string().min(12, 'Use at least 12 characters').max(1024),
});

export const ChannelForm = z.object({
  handle: z.string().trim().min(1, 'Enter the Bluesky handle, e.g. riverside.bsky.social').max(253),
  appPassword: z.string().trim().min(1, 'Create an app password in Bluesky (Settings → Privacy and security → App passwords) and paste it here').max(4096),
  serviceUrl: z.union([z.literal(''), z.string().url('Enter the server address, e.g. https://bsky.social').max(4096)]),
});

export const PlanForm = z.object({
  days: z.array(z.enum(WEEKDAYS)).min(1, 'Pick at least one day'),
  time: z.string().regex(/^\d\d:\d\d$/, 'Enter a time like 10:00'),
});

export const ReplyForm = z.object({ text: z.string().trim().min(1, 'Write a reply first').max(5000) });
export const NoteForm = z.object({ body: z.string().trim().min(1, 'Write the note first').max(4000) });

export const PostForm = z.object({
  parts: z.array(z.object({ text: z.string().trim().min(1, 'Write something in every part').max(10_000), images: z.array(z.object({ altText: z.string().trim().min(1, 'Describe the image for people who cannot see it').max(5000) })).max(4) })).min(1).max(25),
  channelIds: z.array(z.string().uuid()).min(1, 'Pick a channel'),
});

export const LocalTimeForm = z.object({ localTime: z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/, 'Pick a date and time') });

export type FieldErrors = Record<string, string>;

/** Validates and returns the data, or the first message per field (dotted path, as the server names it). */
export function validate<T>(schema: z.ZodType<T>, value: unknown): { ok: true; data: T } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join('.') || '_';
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}
