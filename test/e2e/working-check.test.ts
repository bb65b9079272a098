// `npm run check:working` on a database with data recorded before a status could only follow a job
// start: it names each participant whose status and job starts disagree, and changes nothing.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeDisagreement, workingDisagreements } from "../../commands/participants/working-check.ts";
import { statusAgreesWithCurrentJob } from "../../commands/rules/working.ts";
import { fixedClock, startHarness, type Harness } from "../support/bot-harness.ts";
import { execute, readTables } from "../support/database-copy.ts";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

async function checkWorking(databaseFile: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", path.join(root, "bot/check-working.ts")], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: `file:${databaseFile}` },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("the status-against-job-starts check", () => {
  it("agrees only where the job gives the status", () => {
    expect(statusAgreesWithCurrentJob("working", "competitive")).toBe(true);
    expect(statusAgreesWithCurrentJob("working", null)).toBe(false);
    expect(statusAgreesWithCurrentJob("working", "internship")).toBe(false);
    expect(statusAgreesWithCurrentJob("internship", "internship")).toBe(true);
    expect(statusAgreesWithCurrentJob("studying", null)).toBe(false);
    expect(statusAgreesWithCurrentJob("job-search", "competitive")).toBe(false);
    expect(statusAgreesWithCurrentJob("job-search", null)).toBe(true);
    expect(statusAgreesWithCurrentJob("paused", "competitive")).toBe(true);
    expect(statusAgreesWithCurrentJob("closed", "competitive")).toBe(true);
  });

  it("describes a disagreement by clinic, code and statuses, with what to do", () => {
    const rows = workingDisagreements([
      { clinicName: "Psykos Nord", code: "P-304", status: "working", currentJobKind: null },
      { clinicName: "Psykos Nord", code: "P-305", status: "working", currentJobKind: "competitive" },
    ]);
    expect(rows.map(describeDisagreement)).toEqual([
      "Psykos Nord: P-304 has the status working but no current job; record the job with /ips job start P-304 …, or set the status the participant really has.",
    ]);
  });

  describe("run on a bot's database", () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness({ clock: fixedClock("2026-11-18T10:00:00Z") });
      await h.command("participant add P-301 since:2026-09-01");
      await h.command("participant add P-302 since:2026-09-01");
      await h.command("participant add P-303 since:2026-09-01");
      await h.command("job start P-301 Coop type:retail kind:competitive hours:20 date:2026-10-01");
      await h.command("job start P-302 ICA type:retail kind:internship date:2026-10-01");
    });
    afterAll(async () => h?.stop());

    it("reports nothing while every status follows the job starts", async () => {
      const result = await checkWorking(h.databaseFile);
      expect(result).toMatchObject({ code: 0, stdout: "Every participant's status agrees with their job starts.\n" });
    });

    it("names each participant whose status says working without a job, or job search beside one, and changes nothing", async () => {
      // As an earlier version let it be stored: a status set without a job start, and a job left beside job search.
      execute(h.databaseFile, "UPDATE Participant SET status = 'working' WHERE code = 'P-303'");
      execute(h.databaseFile, "UPDATE Participant SET status = 'job-search' WHERE code = 'P-302'");
      const before = readTables(h.databaseFile);
      const result = await checkWorking(h.databaseFile);
      expect(result.code).toBe(1);
      expect(result.stdout.split("\n")).toEqual([
        "Clinic: P-302 has the status job-search but a current internship job; end the job with /ips job end P-302, or record the status the job gives.",
        "Clinic: P-303 has the status working but no current job; record the job with /ips job start P-303 …, or set the status the participant really has.",
        "2 participant(s) have a status their job starts do not give.",
        "",
      ]);
      expect(readTables(h.databaseFile)).toEqual(before);
    });

    it("says so when there is no database at the path", async () => {
      const result = await checkWorking(path.join(path.dirname(h.databaseFile), "missing", "none.db"));
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("No database at");
    });
  });
});
