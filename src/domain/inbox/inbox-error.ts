/** An inbox input the domain cannot work with; `code` and `field` let the UI point at it. */
export type InboxErrorCode =
  | 'INVALID_BUSINESS_HOURS'
  | 'INVALID_POLICY'
  | 'INVALID_INSTANT'
  | 'INVALID_PERIOD'
  | 'INVALID_MINUTES';

/** One problem found while validating, named by the field it sits in (e.g. `days.MO[1].end`). */
export interface InboxIssue {
  field: string;
  message: string;
}

export class InboxError extends Error {
  readonly code: InboxErrorCode;
  readonly field: string | undefined;
  readonly conversationId: string | undefined;
  /** Every problem found, when validation found more than one. */
  readonly issues: readonly InboxIssue[];

  constructor(
    code: InboxErrorCode,
    message: string,
    options: { field?: string; conversationId?: string; issues?: readonly InboxIssue[] } = {},
  ) {
    super(message);
    this.name = 'InboxError';
    this.code = code;
    this.field = options.field;
    this.conversationId = options.conversationId;
    this.issues = options.issues ?? (options.field ? [{ field: options.field, message }] : []);
  }
}
