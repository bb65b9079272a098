// The append-only audit log: every change writes one event in the same transaction as the change
// itself (UPDATE and DELETE on AuditEvent are refused by database triggers). An event says who
// (member and platform user id), what (action, entity), where (clinic, platform, workspace), when,
// and the structured fields changed, old and new (`{ from, to }`). It never carries free text:
// notes, reasons, outcome notes and names stay in their own rows, where an erasure can reach them.
import type { Prisma } from "./generated/prisma/client.ts";
import type { Actor } from "./records.ts";

export type AuditScalar = string | number | boolean | null;
export type AuditDetails = Readonly<Record<string, AuditScalar | { from: AuditScalar; to: AuditScalar }>>;

/** The scheduler and migrations act as the system. */
export const SYSTEM_ACTOR = { platform: "system", workspaceId: "-", memberId: null } as const;

/** Keys that hold what people typed: never in an audit event. */
const FREE_TEXT_KEYS = new Set(["note", "reason", "outcomeNote", "name", "text", "employerName", "displayName"]);

/** Free text slipped into an audit event: a programming error, refused before anything is written. */
export class FreeTextInAuditEvent extends Error {
  override name = "FreeTextInAuditEvent";
}

/** A structured value is a number, a boolean, null, or one token: an id, a code, a date, a setting. */
function checkValue(action: string, key: string, value: unknown): void {
  if (value === null || typeof value === "number" || typeof value === "boolean") return;
  if (typeof value === "string" && value.length <= 200 && !/\s/u.test(value)) return;
  throw new FreeTextInAuditEvent(`audit event ${action}: ${key} is not a structured value`);
}

export function checkAuditDetails(action: string, details: AuditDetails): void {
  for (const [key, value] of Object.entries(details)) {
    if (FREE_TEXT_KEYS.has(key)) throw new FreeTextInAuditEvent(`audit event ${action}: ${key} is free text`);
    if (value !== null && typeof value === "object") {
      checkValue(action, `${key}.from`, value.from);
      checkValue(action, `${key}.to`, value.to);
    } else checkValue(action, key, value);
  }
}

export async function appendAuditEvent(
  tx: Prisma.TransactionClient,
  /** The acting member, or the system (the scheduler) with memberId null. */
  actor: Actor | typeof SYSTEM_ACTOR,
  at: Date,
  action: string,
  /** What changed, and the clinic it belongs to (null for what belongs to no clinic, such as a Teams installation). */
  entity: { type: string; id: number | string; clinicId: number | null; participantId?: number | null },
  details: AuditDetails,
): Promise<void> {
  checkAuditDetails(action, details);
  await tx.auditEvent.create({
    data: {
      occurredAt: at,
      platform: actor.platform,
      workspaceId: actor.workspaceId,
      actorMemberId: actor.memberId,
      actorPlatformUserId: "platformUserId" in actor ? (actor.platformUserId ?? null) : null,
      clinicId: entity.clinicId,
      participantId: entity.participantId ?? null,
      action,
      entityType: entity.type,
      entityId: String(entity.id),
      details: JSON.stringify(details),
    },
  });
}
