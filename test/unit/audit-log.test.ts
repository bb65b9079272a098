// The audit log is append-only at the database level, not only by convention.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { freshDatabaseFile } from "../support/database-copy.ts";

describe("audit log", () => {
  const file = freshDatabaseFile();
  const db = new Database(file);
  db.prepare(
    `INSERT INTO AuditEvent (occurredAt, platform, workspaceId, actorMemberId, action, entityType, entityId, details) VALUES (?, 'slack', 'T1', 1, 'participant.enrolled', 'participant', '1', '{}')`,
  ).run(Date.now());

  it("accepts new events", () => {
    expect(db.prepare("SELECT COUNT(*) AS n FROM AuditEvent").get()).toEqual({ n: 1 });
  });

  it("refuses to change an event", () => {
    expect(() => db.prepare("UPDATE AuditEvent SET action = 'forged'").run()).toThrow(/append-only/);
  });

  it("refuses to delete an event", () => {
    expect(() => db.prepare("DELETE FROM AuditEvent").run()).toThrow(/append-only/);
    expect(db.prepare("SELECT action FROM AuditEvent").all()).toEqual([{ action: "participant.enrolled" }]);
  });
});
