// The field's definitions (commands/rules/first-employer-contact.ts, employment-rate.ts,
// working.ts, status-history.ts) on hand-built participants. Every expected number is worked out
// by hand beside it.
import { describe, expect, it } from "vitest";
import { calendarDayIn } from "../../commands/rules/calendar-day.ts";
import {
  countsAsEmployerMeeting,
  daysToFirstEmployerContact,
  firstEmployerContactOn,
  isWaitingPastFirstContactDeadline,
  isWithinFirstContactDeadline,
  summariseDaysToFirstContact,
} from "../../commands/rules/first-employer-contact.ts";
import {
  countsAsIpsGrowJobStart,
  employmentCenterBand,
  employmentCenterRate,
  firstIpsGrowJobStart,
  ipsGrowRate,
  ipsGrowSustainment,
  shareOf,
  wasInWorkAtEnrolment,
  type RateJob,
  type RateParticipant,
} from "../../commands/rules/employment-rate.ts";
import { quarterOf } from "../../commands/rules/quarter.ts";
import { wasServedBetween } from "../../commands/rules/status-history.ts";
import { isJobHeldOn, jobKindBehindStatus, outcomeOn } from "../../commands/rules/working.ts";

type Change = [status: string, effectiveOn: string];

function participant(id: number, enrolledOn: string, ...changes: Change[]): RateParticipant {
  const history = changes.length === 0 ? [["job-search", enrolledOn] as Change] : changes;
  return { id, enrolledOn, statusHistory: history.map(([status, effectiveOn]) => ({ status, effectiveOn })) };
}

function job(participantId: number, startedOn: string, endedOn: string | null = null, hoursPerWeek: number | null = 20, kind = "competitive"): RateJob {
  return { participantId, kind, hoursPerWeek, startedOn, endedOn };
}

const Q4 = { from: "2026-10-01", to: "2026-12-31" };

describe("first employer contact: the first in-person meeting", () => {
  it("a phone call before the first visit does not end the wait: day 35, not day 10", () => {
    const contacts = [
      { contactType: "phone", occurredOn: "2026-09-11" }, // day 10
      { contactType: "in-person", occurredOn: "2026-10-06" }, // day 35
    ];
    expect(firstEmployerContactOn("2026-09-01", contacts)).toBe("2026-10-06");
    expect(daysToFirstEmployerContact("2026-09-01", contacts)).toBe(35);
    expect(isWithinFirstContactDeadline(35)).toBe(false);
  });

  it("e-mail and video calls never count; in-person does", () => {
    expect(countsAsEmployerMeeting("in-person")).toBe(true);
    for (const type of ["phone", "email", "video"]) expect(countsAsEmployerMeeting(type)).toBe(false);
    expect(daysToFirstEmployerContact("2026-09-01", [{ contactType: "email", occurredOn: "2026-09-02" }])).toBeUndefined();
  });

  it("ignores meetings before enrolment and after the day asked about", () => {
    const contacts = [
      { contactType: "in-person", occurredOn: "2026-08-20" },
      { contactType: "in-person", occurredOn: "2026-09-25" },
    ];
    expect(firstEmployerContactOn("2026-09-01", contacts)).toBe("2026-09-25");
    expect(firstEmployerContactOn("2026-09-01", contacts, "2026-09-24")).toBeUndefined();
    expect(daysToFirstEmployerContact("2026-09-01", contacts, "2026-09-25")).toBe(24);
  });

  it("counts across months, the year end, DST and a leap February", () => {
    const met = (day: string) => [{ contactType: "in-person", occurredOn: day }];
    expect(daysToFirstEmployerContact("2026-10-20", met("2026-11-19"))).toBe(30);
    expect(daysToFirstEmployerContact("2026-12-15", met("2027-01-15"))).toBe(31);
    expect(daysToFirstEmployerContact("2026-03-01", met("2026-03-31"))).toBe(30); // spans 2026-03-29
    expect(daysToFirstEmployerContact("2028-02-01", met("2028-03-02"))).toBe(30);
    expect(daysToFirstEmployerContact("2026-11-01", met("2026-11-01"))).toBe(0);
  });

  it("the deadline is 30 days: day 30 is in time, day 31 late", () => {
    expect(daysToFirstEmployerContact("2026-11-01", [{ contactType: "in-person", occurredOn: "2026-12-01" }])).toBe(30);
    expect(isWithinFirstContactDeadline(30)).toBe(true);
    expect(isWithinFirstContactDeadline(31)).toBe(false);
  });

  it("waiting past the deadline: only in job search, more than 30 days, without a meeting", () => {
    expect(isWaitingPastFirstContactDeadline("job-search", "2026-09-01", undefined, "2026-10-01")).toBe(false); // day 30
    expect(isWaitingPastFirstContactDeadline("job-search", "2026-09-01", undefined, "2026-10-02")).toBe(true); // day 31
    expect(isWaitingPastFirstContactDeadline("job-search", "2026-09-01", "2026-10-02", "2026-11-01")).toBe(false);
    for (const status of ["closed", "paused", "working", "internship", "studying", undefined]) {
      expect(isWaitingPastFirstContactDeadline(status, "2026-09-01", undefined, "2026-11-01")).toBe(false);
    }
  });

  it("mean and median with n", () => {
    expect(summariseDaysToFirstContact([])).toEqual({ n: 0, mean: null, median: null });
    expect(summariseDaysToFirstContact([35])).toEqual({ n: 1, mean: 35, median: 35 });
    // 10, 20, 90: mean 40, median 20. Seed 003 reports the mean, which a long wait pulls up.
    expect(summariseDaysToFirstContact([90, 10, 20])).toEqual({ n: 3, mean: 40, median: 20 });
    expect(summariseDaysToFirstContact([4, 1, 3, 2])).toEqual({ n: 4, mean: 2.5, median: 2.5 });
  });
});

