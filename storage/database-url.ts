import path from "node:path";

/** The SQLite file a `file:` DATABASE_URL names, resolved against the working directory. */
export function sqliteFilePath(databaseUrl: string, cwd = process.cwd()): string {
  if (!databaseUrl.startsWith("file:")) {
    throw new Error(`DATABASE_URL must start with "file:" for the embedded SQLite database (got "${databaseUrl}")`);
  }
  const file = databaseUrl.slice("file:".length).split("?")[0] ?? "";
  if (file.length === 0) throw new Error("DATABASE_URL names no file");
  return path.resolve(cwd, file);
}

export const DEFAULT_DATABASE_URL = "file:./data/ipsbot.db";
