// Rapid job search, by the field's definition: the first employer contact is the first
// face-to-face (in-person) contact with an employer about a competitive job, by the participant or
// the specialist on their behalf, counted from the day the participant entered the service
// (the fidelity manual's item 15; seed 004 chapter 3, item 15; seed 003 measures "days until the
// participant met an employer", 55 on average against the target of 30). Phone calls, e-mails
// and video calls are real work and are counted as such, but they do not end the wait.
// Source: ../shared/ips/outcome-definitions.md, "Rapid job search".
import { daysBetween, type CalendarDay } from "./calendar-day.ts";
import { FIRST_CONTACT_DEADLINE_DAYS, isInPersonContact } from "./employer-contacts.ts";

export interface ParticipantContact {
  contactType: string;
  occurredOn: CalendarDay;
}

/** Whether a contact of this type can be the first employer contact (a meeting in person). */
export function countsAsEmployerMeeting(contactType: string): boolean {
  return isInPersonContact(contactType);
}

/**
 * The day of the first in-person employer contact on the participant's behalf, on or after
 * enrolment and up to `asOf`; undefined while there is none.
 */
export function firstEmployerContactOn(enrolledOn: CalendarDay, contacts: readonly ParticipantContact[], asOf?: CalendarDay): CalendarDay | undefined {
  let first: CalendarDay | undefined;
  for (const contact of contacts) {
    if (!countsAsEmployerMeeting(contact.contactType) || contact.occurredOn < enrolledOn) continue;
    if (asOf !== undefined && contact.occurredOn > asOf) continue;
    if (first === undefined || contact.occurredOn < first) first = contact.occurredOn;
  }
  return first;
}

/** Days from enrolment to the first employer contact, or undefined while there is none. */
export function daysToFirstEmployerContact(enrolledOn: CalendarDay, contacts: readonly ParticipantContact[], asOf?: CalendarDay): number | undefined {
  const first = firstEmployerContactOn(enrolledOn, contacts, asOf);
  return first === undefined ? undefined : daysBetween(enrolledOn, first);
}

export function isWithinFirstContactDeadline(daysToFirstContact: number): boolean {
  return daysToFirstContact <= FIRST_CONTACT_DEADLINE_DAYS;
}

/**
 * Waiting past the deadline: in job search on `asOf`, enrolled more than 30 days before it, and
 * still without a first employer contact. Someone closed, paused, or already in work,
 * an internship or studies is not waiting for one.
 */
export function isWaitingPastFirstContactDeadline(statusOnDay: string | undefined, enrolledOn: CalendarDay, firstContactOn: CalendarDay | undefined, asOf: CalendarDay): boolean {
  return statusOnDay === "job-search" && firstContactOn === undefined && daysBetween(enrolledOn, asOf) > FIRST_CONTACT_DEADLINE_DAYS;
}

export interface DaysSummary {
  /** How many waits ended with a first employer contact. */
  n: number;
  mean: number | null;
  median: number | null;
}

/** Mean (as seed 003 and the fidelity manual report it) and median of the days to first contact. */
export function summariseDaysToFirstContact(days: readonly number[]): DaysSummary {
  if (days.length === 0) return { n: 0, mean: null, median: null };
  const sorted = [...days].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { n: days.length, mean: sorted.reduce((sum, value) => sum + value, 0) / days.length, median };
}
