// The append-only audit log: every change writes one event in the same transaction as the
// change itself (UPDATE and DELETE on AuditEvent are refused by database triggers).
import type { Prisma } from "./generated/prisma/client.ts";
import type { Actor } from "./records.ts";

export async function appendAuditEvent(
  tx: Prisma.TransactionClient,
  /** The acting member, or the system (the scheduler) with memberId null. */
  actor: Actor | { platform: string; workspaceId: string; memberId: null },
  at: Date,
  action: string,
  entity: { type: string; id: number | string },
  details: Record<string, unknown>,
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      occurredAt: at,
      platform: actor.platform,
      workspaceId: actor.workspaceId,
      actorMemberId: actor.memberId,
      action,
      entityType: entity.type,
      entityId: String(entity.id),
      details: JSON.stringify(details),
    },
  });
}
