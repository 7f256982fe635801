/** A listening-trends input the domain cannot work with; `code` and `field` let the UI point at it. */
export type TrendsErrorCode = 'INVALID_INSTANT' | 'INVALID_RANGE' | 'INVALID_OPTION';

export class TrendsError extends Error {
  readonly code: TrendsErrorCode;
  readonly field: string | undefined;
  readonly mentionId: string | undefined;

  constructor(code: TrendsErrorCode, message: string, options: { field?: string; mentionId?: string } = {}) {
    super(message);
    this.name = 'TrendsError';
    this.code = code;
    this.field = options.field;
    this.mentionId = options.mentionId;
  }
}
