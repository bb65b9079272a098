// Reading the audit log: a clinic's events newest first, a page at a time, about one participant,
// by one member, or since a day. Each event comes with the names people know it by (the actor's
// display name, the participant's code) looked up here, so commands never join tables.
import type { Db } from "./database.ts";

export interface AuditQuery {
  clinicId: number;
  participantId?: number;
  actorMemberId?: number;
  since?: Date;
  /** Events older than this one (the last of the page before). */
  beforeId?: number;
  limit: number;
}

export interface AuditEntry {
  id: number;
  occurredAt: Date;
  platform: string;
  action: string;
  entityType: string;
  entityId: string;
  actorMemberId: number | null;
  actorName: string | null;
  actorPlatformUserId: string | null;
  participantCode: string | null;
  details: Record<string, unknown>;
}

export function auditLogRepository(db: Db) {
  return {
    async list(query: AuditQuery): Promise<AuditEntry[]> {
      const rows = await db.auditEvent.findMany({
        where: {
          clinicId: query.clinicId,
          ...(query.participantId !== undefined ? { participantId: query.participantId } : {}),
          ...(query.actorMemberId !== undefined ? { actorMemberId: query.actorMemberId } : {}),
          ...(query.since ? { occurredAt: { gte: query.since } } : {}),
          ...(query.beforeId !== undefined ? { id: { lt: query.beforeId } } : {}),
        },
        orderBy: { id: "desc" },
        take: query.limit,
      });
      const memberIds = [...new Set(rows.flatMap((row) => (row.actorMemberId === null ? [] : [row.actorMemberId])))];
      const participantIds = [...new Set(rows.flatMap((row) => (row.participantId === null ? [] : [row.participantId])))];
      const members = new Map((await db.member.findMany({ where: { id: { in: memberIds } }, select: { id: true, displayName: true } })).map((member) => [member.id, member.displayName]));
      const codes = new Map((await db.participant.findMany({ where: { id: { in: participantIds } }, select: { id: true, code: true } })).map((participant) => [participant.id, participant.code]));
      return rows.map((row) => ({
        id: row.id,
        occurredAt: row.occurredAt,
        platform: row.platform,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        actorMemberId: row.actorMemberId,
        actorName: row.actorMemberId === null ? null : (members.get(row.actorMemberId) ?? null),
        actorPlatformUserId: row.actorPlatformUserId,
        participantCode: row.participantId === null ? null : (codes.get(row.participantId) ?? null),
        details: JSON.parse(row.details) as Record<string, unknown>,
      }));
    },
  };
}
