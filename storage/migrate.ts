// Applies the committed SQL migrations in storage/migrations with `prisma migrate deploy`,
// the same command an operator would run, so the bot and the CLI agree on what is applied.
//
// Prisma's migrate takes SQLite's exclusive locking mode, which fails while another process has
// the database open. So the bot first reads which migrations are applied, with a plain
// connection, and only calls the CLI when one is pending: a second bot process can start next
// to a running one, and an upgrade that brings a new migration needs the others stopped.
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { prepareDatabaseFiles } from "./database-files.ts";
import { sqliteFilePath } from "./database-url.ts";

const run = promisify(execFile);
const thisFile = fileURLToPath(import.meta.url);
const storageDirectory = path.dirname(thisFile);
const migrationsDirectory = path.join(storageDirectory, "migrations");
/** Beside this file: the TypeScript config in the source tree, its compiled JavaScript in dist/. */
const prismaConfig = path.join(storageDirectory, thisFile.endsWith(".ts") ? "prisma.config.ts" : "prisma.config.js");

export function committedMigrations(): string[] {
  return readdirSync(migrationsDirectory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(migrationsDirectory, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

/** Committed migrations the database has not finished applying. */
export function pendingMigrations(databaseUrl: string): string[] {
  const file = sqliteFilePath(databaseUrl);
  if (!existsSync(file)) return committedMigrations();
  const db = new Database(file, { readonly: true, timeout: 5_000 });
  try {
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!hasTable) return committedMigrations();
    const applied = new Set(
      (db.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL").all() as { migration_name: string }[]).map(
        (row) => row.migration_name,
      ),
    );
    return committedMigrations().filter((name) => !applied.has(name));
  } finally {
    db.close();
  }
}

/**
 * Brings the database up to date; returns the migrations it applied. Prisma's CLI runs as a
 * child process with `environment` (the composition root's) and the database URL.
 */
export async function applyMigrations(databaseUrl: string, environment: Readonly<Record<string, string | undefined>>): Promise<string[]> {
  prepareDatabaseFiles(sqliteFilePath(databaseUrl));
  const pending = pendingMigrations(databaseUrl);
  if (pending.length === 0) return [];
  const prismaCli = path.join(path.dirname(createRequire(import.meta.url).resolve("prisma/package.json")), "build/index.js");
  await run(process.execPath, [prismaCli, "migrate", "deploy", "--config", prismaConfig], {
    cwd: process.cwd(),
    env: { ...environment, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
    timeout: 120_000,
  });
  return pending;
}
