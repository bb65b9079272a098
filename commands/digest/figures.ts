// The weekly digest's figures, as small pure functions over a clinic's facts. Each is defined in
// the README ("The weekly digest") and tested on hand-built data in test/unit/digest-figures.test.ts.
import type { ClinicFacts, ParticipantFact } from "../../storage/store.ts";
import { addDays, addMonths, daysBetween, type CalendarDay } from "../rules/calendar-day.ts";
import { CASELOAD_CEILING, isActiveStatus } from "../rules/caseload.ts";
import { statusOn, wasActiveBetween } from "../rules/status-history.ts";
import { FIRST_CONTACT_DEADLINE_DAYS } from "../rules/employer-contacts.ts";
import { isoWeekOf, type IsoWeek } from "../rules/iso-week.ts";

export interface SpecialistWeek {
  specialistId: number;
  displayName: string;
  active: number;
  paused: number;
  inPersonContacts: number;
  otherContacts: number;
}

export function specialistWeeks(facts: ClinicFacts, week: IsoWeek): SpecialistWeek[] {
  return facts.specialists.map((specialist) => {
    const statuses = facts.participants.filter((p) => p.specialistId === specialist.id).map((p) => statusOn(p, week.sunday));
    const contacts = facts.contacts.filter((c) => c.specialistId === specialist.id && c.occurredOn >= week.monday && c.occurredOn <= week.sunday);
    const inPerson = contacts.filter((c) => c.contactType === "in-person").length;
    return {
      specialistId: specialist.id,
      displayName: specialist.displayName,
      active: statuses.filter((status) => status !== undefined && isActiveStatus(status)).length,
      paused: statuses.filter((status) => status === "paused").length,
      inPersonContacts: inPerson,
      otherContacts: contacts.length - inPerson,
    };
  });
}

export interface OutcomeCounts {
  working: number;
  internship: number;
  studying: number;
  jobSearch: number;
  paused: number;
}

export function outcomesOn(facts: ClinicFacts, day: CalendarDay): OutcomeCounts {
  const statuses = facts.participants.map((p) => statusOn(p, day));
  const count = (status: string) => statuses.filter((s) => s === status).length;
  return { working: count("working"), internship: count("internship"), studying: count("studying"), jobSearch: count("job-search"), paused: count("paused") };
}

export function jobStartsAndEnds(facts: ClinicFacts, week: IsoWeek): { starts: number; ends: number } {
  const inWeek = (day: string | null) => day !== null && day >= week.monday && day <= week.sunday;
  return { starts: facts.jobs.filter((job) => inWeek(job.startedOn)).length, ends: facts.jobs.filter((job) => inWeek(job.endedOn)).length };
}

export interface EmploymentRate {
  /** Participants who held a competitive job at any time in the period. */
  employed: number;
  /** Participants active at any time in the period. */
  active: number;
  /** employed ÷ active, or null when nobody was active. */
  rate: number | null;
}

export function employmentRate(facts: ClinicFacts, from: CalendarDay, to: CalendarDay): EmploymentRate {
  const active = facts.participants.filter((p) => wasActiveBetween(p, from, to));
  const employed = active.filter((p) =>
    facts.jobs.some((job) => job.participantId === p.id && job.kind === "competitive" && job.startedOn <= to && (job.endedOn === null || job.endedOn >= from)),
  );
  return { employed: employed.length, active: active.length, rate: active.length === 0 ? null : employed.length / active.length };
}

export function firstContactDay(facts: ClinicFacts, participantId: number, contactType?: string): CalendarDay | undefined {
  let first: CalendarDay | undefined;
  for (const contact of facts.contacts) {
    if (contact.participantId !== participantId || (contactType && contact.contactType !== contactType)) continue;
    if (first === undefined || contact.occurredOn < first) first = contact.occurredOn;
  }
  return first;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Median days from enrolment to the first employer contact, for participants enrolled in the six months up to `asOf`. */
export function rapidJobSearch(facts: ClinicFacts, asOf: CalendarDay): { medianDays: number | null; participants: number } {
  const since = addMonths(asOf, -6);
  const days = facts.participants
    .filter((p) => p.enrolledOn > since && p.enrolledOn <= asOf)
    .flatMap((p) => {
      const first = firstContactDay(facts, p.id);
      return first !== undefined && first <= asOf ? [daysBetween(p.enrolledOn, first)] : [];
    });
  return { medianDays: median(days), participants: days.length };
}

export interface NeedsAttention {
  /** Active, enrolled more than 30 days ago, and no employer contact yet. */
  waitingForFirstContact: string[];
  /** Job-searching, contacted before, but no employer contact on their behalf in the last 30 days. */
  noRecentContact: string[];
  /** Specialists with more than 20 active participants. */
  overCeiling: string[];
}

export function needsAttention(facts: ClinicFacts, asOf: CalendarDay): NeedsAttention {
  const recentFrom = addDays(asOf, -FIRST_CONTACT_DEADLINE_DAYS);
  const waiting: string[] = [];
  const stale: string[] = [];
  for (const participant of facts.participants) {
    const status = statusOn(participant, asOf);
    if (status === undefined || !isActiveStatus(status)) continue;
    const days = facts.contacts.filter((c) => c.participantId === participant.id && c.occurredOn <= asOf).map((c) => c.occurredOn);
    if (days.length === 0) {
      if (daysBetween(participant.enrolledOn, asOf) > FIRST_CONTACT_DEADLINE_DAYS) waiting.push(participant.code);
    } else if (status === "job-search" && days.every((day) => day <= recentFrom)) {
      stale.push(participant.code);
    }
  }
  const overCeiling = facts.specialists
    .filter((specialist) => {
      const active = facts.participants.filter((p) => p.specialistId === specialist.id && isActiveStatus(statusOn(p, asOf) ?? "closed"));
      return active.length > CASELOAD_CEILING;
    })
    .map((specialist) => specialist.displayName);
  return { waitingForFirstContact: waiting, noRecentContact: stale, overCeiling };
}

export interface TrendWeek {
  week: IsoWeek;
  inPersonContacts: number;
  /** Participants holding a competitive job at the end of the week. */
  inWork: number;
}

/** The `weeks` ISO weeks ending with `last`, oldest first. */
export function weeklyTrend(facts: ClinicFacts, last: IsoWeek, weeks = 12): TrendWeek[] {
  return Array.from({ length: weeks }, (_, index) => isoWeekOf(addDays(last.monday, -7 * (weeks - 1 - index)))).map((week) => ({
    week,
    inPersonContacts: facts.contacts.filter((c) => c.contactType === "in-person" && c.occurredOn >= week.monday && c.occurredOn <= week.sunday).length,
    inWork: new Set(
      facts.jobs.filter((job) => job.kind === "competitive" && job.startedOn <= week.sunday && (job.endedOn === null || job.endedOn > week.sunday)).map((job) => job.participantId),
    ).size,
  }));
}
