import { describe, it, expect } from "vitest";
import { addDays, calendarDayIn, daysBetween, isCalendarDay, isValidTimeZone } from "../../commands/rules/calendar-day.ts";

const STOCKHOLM = "Europe/Stockholm";

describe("isCalendarDay", () => {
  it("accepts real dates written YYYY-MM-DD", () => {
    expect(isCalendarDay("2026-11-23")).toBe(true);
    expect(isCalendarDay("2026-01-01")).toBe(true);
    expect(isCalendarDay("2026-12-31")).toBe(true);
  });

  it("accepts 29 February only in leap years", () => {
    expect(isCalendarDay("2028-02-29")).toBe(true);
    expect(isCalendarDay("2000-02-29")).toBe(true); // divisible by 400
    expect(isCalendarDay("2027-02-29")).toBe(false);
    expect(isCalendarDay("2100-02-29")).toBe(false); // divisible by 100, not 400
  });

  it("rejects days and months that do not exist", () => {
    expect(isCalendarDay("2026-02-30")).toBe(false);
    expect(isCalendarDay("2026-04-31")).toBe(false);
    expect(isCalendarDay("2026-13-01")).toBe(false);
    expect(isCalendarDay("2026-00-10")).toBe(false);
    expect(isCalendarDay("2026-01-00")).toBe(false);
    expect(isCalendarDay("2026-01-32")).toBe(false);
  });

  it("rejects other shapes", () => {
    expect(isCalendarDay("2026-1-5")).toBe(false);
    expect(isCalendarDay("2026-01-5")).toBe(false);
    expect(isCalendarDay("20260105")).toBe(false);
    expect(isCalendarDay("2026/01/05")).toBe(false);
    expect(isCalendarDay(" 2026-01-05")).toBe(false);
    expect(isCalendarDay("2026-01-05 ")).toBe(false);
    expect(isCalendarDay("2026-01-05T00:00:00Z")).toBe(false);
    expect(isCalendarDay("")).toBe(false);
    expect(isCalendarDay("today")).toBe(false);
  });
});

