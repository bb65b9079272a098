// Before every run: compiles the bot as `npm run build` does (the process tests start it exactly as
// the README says, `npm start`, which runs dist/), and migrates one template database that each test
// suite copies instead of migrating again.
import { execFile } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import { applyMigrations } from "../../storage/migrate.ts";
import { TEMPLATE_DATABASE, TEST_TMP } from "./paths.ts";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

async function buildDist(): Promise<void> {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  await run(process.execPath, [tsc, "-p", path.join(root, "tsconfig.build.json")], { cwd: root, timeout: 180_000 });
  await run(process.execPath, [path.join(root, "dist/bot/build/copy-assets.js")], { cwd: root, timeout: 60_000 });
}

export default async function setup(): Promise<() => void> {
  mkdirSync(TEST_TMP, { recursive: true });
  await Promise.all([buildDist(), applyMigrations(`file:${TEMPLATE_DATABASE}`, process.env)]);
  return () => rmSync(TEST_TMP, { recursive: true, force: true });
}
