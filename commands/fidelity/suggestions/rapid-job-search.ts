// Item 15, rapid job search: days from enrolment (the day the participant said they want to
// work) to their first employer contact, for participants enrolled in the period. The first
// employer contact is the first in-person meeting (rules/first-employer-contact.ts). Scored on the
// mean (≤30 → 5, 31-60 → 4, 61-150 → 3, 151-270 → 2, ≥271 → 1), as the manual does.
// Participants still without a meeting are not in the mean (their wait is not over), so how many
// have waited past 30 days is shown beside it: only those still in job search at the period's
// end, so someone closed (or paused, or in work) is not counted as waiting.
import { daysBetween } from "../../rules/calendar-day.ts";
import { FIRST_CONTACT_DEADLINE_DAYS } from "../../rules/employer-contacts.ts";
import { firstEmployerContactOn, isWaitingPastFirstContactDeadline, summariseDaysToFirstContact } from "../../rules/first-employer-contact.ts";
import { statusOn } from "../../rules/status-history.ts";
import { isWithin, roundTo, scoreFromCeilings, suggested, tooLittleData, type Suggester } from "./evidence.ts";

/** Fewer first contacts than this say more about chance than about the team. */
export const RAPID_SEARCH_MIN_PARTICIPANTS = 3;
const MEAN_DAYS_CEILINGS = [30, 60, 150, 270] as const;

export const rapidJobSearchSuggester: Suggester = {
  itemKey: "rapid_search",
  messageKeys: ["fidelity.evidence.rapidSearch", "fidelity.evidence.rapidSearchTooFew"],
  suggest({ participants, contacts, period }) {
    const enrolled = participants.filter((participant) => isWithin(participant.enrolledOn, period));
    const days: number[] = [];
    let waiting = 0;
    for (const participant of enrolled) {
      const own = contacts.filter((contact) => contact.participantId === participant.id);
      const first = firstEmployerContactOn(participant.enrolledOn, own, period.to);
      if (first !== undefined) days.push(daysBetween(participant.enrolledOn, first));
      else if (isWaitingPastFirstContactDeadline(statusOn(participant, period.to), participant.enrolledOn, first, period.to)) waiting += 1;
    }
    const counts = { enrolled: enrolled.length, withContact: days.length, waiting, deadline: FIRST_CONTACT_DEADLINE_DAYS };
    if (days.length < RAPID_SEARCH_MIN_PARTICIPANTS) {
      return tooLittleData("fidelity.evidence.rapidSearchTooFew", { ...counts, minimum: RAPID_SEARCH_MIN_PARTICIPANTS });
    }
    const summary = summariseDaysToFirstContact(days);
    return suggested(scoreFromCeilings(summary.mean!, MEAN_DAYS_CEILINGS), "fidelity.evidence.rapidSearch", {
      ...counts,
      median: roundTo(summary.median!, 1),
      mean: roundTo(summary.mean!, 1),
    });
  },
};
