// Backups through SQLite's online backup API (better-sqlite3's db.backup): a consistent copy taken
// while the bot runs and writes, checked with PRAGMA integrity_check, private like the database
// itself (database-files.ts). A restore copies a checked backup into a database that is empty.
import { chmodSync, existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { DATABASE_FILE_MODE, DATABASE_FOLDER_MODE, prepareDatabaseFiles } from "./database-files.ts";

export class BackupRefused extends Error {
  override name = "BackupRefused";
}

export interface BackupReport {
  file: string;
  bytes: number;
  integrity: "ok";
}

/** `PRAGMA integrity_check` of a database file: "ok", or the problems SQLite lists. */
export function integrityOf(file: string): string {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return (db.pragma("integrity_check") as { integrity_check: string }[]).map((row) => row.integrity_check).join("; ");
  } catch (error) {
    // Not a database at all ("file is not a database"): a failed check, not a crash.
    return error instanceof Error ? error.message : String(error);
  } finally {
    db?.close();
  }
}

function copyThroughBackupApi(from: string, to: string, fromMustExist: boolean): Promise<unknown> {
  const source = new Database(from, { readonly: true, fileMustExist: fromMustExist });
  return source.backup(to).finally(() => source.close());
}

/** Writes a consistent copy of the database to `target` (a new file; its folder is created 0700). */
export async function backupDatabase(databaseFile: string, target: string): Promise<BackupReport> {
  if (!existsSync(databaseFile)) throw new BackupRefused(`there is no database at ${databaseFile}`);
  const file = path.resolve(target);
  if (existsSync(file)) throw new BackupRefused(`${file} exists already; give a new file name`);
  mkdirSync(path.dirname(file), { recursive: true, mode: DATABASE_FOLDER_MODE });
  await copyThroughBackupApi(databaseFile, file, true);
  chmodSync(file, DATABASE_FILE_MODE);
  const integrity = integrityOf(file);
  if (integrity !== "ok") throw new BackupRefused(`the backup ${file} failed its integrity check: ${integrity}`);
  return { file, bytes: statSync(file).size, integrity: "ok" };
}

/** Whether the database holds any table (a database the bot ever started on does). */
function holdsTables(file: string): boolean {
  if (!existsSync(file) || statSync(file).size === 0) return false;
  const db = new Database(file, { readonly: true });
  try {
    return Boolean(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").get());
  } finally {
    db.close();
  }
}

/**
 * Restores a backup into the database at `databaseFile`, which must be empty or absent (stop the
 * bot and move the old database away first). The backup is checked before anything is written.
 */
export async function restoreDatabase(backup: string, databaseFile: string): Promise<BackupReport> {
  const source = path.resolve(backup);
  if (!existsSync(source)) throw new BackupRefused(`there is no backup at ${source}`);
  const integrity = integrityOf(source);
  if (integrity !== "ok") throw new BackupRefused(`the backup ${source} failed its integrity check: ${integrity}`);
  if (holdsTables(databaseFile)) throw new BackupRefused(`the database ${databaseFile} is not empty; stop the bot and move it (and its -wal and -shm files) away first`);
  prepareDatabaseFiles(databaseFile);
  await copyThroughBackupApi(source, databaseFile, true);
  prepareDatabaseFiles(databaseFile);
  if (integrityOf(databaseFile) !== "ok") throw new BackupRefused(`the restored database ${databaseFile} failed its integrity check`);
  return { file: databaseFile, bytes: statSync(databaseFile).size, integrity: "ok" };
}
