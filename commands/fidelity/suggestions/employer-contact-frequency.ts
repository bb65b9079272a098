// Item 17, frequent employer contact: in-person employer contacts per specialist per week,
// averaged over the specialists (≥6 → 5, 5 → 4, 4 → 3, 2-3 → 2, <2 → 1). ipsbot's contact log
// is the tracking the item asks for. The weeks counted start with the clinic's first logged
// employer contact, so a team that began logging last month is not averaged over six months
// (enrolments are not used for this: their dates may be back-dated to when a participant joined).
// A specialist is anyone with a participant active at some time in those weeks (statuses as they
// were then) or a logged contact in them.
import { daysBetween } from "../../rules/calendar-day.ts";
import { isInPersonContact } from "../../rules/employer-contacts.ts";
import { wasActiveBetween } from "../../rules/status-history.ts";
import { roundTo, scoreFromFloors, suggested, tooLittleData, type Suggester } from "./evidence.ts";

/** Fewer than four weeks of records is too short to speak of a weekly rate. */
export const CONTACT_FREQUENCY_MIN_DAYS = 28;
const PER_WEEK_FLOORS = [6, 5, 4, 2] as const;

export const employerContactFrequencySuggester: Suggester = {
  itemKey: "employer_contact_frequency",
  messageKeys: ["fidelity.evidence.contactFrequency", "fidelity.evidence.contactFrequencyTooShort", "fidelity.evidence.contactFrequencyNoSpecialists"],
  suggest({ participants, contacts, period, contactLogSince }) {
    const from = contactLogSince && contactLogSince > period.from ? contactLogSince : period.from;
    const days = contactLogSince && contactLogSince <= period.to ? daysBetween(from, period.to) + 1 : 0;
    if (days < CONTACT_FREQUENCY_MIN_DAYS) {
      return tooLittleData("fidelity.evidence.contactFrequencyTooShort", { days, minimum: CONTACT_FREQUENCY_MIN_DAYS });
    }
    const inWindow = contacts.filter((contact) => contact.occurredOn >= from && contact.occurredOn <= period.to);
    const specialists = new Set<number>([
      ...participants.filter((participant) => wasActiveBetween(participant, from, period.to)).map((participant) => participant.specialistId),
      ...inWindow.map((contact) => contact.specialistId),
    ]);
    if (specialists.size === 0) return tooLittleData("fidelity.evidence.contactFrequencyNoSpecialists", {});
    const inPerson = inWindow.filter((contact) => isInPersonContact(contact.contactType)).length;
    const weeks = days / 7;
    const perWeek = inPerson / (specialists.size * weeks);
    return suggested(
      scoreFromFloors(perWeek, PER_WEEK_FLOORS),
      "fidelity.evidence.contactFrequency",
      { contacts: inPerson, specialists: specialists.size, weeks: roundTo(weeks, 1), from, to: period.to, perWeek: roundTo(perWeek, 1) },
    );
  },
};
