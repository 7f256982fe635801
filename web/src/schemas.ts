/**
 * Form schemas, checked in the browser before a request goes out. They are the server's own request
 * schemas (src/domain/forms, which the routes in src/server/routes validate with), so an error shows
 * next to its field at once and the server's 400 names the same field with the same message.
 */
import type { z } from 'zod';

export {
  WEEKDAYS,
  ROLES,
  SignInForm,
  SetupForm,
  ChannelForm,
  ResumeForm,
  HashtagForm,
  FeedForm,
  ListeningQueryForm,
  PlanForm,
  ReplyForm,
  NoteForm,
  PostForm,
  LocalTimeForm,
  MemberForm,
  ResponseTimesForm,
  ContentForm,
  AlertSettingsRequest,
} from '../../src/domain/forms/index.ts';

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

