// Brings a database to an earlier schema: the committed migrations up to and including `last`,
// applied by the same `prisma migrate deploy` the bot runs, so a test can fill it with the data an
// older ipsbot left and then let the bot upgrade it.
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { committedMigrations } from "../../storage/migrate.ts";
import { TEST_TMP } from "./paths.ts";

const storage = path.resolve(import.meta.dirname, "../../storage");

export async function migrateThrough(databaseFile: string, last: string): Promise<void> {
  const folder = path.join(TEST_TMP, `migrations-${randomUUID()}`);
  const names = committedMigrations();
  if (!names.includes(last)) throw new Error(`no migration ${last}`);
  for (const name of names.slice(0, names.indexOf(last) + 1)) cpSync(path.join(storage, "migrations", name), path.join(folder, "migrations", name), { recursive: true });
  cpSync(path.join(storage, "migrations", "migration_lock.toml"), path.join(folder, "migrations", "migration_lock.toml"));
  mkdirSync(folder, { recursive: true });
  const config = path.join(folder, "prisma.config.ts");
  writeFileSync(
    config,
    `import base from ${JSON.stringify(path.join(storage, "prisma.config.ts"))};\n` +
      `export default { ...base, schema: ${JSON.stringify(path.join(storage, "schema.prisma"))}, migrations: { path: ${JSON.stringify(path.join(folder, "migrations"))} } };\n`,
  );
  const prismaCli = path.join(path.dirname(createRequire(import.meta.url).resolve("prisma/package.json")), "build/index.js");
  await promisify(execFile)(process.execPath, [prismaCli, "migrate", "deploy", "--config", config], {
    env: { ...process.env, DATABASE_URL: `file:${databaseFile}`, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
    timeout: 120_000,
  });
}
