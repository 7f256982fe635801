/**
 * History import: past posts and mentions from archive files, streamed record by record with the
 * line each came from. Storage decides all-or-nothing: see importFile.
 */
export { importFile, type ImportFileOptions, type ImportKind, type ImportProgress } from './import-file.ts';
export { readTwitterArchive, readTwitterAccount, parseTwitterDate, type TwitterArchiveOptions } from './twitter-archive.ts';
export { readCsv, type CsvMapping, type CsvOptions } from './csv.ts';
export { readBlueskyCar, CarImportError, type BlueskyCarOptions, type ImportedBlueskyPost } from './bluesky-car.ts';
export { jsonArrayElements, type ArrayElement, type JsonArrayOptions } from './json-array-stream.ts';
export { ImportError, type ImportErrorCode, type ImportedAuthor, type ImportedMention } from './types.ts';