describe("served in the period (the employment rate's denominator)", () => {
  it("a participant paused all quarter is served", () => {
    const paused = participant(1, "2026-06-01", ["job-search", "2026-06-01"], ["paused", "2026-08-15"]);
    expect(wasServedBetween(paused, Q4.from, Q4.to)).toBe(true);
  });

  it("closed before the quarter, or enrolled after it, is not served; closed inside it is", () => {
    expect(wasServedBetween(participant(1, "2026-06-01", ["job-search", "2026-06-01"], ["closed", "2026-09-30"]), Q4.from, Q4.to)).toBe(false);
    expect(wasServedBetween(participant(2, "2027-01-01"), Q4.from, Q4.to)).toBe(false);
    expect(wasServedBetween(participant(3, "2026-06-01", ["job-search", "2026-06-01"], ["closed", "2026-10-01"]), Q4.from, Q4.to)).toBe(false); // closed at the end of its first day
    expect(wasServedBetween(participant(4, "2026-06-01", ["job-search", "2026-06-01"], ["closed", "2026-10-02"]), Q4.from, Q4.to)).toBe(true);
    expect(wasServedBetween(participant(5, "2026-12-31"), Q4.from, Q4.to)).toBe(true);
  });
});

describe("IPS Employment Center rate", () => {
  it("counts everyone served, paused included, and who held a competitive job at any time", () => {
    const participants = [
      participant(1, "2026-06-01"), // job all quarter
      participant(2, "2026-06-01"), // job ended on the quarter's first day: held in it
      participant(3, "2026-06-01", ["job-search", "2026-06-01"], ["paused", "2026-07-01"]), // paused all quarter
      participant(4, "2026-06-01"), // an internship only
      participant(5, "2026-06-01", ["job-search", "2026-06-01"], ["closed", "2026-09-01"]), // closed before: out
      participant(6, "2027-01-02"), // enrolled after: out
    ];
    const jobs = [job(1, "2026-07-01"), job(2, "2026-07-01", "2026-10-01"), job(4, "2026-10-10", null, 20, "internship"), job(5, "2026-07-01")];
    // Served: 1, 2, 3, 4 (4). Held a competitive job: 1, 2 (2). 2 of 4 = 50%.
    expect(employmentCenterRate(participants, jobs, Q4.from, Q4.to)).toEqual({ numerator: 2, denominator: 4, percent: 50 });
  });

  it("nobody served gives no percent", () => {
    expect(employmentCenterRate([], [], Q4.from, Q4.to)).toEqual({ numerator: 0, denominator: 0, percent: null });
  });

  it("benchmark bands on the whole percent shown: below 31, 31-40, 41-49, 50 and above", () => {
    expect([0, 30, 31, 40, 41, 49, 50, 100].map(employmentCenterBand)).toEqual([
      "below-minimum",
      "below-minimum",
      "minimum",
      "minimum",
      "average",
      "average",
      "excellent",
      "excellent",
    ]);
    // 40.5% is shown as 41% (Math.round), so its band is the one for 41.
    expect(shareOf(81, 200).percent).toBe(41);
  });
});

