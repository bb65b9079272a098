// /ips participant add|status and /ips caseload, through signed Slack requests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLLEAGUE, fixedClock, messageText, SPECIALIST, startHarness, type Harness } from "../support/bot-harness.ts";
import { queryAll } from "../support/database-copy.ts";
import { expectNothingStored } from "../support/unchanged.ts";

// Wednesday 18 November 2026, 11:00 in Stockholm (ISO week 47).
const clock = fixedClock("2026-11-18T10:00:00Z");

describe("participants", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      clock,
      roles: [
        { user: SPECIALIST, role: "specialist" },
        { user: COLLEAGUE, role: "specialist" },
      ],
    });
  });
  afterAll(async () => h?.stop());

  const participantRows = () => queryAll(h.databaseFile, `SELECT code, status, enrolledOn, statusSince FROM Participant ORDER BY code`);

  it("enrols a participant from today by default and starts the 30-day clock", async () => {
    const reply = await h.command("participant add P-017");
    expect(reply.body.response_type).toBe("ephemeral");
    expect(messageText(reply)).toContain("Enrolled `P-017` on your caseload from 2026-11-18");
    expect(messageText(reply)).toContain("by 2026-12-18");
    expect(participantRows()).toEqual([{ code: "P-017", status: "job-search", enrolledOn: "2026-11-18", statusSince: "2026-11-18" }]);
    const audit = queryAll(h.databaseFile, `SELECT action, entityType, platform FROM AuditEvent WHERE action <> 'clinic-membership.role-set' AND action NOT LIKE 'member.%'`);
    expect(audit).toEqual([{ action: "participant.enrolled", entityType: "participant", platform: "slack" }]);
  });

  it("takes since: as the day the participant said they want to work and normalises the code", async () => {
    const reply = await h.command("participant add p-018 since:2026-10-01");
    expect(messageText(reply)).toContain("`P-018`");
    expect(messageText(reply)).toContain("by 2026-10-31");
    expect(participantRows().find((row) => row.code === "P-018")).toMatchObject({ enrolledOn: "2026-10-01" });
  });

  it.each([
    ["participant add P-017", "`P-017` is already enrolled in Clinic"],
    ["participant add Anna", "`Anna` is not a participant code"],
    ["participant add 19121212-1212", "personal identity number"],
    ["participant add P-019 since:2026-02-30", "`2026-02-30` is not a date"],
    ["participant add P-019 since:18/11/2026", "`18/11/2026` is not a date"],
    ["participant add P-019 since:2026-11-19", "2026-11-19 is in the future"],
    ["participant add", "Give the participant's code"],
    ["participant add P-019 extra words", "I did not understand `extra words`"],
    ["participant add P-019 since:2026-11-01 since:2026-11-02", "`since:` is given twice"],
  ])("refuses `%s` and stores nothing", async (text, expected) => {
    const reply = await expectNothingStored(h, () => h.command(text));
    expect(messageText(reply)).toContain(expected);
    expect(messageText(reply)).toContain("Write it like this: `/ips participant add <code> [since:YYYY-MM-DD]`");
  });

  it("records a status change with its date and note", async () => {
    const reply = await h.command("participant status P-017 paused back after the holidays");
    expect(messageText(reply)).toContain("`P-017`: job search → paused from 2026-11-18");
    await h.command("participant status P-017 job-search");
    const history = queryAll(h.databaseFile, `SELECT s.status, s.effectiveOn, s.note FROM ParticipantStatusChange s JOIN Participant p ON p.id = s.participantId WHERE p.code = 'P-017' ORDER BY s.id`);
    expect(history).toEqual([
      { status: "job-search", effectiveOn: "2026-11-18", note: null },
      { status: "paused", effectiveOn: "2026-11-18", note: "back after the holidays" },
      { status: "job-search", effectiveOn: "2026-11-18", note: null },
    ]);
  });

  it("sets working only through a job start: the status alone answers with the command and changes nothing", async () => {
    const refused = await expectNothingStored(h, () => h.command("participant status P-017 working started at the bakery"));
    expect(messageText(refused)).toContain(
      "`P-017` gets the status working (competitive job) from a job start, so that every figure counts the same jobs. Record it with `/ips job start P-017 <employer> type:<job type> kind:competitive`. Nothing was changed.",
    );
    const started = await h.command('job start P-017 "Bageriet" type:retail kind:competitive hours:20');
    expect(messageText(started)).toContain("Status: working (competitive job)");
    expect(participantRows().find((row) => row.code === "P-017")).toMatchObject({ status: "working", statusSince: "2026-11-18" });
    const whileWorking = await expectNothingStored(h, () => h.command("participant status P-017 job-search"));
    expect(messageText(whileWorking)).toContain("`P-017` has a current job at Bageriet since 2026-11-18. End it with `/ips job end P-017`");
  });

  it("keeps internship apart from a competitive job, through its own start, and accepts a past date", async () => {
    const refused = await expectNothingStored(h, () => h.command("participant status P-018 internship date:2026-11-02"));
    expect(messageText(refused)).toContain("kind:internship");
    const reply = await h.command('job start P-018 "Lunds Bageri" type:retail kind:internship date:2026-11-02');
    expect(messageText(reply)).toContain("Status: internship");
    expect(participantRows().find((row) => row.code === "P-018")).toMatchObject({ status: "internship", statusSince: "2026-11-02" });
  });

  it.each([
    ["participant status P-017 employed", "`employed` is not a status. Choose one of: job-search, working, studying, internship, paused, closed"],
    ["participant status P-017", "Give the new status"],
    ["participant status P-999 paused", "There is no participant `P-999` in Clinic. Enrol them first with `/ips participant add P-999`"],
    ["participant status P-017 working", "`P-017` already has the status working (competitive job)"],
    ["participant status P-017 paused date:2026-12-01", "2026-12-01 is in the future"],
    ["participant status P-018 paused date:2026-09-01", "2026-09-01 is before `P-018` was enrolled (2026-10-01)"],
    ["participant status P-017 paused talked with 121212-1212 today", "personal identity number"],
    [`participant status P-017 paused ${"x".repeat(1001)}`, "The note is 1001 characters long; the most is 1000"],
  ])("refuses `%s` and stores nothing", async (text, expected) => {
    const reply = await expectNothingStored(h, () => h.command(text));
    expect(messageText(reply)).toContain(expected);
  });

  it("shows the caller's caseload with days since enrolment, the day of the first employer meeting and days since the last contact", async () => {
    await h.command('contact "Bageri Lund" for P-018 type:in-person date:2026-11-10');
    const reply = await h.command("caseload");
    const text = messageText(reply);
    expect(text).toContain("Your caseload: 2 active (ceiling 20)"); // working and internship both count as active
    // code, status, days enrolled, day of the first employer meeting, days since any employer contact, open flags
    expect(text).toMatch(/P-017\s+working \(competitive job\)\s+0\s+none yet\s+none yet\s+0/);
    expect(text).toMatch(/P-018\s+internship\s+48\s+40\s+8\s+0/);
  });

  it("shows only the caller's own participants", async () => {
    const reply = await h.command("caseload", COLLEAGUE);
    expect(messageText(reply)).toContain("You have no participants yet");
  });

  it("warns when more than 20 participants are active, and lists those waiting past 30 days", async () => {
    for (let number = 100; number < 121; number++) await h.command(`participant add P-${number} since:2026-10-01`, COLLEAGUE);
    const text = messageText(await h.command("caseload", COLLEAGUE));
    expect(text).toContain("Your caseload: 21 active (ceiling 20)");
    expect(text).toContain("You have 21 active participants, more than the IPS ceiling of 20 per specialist");
    expect(text).toContain("Waiting more than 30 days for a first employer contact (an in-person meeting): P-100, P-101");
    await h.command("participant status P-100 paused", COLLEAGUE);
    const after = messageText(await h.command("caseload", COLLEAGUE));
    expect(after).toContain("Your caseload: 20 active (ceiling 20)");
    expect(after).not.toContain("more than the IPS ceiling");
  });
});
