import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { OperationError, type ErrorCode } from '../operations/errors.ts';

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  INVALID_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LAST_OWNER: 409,
  SETUP_DONE: 409,
  RATE_LIMITED: 429,
  PHI_BLOCKED: 422,
  // The server cannot render PDFs (no Chromium): HTML and CSV still work.
  PDF_UNAVAILABLE: 503,
};

export interface ErrorBody {
  error: { code: string; message: string; field?: string; details?: Record<string, unknown> };
}

/**
 * The API names a field one way, as a dotted path of the request body (`parts.0.images.1.altText`),
 * whether the request schema refused it or a domain rule did (those write `parts[0].text`).
 */
export function apiFieldPath(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1');
}

export function errorResponse(c: Context, err: OperationError): Response {
  const body: ErrorBody = { error: { code: err.code, message: err.message, ...(err.field ? { field: apiFieldPath(err.field) } : {}), ...(err.details ? { details: err.details } : {}) } };
  if (err.retryAfterSeconds !== undefined) c.header('Retry-After', String(err.retryAfterSeconds));
  return c.json(body, STATUS[err.code]);
}

/** The first validation issue, as a 400 that names the field (dotted path) and where it was. */
export function validationError(target: string, error: ZodError): OperationError {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : target;
  const message = issue ? `${target} ${field}: ${issue.message}` : `invalid ${target}`;
  return new OperationError('INVALID_REQUEST', message, { field });
}
