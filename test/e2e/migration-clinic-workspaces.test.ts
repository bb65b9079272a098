// Upgrading a database an older ipsbot left (global clinics, one default clinic anyone joined):
// every clinic is placed in the workspace or tenant its own records point to, memberships that
// crossed into another workspace are removed, each step is an audit event, and a clinic that
// cannot be placed is reported at start.
import path from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { startBot } from "../../bot/start-bot.ts";
import { queryAll } from "../support/database-copy.ts";
import { migrateThrough } from "../support/migrate-through.ts";
import { TEST_TMP } from "../support/paths.ts";
import { recordingLogger } from "../support/recording-logger.ts";

const file = path.join(TEST_TMP, "before-clinic-workspaces.db");
const logger = recordingLogger();

/** What the last release's database could hold. */
function fillAsTheOldReleaseDid(db: Database.Database) {
  const at = "2026-11-01T10:00:00.000+00:00";
  const member = db.prepare(`INSERT INTO Member (platform, workspaceId, platformUserId, displayName, updatedAt) VALUES (?, ?, ?, ?, '${at}')`);
  member.run("slack", "T1", "U1", "Sara Supervisor"); // 1
  member.run("slack", "T1", "U2", "Anna Specialist"); // 2
  member.run("slack", "T2", "U3", "Other Workspace"); // 3
  member.run("teams", "tenant-a", "aad-4", "Tove Teams"); // 4
  member.run("slack", "T2", "U5", "Olle Other"); // 5
  const clinic = db.prepare("INSERT INTO Clinic (name) VALUES (?)");
  clinic.run("Clinic"); // 1: the old shared default clinic, with a Slack channel in T1
  clinic.run("Nord"); // 2: Teams only
  clinic.run("Empty"); // 3: nothing points anywhere
  clinic.run("Split"); // 4: members of T1 and T2, participants only from T2
  const membership = db.prepare("INSERT INTO ClinicMembership (clinicId, memberId, role) VALUES (?, ?, ?)");
  membership.run(1, 1, "supervisor");
  membership.run(1, 2, "specialist");
  membership.run(1, 3, "specialist"); // crossed in from T2
  membership.run(2, 4, "supervisor");
  membership.run(4, 2, "specialist");
  membership.run(4, 3, "specialist");
  membership.run(4, 5, "specialist");
  db.prepare(`INSERT INTO ClinicChannel (clinicId, platform, workspaceId, channelId, connectedById, connectedAt, activeKey) VALUES (1, 'slack', 'T1', 'C1', 1, '${at}', 'slack:T1:C1')`).run();
  const participant = db.prepare(`INSERT INTO Participant (clinicId, code, specialistId, enrolledOn, status, statusSince) VALUES (?, ?, ?, '2026-10-01', 'job-search', '2026-10-01')`);
  participant.run(1, "P-001", 2);
  participant.run(1, "P-002", 3);
  participant.run(4, "P-010", 5);
  participant.run(4, "P-011", 3);
}

