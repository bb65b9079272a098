import { appendAuditEvent } from "./audit.ts";
import type { Db } from "./database.ts";
import { isUniqueViolation } from "./unique-violation.ts";
import type { Actor, CaseloadEntry, ParticipantRecord } from "./records.ts";

export interface Enrolment {
  clinicId: number;
  code: string;
  specialistId: number;
  enrolledOn: string;
}

export interface StatusChange {
  status: string;
  effectiveOn: string;
  note: string | undefined;
}

export function participantRepository(db: Db) {
  return {
    async findByCode(clinicId: number, code: string): Promise<ParticipantRecord | null> {
      return db.participant.findUnique({ where: { clinicId_code: { clinicId, code } } });
    },

    /** Enrols a participant; "duplicate" when the clinic already uses the code. */
    async enroll(enrolment: Enrolment, actor: Actor, at: Date): Promise<ParticipantRecord | "duplicate"> {
      try {
        return await db.$transaction(async (tx) => {
          const participant = await tx.participant.create({
            data: { ...enrolment, status: "job-search", statusSince: enrolment.enrolledOn },
          });
          await tx.participantStatusChange.create({
            data: { participantId: participant.id, status: "job-search", effectiveOn: enrolment.enrolledOn, recordedById: actor.memberId, recordedAt: at },
          });
          await appendAuditEvent(tx, actor, at, "participant.enrolled", { type: "participant", id: participant.id, clinicId: participant.clinicId, participantId: participant.id }, {
            code: participant.code,
            enrolledOn: participant.enrolledOn,
          });
          return participant;
        });
      } catch (error) {
        if (isUniqueViolation(error)) return "duplicate";
        throw error;
      }
    },

    async changeStatus(participant: ParticipantRecord, change: StatusChange, actor: Actor, at: Date): Promise<void> {
      await db.$transaction(async (tx) => {
        await tx.participant.update({
          where: { id: participant.id },
          data: { status: change.status, statusSince: change.effectiveOn },
        });
        await tx.participantStatusChange.create({
          data: { participantId: participant.id, ...change, recordedById: actor.memberId, recordedAt: at },
        });
        await appendAuditEvent(tx, actor, at, "participant.status-changed", { type: "participant", id: participant.id, clinicId: participant.clinicId, participantId: participant.id }, {
          status: { from: participant.status, to: change.status },
          effectiveOn: change.effectiveOn,
          withNote: Boolean(change.note),
        });
      });
    },

    /** Moves the participant to another specialist's caseload. */
    async transfer(participant: ParticipantRecord, toSpecialistId: number, actor: Actor, at: Date): Promise<void> {
      await db.$transaction(async (tx) => {
        await tx.participant.update({ where: { id: participant.id }, data: { specialistId: toSpecialistId } });
        await appendAuditEvent(tx, actor, at, "participant.transferred", { type: "participant", id: participant.id, clinicId: participant.clinicId, participantId: participant.id }, {
          code: participant.code,
          fromSpecialistId: participant.specialistId,
          toSpecialistId,
        });
      });
    },

    /** The clinic's participants that are not closed, ordered by code. */
    async listOpen(clinicId: number): Promise<ParticipantRecord[]> {
      return db.participant.findMany({ where: { clinicId, status: { not: "closed" } }, orderBy: { code: "asc" } });
    },

    /** A specialist's participants with what the caseload view shows, ordered by code. */
    async caseload(clinicId: number, specialistId: number): Promise<CaseloadEntry[]> {
      const participants = await db.participant.findMany({
        where: { clinicId, specialistId },
        orderBy: { code: "asc" },
        include: {
          contacts: { select: { contactType: true, occurredOn: true }, orderBy: { occurredOn: "desc" } },
          _count: { select: { flags: { where: { closedAt: null } } } },
        },
      });
      return participants.map((participant) => ({
        code: participant.code,
        status: participant.status,
        enrolledOn: participant.enrolledOn,
        contacts: participant.contacts,
        openFlags: participant._count.flags,
      }));
    },
  };
}