describe("addDays", () => {
  it("moves across month and year ends", () => {
    expect(addDays("2026-11-23", 1)).toBe("2026-11-24");
    expect(addDays("2026-11-30", 1)).toBe("2026-12-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(addDays("2026-11-23", 0)).toBe("2026-11-23");
  });

  it("is plain calendar arithmetic across the DST switches", () => {
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2026-10-24", 2)).toBe("2026-10-26");
    expect(addDays("2026-03-01", 30)).toBe("2026-03-31");
  });

  it("throws on something that is not a calendar day", () => {
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
  });
});

describe("daysBetween", () => {
  it("counts whole days, negative when going back", () => {
    expect(daysBetween("2026-11-23", "2026-11-23")).toBe(0);
    expect(daysBetween("2026-11-23", "2026-11-30")).toBe(7);
    expect(daysBetween("2026-11-30", "2026-11-23")).toBe(-7);
    expect(daysBetween("2026-12-31", "2027-01-01")).toBe(1);
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
    expect(daysBetween("2028-01-01", "2029-01-01")).toBe(366);
  });

  it("is not fooled by the DST switches (23- and 25-hour days)", () => {
    // 2026-03-29 has 23 hours in Stockholm, 2026-10-25 has 25.
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-10-24", "2026-10-26")).toBe(2);
    expect(daysBetween("2026-03-01", "2026-11-01")).toBe(245); // 31+30+31+30+31+31+30+31
  });

  it("throws on something that is not a calendar day", () => {
    expect(() => daysBetween("2026-13-01", "2026-11-01")).toThrow(RangeError);
    expect(() => daysBetween("2026-11-01", "2026-1-5")).toThrow(RangeError);
  });
});

describe("calendarDayIn", () => {
  it("uses the clinic's zone, not UTC, around midnight (CET, UTC+1)", () => {
    const instant = new Date("2026-11-22T23:30:00Z"); // 2026-11-23 00:30 in Stockholm
    expect(calendarDayIn(instant, STOCKHOLM)).toBe("2026-11-23");
    expect(calendarDayIn(instant, "UTC")).toBe("2026-11-22");
    expect(calendarDayIn(new Date("2026-11-22T22:59:59Z"), STOCKHOLM)).toBe("2026-11-22");
    expect(calendarDayIn(new Date("2026-11-22T23:00:00Z"), STOCKHOLM)).toBe("2026-11-23");
  });

  it("uses summer time (CEST, UTC+2) in summer", () => {
    expect(calendarDayIn(new Date("2026-06-28T21:59:59Z"), STOCKHOLM)).toBe("2026-06-28");
    expect(calendarDayIn(new Date("2026-06-28T22:00:00Z"), STOCKHOLM)).toBe("2026-06-29");
    expect(calendarDayIn(new Date("2026-06-28T22:30:00Z"), STOCKHOLM)).toBe("2026-06-29");
  });

  it("follows the spring-forward switch on 2026-03-29 01:00Z", () => {
    expect(calendarDayIn(new Date("2026-03-28T22:59:59Z"), STOCKHOLM)).toBe("2026-03-28"); // 23:59:59 CET
    expect(calendarDayIn(new Date("2026-03-28T23:00:00Z"), STOCKHOLM)).toBe("2026-03-29"); // 00:00 CET
    expect(calendarDayIn(new Date("2026-03-29T00:59:59Z"), STOCKHOLM)).toBe("2026-03-29"); // 01:59:59 CET
    expect(calendarDayIn(new Date("2026-03-29T01:00:00Z"), STOCKHOLM)).toBe("2026-03-29"); // 03:00 CEST
    expect(calendarDayIn(new Date("2026-03-29T21:59:59Z"), STOCKHOLM)).toBe("2026-03-29"); // 23:59:59 CEST
    expect(calendarDayIn(new Date("2026-03-29T22:00:00Z"), STOCKHOLM)).toBe("2026-03-30"); // 00:00 CEST
  });

  it("follows the fall-back switch on 2026-10-25 01:00Z", () => {
    expect(calendarDayIn(new Date("2026-10-24T21:59:59Z"), STOCKHOLM)).toBe("2026-10-24"); // 23:59:59 CEST
    expect(calendarDayIn(new Date("2026-10-24T22:00:00Z"), STOCKHOLM)).toBe("2026-10-25"); // 00:00 CEST
    expect(calendarDayIn(new Date("2026-10-25T00:30:00Z"), STOCKHOLM)).toBe("2026-10-25"); // 02:30 CEST
    expect(calendarDayIn(new Date("2026-10-25T01:30:00Z"), STOCKHOLM)).toBe("2026-10-25"); // 02:30 CET (again)
    expect(calendarDayIn(new Date("2026-10-25T22:59:59Z"), STOCKHOLM)).toBe("2026-10-25"); // 23:59:59 CET
    expect(calendarDayIn(new Date("2026-10-25T23:00:00Z"), STOCKHOLM)).toBe("2026-10-26"); // 00:00 CET
  });

  it("works for other zones, including ones behind UTC", () => {
    expect(calendarDayIn(new Date("2026-01-01T04:00:00Z"), "America/New_York")).toBe("2025-12-31");
    expect(calendarDayIn(new Date("2026-11-22T23:30:00Z"), "Europe/Oslo")).toBe("2026-11-23");
    expect(calendarDayIn(new Date("2026-11-22T23:30:00Z"), "Europe/London")).toBe("2026-11-22");
  });
});

describe("isValidTimeZone", () => {
  it("accepts IANA zone names", () => {
    expect(isValidTimeZone("Europe/Stockholm")).toBe(true);
    expect(isValidTimeZone("Europe/Oslo")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
  });

  it("rejects names that are not zones", () => {
    expect(isValidTimeZone("Europe/Stockholmm")).toBe(false);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimeZone("Stockholm")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });
});