describe("migrations 0011 and 0012: clinics belong to a workspace, roles from a closed list", () => {
  beforeAll(async () => {
    await migrateThrough(file, "0010_teams_installations");
    const db = new Database(file);
    fillAsTheOldReleaseDid(db);
    db.close();
    const bot = await startBot({ env: { PORT: "0", DATABASE_URL: `file:${file}` }, logger });
    await bot.stop();
  });

  it("places each clinic by its channels, then supervisors, then participants' specialists, then members", () => {
    expect(queryAll(file, "SELECT id, name, platform, workspaceId FROM Clinic ORDER BY id")).toEqual([
      { id: 1, name: "Clinic", platform: "slack", workspaceId: "T1" },
      { id: 2, name: "Nord", platform: "teams", workspaceId: "tenant-a" },
      { id: 3, name: "Empty", platform: "", workspaceId: "" },
      { id: 4, name: "Split", platform: "slack", workspaceId: "T2" },
    ]);
  });

  it("keeps every membership and role inside the clinic's workspace and removes those that crossed", () => {
    expect(queryAll(file, "SELECT clinicId, memberId, role FROM ClinicMembership ORDER BY clinicId, memberId")).toEqual([
      { clinicId: 1, memberId: 1, role: "supervisor" },
      { clinicId: 1, memberId: 2, role: "specialist" },
      { clinicId: 2, memberId: 4, role: "supervisor" },
      { clinicId: 4, memberId: 3, role: "specialist" },
      { clinicId: 4, memberId: 5, role: "specialist" },
    ]);
  });

  it("keeps every participant where it was", () => {
    expect(queryAll(file, "SELECT clinicId, code FROM Participant ORDER BY id")).toEqual([
      { clinicId: 1, code: "P-001" },
      { clinicId: 1, code: "P-002" },
      { clinicId: 4, code: "P-010" },
      { clinicId: 4, code: "P-011" },
    ]);
  });

  it("records each placement and each removed membership as an audit event", () => {
    const events = queryAll(file, "SELECT action, entityType, entityId, platform, workspaceId, details FROM AuditEvent ORDER BY id");
    expect(events.map(({ action, entityId }) => `${action} ${entityId}`)).toEqual([
      "clinic.workspace-assigned 1",
      "clinic.workspace-assigned 2",
      "clinic.workspace-unplaced 3",
      "clinic.workspace-assigned 4",
      "clinic-membership.removed 3",
      "clinic-membership.removed 2",
      // Migration 0014 turns 0011's sentences into words, and records that it did.
      "audit.free-text-removed *",
    ]);
    expect(JSON.parse(String(events[4]!.details))).toEqual({ clinicId: 1, role: "specialist", cause: "other-workspace", by: "migration-0011" });
    expect(events[4]).toMatchObject({ platform: "slack", workspaceId: "T2" });
  });

  it("reports the clinic it could not place at start", () => {
    const warnings = logger.entries.filter((entry) => entry.level === "warn" && entry.message.includes("belongs to no Slack workspace or Teams tenant"));
    expect(warnings.map((entry) => entry.fields.clinicId)).toEqual([3]);
  });

  it("keeps every role through migration 0012, and the database refuses a role outside the four", () => {
    const db = new Database(file);
    try {
      expect(db.prepare("SELECT role, COUNT(*) AS n FROM ClinicMembership GROUP BY role ORDER BY role").all()).toEqual([
        { role: "specialist", n: 3 },
        { role: "supervisor", n: 2 },
      ]);
      expect(() => db.prepare("UPDATE ClinicMembership SET role = 'owner' WHERE id = 1").run()).toThrow(/CHECK constraint failed/);
      expect(() => db.prepare("INSERT INTO ClinicMembership (clinicId, memberId, role) VALUES (2, 1, 'boss')").run()).toThrow(/CHECK constraint failed/);
    } finally {
      db.close();
    }
  });

  it("gives every existing clinic the IPS Employment Center's rate definition through migration 0015, and refuses any other", () => {
    const db = new Database(file);
    try {
      expect(db.prepare("SELECT DISTINCT rateDefinition FROM Clinic").all()).toEqual([{ rateDefinition: "ips-employment-center" }]);
      db.prepare("UPDATE Clinic SET rateDefinition = 'ips-grow' WHERE id = 2").run();
      expect(() => db.prepare("UPDATE Clinic SET rateDefinition = 'oecd' WHERE id = 1").run()).toThrow(/CHECK constraint failed/);
      db.prepare("UPDATE Clinic SET rateDefinition = 'ips-employment-center' WHERE id = 2").run();
    } finally {
      db.close();
    }
  });

  it("lets two workspaces each have a clinic of the same name", () => {
    const db = new Database(file);
    try {
      db.prepare("INSERT INTO Clinic (name, platform, workspaceId) VALUES ('Clinic', 'slack', 'T2')").run();
      expect(() => db.prepare("INSERT INTO Clinic (name, platform, workspaceId) VALUES ('Clinic', 'slack', 'T2')").run()).toThrow(/UNIQUE/);
    } finally {
      db.close();
    }
  });
});
