import { describe, it, expect } from "vitest";
import { formatIsoWeek, isoWeekAt, isoWeekday, isoWeekOf } from "../../commands/rules/iso-week.ts";

const STOCKHOLM = "Europe/Stockholm";

/** "2026-W48" for a calendar day, to keep expectations short. */
const weekOf = (day: string) => formatIsoWeek(isoWeekOf(day));
const weekAt = (iso: string, zone = STOCKHOLM) => formatIsoWeek(isoWeekAt(new Date(iso), zone));

describe("isoWeekday", () => {
  it("numbers Monday 1 to Sunday 7", () => {
    expect(isoWeekday("2026-11-23")).toBe(1); // Monday
    expect(isoWeekday("2026-11-26")).toBe(4); // Thursday
    expect(isoWeekday("2026-11-28")).toBe(6); // Saturday
    expect(isoWeekday("2026-11-29")).toBe(7); // Sunday
    expect(isoWeekday("2026-01-01")).toBe(4); // 2026 starts on a Thursday
  });
});

describe("isoWeekOf", () => {
  it("runs Monday to Sunday", () => {
    expect(isoWeekOf("2026-11-23")).toEqual({ year: 2026, week: 48, monday: "2026-11-23", sunday: "2026-11-29" });
    expect(isoWeekOf("2026-11-29")).toEqual({ year: 2026, week: 48, monday: "2026-11-23", sunday: "2026-11-29" });
    expect(isoWeekOf("2026-11-22")).toEqual({ year: 2026, week: 47, monday: "2026-11-16", sunday: "2026-11-22" });
    expect(weekOf("2026-11-30")).toBe("2026-W49");
  });

  it("puts 2025-12-29 (Monday) in 2026-W01, because that week holds Thursday 2026-01-01", () => {
    expect(isoWeekOf("2025-12-29")).toEqual({ year: 2026, week: 1, monday: "2025-12-29", sunday: "2026-01-04" });
    expect(weekOf("2025-12-28")).toBe("2025-W52"); // the Sunday before
    expect(weekOf("2026-01-04")).toBe("2026-W01");
    expect(weekOf("2026-01-05")).toBe("2026-W02");
  });

  it("gives 2026 a week 53 (2026-12-28 .. 2027-01-03)", () => {
    const week53 = { year: 2026, week: 53, monday: "2026-12-28", sunday: "2027-01-03" };
    expect(isoWeekOf("2026-12-28")).toEqual(week53);
    expect(isoWeekOf("2026-12-31")).toEqual(week53);
    expect(isoWeekOf("2027-01-01")).toEqual(week53);
    expect(isoWeekOf("2027-01-03")).toEqual(week53);
    expect(isoWeekOf("2027-01-04")).toEqual({ year: 2027, week: 1, monday: "2027-01-04", sunday: "2027-01-10" });
    expect(weekOf("2026-12-27")).toBe("2026-W52");
  });

  it("handles other year boundaries", () => {
    expect(weekOf("2021-01-03")).toBe("2020-W53"); // Sunday; 2020 began on a Thursday
    expect(weekOf("2023-01-01")).toBe("2022-W52"); // Sunday
    expect(weekOf("2023-01-02")).toBe("2023-W01");
    expect(weekOf("2024-12-30")).toBe("2025-W01"); // Monday; 2025-01-01 is a Wednesday
  });

  it("handles the DST weeks like any other week", () => {
    expect(isoWeekOf("2026-03-29")).toEqual({ year: 2026, week: 13, monday: "2026-03-23", sunday: "2026-03-29" });
    expect(weekOf("2026-03-30")).toBe("2026-W14");
    expect(isoWeekOf("2026-10-25")).toEqual({ year: 2026, week: 43, monday: "2026-10-19", sunday: "2026-10-25" });
    expect(weekOf("2026-10-26")).toBe("2026-W44");
  });
});

