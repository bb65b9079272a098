import { describe, it, expect } from "vitest";
import {
  CONTACT_TYPES,
  countInPersonContactsInWeek,
  FIRST_CONTACT_DEADLINE_DAYS,
  WEEKLY_IN_PERSON_TARGET,
  type DatedContact,
} from "../../commands/rules/employer-contacts.ts";
import { isoWeekOf } from "../../commands/rules/iso-week.ts";

const contact = (occurredOn: string, contactType = "in-person"): DatedContact => ({ occurredOn, contactType });

describe("constants", () => {
  it("match the fidelity scale", () => {
    expect(WEEKLY_IN_PERSON_TARGET).toBe(6);
    expect(FIRST_CONTACT_DEADLINE_DAYS).toBe(30);
    expect(CONTACT_TYPES).toEqual(["in-person", "phone", "email", "video"]);
  });
});

describe("countInPersonContactsInWeek", () => {
  const week47 = isoWeekOf("2026-11-16"); // Mon 2026-11-16 .. Sun 2026-11-22
  const week48 = isoWeekOf("2026-11-23"); // Mon 2026-11-23 .. Sun 2026-11-29

  const contacts = [
    contact("2026-11-15"), // Sunday of week 46
    contact("2026-11-16"), // Monday, week 47
    contact("2026-11-19"), // week 47
    contact("2026-11-22"), // Sunday, week 47
    contact("2026-11-22", "phone"), // week 47, not in person
    contact("2026-11-23"), // Monday, week 48
    contact("2026-11-24", "email"), // week 48, not in person
    contact("2026-11-25", "video"), // week 48, not in person
    contact("2026-11-25"), // week 48
    contact("2026-11-29"), // Sunday, week 48
    contact("2026-11-30"), // Monday, week 49
  ];

  it("counts in-person contacts from Monday to Sunday inclusive", () => {
    expect(countInPersonContactsInWeek(contacts, week47)).toBe(3); // 16th, 19th, 22nd
    expect(countInPersonContactsInWeek(contacts, week48)).toBe(3); // 23rd, 25th, 29th
  });

  it("puts Sunday 2026-11-22 in week 47 and Monday 2026-11-23 in week 48", () => {
    expect(countInPersonContactsInWeek([contact("2026-11-22")], week47)).toBe(1);
    expect(countInPersonContactsInWeek([contact("2026-11-22")], week48)).toBe(0);
    expect(countInPersonContactsInWeek([contact("2026-11-23")], week47)).toBe(0);
    expect(countInPersonContactsInWeek([contact("2026-11-23")], week48)).toBe(1);
  });

  it("does not count phone, email or video contacts", () => {
    const remote = [contact("2026-11-23", "phone"), contact("2026-11-24", "email"), contact("2026-11-25", "video")];
    expect(countInPersonContactsInWeek(remote, week48)).toBe(0);
  });

  it("counts several contacts on the same day separately", () => {
    const sameDay = [contact("2026-11-24"), contact("2026-11-24"), contact("2026-11-24")];
    expect(countInPersonContactsInWeek(sameDay, week48)).toBe(3);
  });

  it("is zero for no contacts", () => {
    expect(countInPersonContactsInWeek([], week48)).toBe(0);
  });

  it("counts across the new year in week 53", () => {
    const week53 = isoWeekOf("2026-12-31"); // Mon 2026-12-28 .. Sun 2027-01-03
    const aroundNewYear = [contact("2026-12-27"), contact("2026-12-28"), contact("2027-01-01"), contact("2027-01-03"), contact("2027-01-04")];
    expect(countInPersonContactsInWeek(aroundNewYear, week53)).toBe(3);
  });
});
