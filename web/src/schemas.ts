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
