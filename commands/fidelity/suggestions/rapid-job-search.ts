// Item 15, rapid job search: days from enrolment (the day the participant said they want to
// work) to their first in-person employer contact, for participants enrolled in the period.
// Scored on the mean (≤30 → 5, 31-60 → 4, 61-150 → 3, 151-270 → 2, ≥271 → 1), as the manual
// does. Participants still without a contact are not in the mean (their wait is not over), so
// how many have waited past 30 days is shown beside it.
import { daysBetween } from "../../rules/calendar-day.ts";
import { FIRST_CONTACT_DEADLINE_DAYS } from "../../rules/employer-contacts.ts";
import { isWithin, roundTo, scoreFromCeilings, suggested, tooLittleData, type Suggester } from "./evidence.ts";

/** Fewer first contacts than this say more about chance than about the team. */
export const RAPID_SEARCH_MIN_PARTICIPANTS = 3;
const MEAN_DAYS_CEILINGS = [30, 60, 150, 270] as const;

export const rapidJobSearchSuggester: Suggester = {
  itemKey: "rapid_search",
  messageKeys: ["fidelity.evidence.rapidSearch", "fidelity.evidence.rapidSearchTooFew"],
  suggest({ participants, contacts, period }) {
    const enrolled = participants.filter((participant) => isWithin(participant.enrolledOn, period));
    const firstInPerson = new Map<number, string>();
    for (const contact of contacts) {
      if (contact.contactType !== "in-person" || contact.participantId === null || contact.occurredOn > period.to) continue;
      const earliest = firstInPerson.get(contact.participantId);
      if (earliest === undefined || contact.occurredOn < earliest) firstInPerson.set(contact.participantId, contact.occurredOn);
    }
    const days: number[] = [];
    let waiting = 0;
    for (const participant of enrolled) {
      const first = firstInPerson.get(participant.id);
      if (first !== undefined && first >= participant.enrolledOn) days.push(daysBetween(participant.enrolledOn, first));
      else if (daysBetween(participant.enrolledOn, period.to) > FIRST_CONTACT_DEADLINE_DAYS) waiting += 1;
    }
    const counts = { enrolled: enrolled.length, withContact: days.length, waiting, deadline: FIRST_CONTACT_DEADLINE_DAYS };
    if (days.length < RAPID_SEARCH_MIN_PARTICIPANTS) {
      return tooLittleData("fidelity.evidence.rapidSearchTooFew", { ...counts, minimum: RAPID_SEARCH_MIN_PARTICIPANTS });
    }
    const mean = days.reduce((sum, value) => sum + value, 0) / days.length;
    return suggested(
      scoreFromCeilings(mean, MEAN_DAYS_CEILINGS),
      "fidelity.evidence.rapidSearch",
      { ...counts, median: roundTo(median(days), 1), mean: roundTo(mean, 1) },
    );
  },
};

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
