// IPS outcomes keep competitive work (ordinary work at ordinary pay) apart from internships
// (praktik) and studies, as the seeds' outcome tables do.
import type { ParticipantStatus } from "./caseload.ts";

export const JOB_KINDS = ["competitive", "internship", "studies"] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export const JOB_END_REASONS = ["quit", "fired", "contract-ended", "moved-on", "other"] as const;

export const MAX_HOURS_PER_WEEK = 60;

/** The participant's status while a job of this kind runs. */
export function statusForJobKind(kind: JobKind): ParticipantStatus {
  switch (kind) {
    case "competitive":
      return "working";
    case "internship":
      return "internship";
    case "studies":
      return "studying";
  }
}
