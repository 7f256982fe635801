import { existsSync, renameSync, rmSync, copyFileSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';

/**
 * Backs up the embedded database while Bedside runs: SQLite's online backup copies a consistent
 * snapshot page by page, so writers are not stopped and the copy is never half-written.
 */
export async function backupSqlite(source: string, target: string): Promise<{ pages: number }> {
  if (existsSync(target)) throw new Error(`${target} already exists: choose a new file name`);
  const db = new SqliteDatabase(source, { readonly: true, fileMustExist: true });
  try {
    const tmp = `${target}.partial`;
    rmSync(tmp, { force: true });
    const result = await db.backup(tmp);
    const check = new SqliteDatabase(tmp, { readonly: true });
    try {
      const ok = check.pragma('integrity_check', { simple: true });
      if (ok !== 'ok') throw new Error(`the backup failed its integrity check: ${String(ok)}`);
    } finally {
      check.close();
    }
    renameSync(tmp, target);
    return { pages: result.totalPages };
  } finally {
    db.close();
  }
}

/**
 * Replaces the embedded database with a backup (Bedside must be stopped). The backup is checked
 * first; the current database is kept beside it as `<file>.before-restore` until the next restore.
 */
export function restoreSqlite(backup: string, target: string): void {
  const check = new SqliteDatabase(backup, { readonly: true, fileMustExist: true });
  try {
    const ok = check.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new Error(`${backup} is damaged (integrity check: ${String(ok)}): nothing was restored`);
    check.prepare('select count(*) from bedside_migration').get();
  } catch (err) {
    check.close();
    throw err instanceof Error && /no such table/.test(err.message) ? new Error(`${backup} is not a Bedside database: nothing was restored`) : err;
  }
  check.close();
  if (existsSync(target)) {
    rmSync(`${target}.before-restore`, { force: true });
    copyFileSync(target, `${target}.before-restore`);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  copyFileSync(backup, `${target}.restoring`);
  renameSync(`${target}.restoring`, target);
}
