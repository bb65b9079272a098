// A fresh, migrated SQLite file per suite, plus helpers to read it directly: tests compare
// whole tables before and after a bad request to prove nothing changed.
import { copyFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { TEMPLATE_DATABASE, TEST_TMP } from "./paths.ts";

export const DOMAIN_TABLES = [
  "Clinic",
  "Member",
  "Participant",
  "ParticipantStatusChange",
  "Employer",
  "EmployerContact",
  "MeetingFlag",
  "AuditEvent",
  "ClinicMembership",
  "ClinicChannel",
  "JobStart",
  "ScheduledPost",
  "FidelityReview",
  "FidelityItemAnswer",
  "TeamsInstallation",
  "Delivery",
] as const;

export function freshDatabaseFile(): string {
  const file = path.join(TEST_TMP, `${randomUUID()}.db`);
  copyFileSync(TEMPLATE_DATABASE, file);
  return file;
}

export function readTables(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries(DOMAIN_TABLES.map((table) => [table, db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all()]));
  } finally {
    db.close();
  }
}

export function countRows(file: string): Record<string, number> {
  return Object.fromEntries(Object.entries(readTables(file)).map(([table, rows]) => [table, rows.length]));
}

export function queryAll(file: string, sql: string, ...params: unknown[]): Record<string, unknown>[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

/** Writes rows the commands under test do not create (another clinic, a job start, a connected channel). */
export function execute(file: string, sql: string, ...params: unknown[]): number {
  const db = new Database(file, { fileMustExist: true, timeout: 5_000 });
  try {
    return Number(db.prepare(sql).run(...params).lastInsertRowid);
  } finally {
    db.close();
  }
}
