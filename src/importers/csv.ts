import type { Readable } from 'node:stream';
import { CsvError, parse, type Info } from 'csv-parse';
import { DateTime } from 'luxon';
import { ImportError, type ImportedMention } from './types.ts';

/** Which header column holds each field of a mention. */
export interface CsvMapping {
  id: string;
  text: string;
  createdAt: string;
  /** The author's handle. */
  author: string;
  url?: string;
  lang?: string;
  inReplyTo?: string;
}

export interface CsvOptions {
  /**
   * How createdAt is written: 'iso' (default: ISO 8601, also "2024-05-14 15:30:00" and RFC 2822),
   * 'unix' (seconds), 'unix-ms', or a Luxon format such as "dd/MM/yyyy HH:mm".
   */
  dateFormat?: 'iso' | 'unix' | 'unix-ms' | (string & {});
  /** Zone for dates written without an offset. Default UTC. */
  timeZone?: string;
  /** Default ",". */
  delimiter?: string;
  /** Largest record in characters: bounds memory when a quote is never closed. Default 1 MB. */
  maxRecordChars?: number;
}

type Row = Record<string, string | undefined>;

function parseDate(value: string, options: CsvOptions): string | undefined {
  const zone = options.timeZone ?? 'UTC';
  const format = options.dateFormat ?? 'iso';
  let date: DateTime;
  if (format === 'unix' || format === 'unix-ms') {
    if (!/^\d+(\.\d+)?$/.test(value)) return undefined;
    date = format === 'unix' ? DateTime.fromSeconds(Number(value), { zone: 'utc' }) : DateTime.fromMillis(Number(value), { zone: 'utc' });
  } else if (format === 'iso') {
    date = DateTime.fromISO(value, { zone, setZone: true });
    if (!date.isValid) date = DateTime.fromSQL(value, { zone });
    if (!date.isValid) date = DateTime.fromRFC2822(value, { zone });
  } else {
    date = DateTime.fromFormat(value, format, { zone });
  }
  if (!date.isValid || date.year < 1970 || date.year > 9999) return undefined;
  return date.toUTC().toISO() ?? undefined;
}

function describeFormat(options: CsvOptions): string {
  const format = options.dateFormat ?? 'iso';
  if (format === 'iso') return 'an ISO 8601 date';
  if (format === 'unix') return 'a Unix time in seconds';
  if (format === 'unix-ms') return 'a Unix time in milliseconds';
  return `a date in the format ${JSON.stringify(format)}`;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/**
 * Streams mentions from a CSV file with a header row, one record at a time. Throws ImportError at the
 * first record that is malformed or lacks a mapped field, naming its line, column number and header.
 */
export async function* readCsv(stream: Readable, mapping: CsvMapping, options: CsvOptions = {}): AsyncGenerator<ImportedMention> {
  let header: string[] | undefined;
  const parser = parse({
    columns: (names: string[]) => {
      header = names.map((name) => name.trim());
      return header;
    },
    info: true,
    raw: true,
    bom: true,
    skip_empty_lines: true,
    max_record_size: options.maxRecordChars ?? 1024 * 1024,
    delimiter: options.delimiter ?? ',',
  });
  stream.on('error', (err) => parser.destroy(err));
  stream.pipe(parser);

  const checkHeader = (): string[] => {
    const names = header ?? [];
    const wanted = Object.entries(mapping).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
    for (const [field, column] of wanted) {
      if (!names.includes(column)) {
        const has = names.length > 0 ? `it has ${names.map((n) => JSON.stringify(n)).join(', ')}` : 'the file is empty';
        throw new ImportError('INVALID_RECORD', `the header has no column ${JSON.stringify(column)} for ${field} (${has})`, { line: 1, field: column });
      }
    }
    return names;
  };

  let names: string[] | undefined;
  try {
    for await (const entry of parser as AsyncIterable<{ record: Row; info: Info; raw: string }>) {
      names ??= checkHeader();
      // info.lines is where the record ends (a quoted field may span lines); raw also holds skipped empty lines before it.
      const line = entry.info.lines - countNewlines(entry.raw.replace(/^[\r\n]+/, '').replace(/\r?\n$/, ''));
      const at = (column: string): { line: number; column: number; field: string } => ({ line, column: (names as string[]).indexOf(column) + 1, field: column });
      const required = (field: keyof CsvMapping, column: string): string => {
        const value = entry.record[column]?.trim() ?? '';
        if (value.length === 0) throw new ImportError('INVALID_RECORD', `${field} is empty`, at(column));
        return value;
      };
      const externalId = required('id', mapping.id);
      const text = required('text', mapping.text);
      const handle = required('author', mapping.author).replace(/^@/, '');
      const rawDate = required('createdAt', mapping.createdAt);
      const createdAt = parseDate(rawDate, options);
      if (createdAt === undefined) {
        throw new ImportError('INVALID_RECORD', `${JSON.stringify(rawDate)} is not ${describeFormat(options)}`, at(mapping.createdAt));
      }
      const mention: ImportedMention = { externalId, author: { handle }, text, createdAt, line };
      for (const field of ['url', 'lang', 'inReplyTo'] as const) {
        const column = mapping[field];
        const value = column === undefined ? '' : (entry.record[column]?.trim() ?? '');
        if (value.length > 0) mention[field] = value;
      }
      yield mention;
    }
  } catch (err) {
    if (err instanceof CsvError) {
      const line = typeof err.lines === 'number' ? err.lines : 1;
      const field = typeof err.column === 'string' ? err.column : undefined;
      const code = err.code === 'CSV_QUOTE_NOT_CLOSED' ? 'TRUNCATED' : err.code === 'CSV_MAX_RECORD_SIZE' ? 'TOO_LARGE' : 'SYNTAX';
      throw new ImportError(code, err.message.replace(/\s+/g, ' '), {
        line,
        cause: err,
        ...(field !== undefined ? { field } : {}),
        ...(field !== undefined && names !== undefined && names.includes(field) ? { column: names.indexOf(field) + 1 } : {}),
      });
    }
    throw err;
  } finally {
    stream.unpipe(parser);
    parser.destroy();
    stream.destroy();
  }
  if (names === undefined) checkHeader();
}
