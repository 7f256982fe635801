/** A scorecard input the domain cannot work with; `code` and `field` let the UI and API point at it. */
export type ScorecardErrorCode = 'INVALID_INSTANT' | 'INVALID_ZONE' | 'INVALID_OPTION' | 'INVALID_SERIES';

export class ScorecardError extends Error {
  readonly code: ScorecardErrorCode;
  readonly field: string | undefined;
  /** The post, interaction or period the bad value belongs to, when there is one. */
  readonly itemId: string | undefined;

  constructor(code: ScorecardErrorCode, message: string, options: { field?: string; itemId?: string } = {}) {
    super(message);
    this.name = 'ScorecardError';
    this.code = code;
    this.field = options.field;
    this.itemId = options.itemId;
  }
}
