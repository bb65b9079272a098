// Opens the embedded SQLite database through Prisma's better-sqlite3 driver adapter.
import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client.ts";
import { prepareDatabaseFiles } from "./database-files.ts";
import { sqliteFilePath } from "./database-url.ts";

/** How long a writer waits for another process's lock before failing (two bots, one file). */
const BUSY_TIMEOUT_MS = 5_000;

export type Db = PrismaClient;

export function openDatabase(databaseUrl: string): Db {
  const file = sqliteFilePath(databaseUrl);
  prepareDatabaseFiles(file);
  enableWriteAheadLog(file);
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: file, timeout: BUSY_TIMEOUT_MS }) });
}

// WAL lets readers (digests, /healthz) run while a command writes; the mode is stored in the
// file itself, so setting it once on a plain connection is enough.
function enableWriteAheadLog(file: string): void {
  const connection = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    connection.pragma("journal_mode = WAL");
  } finally {
    connection.close();
  }
}

export async function databaseAnswers(db: Db): Promise<boolean> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return true;
  } catch {
    return false;
  }
}
