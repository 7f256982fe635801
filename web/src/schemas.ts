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

/** POST /api/channels/{id}/resume after the network refused the stored credentials: the new secret. */
export const ResumeForm = (missing: string) => z.object({ secret: z.string().trim().min(1, missing).max(4096, 'That is longer than any credential (4,096 characters at most)') });

/** POST /api/sources/hashtags: one Mastodon hashtag, with or without its #. */
export const HashtagForm = z.object({
  tag: z
    .string()
    .trim()
    .min(1, 'Enter a hashtag, e.g. #FluShot')
    .max(120, 'Keep the hashtag under 120 characters')
    .regex(/^#?[\p{L}\p{M}\p{N}_]{1,100}$/u, 'Letters, digits and _ only (at most 100), e.g. #FluShot'),
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

export const ROLES = ['owner', 'admin', 'editor', 'reviewer', 'viewer'] as const;

/** POST /api/members: a new person needs a password (12+), someone who already has an account does not. */
export const MemberForm = z.object({
  email: z.string().trim().email('Enter the person’s email address').max(254),
  displayName: z.string().trim().min(1, 'Enter their name').max(120),
  role: z.enum(ROLES, 'Pick a role'),
  password: z.union([z.literal(''), z.string().min(12, 'Use at least 12 characters').max(1024)]),
});

const CLOCK = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const minutes = (label: string) => z.coerce.number(`Enter ${label} in minutes`).int('Use whole minutes').min(1, `Enter ${label} in minutes (at least 1)`).max(100_000);

/** PATCH /api/workspace settings.sla (+ timeZone): one shift per open day; the server checks that it ends after it starts. */
export const ResponseTimesForm = z.object({
  timeZone: z.string().min(1, 'Choose the time zone').max(64),
  firstResponseMinutes: minutes('the first-response target'),
  urgentFirstResponseMinutes: minutes('the urgent target'),
  days: z.record(
    z.enum(WEEKDAYS),
    z.object({ open: z.boolean(), start: z.string().regex(CLOCK, 'Enter a time like 09:00'), end: z.string().regex(CLOCK, 'Enter a time like 17:00') }),
  ),
});

/** PATCH /api/workspace settings.pillars (at most five) and settings.valueTarget. */
export const ContentForm = z.object({
  pillars: z
    .array(
      z.object({
        id: z.string().min(1).max(60),
        name: z.string().trim().min(1, 'Name the pillar').max(80, 'Keep the name under 80 characters'),
        keywords: z.array(z.string().trim().min(1).max(60, 'Keep each keyword under 60 characters')).max(50, 'At most 50 keywords'),
      }),
    )
    .max(5, 'At most five pillars: focus is the point'),
  promotionalPercent: z.coerce.number('Enter a percentage').min(0, 'Between 0 and 100').max(100, 'Between 0 and 100'),
  days: z.coerce.number('Enter a number of days').int('Whole days').min(7, 'At least 7 days').max(365, 'At most 365 days'),
});

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

/**
 * The server's 400/409 names the field as a dotted path of the request body (`email`,
 * `settings.sla.businessHours.days.MO[0].end`); `toFormField` turns it into the form's own key,
 * so the message lands next to that field. Undefined when the error names no field of this form.
 */
export function serverFieldErrors(err: unknown, toFormField: (field: string) => string | undefined = (f) => f): FieldErrors | undefined {
  if (!(err instanceof Error) || !('field' in err) || typeof err.field !== 'string') return undefined;
  const key = toFormField(err.field);
  return key === undefined ? undefined : { [key]: err.message };
}
