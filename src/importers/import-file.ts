import { createReadStream } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { readCsv, type CsvMapping, type CsvOptions } from './csv.ts';
import { readTwitterAccount, readTwitterArchive } from './twitter-archive.ts';
import { ImportError, type ImportedAuthor, type ImportedMention } from './types.ts';

export type ImportKind = 'twitter-archive' | 'csv';

/** Called as the file is read: bytes read so far, the file's size, mentions read so far. */
export type ImportProgress = (bytesRead: number, totalBytes: number, items: number) => void;

/**
 * A progress callback that reports at most once per `intervalMs` (a forced call always goes
 * through, so the last figures arrive); a no-op when nobody listens.
 */
export function throttledProgress(onProgress: ImportProgress | undefined, intervalMs = 100): (bytesRead: number, totalBytes: number, items: number, force: boolean) => void {
  let lastReport = 0;
  return (bytesRead, totalBytes, items, force) => {
    if (onProgress === undefined) return;
    const now = performance.now();
    if (!force && now - lastReport < intervalMs) return;
    lastReport = now;
    onProgress(bytesRead, totalBytes, items);
  };
}

export interface ImportFileOptions {
  /** Required for 'csv'. */
  mapping?: CsvMapping;
  csv?: CsvOptions;
  /** For 'twitter-archive': the account; else read from account.js beside tweets.js. */
  author?: ImportedAuthor;
  onProgress?: ImportProgress;
  /** Least time between two progress calls (the last one always comes). Default 100 ms. */
  progressIntervalMs?: number;
}

async function archiveOwner(path: string, given: ImportedAuthor | undefined): Promise<ImportedAuthor> {
  if (given !== undefined) return given;
  const accountFile = join(dirname(path), 'account.js');
  try {
    await access(accountFile);
  } catch {
    throw new ImportError('MISSING_ACCOUNT', 'the archive owner is unknown: keep account.js beside tweets.js (as in the archive\'s data/ folder) or name the account', { line: 1, file: path });
  }
  try {
    return await readTwitterAccount(createReadStream(accountFile));
  } catch (err) {
    throw err instanceof ImportError ? err.inFile(accountFile) : err;
  }
}

/**
 * Reads a history file and yields its mentions in file order, streaming (memory stays flat on a
 * 1 GB file). Stops with an ImportError (naming the file, line and column) at the first bad record.
 * All-or-nothing is the caller's: write inside one transaction (or to a staging table) and commit
 * only when this generator has finished; running it once without writing is a full validation pass.
 */
export async function* importFile(path: string, kind: ImportKind, options: ImportFileOptions = {}): AsyncGenerator<ImportedMention> {
  const totalBytes = (await stat(path)).size;
  let bytesRead = 0;
  let items = 0;
  const progress = throttledProgress(options.onProgress, options.progressIntervalMs);
  const report = (force: boolean): void => progress(bytesRead, totalBytes, items, force);

  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const chunk of file as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      yield chunk;
    }
  }

  let mentions: AsyncGenerator<ImportedMention>;
  if (kind === 'csv') {
    if (options.mapping === undefined) throw new Error('importFile: a CSV import needs a column mapping');
    mentions = readCsv(Readable.from(counted()), options.mapping, options.csv);
  } else {
    mentions = readTwitterArchive(counted(), { author: await archiveOwner(path, options.author) });
  }
  try {
    report(true);
    for await (const mention of mentions) {
      items++;
      report(false);
      yield mention;
    }
    report(true);
  } catch (err) {
    throw err instanceof ImportError ? err.inFile(path) : err;
  } finally {
    file.destroy();
  }
}
