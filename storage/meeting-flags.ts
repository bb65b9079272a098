import { appendAuditEvent } from "./audit.ts";
import type { Db } from "./database.ts";
import { isUniqueViolation } from "./unique-violation.ts";
import type { Actor, OpenFlagRecord, ParticipantRecord } from "./records.ts";

export type CloseResult =
  | { outcome: "closed"; participantCode: string }
  | { outcome: "already-closed"; closedByName: string }
  | { outcome: "unknown" };

export function meetingFlagRepository(db: Db) {
  return {
    /** Flags the participant; "already-open" when an open flag exists (one per participant). */
    async open(flag: { clinicId: number; participantId: number; reason: string }, actor: Actor, at: Date): Promise<"opened" | "already-open"> {
      try {
        await db.$transaction(async (tx) => {
          const stored = await tx.meetingFlag.create({
            data: { ...flag, flaggedById: actor.memberId, flaggedAt: at, openFor: flag.participantId },
          });
          // The reason stays on the flag, where an erasure reaches it.
          await appendAuditEvent(tx, actor, at, "meeting-flag.opened", { type: "meeting-flag", id: stored.id, clinicId: flag.clinicId, participantId: flag.participantId }, {
            participantId: flag.participantId,
          });
        });
        return "opened";
      } catch (error) {
        if (isUniqueViolation(error)) return "already-open";
        throw error;
      }
    },

    async openForParticipant(participantId: number): Promise<OpenFlagRecord | null> {
      const flag = await db.meetingFlag.findUnique({
        where: { openFor: participantId },
        include: { participant: { select: { code: true, specialistId: true } }, flaggedBy: { select: { displayName: true } } },
      });
      return flag && toOpenFlag(flag);
    },

    async listOpen(clinicId: number): Promise<OpenFlagRecord[]> {
      const flags = await db.meetingFlag.findMany({
        where: { clinicId, closedAt: null },
        orderBy: { flaggedAt: "asc" },
        include: { participant: { select: { code: true, specialistId: true } }, flaggedBy: { select: { displayName: true } } },
      });
      return flags.map(toOpenFlag);
    },

    /** Closes an open flag of the clinic. Safe to repeat: a second close reports who closed it. */
    /** The participant a flag of this clinic concerns (to check who may close it), or null. */
    async participantOf(flagId: number, clinicId: number): Promise<ParticipantRecord | null> {
      const flag = await db.meetingFlag.findFirst({ where: { id: flagId, clinicId }, include: { participant: true } });
      return flag?.participant ?? null;
    },

    async close(flagId: number, clinicId: number, outcomeNote: string | undefined, actor: Actor, at: Date): Promise<CloseResult> {
      return db.$transaction(async (tx) => {
        const flag = await tx.meetingFlag.findFirst({
          where: { id: flagId, clinicId },
          include: { participant: { select: { code: true } }, closedBy: { select: { displayName: true } } },
        });
        if (!flag) return { outcome: "unknown" };
        const { count } = await tx.meetingFlag.updateMany({
          where: { id: flagId, closedAt: null },
          data: { closedAt: at, closedById: actor.memberId, outcomeNote: outcomeNote ?? null, openFor: null },
        });
        if (count === 0) return { outcome: "already-closed", closedByName: flag.closedBy?.displayName ?? "" };
        await appendAuditEvent(tx, actor, at, "meeting-flag.closed", { type: "meeting-flag", id: flagId, clinicId, participantId: flag.participantId }, {
          participantId: flag.participantId,
          withOutcomeNote: Boolean(outcomeNote),
        });
        return { outcome: "closed", participantCode: flag.participant.code };
      });
    },
  };
}

function toOpenFlag(flag: {
  id: number;
  reason: string;
  flaggedAt: Date;
  flaggedById: number;
  participant: { code: string; specialistId: number };
  flaggedBy: { displayName: string };
}): OpenFlagRecord {
  return {
    id: flag.id,
    participantCode: flag.participant.code,
    reason: flag.reason,
    flaggedByName: flag.flaggedBy.displayName,
    flaggedById: flag.flaggedById,
    specialistId: flag.participant.specialistId,
    flaggedAt: flag.flaggedAt,
  };
}
