// Who works, from one source: the job starts. A participant is working while a competitive job
// runs, in an internship while an internship runs, studying while studies run; the status follows
// the job start and its end (seed 001 and seed 003 report work, internship and studies apart).
import type { CalendarDay } from "./calendar-day.ts";
import { statusForJobKind, type JobKind } from "./outcomes.ts";
import type { StatusHistory } from "./status-history.ts";
import { statusOn } from "./status-history.ts";

/** The job kind a status stands for: only a job start (or its end) may set these statuses. */
export function jobKindBehindStatus(status: string): JobKind | undefined {
  switch (status) {
    case "working":
      return "competitive";
    case "internship":
      return "internship";
    case "studying":
      return "studies";
    default:
      return undefined;
  }
}

export interface HeldJob {
  kind: string;
  startedOn: CalendarDay;
  endedOn: CalendarDay | null;
}

/** Held at the end of `day`: started by then and not ended by then (a job's last day ends it). */
export function isJobHeldOn(job: HeldJob, day: CalendarDay): boolean {
  return job.startedOn <= day && (job.endedOn === null || job.endedOn > day);
}

export const OUTCOMES = ["working", "internship", "studying", "job-search", "paused"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * Where a participant on the caseload stands at the end of `day`: the job they hold decides
 * working, internship or studying (competitive work first); otherwise paused or in job search.
 * Undefined before enrolment and once closed.
 */
export function outcomeOn(participant: StatusHistory, jobs: readonly HeldJob[], day: CalendarDay): Outcome | undefined {
  const status = statusOn(participant, day);
  if (status === undefined || status === "closed") return undefined;
  const held = new Set(jobs.filter((job) => isJobHeldOn(job, day)).map((job) => job.kind));
  for (const kind of ["competitive", "internship", "studies"] as const) {
    if (held.has(kind)) return statusForJobKind(kind) as Outcome;
  }
  return status === "paused" ? "paused" : "job-search";
}

/**
 * Whether a stored status agrees with the participant's current job (its kind, or null without
 * one): working, internship and studying need a current job of their kind, and job search
 * cannot stand beside a current job. Paused or closed may (a participant may leave IPS employed).
 */
export function statusAgreesWithCurrentJob(status: string, currentJobKind: string | null): boolean {
  const needed = jobKindBehindStatus(status);
  if (needed !== undefined) return currentJobKind === needed;
  return !(status === "job-search" && currentJobKind !== null);
}
