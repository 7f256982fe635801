/** Errors the UI and API can act on: a code, a message naming what and where, maybe a field. */
export type ErrorCode =
  | 'INVALID_REQUEST'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'CSRF_FAILED'
  | 'SETUP_DONE'
  | 'LAST_OWNER'
  | 'PHI_BLOCKED'
  | 'PDF_UNAVAILABLE';

export class OperationError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  /** Structured detail for the UI (e.g. the PHI findings of a blocked reply); never message text of others. */
  details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: { field?: string; retryAfterSeconds?: number } = {}) {
    super(message);
    this.name = 'OperationError';
    this.code = code;
    this.field = options.field;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}
