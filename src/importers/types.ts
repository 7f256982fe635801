/** What a history import yields: one past post or mention, with where in the file it came from. */

export interface ImportedAuthor {
  id?: string;
  handle: string;
  displayName?: string;
}

export interface ImportedMention {
  /** The network's id of the post (tweet id, CSV id column): the key the import deduplicates on. */
  externalId: string;
  author: ImportedAuthor;
  text: string;
  /** ISO 8601 UTC. */
  createdAt: string;
  lang?: string;
  url?: string;
  inReplyTo?: string;
  /** 1-based line of the file where the record starts. */
  line: number;
}

export type ImportErrorCode =
  | 'SYNTAX' // the file is not valid JSON/CSV at this point
  | 'TRUNCATED' // the file ends in the middle of a record
  | 'INVALID_RECORD' // a record lacks a field or has one that cannot be read
  | 'TOO_LARGE' // one record is larger than the importer accepts
  | 'MISSING_ACCOUNT'; // an X archive's tweets.js without the account it belongs to

/**
 * The first bad record of a file. Importers stop at it: the caller imports a file whole (one
 * transaction, or a staging table) and commits only when the reader finished without one.
 */
export class ImportError extends Error {
  readonly code: ImportErrorCode;
  /** 1-based. */
  readonly line: number;
  /** 1-based character column (JSON) or column number (CSV), when known. */
  readonly column: number | undefined;
  /** The field at fault: a JSON path ("tweet.created_at") or a CSV header name. */
  readonly field: string | undefined;
  /** What is wrong, without the position. */
  readonly reason: string;
  readonly file: string | undefined;

  constructor(
    code: ImportErrorCode,
    reason: string,
    at: { line: number; column?: number; field?: string; file?: string; cause?: unknown },
  ) {
    const where = [at.file, `line ${at.line}`, at.column === undefined ? undefined : `column ${at.column}`].filter(Boolean).join(', ');
    const field = at.field === undefined ? '' : ` (${at.field})`;
    super(`${where}${field}: ${reason}`, at.cause === undefined ? undefined : { cause: at.cause });
    this.name = 'ImportError';
    this.code = code;
    this.line = at.line;
    this.column = at.column;
    this.field = at.field;
    this.reason = reason;
    this.file = at.file;
  }

  /** The same error, naming the file it is in. */
  inFile(file: string): ImportError {
    return new ImportError(this.code, this.reason, {
      line: this.line,
      file,
      cause: this,
      ...(this.column !== undefined ? { column: this.column } : {}),
      ...(this.field !== undefined ? { field: this.field } : {}),
    });
  }
}
