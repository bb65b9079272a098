// Every suite that starts a bot ends by reading its whole audit table: no event may hold free
// text (issue 23). Whatever the tests typed (notes, reasons, names, injections) stays in its own
// rows, where an erasure reaches it; the audit keeps who, what, when and structured fields only.
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
