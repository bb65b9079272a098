// The competitive employment rate, by the two definitions the field reports it with
// (../shared/ips/outcome-definitions.md, "Employment rate"). A clinic chooses one in its channel
// settings; the IPS Employment Center's is the default.
import { addDays, type CalendarDay } from "./calendar-day.ts";
import { wasServedBetween, type StatusHistory } from "./status-history.ts";

export const RATE_DEFINITIONS = ["ips-employment-center", "ips-grow"] as const;
export type RateDefinition = (typeof RATE_DEFINITIONS)[number];
export const DEFAULT_RATE_DEFINITION: RateDefinition = "ips-employment-center";

export function isRateDefinition(text: string): text is RateDefinition {
  return (RATE_DEFINITIONS as readonly string[]).includes(text);
}

/** IPS Grow counts a job start only with at least this much paid work a week. */
export const IPS_GROW_MIN_HOURS_PER_WEEK = 4;
/** IPS Grow's benchmarks: 40% of out-of-work clients into work; 65% still working 13 weeks on. */
export const IPS_GROW_RATE_BENCHMARK_PERCENT = 40;
export const IPS_GROW_SUSTAINMENT_BENCHMARK_PERCENT = 65;
export const SUSTAINMENT_DAYS = 13 * 7;

export interface RateParticipant extends StatusHistory {
  id: number;
}

export interface RateJob {
  participantId: number;
  /** "competitive", "internship" or "studies": only competitive jobs are work in these figures. */
  kind: string;
  hoursPerWeek: number | null;
  startedOn: CalendarDay;
  endedOn: CalendarDay | null;
}

export interface Share {
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator as a whole percent, or null when the denominator is 0. */
  percent: number | null;
}

export function shareOf(numerator: number, denominator: number): Share {
  return { numerator, denominator, percent: denominator === 0 ? null : Math.round((numerator * 100) / denominator) };
}

/** The job ran on some day from `from` to `to`, both included (a job is worked on its last day too). */
function ranBetween(job: RateJob, from: CalendarDay, to: CalendarDay): boolean {
  return job.startedOn <= to && (job.endedOn === null || job.endedOn >= from);
}

/**
 * IPS Employment Center (the default): of everyone served in the period (on a caseload at any
 * time in it, paused included; enrolled after it or closed before it left out), those who held a
 * competitive job at any time in it.
 */
export function employmentCenterRate(participants: readonly RateParticipant[], jobs: readonly RateJob[], from: CalendarDay, to: CalendarDay): Share {
  const served = participants.filter((participant) => wasServedBetween(participant, from, to));
  const working = served.filter((participant) => jobs.some((job) => job.participantId === participant.id && job.kind === "competitive" && ranBetween(job, from, to)));
  return shareOf(working.length, served.length);
}

/** The IPS Employment Center's benchmark band for a rate in whole percent (ipsworks FAQ). */
export type EmploymentCenterBand = "below-minimum" | "minimum" | "average" | "excellent";

export function employmentCenterBand(percent: number): EmploymentCenterBand {
  if (percent < 31) return "below-minimum";
  if (percent <= 40) return "minimum";
  if (percent <= 49) return "average";
  return "excellent";
}

/** A job IPS Grow counts as a job start: competitive, with at least 4 paid hours a week. */
export function countsAsIpsGrowJobStart(job: RateJob): boolean {
  return job.kind === "competitive" && job.hoursPerWeek !== null && job.hoursPerWeek >= IPS_GROW_MIN_HOURS_PER_WEEK;
}

/**
 * In work when they started with IPS: a competitive job running on the day of enrolment
 * (ipsbot records a participant who is already employed with a job start dated that day).
 */
export function wasInWorkAtEnrolment(participant: RateParticipant, jobs: readonly RateJob[]): boolean {
  return jobs.some((job) => job.participantId === participant.id && job.kind === "competitive" && ranBetween(job, participant.enrolledOn, participant.enrolledOn));
}

/** The participant's first job start IPS Grow counts, after enrolment; later ones are not counted again. */
export function firstIpsGrowJobStart(participant: RateParticipant, jobs: readonly RateJob[]): RateJob | undefined {
  let first: RateJob | undefined;
  for (const job of jobs) {
    if (job.participantId !== participant.id || !countsAsIpsGrowJobStart(job) || job.startedOn < participant.enrolledOn) continue;
    if (first === undefined || job.startedOn < first.startedOn) first = job;
  }
  return first;
}

function outOfWorkAtStart(participants: readonly RateParticipant[], jobs: readonly RateJob[]): RateParticipant[] {
  return participants.filter((participant) => !wasInWorkAtEnrolment(participant, jobs));
}

/**
 * IPS Grow (since April 2024): of the participants served in the period who were out of work when
 * they started with IPS, those "supported into work" in it: their first job start of at least
 * 4 hours a week falls in the period.
 */
export function ipsGrowRate(participants: readonly RateParticipant[], jobs: readonly RateJob[], from: CalendarDay, to: CalendarDay): Share {
  const served = outOfWorkAtStart(participants, jobs).filter((participant) => wasServedBetween(participant, from, to));
  const supported = served.filter((participant) => {
    const first = firstIpsGrowJobStart(participant, jobs);
    return first !== undefined && first.startedOn >= from && first.startedOn <= to;
  });
  return shareOf(supported.length, served.length);
}

/**
 * IPS Grow's sustainment: of the first job starts whose 13th week ends in the period (each start
 * is judged once, in the period its 13 weeks end), those still in work that day, in the same or
 * another job of at least 4 hours a week.
 */
export function ipsGrowSustainment(participants: readonly RateParticipant[], jobs: readonly RateJob[], from: CalendarDay, to: CalendarDay): Share {
  let judged = 0;
  let sustained = 0;
  for (const participant of outOfWorkAtStart(participants, jobs)) {
    const first = firstIpsGrowJobStart(participant, jobs);
    if (first === undefined) continue;
    const mark = addDays(first.startedOn, SUSTAINMENT_DAYS);
    if (mark < from || mark > to) continue;
    judged += 1;
    const stillWorking = jobs.some((job) => job.participantId === participant.id && countsAsIpsGrowJobStart(job) && ranBetween(job, mark, mark));
    if (stillWorking) sustained += 1;
  }
  return shareOf(sustained, judged);
}
