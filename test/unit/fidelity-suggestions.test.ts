// Each data-assisted suggestion on a small hand-built data set; the expected numbers are worked
// out by hand in the comments.
import { describe, expect, it } from "vitest";
import { caseloadSizeSuggester } from "../../commands/fidelity/suggestions/caseload-size.ts";
import { competitiveJobsSuggester } from "../../commands/fidelity/suggestions/competitive-jobs.ts";
import { employerContactFrequencySuggester } from "../../commands/fidelity/suggestions/employer-contact-frequency.ts";
import { employerDiversitySuggester } from "../../commands/fidelity/suggestions/employer-diversity.ts";
import {
  scoreFromCeilings,
  scoreFromFloors,
  scoreFromShare,
  type EvidenceContact,
  type EvidenceData,
  type EvidenceJobStart,
  type EvidenceParticipant,
} from "../../commands/fidelity/suggestions/evidence.ts";
import { SUGGESTERS } from "../../commands/fidelity/suggestions/index.ts";
import { jobTypeDiversitySuggester } from "../../commands/fidelity/suggestions/job-type-diversity.ts";
import { rapidJobSearchSuggester } from "../../commands/fidelity/suggestions/rapid-job-search.ts";
import { addMonths, parsePeriodMonths, reviewPeriod } from "../../commands/fidelity/review-period.ts";
import { FidelityCatalogue } from "../../prompts/fidelity-catalogue.ts";

const period = { from: "2026-05-18", to: "2026-11-18" };

function data(parts: Partial<EvidenceData>): EvidenceData {
  return { period, participants: [], contacts: [], jobStarts: [], contactLogSince: "2026-01-01", ...parts };
}

let nextId = 1;
/** A participant whose status since enrolment is `status`, then each later change in turn. */
function participant(specialistId: number, enrolledOn: string, status = "job-search", ...later: [status: string, effectiveOn: string][]): EvidenceParticipant {
  const statusHistory = [{ status, effectiveOn: enrolledOn }, ...later.map(([to, effectiveOn]) => ({ status: to, effectiveOn }))];
  return { id: nextId++, specialistId, enrolledOn, statusHistory };
}
function participants(count: number, specialistId: number, status = "job-search"): EvidenceParticipant[] {
  return Array.from({ length: count }, () => participant(specialistId, "2026-03-01", status));
}
function contacts(count: number, specialistId: number, occurredOn: string, contactType = "in-person", participantId: number | null = null): EvidenceContact[] {
  return Array.from({ length: count }, () => ({ specialistId, participantId, contactType, occurredOn }));
}

