// Every suite that starts a bot ends by reading its whole audit table: no event may hold free
// text. Whatever the tests typed (notes, reasons, names, injections) stays in its own
// rows, where an erasure reaches it; the audit keeps who, what, when and structured fields only.
import { expect } from "vitest";
import { checkAuditDetails } from "../../storage/audit.ts";
import { queryAll } from "./database-copy.ts";

export function expectAuditWithoutFreeText(databaseFile: string): void {
  for (const row of queryAll(databaseFile, "SELECT id, action, details FROM AuditEvent ORDER BY id")) {
    try {
      checkAuditDetails(String(row.action), JSON.parse(String(row.details)));
    } catch (error) {
      throw new Error(`audit event ${String(row.id)} holds free text: ${(error as Error).message}`);
    }
  }
}

/** Bookkeeping that is not a change of the clinic's data: delivery keys, and staff records kept current. */
const BOOKKEEPING = new Set(["AuditEvent", "Delivery", "Member"]);

/**
 * A request that changed the clinic's data wrote exactly one audit event (a post to each of the
 * clinic's channels is one change each); one that changed nothing wrote none, unless its audit
 * event is its only record (an export, a posted summary). Staff-record events (member.added,
 * member.renamed) are bookkeeping like their table. Returns whether the clinic's data changed.
 */
export function expectOneAuditEventPerChange(name: string, before: Record<string, unknown[]>, after: Record<string, unknown[]>, recordedByAuditAlone: boolean): boolean {
  const changed = Object.keys(after).some((table) => !BOOKKEEPING.has(table) && JSON.stringify(after[table]) !== JSON.stringify(before[table]));
  const posts = (after.ScheduledPost?.length ?? 0) - (before.ScheduledPost?.length ?? 0);
  const clinicEvents = (rows: unknown[] | undefined) => (rows ?? []).filter((row) => !String((row as { action: string }).action).startsWith("member.")).length;
  const events = clinicEvents(after.AuditEvent) - clinicEvents(before.AuditEvent);
  const expected = changed ? Math.max(1, posts) : recordedByAuditAlone ? 1 : 0;
  expect({ name, changed, events }).toEqual({ name, changed, events: expected });
  return changed;
}
