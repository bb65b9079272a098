import { appendAuditEvent } from "./audit.ts";
import type { Db } from "./database.ts";
import { upsertEmployer } from "./employers.ts";
import { isUniqueViolation } from "./unique-violation.ts";
import type { Actor, ParticipantRecord } from "./records.ts";

export interface CurrentJob {
  id: number;
  employerName: string;
  kind: string;
  jobType: string;
  startedOn: string;
}

export interface NewJobStart {
  clinicId: number;
  employerName: string;
  employerKey: string;
  jobType: string;
  kind: string;
  hoursPerWeek: number | undefined;
  startedOn: string;
}

export interface JobEnd {
  endedOn: string;
  endReason: string | undefined;
  nextStatus: string;
}

export function jobStartRepository(db: Db) {
  return {
    async currentFor(participantId: number): Promise<CurrentJob | null> {
      const job = await db.jobStart.findUnique({ where: { currentFor: participantId }, include: { employer: { select: { name: true } } } });
      return job && { id: job.id, employerName: job.employer.name, kind: job.kind, jobType: job.jobType, startedOn: job.startedOn };
    },

    /** Records the start and moves the participant's status with it; "already-current" if a job runs. */
    async start(participant: ParticipantRecord, job: NewJobStart, status: string, actor: Actor, at: Date): Promise<"started" | "already-current"> {
      const { employerName, employerKey, clinicId, ...rest } = job;
      try {
        await db.$transaction(async (tx) => {
          const employer = await upsertEmployer(tx, clinicId, employerName, employerKey);
          const stored = await tx.jobStart.create({
            data: { ...rest, clinicId, participantId: participant.id, employerId: employer.id, recordedById: actor.memberId, currentFor: participant.id },
          });
          await tx.participant.update({ where: { id: participant.id }, data: { status, statusSince: job.startedOn } });
          await tx.participantStatusChange.create({
            data: { participantId: participant.id, status, effectiveOn: job.startedOn, recordedById: actor.memberId, recordedAt: at },
          });
          await appendAuditEvent(tx, actor, at, "job.started", { type: "job-start", id: stored.id, clinicId, participantId: participant.id }, {
            participantId: participant.id,
            employerId: employer.id,
            jobType: job.jobType,
            kind: job.kind,
            hoursPerWeek: job.hoursPerWeek ?? null,
            startedOn: job.startedOn,
            statusFrom: participant.status,
            statusTo: status,
          });
        });
        return "started";
      } catch (error) {
        if (isUniqueViolation(error)) return "already-current";
        throw error;
      }
    },

    async end(participant: ParticipantRecord, jobId: number, end: JobEnd, actor: Actor, at: Date): Promise<boolean> {
      return db.$transaction(async (tx) => {
        const { count } = await tx.jobStart.updateMany({
          where: { id: jobId, currentFor: participant.id },
          data: { endedOn: end.endedOn, endReason: end.endReason ?? null, currentFor: null },
        });
        if (count === 0) return false;
        await tx.participant.update({ where: { id: participant.id }, data: { status: end.nextStatus, statusSince: end.endedOn } });
        await tx.participantStatusChange.create({
          data: { participantId: participant.id, status: end.nextStatus, effectiveOn: end.endedOn, recordedById: actor.memberId, recordedAt: at },
        });
        await appendAuditEvent(tx, actor, at, "job.ended", { type: "job-start", id: jobId, clinicId: participant.clinicId, participantId: participant.id }, {
          participantId: participant.id,
          endedOn: end.endedOn,
          endReason: end.endReason ?? null,
          statusFrom: participant.status,
          statusTo: end.nextStatus,
        });
        return true;
      });
    },
  };
}
