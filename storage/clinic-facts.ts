// Everything the weekly digest and the fidelity evidence read about a clinic, in one snapshot
// of plain facts. A clinic has hundreds of participants at most, so reading it whole is cheaper
// and simpler than one query per figure.
import type { Db } from "./database.ts";

export interface ParticipantFact {
  id: number;
  code: string;
  specialistId: number;
  enrolledOn: string;
  /** Status changes in the order they were recorded. */
  statusHistory: { status: string; effectiveOn: string }[];
}

export interface ContactFact {
  specialistId: number;
  participantId: number | null;
  employerId: number;
  contactType: string;
  occurredOn: string;
}

export interface JobFact {
  participantId: number;
  employerId: number;
  jobType: string;
  kind: string;
  hoursPerWeek: number | null;
  startedOn: string;
  endedOn: string | null;
}

export interface ClinicFacts {
  specialists: { id: number; displayName: string }[];
  participants: ParticipantFact[];
  contacts: ContactFact[];
  jobs: JobFact[];
  openFlags: { participantCode: string; flaggedAt: Date }[];
}

export function clinicFactsRepository(db: Db) {
  return {
    async of(clinicId: number): Promise<ClinicFacts> {
      const [participants, contacts, jobs, openFlags, memberships] = await Promise.all([
        db.participant.findMany({
          where: { clinicId },
          orderBy: { code: "asc" },
          select: {
            id: true,
            code: true,
            specialistId: true,
            enrolledOn: true,
            statusChanges: { select: { status: true, effectiveOn: true }, orderBy: { id: "asc" } },
          },
        }),
        db.employerContact.findMany({
          where: { clinicId },
          select: { specialistId: true, participantId: true, employerId: true, contactType: true, occurredOn: true },
        }),
        db.jobStart.findMany({
          where: { clinicId },
          select: { participantId: true, employerId: true, jobType: true, kind: true, hoursPerWeek: true, startedOn: true, endedOn: true },
        }),
        db.meetingFlag.findMany({
          where: { clinicId, closedAt: null },
          orderBy: { flaggedAt: "asc" },
          select: { flaggedAt: true, participant: { select: { code: true } } },
        }),
        db.clinicMembership.findMany({ where: { clinicId }, select: { member: { select: { id: true, displayName: true } } } }),
      ]);
      const specialistIds = new Set([...participants.map((p) => p.specialistId), ...contacts.map((c) => c.specialistId)]);
      const names = new Map(memberships.map(({ member }) => [member.id, member.displayName]));
      const missing = [...specialistIds].filter((id) => !names.has(id));
      if (missing.length > 0) {
        for (const member of await db.member.findMany({ where: { id: { in: missing } }, select: { id: true, displayName: true } })) {
          names.set(member.id, member.displayName);
        }
      }
      return {
        specialists: [...specialistIds].map((id) => ({ id, displayName: names.get(id) ?? String(id) })).sort((a, b) => a.displayName.localeCompare(b.displayName)),
        participants: participants.map(({ statusChanges, ...participant }) => ({ ...participant, statusHistory: statusChanges })),
        contacts,
        jobs,
        openFlags: openFlags.map((flag) => ({ participantCode: flag.participant.code, flaggedAt: flag.flaggedAt })),
      };
    },
  };
}