describe("formatIsoWeek", () => {
  it("pads the week number to two digits", () => {
    expect(formatIsoWeek({ year: 2026, week: 5, monday: "2026-01-26", sunday: "2026-02-01" })).toBe("2026-W05");
    expect(formatIsoWeek({ year: 2026, week: 53, monday: "2026-12-28", sunday: "2027-01-03" })).toBe("2026-W53");
  });
});

describe("isoWeekAt", () => {
  it("uses the clinic's midnight, not UTC's (winter, CET)", () => {
    // 2026-11-22T23:30Z is Monday 2026-11-23 00:30 in Stockholm.
    expect(isoWeekAt(new Date("2026-11-22T23:30:00Z"), STOCKHOLM)).toEqual({
      year: 2026,
      week: 48,
      monday: "2026-11-23",
      sunday: "2026-11-29",
    });
    expect(weekAt("2026-11-22T23:30:00Z", "UTC")).toBe("2026-W47");
    expect(weekAt("2026-11-22T22:59:59Z")).toBe("2026-W47"); // Sunday 23:59:59 CET
    expect(weekAt("2026-11-22T23:00:00Z")).toBe("2026-W48"); // Monday 00:00 CET
  });

  it("uses the clinic's midnight in summer (CEST)", () => {
    // 2026-06-28T22:30Z is Monday 2026-06-29 00:30 CEST.
    expect(weekAt("2026-06-28T22:30:00Z")).toBe("2026-W27");
    expect(weekAt("2026-06-28T22:30:00Z", "UTC")).toBe("2026-W26");
    expect(weekAt("2026-06-28T21:59:59Z")).toBe("2026-W26"); // Sunday 23:59:59 CEST
  });

  it("is right around the spring-forward switch (2026-03-29 01:00Z)", () => {
    expect(weekAt("2026-03-22T22:59:59Z")).toBe("2026-W12"); // Sunday 23:59:59 CET
    expect(weekAt("2026-03-22T23:00:00Z")).toBe("2026-W13"); // Monday 00:00 CET
    expect(weekAt("2026-03-29T00:59:59Z")).toBe("2026-W13"); // Sunday 01:59:59 CET
    expect(weekAt("2026-03-29T01:00:00Z")).toBe("2026-W13"); // Sunday 03:00 CEST
    expect(weekAt("2026-03-29T21:59:59Z")).toBe("2026-W13"); // Sunday 23:59:59 CEST
    expect(weekAt("2026-03-29T22:00:00Z")).toBe("2026-W14"); // Monday 00:00 CEST (UTC is still Sunday)
    expect(weekAt("2026-03-29T22:00:00Z", "UTC")).toBe("2026-W13");
  });

  it("is right around the fall-back switch (2026-10-25 01:00Z)", () => {
    expect(weekAt("2026-10-18T21:59:59Z")).toBe("2026-W42"); // Sunday 23:59:59 CEST
    expect(weekAt("2026-10-18T22:00:00Z")).toBe("2026-W43"); // Monday 00:00 CEST
    expect(weekAt("2026-10-25T00:30:00Z")).toBe("2026-W43"); // Sunday 02:30 CEST
    expect(weekAt("2026-10-25T01:30:00Z")).toBe("2026-W43"); // Sunday 02:30 CET
    expect(weekAt("2026-10-25T22:59:59Z")).toBe("2026-W43"); // Sunday 23:59:59 CET
    expect(weekAt("2026-10-25T23:00:00Z")).toBe("2026-W44"); // Monday 00:00 CET
  });

  it("crosses into week 53 and out of it by the clinic's clock", () => {
    expect(weekAt("2026-12-27T22:59:59Z")).toBe("2026-W52"); // Sunday 23:59:59 CET
    expect(weekAt("2026-12-27T23:00:00Z")).toBe("2026-W53"); // Monday 2026-12-28 00:00 CET
    expect(weekAt("2027-01-03T22:59:59Z")).toBe("2026-W53"); // Sunday 2027-01-03 23:59:59 CET
    expect(weekAt("2027-01-03T23:00:00Z")).toBe("2027-W01"); // Monday 2027-01-04 00:00 CET
  });
});
