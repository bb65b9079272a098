import { describe, expect, it } from "vitest";
import { formatIsoWeek } from "../../commands/rules/iso-week.ts";
import { formatQuarter, previousQuarter, quarterOf } from "../../commands/rules/quarter.ts";
import { currentDigestSlot, nextAgendaSlot, previousDigestSlot, type WeeklySchedule } from "../../commands/rules/weekly-schedule.ts";
import { instantOf, isLocalTime, utcOffsetMinutes } from "../../commands/rules/zoned-time.ts";

const stockholm: WeeklySchedule = {
  timeZone: "Europe/Stockholm",
  digestWeekday: 1,
  digestTime: "08:00",
  meetingWeekday: 2,
  meetingTime: "09:00",
  agendaLeadMinutes: 60,
};

describe("local times in Europe/Stockholm", () => {
  it("knows the offset in winter and summer", () => {
    expect(utcOffsetMinutes(new Date("2026-01-15T12:00:00Z"), "Europe/Stockholm")).toBe(60);
    expect(utcOffsetMinutes(new Date("2026-07-15T12:00:00Z"), "Europe/Stockholm")).toBe(120);
  });

  it("turns a local day and time into the right instant on both sides of each DST switch", () => {
    expect(instantOf("2026-03-28", "08:00", "Europe/Stockholm").toISOString()).toBe("2026-03-28T07:00:00.000Z");
    expect(instantOf("2026-03-30", "08:00", "Europe/Stockholm").toISOString()).toBe("2026-03-30T06:00:00.000Z");
    expect(instantOf("2026-10-24", "08:00", "Europe/Stockholm").toISOString()).toBe("2026-10-24T06:00:00.000Z");
    expect(instantOf("2026-10-26", "08:00", "Europe/Stockholm").toISOString()).toBe("2026-10-26T07:00:00.000Z");
  });

  it("moves a time inside the spring gap past the gap, and takes the first of a repeated autumn hour", () => {
    expect(instantOf("2026-03-29", "02:30", "Europe/Stockholm").toISOString()).toBe("2026-03-29T01:30:00.000Z"); // 03:30 CEST
    expect(instantOf("2026-10-25", "02:30", "Europe/Stockholm").toISOString()).toBe("2026-10-25T00:30:00.000Z"); // 02:30 CEST, first pass
  });

  it("accepts HH:MM only", () => {
    expect(["08:00", "23:59", "00:00"].every(isLocalTime)).toBe(true);
    expect(["8:00", "24:00", "12:60", "noon", ""].some(isLocalTime)).toBe(false);
  });
});

describe("quarters", () => {
  it("finds the quarter and the one before it", () => {
    expect(quarterOf("2026-11-23")).toEqual({ year: 2026, quarter: 4, first: "2026-10-01", last: "2026-12-31" });
    expect(quarterOf("2027-01-03")).toMatchObject({ year: 2027, quarter: 1, last: "2027-03-31" });
    expect(formatQuarter(previousQuarter(quarterOf("2027-01-03")))).toBe("2026 Q4");
    expect(quarterOf("2028-02-29").last).toBe("2028-03-31");
  });
});

describe("weekly schedule", () => {
  it("makes last week's digest due on Monday 08:00 local time and closes it when the week ends", () => {
    const slot = currentDigestSlot(stockholm, new Date("2026-11-25T10:00:00Z"));
    expect(formatIsoWeek(slot.week)).toBe("2026-W47");
    expect(slot.dueAt.toISOString()).toBe("2026-11-23T07:00:00.000Z");
    expect(slot.closesAt.toISOString()).toBe("2026-11-29T23:00:00.000Z");
  });

  it("keeps the digest at 08:00 local across the October switch", () => {
    const slot = currentDigestSlot(stockholm, new Date("2026-10-26T12:00:00Z"));
    expect(formatIsoWeek(slot.week)).toBe("2026-W43");
    expect(slot.dueAt.toISOString()).toBe("2026-10-26T07:00:00.000Z");
  });

  it("keeps the digest at 08:00 local across the March switch", () => {
    const slot = currentDigestSlot(stockholm, new Date("2026-03-30T12:00:00Z"));
    expect(formatIsoWeek(slot.week)).toBe("2026-W13");
    expect(slot.dueAt.toISOString()).toBe("2026-03-30T06:00:00.000Z");
  });

  it("reports on week 53 of 2026 in the first week of 2027", () => {
    const slot = currentDigestSlot(stockholm, new Date("2027-01-04T09:00:00Z"));
    expect(formatIsoWeek(slot.week)).toBe("2026-W53");
    expect(slot.week.monday).toBe("2026-12-28");
    expect(slot.week.sunday).toBe("2027-01-03");
    expect(formatIsoWeek(previousDigestSlot(stockholm, new Date("2027-01-04T09:00:00Z")).week)).toBe("2026-W52");
  });

  it("finds the next meeting and its agenda time, moving on once the meeting has started", () => {
    const before = nextAgendaSlot(stockholm, new Date("2026-11-24T07:30:00Z")); // Tuesday 08:30 local
    expect(before.meetingDay).toBe("2026-11-24");
    expect(before.meetingAt.toISOString()).toBe("2026-11-24T08:00:00.000Z");
    expect(before.dueAt.toISOString()).toBe("2026-11-24T07:00:00.000Z");
    const after = nextAgendaSlot(stockholm, new Date("2026-11-24T08:00:00Z"));
    expect(after.meetingDay).toBe("2026-12-01");
  });
});
