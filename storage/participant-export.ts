// Everything ipsbot stores about one participant, for a data subject's access request (GDPR
// article 15): the participant, their status history, employer contacts, job starts and ends,
// meeting flags with reasons and outcome notes, fidelity evidence that names their code, and the
// audit events about them. Read in one transaction so the export is one consistent picture; the
// export itself is audited.
import { appendAuditEvent } from "./audit.ts";
import type { Db } from "./database.ts";
import type { Actor } from "./records.ts";

const day = (instant: Date | null) => (instant ? instant.toISOString() : null);

/** Evidence is stored as JSON; anything else is exported as the text it is. */
function parsed(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
}

export function participantExportRepository(db: Db) {
  return {
    /** The export, or null when the clinic has no such participant; records the export as an audit event. */
    async export(clinicId: number, participantId: number, actor: Actor, at: Date) {
      return db.$transaction(async (tx) => {
        const participant = await tx.participant.findFirst({
          where: { id: participantId, clinicId },
          include: {
            specialist: { select: { displayName: true } },
            statusChanges: { orderBy: { id: "asc" }, include: { recordedBy: { select: { displayName: true } } } },
            contacts: { orderBy: { id: "asc" }, include: { employer: { select: { name: true } }, specialist: { select: { displayName: true } } } },
            jobStarts: { orderBy: { id: "asc" }, include: { employer: { select: { name: true } } } },
            flags: { orderBy: { id: "asc" }, include: { flaggedBy: { select: { displayName: true } }, closedBy: { select: { displayName: true } } } },
          },
        });
        if (!participant) return null;
        // Fidelity evidence lists participants by code (the ones waiting for a first contact, say).
        const answers = await tx.fidelityItemAnswer.findMany({
          where: { review: { clinicId }, evidence: { contains: participant.code } },
          orderBy: { id: "asc" },
          select: { reviewId: true, itemKey: true, evidence: true },
        });
        const audit = await tx.auditEvent.findMany({ where: { clinicId, participantId }, orderBy: { id: "asc" } });
        await appendAuditEvent(tx, actor, at, "participant.exported", { type: "participant", id: participantId, clinicId, participantId }, { code: participant.code });
        return {
          participant: {
            code: participant.code,
            enrolledOn: participant.enrolledOn,
            status: participant.status,
            statusSince: participant.statusSince,
            employmentSpecialist: participant.specialist.displayName,
          },
          statusHistory: participant.statusChanges.map((change) => ({
            status: change.status,
            effectiveOn: change.effectiveOn,
            note: change.note,
            recordedBy: change.recordedBy.displayName,
            recordedAt: day(change.recordedAt),
          })),
          employerContacts: participant.contacts.map((contact) => ({
            employer: contact.employer.name,
            contactType: contact.contactType,
            occurredOn: contact.occurredOn,
            note: contact.note,
            employmentSpecialist: contact.specialist.displayName,
          })),
          jobs: participant.jobStarts.map((job) => ({
            employer: job.employer.name,
            jobType: job.jobType,
            kind: job.kind,
            hoursPerWeek: job.hoursPerWeek,
            startedOn: job.startedOn,
            endedOn: job.endedOn,
            endReason: job.endReason,
          })),
          meetingFlags: participant.flags.map((flag) => ({
            reason: flag.reason,
            flaggedBy: flag.flaggedBy.displayName,
            flaggedAt: day(flag.flaggedAt),
            closedBy: flag.closedBy?.displayName ?? null,
            closedAt: day(flag.closedAt),
            outcomeNote: flag.outcomeNote,
          })),
          fidelityEvidence: answers.map((answer) => ({ reviewId: answer.reviewId, itemKey: answer.itemKey, evidence: parsed(answer.evidence) })),
          auditEvents: audit.map((event) => ({
            occurredAt: day(event.occurredAt),
            action: event.action,
            actorMemberId: event.actorMemberId,
            actorPlatformUserId: event.actorPlatformUserId,
            details: JSON.parse(event.details) as unknown,
          })),
        };
      });
    },
  };
}

export type ParticipantExport = NonNullable<Awaited<ReturnType<ReturnType<typeof participantExportRepository>["export"]>>>;
