// The weekly digest's figures (commands/digest/figures.ts) on small hand-built clinics. Every
// expected number is worked out by hand in the comment beside it.
import { describe, it, expect } from "vitest";
import {
  employmentRate,
  jobStartsAndEnds,
  needsAttention,
  outcomesOn,
  rapidJobSearch,
  specialistWeeks,
  weeklyTrend,
} from "../../commands/digest/figures.ts";
import { daysBetween } from "../../commands/rules/calendar-day.ts";
import { statusOn, wasActiveBetween } from "../../commands/rules/status-history.ts";
import { formatIsoWeek, isoWeekOf } from "../../commands/rules/iso-week.ts";
import type { ClinicFacts, ContactFact, JobFact, ParticipantFact } from "../../storage/store.ts";

// ---------------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------------

type Change = [status: string, effectiveOn: string];

/** P-<id>, with its status changes in the order they were recorded. */
function participant(id: number, specialistId: number, enrolledOn: string, ...history: Change[]): ParticipantFact {
  return { id, code: `P-${id}`, specialistId, enrolledOn, statusHistory: history.map(([status, effectiveOn]) => ({ status, effectiveOn })) };
}

function contact(specialistId: number, participantId: number | null, occurredOn: string, contactType = "in-person"): ContactFact {
  return { specialistId, participantId, employerId: 100, contactType, occurredOn };
}

function job(participantId: number, kind: string, startedOn: string, endedOn: string | null = null, hoursPerWeek: number | null = 20): JobFact {
  return { participantId, employerId: 100, jobType: "Warehouse", kind, hoursPerWeek, startedOn, endedOn };
}

function clinic(parts: Partial<ClinicFacts>): ClinicFacts {
  return {
    specialists: [{ id: 1, displayName: "Anna" }],
    participants: [],
    contacts: [],
    jobs: [],
    openFlags: [],
    ...parts,
  };
}

const weekLabels = (weeks: { week: { year: number; week: number; monday: string; sunday: string } }[]) => weeks.map((row) => formatIsoWeek(row.week));

// Quarters used below.
const Q4_2026 = { from: "2026-10-01", to: "2026-12-31" };
const Q1_2027_TO_DATE = { from: "2027-01-01", to: "2027-01-03" }; // Friday .. Sunday of 2026-W53

// ---------------------------------------------------------------------------------------------
// statusOn
// ---------------------------------------------------------------------------------------------

describe("statusOn", () => {
  it("is undefined before enrolment and the enrolment status from the enrolment day on", () => {
    const p = participant(1, 1, "2026-09-01", ["job-search", "2026-09-01"]);
    expect(statusOn(p, "2026-08-31")).toBeUndefined(); // the day before enrolment
    expect(statusOn(p, "2026-09-01")).toBe("job-search"); // enrolment day
    expect(statusOn(p, "2027-06-01")).toBe("job-search"); // nothing changed since
  });

  it("gives the status in force at the end of the day", () => {
    const p = participant(1, 1, "2026-09-01", ["job-search", "2026-09-01"], ["working", "2026-10-15"], ["paused", "2026-12-01"]);
    expect(statusOn(p, "2026-10-14")).toBe("job-search");
    expect(statusOn(p, "2026-10-15")).toBe("working"); // the change takes effect on its day
    expect(statusOn(p, "2026-11-30")).toBe("working");
    expect(statusOn(p, "2026-12-01")).toBe("paused");
  });

  it("honours a backdated change recorded after a later-dated one", () => {
    // Recorded: job-search 09-01, working 10-15, then (later) paused backdated to 10-01.
    // Timeline by effective day: job-search 09-01 → paused 10-01 → working 10-15.
    const p = participant(1, 1, "2026-09-01", ["job-search", "2026-09-01"], ["working", "2026-10-15"], ["paused", "2026-10-01"]);
    expect(statusOn(p, "2026-09-30")).toBe("job-search");
    expect(statusOn(p, "2026-10-01")).toBe("paused"); // the backdated change
    expect(statusOn(p, "2026-10-14")).toBe("paused");
    expect(statusOn(p, "2026-10-15")).toBe("working"); // the later-dated change still wins from its day
  });

  it("does not let a backdated change recorded later override a change with a later effective day", () => {
    // Recorded: job-search 09-01, paused 10-01, then (later) job-search backdated to 09-20.
    // By effective day: job-search 09-01, job-search 09-20, paused 10-01 → paused from 10-01.
    const p = participant(1, 1, "2026-09-01", ["job-search", "2026-09-01"], ["paused", "2026-10-01"], ["job-search", "2026-09-20"]);
    expect(statusOn(p, "2026-09-25")).toBe("job-search");
    expect(statusOn(p, "2026-10-05")).toBe("paused");
  });

  it("takes the later-recorded of two changes on the same day", () => {
    // working then paused, both effective 10-15 → paused (recorded last).
    const a = participant(1, 1, "2026-09-01", ["job-search", "2026-09-01"], ["working", "2026-10-15"], ["paused", "2026-10-15"]);
    expect(statusOn(a, "2026-10-14")).toBe("job-search");
    expect(statusOn(a, "2026-10-15")).toBe("paused");
    // The same two changes recorded the other way round → working.
    const b = participant(2, 1, "2026-09-01", ["job-search", "2026-09-01"], ["paused", "2026-10-15"], ["working", "2026-10-15"]);
    expect(statusOn(b, "2026-10-15")).toBe("working");
    // A same-day correction on the enrolment day: paused, then job-search → job-search.
    const c = participant(3, 1, "2026-09-01", ["paused", "2026-09-01"], ["job-search", "2026-09-01"]);
    expect(statusOn(c, "2026-09-01")).toBe("job-search");
  });

  it("takes the later-recorded same-day change even when an earlier-dated change was recorded in between", () => {
    // Recorded: job-search 09-01, working 10-15, paused 10-01 (backdated), job-search 10-15.
    // On 10-15 two changes compete (working, job-search); job-search was recorded last.
    const p = participant(
      1,
      1,
      "2026-09-01",
      ["job-search", "2026-09-01"],
      ["working", "2026-10-15"],
      ["paused", "2026-10-01"],
      ["job-search", "2026-10-15"],
    );
    expect(statusOn(p, "2026-10-10")).toBe("paused");
    expect(statusOn(p, "2026-10-15")).toBe("job-search");
  });
});

