// The weekly digest's figures, as small pure functions over a clinic's facts. Each is defined in
// the README ("The weekly digest") and tested on hand-built data in test/unit/digest-figures.test.ts.
import type { ClinicFacts } from "../../storage/store.ts";
import { addDays, addMonths, type CalendarDay } from "../rules/calendar-day.ts";
import { CASELOAD_CEILING, isActiveStatus } from "../rules/caseload.ts";
import { countInPersonContactsInWeek, FIRST_CONTACT_DEADLINE_DAYS } from "../rules/employer-contacts.ts";
import { DEFAULT_RATE_DEFINITION, employmentCenterRate, ipsGrowRate, ipsGrowSustainment, type RateDefinition, type Share } from "../rules/employment-rate.ts";
import {
  daysToFirstEmployerContact,
  firstEmployerContactOn,
  isWaitingPastFirstContactDeadline,
  summariseDaysToFirstContact,
  type DaysSummary,
} from "../rules/first-employer-contact.ts";
import { isoWeekOf, type IsoWeek } from "../rules/iso-week.ts";
import { statusOn } from "../rules/status-history.ts";
import { isJobHeldOn, outcomeOn } from "../rules/working.ts";

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
    const inPerson = countInPersonContactsInWeek(contacts, week);
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

/** Everyone on a caseload at the end of `day`, by where they stand: the job they hold decides (rules/working.ts). */
export function outcomesOn(facts: ClinicFacts, day: CalendarDay): OutcomeCounts {
  const counts: OutcomeCounts = { working: 0, internship: 0, studying: 0, jobSearch: 0, paused: 0 };
  const jobs = byParticipant(facts.jobs);
  for (const participant of facts.participants) {
    const outcome = outcomeOn(participant, jobs.get(participant.id) ?? [], day);
    if (outcome === undefined) continue;
    counts[outcome === "job-search" ? "jobSearch" : outcome] += 1;
  }
  return counts;
}

export function jobStartsAndEnds(facts: ClinicFacts, week: IsoWeek): { starts: number; ends: number } {
  const inWeek = (day: string | null) => day !== null && day >= week.monday && day <= week.sunday;
  return { starts: facts.jobs.filter((job) => inWeek(job.startedOn)).length, ends: facts.jobs.filter((job) => inWeek(job.endedOn)).length };
}

/** The competitive employment rate from `from` to `to` by the clinic's chosen definition (rules/employment-rate.ts). */
export function employmentRate(facts: ClinicFacts, from: CalendarDay, to: CalendarDay, definition: RateDefinition = DEFAULT_RATE_DEFINITION): Share {
  return definition === "ips-grow" ? ipsGrowRate(facts.participants, facts.jobs, from, to) : employmentCenterRate(facts.participants, facts.jobs, from, to);
}

/** IPS Grow's sustainment: first job starts whose 13 weeks end from `from` to `to`, still in work that day. */
export function sustainment(facts: ClinicFacts, from: CalendarDay, to: CalendarDay): Share {
  return ipsGrowSustainment(facts.participants, facts.jobs, from, to);
}

function byParticipant<T extends { participantId: number | null }>(rows: readonly T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    if (row.participantId === null) continue;
    const list = map.get(row.participantId);
    if (list) list.push(row);
    else map.set(row.participantId, [row]);
  }
  return map;
}

/** How many months back the digest's rapid-job-search figure looks at enrolments. */
export const RAPID_SEARCH_WINDOW_MONTHS = 6;

/**
 * Days from enrolment to the first employer contact (first in-person meeting), mean and median with
 * n, for participants enrolled in the six months up to `asOf` whose wait has ended.
 */
export function rapidJobSearch(facts: ClinicFacts, asOf: CalendarDay): DaysSummary {
  const since = addMonths(asOf, -RAPID_SEARCH_WINDOW_MONTHS);
  const contacts = byParticipant(facts.contacts);
  const days = facts.participants
    .filter((p) => p.enrolledOn > since && p.enrolledOn <= asOf)
    .flatMap((p) => {
      const waited = daysToFirstEmployerContact(p.enrolledOn, contacts.get(p.id) ?? [], asOf);
      return waited === undefined ? [] : [waited];
    });
  return summariseDaysToFirstContact(days);
}

export interface NeedsAttention {
  /** In job search, enrolled more than 30 days ago, and no first employer contact (in-person meeting) yet. */
  waitingForFirstContact: string[];
  /** In job search, met an employer before, but no employer contact of any kind on their behalf in the last 30 days. */
  noRecentContact: string[];
  /** Specialists with more than 20 active participants. */
  overCeiling: string[];
}

export function needsAttention(facts: ClinicFacts, asOf: CalendarDay): NeedsAttention {
  const recentFrom = addDays(asOf, -FIRST_CONTACT_DEADLINE_DAYS);
  const contacts = byParticipant(facts.contacts);
  const waiting: string[] = [];
  const stale: string[] = [];
  for (const participant of facts.participants) {
    const status = statusOn(participant, asOf);
    if (status !== "job-search") continue;
    const own = (contacts.get(participant.id) ?? []).filter((c) => c.occurredOn <= asOf);
    const firstMeeting = firstEmployerContactOn(participant.enrolledOn, own);
    if (isWaitingPastFirstContactDeadline(status, participant.enrolledOn, firstMeeting, asOf)) waiting.push(participant.code);
    else if (firstMeeting !== undefined && own.every((c) => c.occurredOn <= recentFrom)) stale.push(participant.code);
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
    inPersonContacts: countInPersonContactsInWeek(facts.contacts, week),
    inWork: new Set(
      facts.jobs.filter((job) => job.kind === "competitive" && isJobHeldOn(job, week.sunday)).map((job) => job.participantId),
    ).size,
  }));
}
