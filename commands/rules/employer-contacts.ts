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

/** A face-to-face contact with an employer: what items 15 and 17 count; phone, e-mail and video are other contacts. */
export function isInPersonContact(contactType: string): boolean {
  return contactType === "in-person";
}

export function countInPersonContactsInWeek(contacts: readonly DatedContact[], week: IsoWeek): number {
  return contacts.filter((contact) => isInPersonContact(contact.contactType) && contact.occurredOn >= week.monday && contact.occurredOn <= week.sunday).length;
}
