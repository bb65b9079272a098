// Migrates one template database per run; each test suite copies it instead of migrating again.
import { mkdirSync, rmSync } from "node:fs";
import { applyMigrations } from "../../storage/migrate.ts";
import { TEMPLATE_DATABASE, TEST_TMP } from "./paths.ts";

export default async function setup(): Promise<() => void> {
  mkdirSync(TEST_TMP, { recursive: true });
  await applyMigrations(`file:${TEMPLATE_DATABASE}`, process.env);
  return () => rmSync(TEST_TMP, { recursive: true, force: true });
}
