// /ips job start and /ips job end, through signed Slack requests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock, messageText, startHarness, type Harness } from "../support/bot-harness.ts";
import { queryAll } from "../support/database-copy.ts";
import { expectNothingStored } from "../support/unchanged.ts";

const clock = fixedClock("2026-11-18T10:00:00Z");

describe("job starts and ends", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ clock });
    await h.command("participant add P-017 since:2026-09-01");
    await h.command("participant add P-018 since:2026-10-01");
    await h.command("participant add P-019 since:2026-10-01");
    await h.command("participant status P-019 closed");
  });
  afterAll(async () => h?.stop());

  const jobs = () => queryAll(h.databaseFile, "SELECT p.code, e.name AS employer, j.jobType, j.kind, j.hoursPerWeek, j.startedOn, j.endedOn, j.endReason, j.currentFor IS NOT NULL AS current FROM JobStart j JOIN Participant p ON p.id = j.participantId JOIN Employer e ON e.id = j.employerId ORDER BY j.id");
  const statusOf = (code: string) => queryAll(h.databaseFile, "SELECT status, statusSince FROM Participant WHERE code = ?", code)[0];

  it("records a competitive job start and sets the status to working", async () => {
    const text = messageText(await h.command('job start P-017 "ICA Maxi Lindhagen" type:retail kind:competitive hours:20 date:2026-11-16'));
    expect(text).toContain("Recorded a competitive job start for `P-017` at ICA Maxi Lindhagen (retail, 20 h/week) from 2026-11-16. Status: working (competitive job).");
    expect(jobs()).toEqual([{ code: "P-017", employer: "ICA Maxi Lindhagen", jobType: "retail", kind: "competitive", hoursPerWeek: 20, startedOn: "2026-11-16", endedOn: null, endReason: null, current: 1 }]);
    expect(statusOf("P-017")).toEqual({ status: "working", statusSince: "2026-11-16" });
  });

  it("keeps an internship apart from a job", async () => {
    await h.command('job start P-018 "Lunds Bageri" type:hospitality kind:internship');
    expect(statusOf("P-018")).toEqual({ status: "internship", statusSince: "2026-11-18" });
    expect(jobs()[1]).toMatchObject({ kind: "internship", hoursPerWeek: null, startedOn: "2026-11-18" });
  });

  it.each([
    ['job start P-017 Coop type:retail kind:competitive', "`P-017` already has a current job at ICA Maxi Lindhagen since 2026-11-16"],
    ['job start P-020 Coop type:retail kind:competitive', "There is no participant `P-020`"],
    ['job start P-019 Coop type:retail kind:competitive', "`P-019` is closed"],
    ['job start P-018x Coop type:retail kind:competitive', "`P-018x` is not a participant code"],
    ['job start P-020 Coop type:astronaut kind:competitive', "`astronaut` is not a job type. Choose one of: retail, warehouse"],
    ['job start P-020 Coop kind:competitive', "Give the job type with `type:`"],
    ['job start P-020 Coop type:retail kind:volunteer', "`volunteer` is not a kind of start. Choose one of: competitive, internship, studies"],
    ['job start P-020 Coop type:retail', "Say what kind of start it is with `kind:`"],
    ['job start P-020 Coop type:retail kind:competitive hours:0', "`0` is not a number of hours per week. Give a whole number from 1 to 60"],
    ['job start P-020 Coop type:retail kind:competitive hours:61', "`61` is not a number of hours per week"],
    ['job start P-020 Coop type:retail kind:competitive hours:half', "`half` is not a number of hours per week"],
    ['job start P-020 type:retail kind:competitive', "Name the employer you contacted"],
    ['job start P-020 Coop type:retail kind:competitive date:2026-11-30', "2026-11-30 is in the future"],
    ['job start P-020 "Coop 121212-1212" type:retail kind:competitive', "personal identity number"],
    ['job start P-020 Coop Forum type:retail kind:competitive', "I did not understand `Forum`"],
  ])("refuses `%s` and stores nothing", async (text, expected) => {
    const reply = await expectNothingStored(h, () => h.command(text));
    expect(messageText(reply)).toContain(expected);
  });

  it("refuses a start date before enrolment", async () => {
    await h.command("participant add P-021 since:2026-11-10");
    const reply = await expectNothingStored(h, () => h.command("job start P-021 Coop type:retail kind:studies date:2026-11-01"));
    expect(messageText(reply)).toContain("2026-11-01 is before `P-021` was enrolled (2026-11-10)");
  });

  it.each([
    ["job end P-021", "`P-021` has no current job, internship or studies to end"],
    ["job end P-017 2026-11-15", "2026-11-15 is before the job started (2026-11-16)"],
    ["job end P-017 2026-11-19", "2026-11-19 is in the future"],
    ["job end P-017 reason:bored", "`bored` is not a reason. Choose one of: quit, fired, contract-ended, moved-on, other"],
    ["job end P-017 status:retired", "`retired` cannot follow the end of a job. Choose one of: job-search, paused, closed"],
    ["job end P-017 status:working", "`working` cannot follow the end of a job. Choose one of: job-search, paused, closed. A new job, internship or studies is recorded with `/ips job start`"],
    ["job end P-017 2026-11-17 extra", "I did not understand `extra`"],
  ])("refuses `%s` and stores nothing", async (text, expected) => {
    const reply = await expectNothingStored(h, () => h.command(text));
    expect(messageText(reply)).toContain(expected);
  });

  it("ends the current job and returns the participant to job search", async () => {
    const text = messageText(await h.command("job end P-017 2026-11-17 reason:contract-ended"));
    expect(text).toContain("Ended `P-017`'s job at ICA Maxi Lindhagen on 2026-11-17. Status: job search.");
    expect(jobs()[0]).toMatchObject({ endedOn: "2026-11-17", endReason: "contract-ended", current: 0 });
    expect(statusOf("P-017")).toEqual({ status: "job-search", statusSince: "2026-11-17" });
  });

  it("ends with another status when asked, and allows a new start afterwards", async () => {
    await h.command("job end P-018 date:2026-11-18 status:paused");
    expect(statusOf("P-018")).toMatchObject({ status: "paused" });
    await h.command('job start P-017 "Coop Forum" type:warehouse kind:competitive');
    expect(jobs().filter((job) => job.current === 1).map((job) => job.code)).toEqual(["P-017"]);
    const actions = queryAll(h.databaseFile, "SELECT action FROM AuditEvent WHERE entityType = 'job-start' ORDER BY id").map((row) => row.action);
    expect(actions).toEqual(["job.started", "job.started", "job.ended", "job.ended", "job.started"]);
  });
});
