// `npm run backup -- <file>` while the bot runs and writes, and `npm run restore -- <file>` into an
// empty database, as the README says: the round trip gives back every table, both files pass
// SQLite's integrity check and are readable by their owner only, and what would overwrite or
// restore something wrong is refused with a reason and changes nothing.
import { execFile } from "node:child_process";
import { statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { integrityOf } from "../../storage/backup.ts";
import { fixedClock, startHarness, type Harness } from "../support/bot-harness.ts";
import { readTables } from "../support/database-copy.ts";
import { TEST_TMP } from "../support/paths.ts";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

async function npm(script: "backup" | "restore", file: string, databaseFile: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("npm", ["run", "--silent", script, "--", file], { cwd: root, env: { ...process.env, DATABASE_URL: `file:${databaseFile}` } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const mode = (file: string) => statSync(file).mode & 0o777;

describe("backup and restore", () => {
  let h: Harness;
  const folder = path.join(TEST_TMP, `backups-${Date.now()}`, "nightly");
  const backup = path.join(folder, "ipsbot-2026-11-18.db");
  beforeAll(async () => {
    h = await startHarness({ clock: fixedClock("2026-11-18T10:00:00Z") });
    await h.command("participant add P-001 since:2026-10-01");
    await h.command('contact "ICA Maxi" for P-001 type:in-person date:2026-11-02 talked about shelf work');
    await h.command("flag P-001 wants to talk about hours");
  });
  afterAll(async () => h?.stop());

  it("writes a consistent, private copy while the bot runs, creating its folder", async () => {
    const result = await npm("backup", backup, h.databaseFile);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ level: "info", message: "backup written", file: backup, integrity: "ok", bytes: expect.any(Number) });
    expect(integrityOf(backup)).toBe("ok");
    expect(mode(backup)).toBe(0o600);
    expect(mode(folder)).toBe(0o700);
    expect(readTables(backup)).toEqual(readTables(h.databaseFile));
  });

  it("refuses to overwrite an existing file", async () => {
    const before = statSync(backup).mtimeMs;
    const result = await npm("backup", backup, h.databaseFile);
    expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining("exists already; give a new file name") });
    expect(statSync(backup).mtimeMs).toBe(before);
  });

  it("restores into an empty database: every table back, private, intact", async () => {
    const restored = path.join(TEST_TMP, `restored-${Date.now()}`, "ipsbot.db");
    const result = await npm("restore", backup, restored);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ message: "backup restored", file: restored, integrity: "ok" });
    expect(readTables(restored)).toEqual(readTables(backup));
    expect(readTables(restored).Participant).toHaveLength(1);
    expect(mode(restored)).toBe(0o600);
  });

  it("refuses to restore over a database that holds data, and changes nothing", async () => {
    const before = readTables(h.databaseFile);
    const result = await npm("restore", backup, h.databaseFile);
    expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining("is not empty; stop the bot and move it") });
    expect(readTables(h.databaseFile)).toEqual(before);
  });

  it("refuses a file that is not a sound database, and writes nothing", async () => {
    const garbage = path.join(folder, "not-a-database.db");
    writeFileSync(garbage, "this is not SQLite ".repeat(300));
    const target = path.join(TEST_TMP, `restored-garbage-${Date.now()}`, "ipsbot.db");
    const result = await npm("restore", garbage, target);
    expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining("failed its integrity check") });
    expect(() => statSync(target)).toThrow();
  });
});
