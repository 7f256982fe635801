/** A report request the domain cannot serve; `code` and `field` let the API name what to fix. */
export type ReportErrorCode = 'INVALID_MONTH' | 'INVALID_ZONE';

export class ReportError extends Error {
  readonly code: ReportErrorCode;
  readonly field: string;

  constructor(code: ReportErrorCode, message: string, field: string) {
    super(message);
    this.name = 'ReportError';
    this.code = code;
    this.field = field;
  }
}