describe("review period", () => {
  it("reads period:6m and period:12m, refuses other shapes", () => {
    expect(parsePeriodMonths("6m")).toBe(6);
    expect(parsePeriodMonths("12M")).toBe(12);
    expect([parsePeriodMonths("0m"), parsePeriodMonths("25m"), parsePeriodMonths("6"), parsePeriodMonths("6w"), parsePeriodMonths("")]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("looks back whole months, clamping to the month's last day", () => {
    expect(reviewPeriod(6, "2026-11-18")).toEqual({ months: 6, from: "2026-05-18", to: "2026-11-18" });
    expect(addMonths("2026-08-31", -6)).toBe("2026-02-28");
    expect(addMonths("2028-08-31", -6)).toBe("2028-02-29");
    expect(addMonths("2026-01-15", -12)).toBe("2025-01-15");
    expect(addMonths("2026-03-10", -3)).toBe("2025-12-10");
  });
});

describe("item 1: caseload size", () => {
  it("scores the largest active caseload; paused, closed and later enrolments do not count", () => {
    const set = [
      ...participants(21, 1),
      ...participants(2, 1, "paused"),
      ...participants(1, 1, "closed"),
      participant(1, "2026-11-19"), // after the period
      ...participants(10, 2, "working"),
      ...participants(2, 2, "internship"),
    ];
    const suggestion = caseloadSizeSuggester.suggest(data({ participants: set }));
    // Specialist 1: 21 active; specialist 2: 12 active. Largest 21 → 21-25 → 4; average (21+12)/2 = 16.5.
    expect(suggestion).toEqual({
      outcome: "suggested",
      score: 4,
      evidence: { messageKey: "fidelity.evidence.caseload", params: { largest: 21, specialists: 2, average: 16.5, weeks: 27 } },
    });
  });

  it("counts statuses as they were in the period, averaged over its week ends", () => {
    // Period 2026-05-18 … 2026-11-18: week ends 2026-11-18, 11-11, … back to 2026-05-20 (27 days).
    const set = [
      ...participants(18, 1),
      // Closed on 2026-08-20: active on the 14 week ends 05-20 … 08-19, closed on the last 13 (08-26 … 11-18).
      ...Array.from({ length: 6 }, () => participant(1, "2026-03-01", "job-search", ["closed", "2026-08-20"])),
      // Paused the whole period, back in job search after it: never active in it.
      participant(1, "2026-03-01", "paused", ["job-search", "2026-11-19"]),
    ];
    const suggestion = caseloadSizeSuggester.suggest(data({ participants: set }));
    // (14 × 24 + 13 × 18) / 27 = (336 + 234) / 27 = 21.11 → 21.1 → 21-25 → 4.
    expect(suggestion).toEqual({
      outcome: "suggested",
      score: 4,
      evidence: { messageKey: "fidelity.evidence.caseload", params: { largest: 21.1, specialists: 1, average: 21.1, weeks: 27 } },
    });
    // Judged by today's statuses alone it would be 18 (score 5): the six closed ones were on the caseload for half the period.
  });

  it.each([
    [20, 5],
    [21, 4],
    [25, 4],
    [26, 3],
    [30, 3],
    [31, 2],
    [40, 2],
    [41, 1],
  ])("a largest caseload of %i scores %i", (size, score) => {
    expect(caseloadSizeSuggester.suggest(data({ participants: participants(size, 7) }))).toMatchObject({ outcome: "suggested", score });
  });

  it("has too little data without active participants", () => {
    expect(caseloadSizeSuggester.suggest(data({ participants: participants(3, 1, "closed") }))).toEqual({
      outcome: "too-little-data",
      evidence: { messageKey: "fidelity.evidence.caseloadNoData", params: {} },
    });
  });
});

describe("item 15: rapid job search", () => {
  const p1 = participant(1, "2026-06-01");
  const p2 = participant(1, "2026-07-01");
  const p3 = participant(2, "2026-08-01");
  const p4 = participant(2, "2026-09-01"); // no contact, 78 days by 2026-11-18: waiting
  const p5 = participant(2, "2026-11-01"); // no contact, 17 days: not yet late
  const p6 = participant(1, "2026-01-10"); // enrolled before the period: not counted
  const p7 = participant(1, "2026-10-01"); // only an e-mail contact, 48 days: waiting
  const contactSet: EvidenceContact[] = [
    { specialistId: 1, participantId: p1.id, contactType: "phone", occurredOn: "2026-06-05" },
    { specialistId: 1, participantId: p1.id, contactType: "in-person", occurredOn: "2026-06-11" }, // 10 days
    { specialistId: 1, participantId: p2.id, contactType: "in-person", occurredOn: "2026-08-10" },
    { specialistId: 1, participantId: p2.id, contactType: "in-person", occurredOn: "2026-07-20" }, // first: 19 days
    { specialistId: 2, participantId: p3.id, contactType: "in-person", occurredOn: "2026-10-30" }, // 90 days
    { specialistId: 1, participantId: p6.id, contactType: "in-person", occurredOn: "2026-06-01" },
    { specialistId: 1, participantId: p7.id, contactType: "email", occurredOn: "2026-10-05" },
    { specialistId: 1, participantId: null, contactType: "in-person", occurredOn: "2026-06-02" },
  ];

  it("gives the median and mean days to the first in-person contact and who is still waiting", () => {
    const suggestion = rapidJobSearchSuggester.suggest(data({ participants: [p1, p2, p3, p4, p5, p6, p7], contacts: contactSet }));
    // Days 10, 19, 90: median 19, mean 119/3 = 39.67 → 31-60 → 4. Enrolled in period: p1-p5 and p7 = 6; waiting: p4, p7.
    expect(suggestion).toEqual({
      outcome: "suggested",
      score: 4,
      evidence: { messageKey: "fidelity.evidence.rapidSearch", params: { enrolled: 6, withContact: 3, waiting: 2, deadline: 30, median: 19, mean: 39.7 } },
    });
  });

  it("has too little data with fewer than three first contacts", () => {
    const suggestion = rapidJobSearchSuggester.suggest(data({ participants: [p1, p2, p4, p5, p7], contacts: contactSet }));
    expect(suggestion).toEqual({
      outcome: "too-little-data",
      evidence: { messageKey: "fidelity.evidence.rapidSearchTooFew", params: { enrolled: 5, withContact: 2, waiting: 2, deadline: 30, minimum: 3 } },
    });
  });

  it.each([
    [30, 5],
    [30.4, 4],
    [31, 4],
    [60, 4],
    [61, 3],
    [150, 3],
    [151, 2],
    [270, 2],
    [271, 1],
  ])("a mean of %d days scores %i", (days, score) => {
    expect(scoreFromCeilings(days, [30, 60, 150, 270])).toBe(score);
  });

  it("a closed participant is not waiting, nor one paused or in work at the period's end; one closed after it is", () => {
    const closed = participant(1, "2026-09-01", "job-search", ["closed", "2026-10-15"]);
    const paused = participant(1, "2026-09-01", "job-search", ["paused", "2026-11-01"]);
    const working = participant(1, "2026-09-01", "job-search", ["working", "2026-11-10"]);
    const closedLater = participant(1, "2026-09-01", "job-search", ["closed", "2026-11-19"]); // after the period's end
    const suggestion = rapidJobSearchSuggester.suggest(data({ participants: [p1, p2, p3, closed, paused, working, closedLater], contacts: contactSet }));
    // Enrolled in the period: p1, p2, p3 and the four = 7; days 10, 19, 90; waiting: closedLater only.
    expect(suggestion).toMatchObject({ outcome: "suggested", evidence: { params: { enrolled: 7, withContact: 3, waiting: 1 } } });
  });

  it("a phone call before the first visit: the visit is the first contact", () => {
    const p = participant(1, "2026-09-01");
    const calls: EvidenceContact[] = [
      { specialistId: 1, participantId: p.id, contactType: "phone", occurredOn: "2026-09-11" },
      { specialistId: 1, participantId: p.id, contactType: "in-person", occurredOn: "2026-10-06" },
    ];
    const suggestion = rapidJobSearchSuggester.suggest(data({ participants: [p1, p2, p], contacts: [...contactSet, ...calls] }));
    // Days 10, 19, 35: mean 64/3 = 21.3, median 19.
    expect(suggestion).toMatchObject({ outcome: "suggested", score: 5, evidence: { params: { withContact: 3, mean: 21.3, median: 19 } } });
  });
});

describe("item 17: employer contact frequency", () => {
  // The contact log starts 2026-10-22: 2026-10-22 … 2026-11-18 is 28 days, 4 weeks.
  const activeSet = [...participants(3, 1), ...participants(2, 3, "closed")];
  const contactSet = [...contacts(20, 1, "2026-11-02"), ...contacts(21, 2, "2026-10-22"), ...contacts(5, 1, "2026-11-10", "phone")];

  it("averages in-person contacts per specialist per week since the contact log began", () => {
    const suggestion = employerContactFrequencySuggester.suggest(data({ participants: activeSet, contacts: contactSet, contactLogSince: "2026-10-22" }));
    // Specialists: 1 (active caseload) and 2 (contacts); 3 has only closed participants. 41 / (2 × 4) = 5.125 → 5 → 4.
    expect(suggestion).toEqual({
      outcome: "suggested",
      score: 4,
      evidence: {
        messageKey: "fidelity.evidence.contactFrequency",
        params: { contacts: 41, specialists: 2, weeks: 4, from: "2026-10-22", to: "2026-11-18", perWeek: 5.1 },
      },
    });
  });

  it("uses the whole period when the log is older than it, counting only the period's contacts", () => {
    const longer = [...contactSet, ...contacts(3, 1, "2026-10-21"), ...contacts(4, 2, "2026-05-17")];
    const suggestion = employerContactFrequencySuggester.suggest(data({ participants: activeSet, contacts: longer, contactLogSince: "2025-01-01" }));
    // 2026-05-18 … 2026-11-18 = 185 days = 26.43 weeks; 41 + 3 = 44 in the period (not those of 2026-05-17): 44 / (2 × 26.43) = 0.83 → 1.
    expect(suggestion).toMatchObject({ outcome: "suggested", score: 1, evidence: { params: { contacts: 44, weeks: 26.4, from: "2026-05-18", perWeek: 0.8 } } });
  });

  it("has too little data for less than four weeks of records, or no specialists", () => {
    expect(employerContactFrequencySuggester.suggest(data({ participants: activeSet, contacts: contactSet, contactLogSince: "2026-10-23" }))).toEqual({
      outcome: "too-little-data",
      evidence: { messageKey: "fidelity.evidence.contactFrequencyTooShort", params: { days: 27, minimum: 28 } },
    });
    expect(employerContactFrequencySuggester.suggest(data({ contactLogSince: undefined }))).toMatchObject({
      outcome: "too-little-data",
      evidence: { params: { days: 0 } },
    });
    expect(employerContactFrequencySuggester.suggest(data({ participants: participants(2, 1, "closed") }))).toEqual({
      outcome: "too-little-data",
      evidence: { messageKey: "fidelity.evidence.contactFrequencyNoSpecialists", params: {} },
    });
  });

  it.each([
    [1.9, 1],
    [2, 2],
    [3.9, 2],
    [4, 3],
    [4.9, 3],
    [5, 4],
    [5.9, 4],
    [6, 5],
    [9, 5],
  ])("%d contacts per week score %i", (perWeek, score) => {
    expect(scoreFromFloors(perWeek, [6, 5, 4, 2])).toBe(score);
  });
});

describe("items 19-21: job starts", () => {
  const start = (jobType: string, employerId: number, kind = "competitive", startedOn = "2026-08-01"): EvidenceJobStart => ({
    participantId: employerId,
    employerId,
    jobType,
    kind,
    startedOn,
  });
  const starts = [
    start("Barista", 1),
    start(" barista ", 1),
    start("Cleaner", 1),
    start("Stocking", 2),
    start("Chef", 3),
    start("Driver", 4),
    start("Gardener", 5),
    start("Painter", 6),
    start("Cashier", 7, "internship"),
    start("Receptionist", 8, "internship"),
    start("Nursing", 9, "studies"), // studies are not jobs
    start("Welder", 10, "competitive", "2026-05-17"), // before the period
  ];

  it("item 19: 9 different job types among 10 starts is 90% → 5", () => {
    expect(jobTypeDiversitySuggester.suggest(data({ jobStarts: starts }))).toEqual({
      outcome: "suggested",
      score: 5,
      evidence: { messageKey: "fidelity.evidence.jobTypes", params: { starts: 10, distinct: 9, percent: 90 } },
    });
  });

  it("item 20: 8 different employers among 10 starts is 80% → 4", () => {
    expect(employerDiversitySuggester.suggest(data({ jobStarts: starts }))).toEqual({
      outcome: "suggested",
      score: 4,
      evidence: { messageKey: "fidelity.evidence.employers", params: { starts: 10, distinct: 8, percent: 80 } },
    });
  });

  it("item 21: 8 competitive of 10 starts is 80% → 3", () => {
    expect(competitiveJobsSuggester.suggest(data({ jobStarts: starts }))).toEqual({
      outcome: "suggested",
      score: 3,
      evidence: { messageKey: "fidelity.evidence.competitive", params: { starts: 10, competitive: 8, internships: 2, percent: 80 } },
    });
  });

  it("has too little data with fewer than five job starts in the period", () => {
    const few = starts.slice(6); // 4 jobs in the period, one study start, one before the period
    for (const suggester of [jobTypeDiversitySuggester, employerDiversitySuggester, competitiveJobsSuggester]) {
      expect(suggester.suggest(data({ jobStarts: few }))).toEqual({
        outcome: "too-little-data",
        evidence: { messageKey: "fidelity.evidence.jobStartsTooFew", params: { starts: 4, minimum: 5 } },
      });
    }
  });

  it.each([
    [85, 5],
    [84, 4],
    [70, 4],
    [69, 3],
    [60, 3],
    [59, 2],
    [50, 2],
    [49, 1],
  ])("a diversity of %i%% scores %i", (share, score) => {
    expect(scoreFromShare(share, 100, [85, 70, 60, 50])).toBe(score);
  });

  it.each([
    [95, 5],
    [94, 4],
    [85, 4],
    [84, 3],
    [75, 3],
    [74, 2],
    [64, 2],
    [63, 1],
  ])("a competitive share of %i%% scores %i", (share, score) => {
    expect(scoreFromShare(share, 100, [95, 85, 75, 64])).toBe(score);
  });

  it("compares shares exactly: 16 of 25 is 64%", () => {
    expect(scoreFromShare(16, 25, [95, 85, 75, 64])).toBe(2);
    expect(scoreFromShare(15, 25, [95, 85, 75, 64])).toBe(1);
  });
});

describe("suggesters", () => {
  it("each inform an item of the scale, at most one suggester per item", () => {
    const keys = FidelityCatalogue.load().items.map((item) => item.key);
    const itemKeys = SUGGESTERS.map((suggester) => suggester.itemKey);
    for (const key of itemKeys) expect(keys).toContain(key);
    expect(new Set(itemKeys).size).toBe(itemKeys.length);
    expect(itemKeys.sort()).toEqual(["caseload", "competitive_jobs", "employer_contact_frequency", "employer_diversity", "job_type_diversity", "rapid_search"]);
  });
});
