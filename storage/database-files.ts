// The database holds health-adjacent records about identifiable (if pseudonymous) people: only
// the bot's own user may read it. Its folder is created 0700 and the database file 0600 before
// SQLite or Prisma first touches it (SQLite gives the -wal and -shm files the database file's
// mode); an existing file from an older release is narrowed to 0600 at start.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";

export const DATABASE_FOLDER_MODE = 0o700;
export const DATABASE_FILE_MODE = 0o600;

export function prepareDatabaseFiles(file: string): void {
  const folder = path.dirname(file);
  if (!existsSync(folder)) mkdirSync(folder, { recursive: true, mode: DATABASE_FOLDER_MODE });
  if (!existsSync(file)) closeSync(openSync(file, "a", DATABASE_FILE_MODE));
  for (const candidate of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(candidate)) chmodSync(candidate, DATABASE_FILE_MODE);
  }
}
