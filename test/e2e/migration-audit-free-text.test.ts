// Upgrading a database whose audit rows hold the free text earlier releases copied into them:
// migration 0014 removes it (keeping who, what, when and the structured fields), records that it
// did, fills in each event's clinic and the actor's platform user id, and leaves the audit log
// append-only.
import path from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { startBot } from "../../bot/start-bot.ts";
import { queryAll } from "../support/database-copy.ts";
import { migrateThrough } from "../support/migrate-through.ts";
import { TEST_TMP } from "../support/paths.ts";
import { recordingLogger } from "../support/recording-logger.ts";
import { expectAuditWithoutFreeText } from "../support/audit-scan.ts";

const file = path.join(TEST_TMP, "before-audit-without-free-text.db");
const FREE_TEXT = ["relapse in psychosis last week", "agreed on weekly follow-up", "ask the team about month 4", "Psykos Nord", "disconnected by Anna Specialist", "started at the bakery"];

function fillAsTheOldReleaseDid(db: Database.Database) {
  const at = "2026-11-01T10:00:00.000+00:00";
  db.prepare(`INSERT INTO Member (platform, workspaceId, platformUserId, displayName, updatedAt) VALUES ('slack', 'T1', 'U1', 'Anna Specialist', '${at}')`).run();
  db.prepare("INSERT INTO Clinic (name, platform, workspaceId) VALUES ('Psykos Nord', 'slack', 'T1')").run();
  db.prepare("INSERT INTO Participant (clinicId, code, specialistId, enrolledOn, status, statusSince) VALUES (1, 'P-017', 1, '2026-10-01', 'job-search', '2026-10-01')").run();
  db.prepare(`INSERT INTO MeetingFlag (clinicId, participantId, reason, flaggedById, flaggedAt, openFor) VALUES (1, 1, 'relapse in psychosis last week', 1, '${at}', 1)`).run();
  const event = db.prepare(`INSERT INTO AuditEvent (occurredAt, platform, workspaceId, actorMemberId, action, entityType, entityId, details) VALUES ('${at}', ?, ?, ?, ?, ?, ?, ?)`);
  event.run("slack", "T1", 1, "clinic.created", "clinic", "1", JSON.stringify({ name: "Psykos Nord" }));
  event.run("slack", "T1", 1, "participant.status-changed", "participant", "1", JSON.stringify({ from: "job-search", to: "working", effectiveOn: "2026-11-01", note: "started at the bakery" }));
  event.run("slack", "T1", 1, "meeting-flag.opened", "meeting-flag", "1", JSON.stringify({ participantId: 1, reason: "relapse in psychosis last week" }));
  event.run("slack", "T1", 1, "meeting-flag.closed", "meeting-flag", "1", JSON.stringify({ outcomeNote: "agreed on weekly follow-up" }));
  event.run("slack", "T1", 1, "fidelity-review.note-saved", "fidelity-review", "9", JSON.stringify({ itemKey: "caseload", note: "ask the team about month 4" }));
  event.run("slack", "T1", 1, "clinic-channel.disconnected", "clinic-channel", "4", JSON.stringify({ reason: "disconnected by Anna Specialist" }));
  event.run("teams", "tenant-a", null, "teams-installation.removed", "teams-installation", "2", JSON.stringify({ reason: "team-deleted" }));
  event.run("slack", "T1", 1, "participant.enrolled", "participant", "1", JSON.stringify({ code: "P-017", enrolledOn: "2026-10-01" }));
}

describe("migration 0014: audit events without free text", () => {
  beforeAll(async () => {
    await migrateThrough(file, "0013_deliveries");
    const db = new Database(file);
    fillAsTheOldReleaseDid(db);
    db.close();
    const bot = await startBot({ env: { PORT: "0", DATABASE_URL: `file:${file}` }, logger: recordingLogger() });
    await bot.stop();
  });

  it("removes every free text, keeping who, what, when and the structured fields", () => {
    const events = queryAll(file, "SELECT action, actorMemberId, occurredAt, details FROM AuditEvent WHERE action <> 'audit.free-text-removed' ORDER BY id");
    expect(events.map((event) => [event.action, JSON.parse(String(event.details))])).toEqual([
      ["clinic.created", {}],
      ["participant.status-changed", { from: "job-search", to: "working", effectiveOn: "2026-11-01" }],
      ["meeting-flag.opened", { participantId: 1 }],
      ["meeting-flag.closed", {}],
      ["fidelity-review.note-saved", { itemKey: "caseload" }],
      ["clinic-channel.disconnected", {}],
      ["teams-installation.removed", { cause: "team-deleted" }],
      ["participant.enrolled", { code: "P-017", enrolledOn: "2026-10-01" }],
    ]);
    expect(events.every((event) => String(event.occurredAt).startsWith("2026-11-01"))).toBe(true);
    const everything = JSON.stringify(queryAll(file, "SELECT * FROM AuditEvent"));
    for (const text of FREE_TEXT) expect(everything).not.toContain(text);
    expectAuditWithoutFreeText(file);
    // The free text lives on where it belongs, for an erasure to reach.
    expect(queryAll(file, "SELECT reason FROM MeetingFlag")).toEqual([{ reason: "relapse in psychosis last week" }]);
  });

  it("records itself as an audit event, with how many events it changed", () => {
    const [event] = queryAll(file, "SELECT platform, actorMemberId, entityType, details FROM AuditEvent WHERE action = 'audit.free-text-removed'");
    expect(event).toEqual({ platform: "system", actorMemberId: null, entityType: "audit-event", details: JSON.stringify({ events: 7, by: "migration-0014" }) });
  });

  it("fills in each event's clinic and the actor's platform user id", () => {
    expect(queryAll(file, "SELECT action, clinicId, actorPlatformUserId FROM AuditEvent WHERE entityType IN ('clinic', 'participant', 'meeting-flag') ORDER BY id")).toEqual([
      { action: "clinic.created", clinicId: 1, actorPlatformUserId: "U1" },
      { action: "participant.status-changed", clinicId: 1, actorPlatformUserId: "U1" },
      { action: "meeting-flag.opened", clinicId: 1, actorPlatformUserId: "U1" },
      { action: "meeting-flag.closed", clinicId: 1, actorPlatformUserId: "U1" },
      { action: "participant.enrolled", clinicId: 1, actorPlatformUserId: "U1" },
    ]);
  });

  it("leaves the audit log append-only", () => {
    const db = new Database(file);
    try {
      expect(() => db.prepare("UPDATE AuditEvent SET details = '{}'").run()).toThrow(/append-only/);
      expect(() => db.prepare("DELETE FROM AuditEvent").run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });
});
