// Gathers, for one clinic, the records the data-assisted fidelity items are computed from.
// Returns plain rows; the rules that turn them into evidence live in commands/fidelity/suggestions.
import type { Db } from "./database.ts";

export interface EvidenceRows {
  /** Each participant with their status history, so that the items see statuses as they were in the period. */
  participants: { id: number; specialistId: number; enrolledOn: string; statusHistory: { status: string; effectiveOn: string }[] }[];
  contacts: { specialistId: number; participantId: number | null; contactType: string; occurredOn: string }[];
  jobStarts: { participantId: number; employerId: number; jobType: string; kind: string; startedOn: string }[];
  /** The day of the clinic's first logged employer contact, if any. */
  contactLogSince: string | undefined;
}

export function fidelityEvidenceRepository(db: Db) {
  return {
    async forPeriod(clinicId: number, from: string, to: string): Promise<EvidenceRows> {
      const [participants, contacts, jobStarts, firstContact] = await Promise.all([
        db.participant.findMany({
          where: { clinicId },
          select: { id: true, specialistId: true, enrolledOn: true, statusChanges: { select: { status: true, effectiveOn: true }, orderBy: { id: "asc" } } },
        }),
        db.employerContact.findMany({
          where: { clinicId, occurredOn: { gte: from, lte: to } },
          select: { specialistId: true, participantId: true, contactType: true, occurredOn: true },
        }),
        db.jobStart.findMany({
          where: { clinicId, startedOn: { gte: from, lte: to } },
          select: { participantId: true, employerId: true, jobType: true, kind: true, startedOn: true },
        }),
        db.employerContact.findFirst({ where: { clinicId }, orderBy: { occurredOn: "asc" }, select: { occurredOn: true } }),
      ]);
      return {
        participants: participants.map(({ statusChanges, ...participant }) => ({ ...participant, statusHistory: statusChanges })),
        contacts,
        jobStarts,
        contactLogSince: firstContact?.occurredOn,
      };
    },
  };
}
