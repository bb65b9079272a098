// The audit log is append-only at the database level, not only by convention.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { checkAuditDetails, FreeTextInAuditEvent } from "../../storage/audit.ts";
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

describe("audit event details", () => {
  it("take ids, codes, dates, settings and old and new values", () => {
    expect(() => checkAuditDetails("x", { participantId: 3, code: "P-017", effectiveOn: "2026-11-18", status: { from: "job-search", to: "working" }, withNote: true, hours: null })).not.toThrow();
  });

  it.each([
    ["a note", { note: "relapse in psychosis" }],
    ["a reason, even one word", { reason: "relapse" }],
    ["an outcome note", { outcomeNote: "agreed" }],
    ["a name", { name: "Psykos Nord" }],
    ["text with spaces under another key", { cause: "disconnected by Anna" }],
    ["text with spaces as a new value", { status: { from: "paused", to: "back at work" } }],
    ["a value too long to be a token", { code: "x".repeat(201) }],
  ])("refuse %s", (_what, details) => {
    expect(() => checkAuditDetails("x", details)).toThrow(FreeTextInAuditEvent);
  });
});