// ---------------------------------------------------------------------------------------------
// wasActiveBetween
// ---------------------------------------------------------------------------------------------

describe("wasActiveBetween", () => {
  const { from, to } = Q4_2026;

  it("is true for a participant active throughout", () => {
    expect(wasActiveBetween(participant(1, 1, "2026-09-01", ["job-search", "2026-09-01"]), from, to)).toBe(true);
  });

  it("counts working, studying and internship as active", () => {
    expect(wasActiveBetween(participant(1, 1, "2026-09-01", ["job-search", "2026-09-01"], ["working", "2026-09-10"]), from, to)).toBe(true);
    expect(wasActiveBetween(participant(2, 1, "2026-09-01", ["studying", "2026-09-01"]), from, to)).toBe(true);
    expect(wasActiveBetween(participant(3, 1, "2026-09-01", ["internship", "2026-09-01"]), from, to)).toBe(true);
  });

  it("is false for a participant paused or closed for the whole period", () => {
    // paused 09-15, before the quarter, and never resumed
    expect(wasActiveBetween(participant(1, 1, "2026-09-01", ["job-search", "2026-09-01"], ["paused", "2026-09-15"]), from, to)).toBe(false);
    // closed 09-30, the day before the quarter
    expect(wasActiveBetween(participant(2, 1, "2026-09-01", ["job-search", "2026-09-01"], ["closed", "2026-09-30"]), from, to)).toBe(false);
  });

  it("is true for a participant paused mid-period (active on its first days)", () => {
    expect(wasActiveBetween(participant(1, 1, "2026-09-01", ["job-search", "2026-09-01"], ["paused", "2026-11-15"]), from, to)).toBe(true);
    // paused on the quarter's first day itself → paused at the end of every day of the quarter
    expect(wasActiveBetween(participant(2, 1, "2026-09-01", ["job-search", "2026-09-01"], ["paused", "2026-10-01"]), from, to)).toBe(false);
  });

  it("is true for a paused participant who resumes inside the period, including on its last day", () => {
    expect(wasActiveBetween(participant(1, 1, "2026-09-01", ["paused", "2026-09-01"], ["job-search", "2026-11-15"]), from, to)).toBe(true);
    expect(wasActiveBetween(participant(2, 1, "2026-09-01", ["paused", "2026-09-01"], ["job-search", "2026-12-31"]), from, to)).toBe(true);
    // resumes the day after the period → not active in it
    expect(wasActiveBetween(participant(3, 1, "2026-09-01", ["paused", "2026-09-01"], ["job-search", "2027-01-01"]), from, to)).toBe(false);
  });

  it("handles enrolment inside, on the last day of, and after the period", () => {
    expect(wasActiveBetween(participant(1, 1, "2026-11-15", ["job-search", "2026-11-15"]), from, to)).toBe(true);
    expect(wasActiveBetween(participant(2, 1, "2026-12-31", ["job-search", "2026-12-31"]), from, to)).toBe(true);
    expect(wasActiveBetween(participant(3, 1, "2027-01-01", ["job-search", "2027-01-01"]), from, to)).toBe(false);
    // enrolled inside the period straight into "paused" → never active
    expect(wasActiveBetween(participant(4, 1, "2026-11-15", ["paused", "2026-11-15"]), from, to)).toBe(false);
  });

  it("works on a one-day period", () => {
    const p = participant(1, 1, "2026-09-01", ["job-search", "2026-09-01"], ["paused", "2026-10-10"], ["job-search", "2026-10-20"]);
    expect(wasActiveBetween(p, "2026-10-09", "2026-10-09")).toBe(true); // job-search that day
    expect(wasActiveBetween(p, "2026-10-10", "2026-10-10")).toBe(false); // paused at the end of 10-10
    expect(wasActiveBetween(p, "2026-10-15", "2026-10-15")).toBe(false); // still paused
    expect(wasActiveBetween(p, "2026-10-20", "2026-10-20")).toBe(true); // resumed that day
  });

  it("ignores an active change that a later-recorded change on the same day overrode", () => {
    // Paused since 09-01. On 11-01 a specialist records job-search, then corrects it the same day
    // to paused. By statusOn the participant is paused at the end of every day of the quarter.
    const p = participant(1, 1, "2026-09-01", ["job-search", "2026-09-01"], ["paused", "2026-09-01"], ["job-search", "2026-11-01"], ["paused", "2026-11-01"]);
    expect(statusOn(p, "2026-11-01")).toBe("paused");
    expect(wasActiveBetween(p, from, to)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// specialistWeeks
// ---------------------------------------------------------------------------------------------

describe("specialistWeeks", () => {
  const W48 = isoWeekOf("2026-11-25"); // 2026-11-23 (Mon) .. 2026-11-29 (Sun)

  const facts = clinic({
    specialists: [
      { id: 1, displayName: "Anna" },
      { id: 2, displayName: "Bo" },
      { id: 3, displayName: "Cia" },
    ],
    participants: [
      participant(1, 1, "2026-09-01", ["job-search", "2026-09-01"]), // active
      participant(2, 1, "2026-09-01", ["job-search", "2026-09-01"], ["working", "2026-11-10"]), // active (working)
      participant(3, 1, "2026-09-01", ["job-search", "2026-09-01"], ["paused", "2026-10-01"]), // paused
      participant(4, 1, "2026-09-01", ["job-search", "2026-09-01"], ["closed", "2026-11-01"]), // neither
      participant(5, 1, "2026-11-30", ["job-search", "2026-11-30"]), // enrolled the Monday after → neither
      participant(6, 1, "2026-09-01", ["job-search", "2026-09-01"], ["paused", "2026-11-29"]), // paused on the Sunday → paused
      participant(7, 1, "2026-11-29", ["job-search", "2026-11-29"]), // enrolled on the Sunday → active
      participant(8, 1, "2026-09-01", ["paused", "2026-09-01"], ["internship", "2026-11-25"]), // resumed mid-week → active
      participant(9, 2, "2026-09-01", ["studying", "2026-09-01"]), // Bo's only participant, active
    ],
    contacts: [
      contact(1, 1, "2026-11-22"), // Anna, Sunday before → not this week
      contact(1, 1, "2026-11-23"), // Anna, Monday → in-person
      contact(1, 2, "2026-11-25", "phone"), // Anna, other
      contact(1, null, "2026-11-26", "email"), // Anna, not about a participant → still other
      contact(1, 7, "2026-11-29"), // Anna, Sunday → in-person
      contact(1, 1, "2026-11-30"), // Anna, Monday after → next week
      contact(1, 1, "2026-11-30", "video"), // Anna, Monday after → next week
      contact(2, 9, "2026-11-24", "video"), // Bo, other
      contact(2, 1, "2026-11-28"), // Bo about Anna's participant → counted for Bo (who made it)
    ],
  });

  it("counts active and paused participants at the week's Sunday, and the week's contacts", () => {
    expect(specialistWeeks(facts, W48)).toEqual([
      // Anna: active P-1, P-2, P-7, P-8 = 4; paused P-3, P-6 = 2; in-person 11-23, 11-29 = 2; other phone + email = 2
      { specialistId: 1, displayName: "Anna", active: 4, paused: 2, inPersonContacts: 2, otherContacts: 2 },
      // Bo: active P-9 = 1; in-person 11-28 = 1; video 11-24 = 1
      { specialistId: 2, displayName: "Bo", active: 1, paused: 0, inPersonContacts: 1, otherContacts: 1 },
      // Cia: nothing at all
      { specialistId: 3, displayName: "Cia", active: 0, paused: 0, inPersonContacts: 0, otherContacts: 0 },
    ]);
  });

  it("puts a Monday contact in the next ISO week and a Sunday contact in the previous one", () => {
    const W49 = isoWeekOf("2026-11-30"); // 2026-11-30 .. 2026-12-06
    const W47 = isoWeekOf("2026-11-22"); // 2026-11-16 .. 2026-11-22
    const anna = (week: typeof W48) => specialistWeeks(facts, week)[0]!;
    // W49: Anna's in-person 11-30 and video 11-30 → 1 + 1
    expect(anna(W49)).toMatchObject({ inPersonContacts: 1, otherContacts: 1 });
    // W47: Anna's in-person 11-22 → 1 + 0
    expect(anna(W47)).toMatchObject({ inPersonContacts: 1, otherContacts: 0 });
    // W49's Sunday: P-5 enrolled 11-30 is now active too → 5; P-3 and P-6 still paused → 2
    expect(anna(W49)).toMatchObject({ active: 5, paused: 2 });
    // W47's Sunday (11-22): P-1, P-2 (working since 11-10), P-6 (paused only from 11-29) active = 3;
    // P-3, P-8 paused = 2; P-4 closed; P-5 and P-7 not yet enrolled
    expect(anna(W47)).toMatchObject({ active: 3, paused: 2 });
  });

  it("counts 7 calendar days in the October 2026 DST week (W43) and the week after (W44)", () => {
    // Europe leaves summer time on Sunday 2026-10-25 (end of W43); the US on Sunday 2026-11-01 (end of W44).
    const W43 = isoWeekOf("2026-10-25");
    const W44 = isoWeekOf("2026-10-26");
    expect(W43).toEqual({ year: 2026, week: 43, monday: "2026-10-19", sunday: "2026-10-25" });
    expect(W44).toEqual({ year: 2026, week: 44, monday: "2026-10-26", sunday: "2026-11-01" });
    expect(daysBetween(W43.monday, W43.sunday)).toBe(6);
    expect(daysBetween(W44.monday, W44.sunday)).toBe(6);

    // One in-person contact a day from Sunday 10-18 to Monday 11-02 (16 days).
    const days: string[] = [];
    for (let d = 18; d <= 31; d++) days.push(`2026-10-${d}`);
    days.push("2026-11-01", "2026-11-02");
    const daily = clinic({ contacts: days.map((day) => contact(1, null, day)) });

    // 10-19 .. 10-25 → 7 (10-18 belongs to W42, 10-26 to W44)
    expect(specialistWeeks(daily, W43)[0]!.inPersonContacts).toBe(7);
    // 10-26 .. 11-01 → 7 (11-02 belongs to W45)
    expect(specialistWeeks(daily, W44)[0]!.inPersonContacts).toBe(7);
    // W42 (10-12 .. 10-18) → only 10-18; W45 (11-02 .. 11-08) → only 11-02
    expect(specialistWeeks(daily, isoWeekOf("2026-10-18"))[0]!.inPersonContacts).toBe(1);
    expect(specialistWeeks(daily, isoWeekOf("2026-11-02"))[0]!.inPersonContacts).toBe(1);
  });

  it("returns no rows for a clinic without specialists", () => {
    expect(specialistWeeks(clinic({ specialists: [] }), W48)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// outcomesOn
// ---------------------------------------------------------------------------------------------

describe("outcomesOn", () => {
  it("counts everyone on a caseload at the end of the day by the job they hold, else by pause or job search", () => {
    const facts = clinic({
      participants: [
        participant(1, 1, "2026-09-01", ["job-search", "2026-09-01"], ["working", "2026-10-01"]), // competitive job → working
        participant(2, 1, "2026-09-01", ["job-search", "2026-09-01"], ["internship", "2026-10-01"]), // internship
        participant(3, 1, "2026-09-01", ["studying", "2026-09-01"]), // studies
        participant(4, 1, "2026-09-01", ["job-search", "2026-09-01"]), // job search
        participant(5, 1, "2026-09-01", ["job-search", "2026-09-01"], ["working", "2026-10-01"], ["job-search", "2026-11-01"]), // job ended → job search
        participant(6, 1, "2026-09-01", ["job-search", "2026-09-01"], ["paused", "2026-10-01"]), // paused
        participant(7, 1, "2026-09-01", ["job-search", "2026-09-01"], ["closed", "2026-10-01"]), // closed (a job left open) → in no count
        participant(8, 1, "2026-11-16", ["job-search", "2026-11-16"]), // enrolled the day after → in no count
        participant(9, 1, "2026-09-01", ["job-search", "2026-09-01"], ["working", "2026-11-16"]), // job from tomorrow → job search
        participant(10, 1, "2026-09-01", ["job-search", "2026-09-01"], ["working", "2026-11-15"]), // status says working, no job → job search
        participant(11, 1, "2026-09-01", ["job-search", "2026-09-01"], ["paused", "2026-10-01"]), // paused, yet holds a job → working
      ],
      jobs: [
        job(1, "competitive", "2026-10-01"),
        job(2, "internship", "2026-10-01"),
        job(3, "studies", "2026-09-01"),
        job(5, "competitive", "2026-10-01", "2026-11-01"),
        job(7, "competitive", "2026-09-15"),
        job(9, "competitive", "2026-11-16"),
        job(11, "competitive", "2026-11-01"),
      ],
    });
    // working P-1, P-11 = 2; internship P-2 = 1; studying P-3 = 1; job search P-4, P-5, P-9, P-10 = 4; paused P-6 = 1
    expect(outcomesOn(facts, "2026-11-15")).toEqual({ working: 2, internship: 1, studying: 1, jobSearch: 4, paused: 1 });
    // a day later: P-9 working (3); P-8 enrolled in job search (P-4, P-5, P-8, P-10 = 4)
    expect(outcomesOn(facts, "2026-11-16")).toEqual({ working: 3, internship: 1, studying: 1, jobSearch: 4, paused: 1 });
  });

  it("is all zeros for an empty clinic", () => {
    expect(outcomesOn(clinic({}), "2026-11-15")).toEqual({ working: 0, internship: 0, studying: 0, jobSearch: 0, paused: 0 });
  });
});

// ---------------------------------------------------------------------------------------------
// jobStartsAndEnds
// ---------------------------------------------------------------------------------------------

describe("jobStartsAndEnds", () => {
  it("counts starts and ends (of every kind) dated inside the ISO week, across the year end (2026-W53)", () => {
    const W53 = isoWeekOf("2026-12-31");
    expect(W53).toEqual({ year: 2026, week: 53, monday: "2026-12-28", sunday: "2027-01-03" });
    const facts = clinic({
      jobs: [
        job(1, "competitive", "2026-12-27", "2026-12-28"), // start Sunday before (no), end Monday (yes)
        job(2, "competitive", "2026-12-28"), // start Monday (yes)
        job(3, "competitive", "2026-12-30"), // start Wednesday (yes)
        job(4, "internship", "2027-01-03"), // start Sunday (yes) — internships count here
        job(5, "competitive", "2027-01-04"), // start the Monday after (no)
        job(6, "competitive", "2026-11-01", "2027-01-03"), // end Sunday (yes)
        job(7, "competitive", "2026-11-01", "2027-01-04"), // end the Monday after (no)
        job(8, "studies", "2026-12-31", "2027-01-02"), // start (yes) and end (yes) in the week
      ],
    });
    // starts: jobs 2, 3, 4, 8 = 4; ends: jobs 1, 6, 8 = 3
    expect(jobStartsAndEnds(facts, W53)).toEqual({ starts: 4, ends: 3 });
    // W52 (12-21 .. 12-27): start of job 1 = 1; no ends
    expect(jobStartsAndEnds(facts, isoWeekOf("2026-12-27"))).toEqual({ starts: 1, ends: 0 });
    // 2027-W01 (01-04 .. 01-10): start of job 5, end of job 7
    expect(jobStartsAndEnds(facts, isoWeekOf("2027-01-04"))).toEqual({ starts: 1, ends: 1 });
  });

  it("is zero without jobs", () => {
    expect(jobStartsAndEnds(clinic({}), isoWeekOf("2026-11-25"))).toEqual({ starts: 0, ends: 0 });
  });
});

// ---------------------------------------------------------------------------------------------
// employmentRate
// ---------------------------------------------------------------------------------------------

describe("employmentRate", () => {
  const { from, to } = Q4_2026;
  const rate = (parts: Partial<ClinicFacts>) => employmentRate(clinic(parts), from, to);

  it("counts a competitive job running at any time in the period", () => {
    // P-1 job-search since 09-01 (active); competitive from 10-15, still open → 1/1
    expect(rate({ participants: [participant(1, 1, "2026-09-01", ["job-search", "2026-09-01"], ["working", "2026-10-15"])], jobs: [job(1, "competitive", "2026-10-15")] })).toEqual({ numerator: 1, denominator: 1, percent: 100 });
  });

  it("does not count a competitive job that ended before the period", () => {
    // P-1 active all quarter; competitive 07-01 .. 09-30 ended the day before the quarter → 0/1
    expect(rate({ participants: [participant(1, 1, "2026-06-01", ["job-search", "2026-06-01"])], jobs: [job(1, "competitive", "2026-07-01", "2026-09-30")] })).toEqual({ numerator: 0, denominator: 1, percent: 0 });
    // ...but one that ended on the quarter's first day does count → 1/1
    expect(rate({ participants: [participant(1, 1, "2026-06-01", ["job-search", "2026-06-01"])], jobs: [job(1, "competitive", "2026-07-01", "2026-10-01")] })).toEqual({ numerator: 1, denominator: 1, percent: 100 });
  });

  it("does not count a job that starts after the period, but counts one starting on its last day", () => {
    const participants = [participant(1, 1, "2026-09-01", ["job-search", "2026-09-01"])];
    // starts 2027-01-02, after 12-31 → 0/1
    expect(rate({ participants, jobs: [job(1, "competitive", "2027-01-02")] })).toEqual({ numerator: 0, denominator: 1, percent: 0 });
    // starts 12-31 → 1/1
    expect(rate({ participants, jobs: [job(1, "competitive", "2026-12-31")] })).toEqual({ numerator: 1, denominator: 1, percent: 100 });
  });

  it("does not count internships or studies as employment", () => {
    // P-1 in an internship all quarter, P-2 studying all quarter: both active, neither employed → 0/2
    expect(
      rate({
        participants: [participant(1, 1, "2026-09-01", ["internship", "2026-09-01"]), participant(2, 1, "2026-09-01", ["studying", "2026-09-01"])],
        jobs: [job(1, "internship", "2026-09-01"), job(2, "studies", "2026-09-01")],
      }),
    ).toEqual({ numerator: 0, denominator: 2, percent: 0 });
  });

  it("counts a participant paused for the whole period in the denominator, as the IPS Employment Center does", () => {
    const participants = [
      participant(1, 1, "2026-05-01", ["job-search", "2026-05-01"], ["paused", "2026-09-01"]), // paused all quarter → in
      participant(2, 1, "2026-05-01", ["job-search", "2026-05-01"], ["paused", "2026-11-15"]), // paused mid-quarter → in
      participant(3, 1, "2026-05-01", ["job-search", "2026-05-01"]), // active → in
    ];
    // served P-1, P-2, P-3 = 3; P-3 competitive from 11-01 → 1 → 1/3 = 33%
    expect(rate({ participants, jobs: [job(3, "competitive", "2026-11-01")] })).toEqual({ numerator: 1, denominator: 3, percent: 33 });
  });

  it("excludes a participant enrolled after the period's end", () => {
    const participants = [participant(1, 1, "2026-09-01", ["job-search", "2026-09-01"]), participant(2, 1, "2027-01-02", ["job-search", "2027-01-02"])];
    // active P-1 only = 1; P-1's competitive job 10-01 → 1/1 (P-2, enrolled 2027-01-02, with a job from that day, is not counted)
    expect(rate({ participants, jobs: [job(1, "competitive", "2026-10-01"), job(2, "competitive", "2027-01-02")] })).toEqual({ numerator: 1, denominator: 1, percent: 100 });
  });

  it("counts a participant with two competitive jobs once", () => {
    // P-1 active; jobs 10-01..10-31 and 11-01..open → employed 1; P-2 active, no job → 1/2
    const participants = [participant(1, 1, "2026-09-01", ["job-search", "2026-09-01"]), participant(2, 1, "2026-09-01", ["job-search", "2026-09-01"])];
    expect(rate({ participants, jobs: [job(1, "competitive", "2026-10-01", "2026-10-31"), job(1, "competitive", "2026-11-01")] })).toEqual({ numerator: 1, denominator: 2, percent: 50 });
  });

  it("is null when nobody was served", () => {
    // nobody at all
    expect(rate({})).toEqual({ numerator: 0, denominator: 0, percent: null });
    // only a participant closed before the quarter (and one enrolled after it)
    expect(
      rate({
        participants: [participant(1, 1, "2026-05-01", ["job-search", "2026-05-01"], ["closed", "2026-08-01"]), participant(2, 1, "2027-01-05", ["job-search", "2027-01-05"])],
      }),
    ).toEqual({ numerator: 0, denominator: 0, percent: null });
  });

  it("does not count a participant whose only change back onto the caseload was overridden the same day", () => {
    // P-1 closed since 09-01; on 11-01 job-search recorded, then closed recorded the same day (a correction)
    // → closed at the end of every day of Q4 → not served; P-2 served, employed → 1/1
    const participants = [
      participant(1, 1, "2026-05-01", ["job-search", "2026-05-01"], ["closed", "2026-09-01"], ["job-search", "2026-11-01"], ["closed", "2026-11-01"]),
      participant(2, 1, "2026-05-01", ["job-search", "2026-05-01"]),
    ];
    expect(rate({ participants, jobs: [job(2, "competitive", "2026-10-01")] })).toEqual({ numerator: 1, denominator: 1, percent: 100 });
  });

  describe("around the 2026/2027 year end (W53 = 2026-12-28 .. 2027-01-03)", () => {
    const facts = clinic({
      participants: [
        participant(1, 1, "2026-09-01", ["job-search", "2026-09-01"], ["working", "2026-10-15"], ["job-search", "2026-12-31"]),
        participant(2, 1, "2026-06-01", ["job-search", "2026-06-01"]),
        participant(3, 1, "2026-08-01", ["job-search", "2026-08-01"], ["working", "2027-01-02"]),
        participant(4, 1, "2026-08-01", ["job-search", "2026-08-01"], ["internship", "2026-10-05"]),
        participant(5, 1, "2026-05-01", ["job-search", "2026-05-01"], ["paused", "2026-09-01"]),
        participant(6, 1, "2026-05-01", ["job-search", "2026-05-01"], ["paused", "2026-11-15"]),
        participant(7, 1, "2027-01-02", ["job-search", "2027-01-02"]),
        participant(8, 1, "2026-03-01", ["job-search", "2026-03-01"]),
        participant(9, 1, "2026-03-01", ["job-search", "2026-03-01"], ["working", "2026-12-31"]),
      ],
      jobs: [
        job(1, "competitive", "2026-10-15", "2026-12-31"), // Q4 only (ends 12-31)
        job(2, "competitive", "2026-07-01", "2026-09-30"), // ended before Q4
        job(3, "competitive", "2027-01-02"), // Q1 2027 only
        job(4, "internship", "2026-10-05"), // never employment
        job(8, "competitive", "2026-03-01", "2026-10-01"), // ends on Q4's first day → Q4 only
        job(9, "competitive", "2026-12-31"), // starts on Q4's last day, still open → Q4 and Q1
      ],
    });

    it("gives Q4 2026", () => {
      // served: P-1 … P-6, P-8, P-9 = 8 (P-5 paused all quarter is in; P-7 enrolled 2027 is not)
      // employed: P-1, P-8, P-9 = 3 → 3/8 = 37.5% → 38%
      expect(employmentRate(facts, Q4_2026.from, Q4_2026.to)).toEqual({ numerator: 3, denominator: 8, percent: 38 });
    });

    it("gives Q1 2027 to date (2027-01-01 .. 2027-01-03)", () => {
      // served: all nine (P-5 and P-6 paused throughout, P-7 enrolled 01-02)
      // employed: P-3 (from 01-02), P-9 (open) = 2; P-1 ended 12-31 and P-8 ended 10-01 → 2/9 = 22%
      expect(employmentRate(facts, Q1_2027_TO_DATE.from, Q1_2027_TO_DATE.to)).toEqual({ numerator: 2, denominator: 9, percent: 22 });
    });

    it("gives the whole of W53 across both quarters", () => {
      // 12-28 .. 01-03: served as in Q1 to date = 9; employed P-1 (to 12-31), P-3, P-9 = 3 → 3/9 = 33%
      expect(employmentRate(facts, "2026-12-28", "2027-01-03")).toEqual({ numerator: 3, denominator: 9, percent: 33 });
    });
  });
});

// ---------------------------------------------------------------------------------------------
// rapidJobSearch
// ---------------------------------------------------------------------------------------------

describe("rapidJobSearch", () => {
  // asOf 2026-11-15 → six months back is 2026-05-15; enrolments on 05-16 .. 11-15 count.
  const asOf = "2026-11-15";
  const enrolled = (id: number, day: string) => participant(id, 1, day, ["job-search", day]);

  const base = {
    participants: [
      enrolled(1, "2026-05-15"), // exactly six months before → excluded
      enrolled(2, "2026-05-16"), // six months minus a day → included
      enrolled(3, "2026-09-01"),
      enrolled(4, "2026-10-01"), // only meeting after asOf → not counted
      enrolled(5, "2026-11-16"), // enrolled after asOf → excluded
      enrolled(6, "2026-10-01"),
      enrolled(8, "2026-11-10"), // no contact at all → not counted
    ],
    contacts: [
      contact(1, 1, "2026-05-20"), // P-1: 5 days, but excluded
      contact(1, 2, "2026-05-26"), // P-2: 05-16 → 05-26 = 10 days
      contact(1, 3, "2026-09-08"), // P-3: the first meeting, recorded first: 7 days
      contact(1, 3, "2026-09-03", "video"), // P-3: a video call before it does not count
      contact(1, 3, "2026-09-02", "phone"), // nor a phone call
      contact(1, 4, "2026-11-20"), // P-4: after asOf → ignored
      contact(1, 5, "2026-11-16"), // P-5: excluded
      contact(1, 6, "2026-10-31", "email"), // P-6: an e-mail on day 30 does not count …
      contact(1, 6, "2026-11-01"), // … the meeting on 11-01 does: 31 days
      contact(1, 6, "2026-11-03"), // P-6: not the first
      contact(1, null, "2026-11-12"), // no participant → ignored
    ],
  };

  it("gives mean and median days to the first in-person meeting, with n", () => {
    // P-2 10, P-3 7, P-6 31 → sorted 7, 10, 31 → median 10, mean 48 / 3 = 16
    expect(rapidJobSearch(clinic(base), asOf)).toEqual({ n: 3, mean: 16, median: 10 });
  });

  it("takes the mean of the two middle values as the median for an even count", () => {
    // add P-7 enrolled 11-01, met an employer 11-06 → 5 days: 5, 7, 10, 31 → median 8.5, mean 53 / 4 = 13.25
    const facts = clinic({ participants: [...base.participants, enrolled(7, "2026-11-01")], contacts: [...base.contacts, contact(1, 7, "2026-11-06")] });
    expect(rapidJobSearch(facts, asOf)).toEqual({ n: 4, mean: 13.25, median: 8.5 });
  });

  it("starts counting a participant once the first meeting is on or before asOf", () => {
    // on 11-20 P-4's meeting counts: 10-01 → 11-20 = 50 days; P-5 enrolled 11-16 and met an employer that day = 0 days;
    // six months back from 11-20 is 05-20, so P-2 (05-16) drops out (and P-1 too)
    // values: P-3 7, P-4 50, P-5 0, P-6 31 → sorted 0, 7, 31, 50 → median 19, mean 88 / 4 = 22
    expect(rapidJobSearch(clinic(base), "2026-11-20")).toEqual({ n: 4, mean: 22, median: 19 });
  });

  it("checks the six-month boundary against the end of a shorter month", () => {
    // asOf 2026-08-31 → six months back clamps to 2026-02-28: enrolled 02-28 excluded, 03-01 included
    const facts = clinic({
      participants: [enrolled(1, "2026-02-28"), enrolled(2, "2026-03-01")],
      contacts: [contact(1, 1, "2026-03-02"), contact(1, 2, "2026-03-05")],
    });
    // only P-2: 03-01 → 03-05 = 4 days
    expect(rapidJobSearch(facts, "2026-08-31")).toEqual({ n: 1, mean: 4, median: 4 });
  });

  it("is empty when nobody enrolled in the six months has met an employer", () => {
    expect(rapidJobSearch(clinic({}), asOf)).toEqual({ n: 0, mean: null, median: null });
    // P-8 enrolled 11-10 with only a phone call; P-4 only meets one after asOf
    const facts = clinic({ participants: [enrolled(4, "2026-10-01"), enrolled(8, "2026-11-10")], contacts: [contact(1, 4, "2026-11-20"), contact(1, 8, "2026-11-11", "phone")] });
    expect(rapidJobSearch(facts, asOf)).toEqual({ n: 0, mean: null, median: null });
  });
});

// ---------------------------------------------------------------------------------------------
// needsAttention
// ---------------------------------------------------------------------------------------------

describe("needsAttention", () => {
  // asOf Sunday 2026-11-29 (end of W48); 30 days before is 2026-10-30.
  const asOf = "2026-11-29";

  it("lists job-seekers waiting more than 30 days to meet an employer, and those who met one but have had no contact for 30 days", () => {
    const facts = clinic({
      participants: [
        participant(1, 1, "2026-10-30", ["job-search", "2026-10-30"]), // 30 days, no contact → not yet waiting
        participant(2, 1, "2026-10-29", ["job-search", "2026-10-29"]), // 31 days, no contact → waiting
        participant(3, 1, "2026-09-01", ["job-search", "2026-09-01"], ["paused", "2026-10-01"]), // paused, no contact → left out
        participant(4, 1, "2026-09-01", ["job-search", "2026-09-01"]), // only contact after asOf → waiting
        participant(5, 1, "2026-09-01", ["job-search", "2026-09-01"], ["closed", "2026-11-01"]), // closed → left out
        participant(6, 1, "2026-09-01", ["job-search", "2026-09-01"]), // last contact exactly 30 days ago → no recent contact
        participant(7, 1, "2026-09-01", ["job-search", "2026-09-01"]), // only phone calls (the last 29 days ago), 89 days → waiting
        participant(8, 1, "2026-09-01", ["job-search", "2026-09-01"], ["working", "2026-10-01"]), // old contact but working → fine
        participant(9, 1, "2026-09-01", ["job-search", "2026-09-01"], ["paused", "2026-10-01"]), // old contact but paused → fine
        participant(10, 1, "2026-09-01", ["job-search", "2026-09-01"]), // old contact + one after asOf → no recent contact
        participant(11, 1, "2026-09-01", ["studying", "2026-09-01"]), // studying, no contact → not in job search, not waiting
        participant(12, 1, "2026-12-01", ["job-search", "2026-12-01"]), // enrolled after asOf → left out
      ],
      contacts: [
        contact(1, 4, "2026-12-01"),
        contact(1, 6, "2026-09-15"),
        contact(1, 6, "2026-10-30"),
        contact(1, 7, "2026-09-15", "phone"),
        contact(1, 7, "2026-10-31", "phone"),
        contact(1, 8, "2026-09-10"),
        contact(1, 9, "2026-09-10"),
        contact(1, 10, "2026-09-10"),
        contact(1, 10, "2026-12-05"),
      ],
    });
    expect(needsAttention(facts, asOf)).toEqual({
      waitingForFirstContact: ["P-2", "P-4", "P-7"],
      noRecentContact: ["P-6", "P-10"],
      overCeiling: [], // Anna: 8 active (P-1, P-2, P-4, P-6, P-7, P-8, P-10, P-11), well under 20
    });
  });

  it("flags a participant exactly on day 31, not on day 30", () => {
    const facts = clinic({ participants: [participant(1, 1, "2026-10-30", ["job-search", "2026-10-30"])] });
    expect(needsAttention(facts, "2026-11-29").waitingForFirstContact).toEqual([]); // 30 days
    expect(needsAttention(facts, "2026-11-30").waitingForFirstContact).toEqual(["P-1"]); // 31 days
  });

  it("flags a job-seeker once the last contact is 30 days old, not 29", () => {
    const facts = clinic({ participants: [participant(1, 1, "2026-09-01", ["job-search", "2026-09-01"])], contacts: [contact(1, 1, "2026-10-30")] });
    expect(needsAttention(facts, "2026-11-28").noRecentContact).toEqual([]); // 29 days since 10-30
    expect(needsAttention(facts, "2026-11-29").noRecentContact).toEqual(["P-1"]); // 30 days since 10-30
  });

  it("names specialists with more than 20 active participants", () => {
    let id = 0;
    const many = (specialistId: number, count: number, ...history: Change[]) =>
      Array.from({ length: count }, () => participant(++id, specialistId, "2026-09-01", ["job-search", "2026-09-01"], ...history));
    const facts = clinic({
      specialists: [
        { id: 1, displayName: "Anna" },
        { id: 2, displayName: "Bo" },
        { id: 3, displayName: "Cia" },
        { id: 4, displayName: "Dag" },
      ],
      participants: [
        ...many(1, 21), // Anna: 21 active → over
        ...many(2, 20), // Bo: 20 active ...
        ...many(2, 5, ["paused", "2026-10-01"]), // ... + 5 paused
        ...many(2, 2, ["closed", "2026-10-01"]), // ... + 2 closed → 20, not over
        ...many(3, 19),
        ...many(3, 2, ["working", "2026-11-01"]), // Cia: 19 job-search + 2 working = 21 → over
        ...many(4, 20),
        ...many(4, 1, ["paused", asOf]), // Dag: 20 active + 1 paused on asOf → 20, not over
      ],
      // recent contacts for everyone, so that the other two lists stay empty
      contacts: Array.from({ length: 90 }, (_, index) => contact(1, index + 1, "2026-11-20")),
    });
    expect(id).toBe(90);
    expect(needsAttention(facts, asOf)).toEqual({ waitingForFirstContact: [], noRecentContact: [], overCeiling: ["Anna", "Cia"] });
  });
});

// ---------------------------------------------------------------------------------------------
// weeklyTrend
// ---------------------------------------------------------------------------------------------

describe("weeklyTrend", () => {
  const W01_2027 = isoWeekOf("2027-01-10"); // 2027-01-04 .. 2027-01-10

  const facts = clinic({
    contacts: [
      contact(1, null, "2026-10-18"), // W42 → before the 12 weeks
      contact(1, null, "2026-10-19"), // W43 (Monday)
      contact(1, null, "2026-12-27"), // W52 (Sunday)
      contact(1, null, "2026-12-28"), // W53 (Monday)
      contact(1, null, "2026-12-30", "phone"), // W53, not in person
      contact(1, null, "2027-01-01"), // W53 (Friday, new year)
      contact(1, null, "2027-01-03"), // W53 (Sunday)
      contact(1, null, "2027-01-04"), // 2027-W01 (Monday)
      contact(1, null, "2027-01-11"), // 2027-W02 → after the 12 weeks
    ],
    jobs: [
      job(1, "competitive", "2026-10-01"), // P-1 open → every week
      job(1, "competitive", "2026-11-01"), // P-1 again → still one person
      job(2, "competitive", "2027-01-03"), // P-2 from W53's Sunday → W53, W01
      job(3, "competitive", "2026-12-01", "2027-01-03"), // P-3 → W49 .. W52 (ends on W53's Sunday, so not held at its end)
      job(4, "internship", "2026-10-01"), // never counted
      job(5, "competitive", "2026-10-20", "2026-12-28"), // P-5 → W43 .. W52 (ends Monday of W53)
    ],
  });

  it("covers the 12 ISO weeks ending with the given one, oldest first, across week 53", () => {
    const trend = weeklyTrend(facts, W01_2027, 12);
    expect(weekLabels(trend)).toEqual([
      "2026-W43",
      "2026-W44",
      "2026-W45",
      "2026-W46",
      "2026-W47",
      "2026-W48",
      "2026-W49",
      "2026-W50",
      "2026-W51",
      "2026-W52",
      "2026-W53",
      "2027-W01",
    ]);
    expect(trend[10]!.week).toEqual({ year: 2026, week: 53, monday: "2026-12-28", sunday: "2027-01-03" });
    expect(trend[11]!.week).toEqual(W01_2027);
    expect(trend[0]!.week).toEqual({ year: 2026, week: 43, monday: "2026-10-19", sunday: "2026-10-25" });
  });

  it("counts in-person contacts per week", () => {
    // W43: 10-19 = 1; W52: 12-27 = 1; W53: 12-28, 01-01, 01-03 = 3 (the phone call does not count); W01: 01-04 = 1
    expect(weeklyTrend(facts, W01_2027, 12).map((row) => row.inPersonContacts)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 1]);
  });

  it("counts participants in competitive work at the end of each week's Sunday", () => {
    // W43 (Sun 10-25) .. W48 (Sun 11-29): P-1, P-5 = 2
    // W49 (Sun 12-06) .. W52 (Sun 12-27): P-1, P-3, P-5 = 3
    // W53 (Sun 01-03): P-1, P-2 (started that Sunday) = 2 — P-3 ended 01-03, P-5 ended 12-28
    // W01 (Sun 01-10): P-1, P-2 = 2
    expect(weeklyTrend(facts, W01_2027, 12).map((row) => row.inWork)).toEqual([2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 2, 2]);
  });

  it("defaults to 12 weeks and can show fewer", () => {
    expect(weeklyTrend(facts, W01_2027)).toHaveLength(12);
    // last three weeks: W52 (1 contact, 3 in work), W53 (3, 2), W01 (1, 2)
    expect(weeklyTrend(facts, W01_2027, 3).map((row) => [formatIsoWeek(row.week), row.inPersonContacts, row.inWork])).toEqual([
      ["2026-W52", 1, 3],
      ["2026-W53", 3, 2],
      ["2027-W01", 1, 2],
    ]);
  });

  it("ends with W53 when asked for 2026's last week", () => {
    const W53 = isoWeekOf("2026-12-28");
    expect(weekLabels(weeklyTrend(facts, W53, 2))).toEqual(["2026-W52", "2026-W53"]);
  });

  it("is all zeros for an empty clinic", () => {
    const trend = weeklyTrend(clinic({}), W01_2027);
    expect(trend.every((row) => row.inPersonContacts === 0 && row.inWork === 0)).toBe(true);
  });
});
