/** A calendar input the domain cannot work with; `code` and `field` let the UI point at it. */
export type CalendarErrorCode = 'INVALID_PLAN' | 'INVALID_INSTANT' | 'INVALID_RANGE' | 'INVALID_ZONE';

export class CalendarError extends Error {
  readonly code: CalendarErrorCode;
  readonly field: string | undefined;
  readonly postId: string | undefined;

  constructor(code: CalendarErrorCode, message: string, options: { field?: string; postId?: string } = {}) {
    super(message);
    this.name = 'CalendarError';
    this.code = code;
    this.field = options.field;
    this.postId = options.postId;
  }
}
