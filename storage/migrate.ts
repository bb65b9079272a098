// Applies the committed SQL migrations in storage/migrations with `prisma migrate deploy`,
// the same command an operator would run, so the bot and the CLI agree on what is applied.
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const storageDirectory = path.dirname(fileURLToPath(import.meta.url));

export async function applyMigrations(databaseUrl: string): Promise<string> {
  const prismaCli = path.join(path.dirname(createRequire(import.meta.url).resolve("prisma/package.json")), "build/index.js");
  const { stdout } = await run(
    process.execPath,
    [prismaCli, "migrate", "deploy", "--config", path.join(storageDirectory, "prisma.config.ts")],
    {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
      timeout: 120_000,
    },
  );
  return stdout;
}
