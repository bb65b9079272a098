// Employer-contact rules the fidelity scale scores: about six face-to-face employer contacts per
// specialist per ISO week (item 17), and a first employer contact within 30 days of the
// participant saying they want to work (item 15, rapid job search; first-employer-contact.ts).
import type { CalendarDay } from "./calendar-day.ts";
import type { IsoWeek } from "./iso-week.ts";

export const WEEKLY_IN_PERSON_TARGET = 6;
export const FIRST_CONTACT_DEADLINE_DAYS = 30;

export const CONTACT_TYPES = ["in-person", "phone", "email", "video"] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];

export interface DatedContact {
  occurredOn: CalendarDay;
  contactType: string;
}

export function countInPersonContactsInWeek(contacts: readonly DatedContact[], week: IsoWeek): number {
  return contacts.filter(
    (contact) => contact.contactType === "in-person" && contact.occurredOn >= week.monday && contact.occurredOn <= week.sunday,
  ).length;
}
