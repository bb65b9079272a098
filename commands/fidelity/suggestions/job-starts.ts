// Items 19-21 look at the job starts of the period. Studies are not jobs; internships (praktik)
// are, so item 21 can show how many of the jobs were competitive rather than internships.
import { isWithin, type EvidenceData, type EvidenceJobStart } from "./evidence.ts";

/** Fewer job starts than this make the percentages jump by a fifth or more per job. */
export const JOB_STARTS_MIN = 5;

export const JOB_KINDS = ["competitive", "internship"] as const;

export function jobStartsInPeriod({ jobStarts, period }: EvidenceData): EvidenceJobStart[] {
  return jobStarts.filter((start) => (JOB_KINDS as readonly string[]).includes(start.kind) && isWithin(start.startedOn, period));
}

/** "Barista ", "barista" and "BARISTA" are one job type. */
export function jobTypeKey(jobType: string): string {
  return jobType.normalize("NFKC").replace(/\s+/gu, " ").trim().toLocaleLowerCase("sv");
}

export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part * 100) / whole);
}