describe("IPS Grow rate and sustainment", () => {
  it("a job start of 3 hours a week is not a job start; 4 hours is; without hours it is not counted", () => {
    expect(countsAsIpsGrowJobStart(job(1, "2026-10-01", null, 3))).toBe(false);
    expect(countsAsIpsGrowJobStart(job(1, "2026-10-01", null, 4))).toBe(true);
    expect(countsAsIpsGrowJobStart(job(1, "2026-10-01", null, null))).toBe(false);
    expect(countsAsIpsGrowJobStart(job(1, "2026-10-01", null, 20, "internship"))).toBe(false);
  });

  it("leaves out those in work at enrolment and counts first starts in the quarter once", () => {
    const participants = [
      participant(1, "2026-09-01"), // 3 hours in October, 10 hours in November: supported in Q4 (the 10-hour job)
      participant(2, "2026-06-01"), // first qualifying start in August: not again in Q4
      participant(3, "2026-06-01"), // in work at enrolment: left out
      participant(4, "2026-06-01", ["job-search", "2026-06-01"], ["paused", "2026-07-01"]), // paused all quarter: served, not supported
    ];
    const jobs = [
      job(1, "2026-10-05", "2026-10-20", 3),
      job(1, "2026-11-02", null, 10),
      job(2, "2026-08-03", "2026-10-15", 20),
      job(2, "2026-11-01", null, 20),
      job(3, "2026-06-01", null, 30),
    ];
    expect(wasInWorkAtEnrolment(participants[2]!, jobs)).toBe(true);
    expect(wasInWorkAtEnrolment(participants[0]!, jobs)).toBe(false);
    expect(firstIpsGrowJobStart(participants[0]!, jobs)?.startedOn).toBe("2026-11-02");
    // Denominator: 1, 2, 4 (3). Numerator: 1 (1). 1 of 3 = 33%.
    expect(ipsGrowRate(participants, jobs, Q4.from, Q4.to)).toEqual({ numerator: 1, denominator: 3, percent: 33 });
  });

  it("sustainment: a job that ended after 12 weeks is not sustained; one of 13 weeks is", () => {
    const participants = [participant(1, "2026-06-01"), participant(2, "2026-06-01"), participant(3, "2026-06-01"), participant(4, "2026-06-01")];
    const jobs = [
      job(1, "2026-08-03", "2026-10-26"), // 12 weeks: ended before its 13-week day 2026-11-02
      job(2, "2026-08-03", "2026-11-02"), // worked on its 13-week day
      job(3, "2026-08-03", "2026-09-01"), // ended early but another job of 4+ hours runs on 2026-11-02
      job(3, "2026-10-01", null, 8),
      job(4, "2026-11-02"), // 13 weeks end in 2027: judged next quarter
    ];
    // Judged in Q4: 1, 2, 3 (13-week day 2026-11-02). Sustained: 2, 3.
    expect(ipsGrowSustainment(participants, jobs, Q4.from, Q4.to)).toEqual({ numerator: 2, denominator: 3, percent: 67 });
  });
});

describe("who works: one truth, the job starts", () => {
  it("the statuses a job start sets", () => {
    expect(jobKindBehindStatus("working")).toBe("competitive");
    expect(jobKindBehindStatus("internship")).toBe("internship");
    expect(jobKindBehindStatus("studying")).toBe("studies");
    expect(jobKindBehindStatus("job-search")).toBeUndefined();
    expect(jobKindBehindStatus("paused")).toBeUndefined();
  });

  it("a job is held from its first day to the day before its end", () => {
    const held = { kind: "competitive", startedOn: "2026-10-01", endedOn: "2026-10-31" };
    expect(isJobHeldOn(held, "2026-09-30")).toBe(false);
    expect(isJobHeldOn(held, "2026-10-01")).toBe(true);
    expect(isJobHeldOn(held, "2026-10-30")).toBe(true);
    expect(isJobHeldOn(held, "2026-10-31")).toBe(false);
  });

  it("status working without a job is job search; a job wins over the status", () => {
    const saysWorking = participant(1, "2026-09-01", ["job-search", "2026-09-01"], ["working", "2026-10-01"]);
    expect(outcomeOn(saysWorking, [], "2026-11-01")).toBe("job-search");
    const paused = participant(2, "2026-09-01", ["job-search", "2026-09-01"], ["paused", "2026-10-01"]);
    expect(outcomeOn(paused, [], "2026-11-01")).toBe("paused");
    expect(outcomeOn(paused, [{ kind: "competitive", startedOn: "2026-10-15", endedOn: null }], "2026-11-01")).toBe("working");
    const both = [
      { kind: "internship", startedOn: "2026-10-01", endedOn: null },
      { kind: "studies", startedOn: "2026-10-01", endedOn: null },
    ];
    expect(outcomeOn(saysWorking, both, "2026-11-01")).toBe("internship");
    expect(outcomeOn(saysWorking, [], "2026-08-31")).toBeUndefined(); // before enrolment
    const closed = participant(3, "2026-09-01", ["job-search", "2026-09-01"], ["closed", "2026-10-01"]);
    expect(outcomeOn(closed, [{ kind: "competitive", startedOn: "2026-09-15", endedOn: null }], "2026-11-01")).toBeUndefined();
  });
});

describe("a quarter in the clinic's time zone", () => {
  it("New Year's Eve 23:30 UTC is already the first quarter in Stockholm, not in Reykjavik", () => {
    const instant = new Date("2026-12-31T23:30:00Z");
    expect(quarterOf(calendarDayIn(instant, "Europe/Stockholm"))).toMatchObject({ year: 2027, quarter: 1, first: "2027-01-01" });
    expect(quarterOf(calendarDayIn(instant, "Atlantic/Reykjavik"))).toMatchObject({ year: 2026, quarter: 4, last: "2026-12-31" });
  });
});
