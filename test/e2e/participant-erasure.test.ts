// `/ips admin erase P-017` and the retention job: every note, reason and outcome note about the
// participant goes, their code becomes a tombstone, the digest's figures stay, the audit event
// carries no erased text, and a second erase is refused cleanly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, COLLEAGUE, fixedClock, messageText, SPECIALIST, startHarness, type Harness } from "../support/bot-harness.ts";
import { queryAll } from "../support/database-copy.ts";
import { buttonsOf, click } from "../support/slack-buttons.ts";
import { ADMIN as TEAMS_ADMIN } from "../support/teams-activities.ts";
import { actionTitled, cardsOf, cardText, invokeCard, startTeamsHarness, type TeamsHarness } from "../support/teams-harness.ts";
import { expectNothingStored } from "../support/unchanged.ts";

const TYPED = ["unsettled after the move", "asked about stocking jobs", "wants to talk about hours", "agreed on weekly follow-up"];
const NORD = "C0NORD";

/** Every text column of every table, to prove what was typed is gone. */
const everything = (h: { databaseFile: string }) =>
  JSON.stringify(
    ["Participant", "ParticipantStatusChange", "EmployerContact", "MeetingFlag", "JobStart", "FidelityItemAnswer", "AuditEvent", "Delivery"].map((table) => queryAll(h.databaseFile, `SELECT * FROM ${table}`)),
  );

/** The digest without the codes it names: its figures. */
const figures = (text: string) => text.replace(/P-017|erased-\d{6}/g, "<code>");

describe("erasing a participant in Slack", () => {
  const clock = fixedClock("2026-11-18T10:00:00Z");
  let h: Harness;
  let digestBefore: string;

  beforeAll(async () => {
    h = await startHarness({ clock });
    await h.connectClinic(NORD, "Clinic");
    await h.command("participant add P-017 since:2026-10-01");
    await h.command("participant add P-018 since:2026-10-01");
    await h.command(`participant status P-017 paused ${TYPED[0]}`);
    await h.command(`contact "ICA Maxi" for P-017 type:in-person ${TYPED[1]}`);
    await h.command('contact "Coop" for P-018 type:phone keep this note');
    await h.command(`flag P-017 ${TYPED[2]}`, COLLEAGUE);
    clock.set("2026-11-23T10:00:00Z");
    await h.command("digest post", SPECIALIST, NORD); // the W47 digest, posted in the clinic channel
    await h.command(`unflag P-017 ${TYPED[3]}`);
    digestBefore = messageText(await h.command("digest preview", SPECIALIST, NORD));
  });
  afterAll(async () => h?.stop());

  it("asks for confirmation, and erases nothing until it is given", async () => {
    const asked = await expectNothingStored(h, () => h.command("admin erase P-017", ADMIN, NORD));
    expect(messageText(asked)).toContain("Erase `P-017` in Clinic?");
    expect(buttonsOf(asked).map((button) => button.text.text)).toEqual(["Erase P-017", "Cancel"]);
    const cancelled = await expectNothingStored(h, () => click(h, asked, "Cancel", ADMIN));
    expect(messageText(cancelled)).toContain("Nothing was erased.");
  });

  it("removes every note and reason, puts a tombstone in place of the code, and lists the posts to remove by hand", async () => {
    const asked = await h.command("admin erase P-017", ADMIN, NORD);
    const done = await click(h, asked, "Erase P-017", ADMIN);
    const text = messageText(done);
    expect(text).toMatch(/`P-017` is erased: 4 notes and reasons removed, and the code is now `erased-\d{6}`\./);
    expect(text).toContain("These posts may show `P-017`; remove them by hand:");
    expect(text).toMatch(new RegExp(`${NORD}\\s+weekly digest\\s+2026-11-23`));
    const stored = everything(h);
    for (const typed of TYPED) expect(stored).not.toContain(typed);
    expect(stored).toContain("keep this note");
    expect(queryAll(h.databaseFile, "SELECT code FROM Participant ORDER BY id")).toEqual([{ code: expect.stringMatching(/^erased-\d{6}$/) }, { code: "P-018" }]);
  });

  it("leaves the digest's figures as they were", async () => {
    const after = messageText(await h.command("digest preview", SPECIALIST, NORD));
    expect(after).not.toContain("P-017");
    expect(figures(after)).toBe(figures(digestBefore));
  });

  it("audits the erasure with the tombstone and a count, never the erased text", () => {
    const [event] = queryAll(h.databaseFile, "SELECT actorPlatformUserId, details FROM AuditEvent WHERE action = 'participant.erased'");
    expect(event!.actorPlatformUserId).toBe(ADMIN.id);
    expect(JSON.parse(String(event!.details))).toEqual({ code: { from: "P-017", to: expect.stringMatching(/^erased-/) }, texts: 4, cause: "request" });
  });

  it("refuses a second erasure cleanly, by command and by button", async () => {
    expect(messageText(await expectNothingStored(h, () => h.command("admin erase P-017", ADMIN, NORD)))).toContain("There is no participant `P-017`");
    const tombstone = String(queryAll(h.databaseFile, "SELECT code FROM Participant ORDER BY id")[0]!.code);
    const clinicId = String(queryAll(h.databaseFile, "SELECT id FROM Clinic")[0]!.id);
    const again = await expectNothingStored(h, () => h.clickButton("participant.erase", `${clinicId}:1`, ADMIN, NORD));
    expect(messageText(again)).toContain(`Already erased: the participant is \`${tombstone}\`.`);
  });

  it("lets only an admin erase", async () => {
    expect(messageText(await expectNothingStored(h, () => h.command("admin erase P-018", SPECIALIST, NORD)))).toContain("Only admins of Clinic can do that.");
  });
});

describe("the retention job", () => {
  const clock = fixedClock("2024-03-01T10:00:00Z");
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ clock, env: { RETENTION_DAYS: "730" } });
    await h.connectClinic(NORD, "Clinic");
    await h.command("digest post", SPECIALIST, NORD); // a post claimed on 2024-03-01
    await h.command("participant add P-101 since:2024-02-01");
    await h.command("participant add P-102 since:2024-02-01");
    await h.command(`participant status P-101 closed date:2024-03-01 ${TYPED[0]}`);
    await h.command(`participant status P-102 paused ${TYPED[1]}`);
  });
  afterAll(async () => h?.stop());

  it("keeps a closed participant's text until the retention period has passed", async () => {
    clock.set("2026-02-28T10:00:00Z"); // 729 days after closing
    await h.bot.scheduler.tick();
    expect(everything(h)).toContain(TYPED[0]);
    expect(queryAll(h.databaseFile, "SELECT slot FROM ScheduledPost WHERE slot LIKE '2024-%'")).toEqual([{ slot: "2024-W08" }]);
  });

  it("erases it the day after, as the system, and leaves open participants alone", async () => {
    clock.set("2026-03-02T10:00:00Z");
    await h.bot.scheduler.tick();
    const stored = everything(h);
    expect(stored).not.toContain(TYPED[0]);
    expect(stored).toContain(TYPED[1]);
    expect(queryAll(h.databaseFile, "SELECT code FROM Participant ORDER BY id")).toEqual([{ code: expect.stringMatching(/^erased-/) }, { code: "P-102" }]);
    const [event] = queryAll(h.databaseFile, "SELECT platform, actorMemberId, details FROM AuditEvent WHERE action = 'participant.erased'");
    expect(event).toMatchObject({ platform: "system", actorMemberId: null });
    expect(JSON.parse(String(event!.details))).toMatchObject({ cause: "retention", texts: 1 });
    // The claim of a post older than the retention period is forgotten too, as one audited count.
    expect(queryAll(h.databaseFile, "SELECT slot FROM ScheduledPost WHERE slot LIKE '2024-%'")).toEqual([]);
    expect(queryAll(h.databaseFile, "SELECT details FROM AuditEvent WHERE action = 'scheduled-posts.forgotten'").map((row) => JSON.parse(String(row.details)).count)).toEqual([1]);
  });
});

describe("erasing a participant in Teams", () => {
  const clock = fixedClock("2026-11-18T10:00:00Z");
  let h: TeamsHarness;

  beforeAll(async () => {
    h = await startTeamsHarness({ clock });
    await h.say("ips participant add P-017 since:2026-10-01");
    await h.say(`ips participant status P-017 paused ${TYPED[0]}`);
  });
  afterAll(async () => h?.stop());

  it("confirms with a card button and replaces the card with the result", async () => {
    const asked = await h.say("ips admin erase P-017", TEAMS_ADMIN);
    const card = asked.calls.flatMap(cardsOf)[0]!;
    expect(cardText(card)).toContain("Erase P-017 in Clinic?");
    const erase = actionTitled(card, "Erase P-017");
    const done = await h.execute(erase.verb, erase.data, TEAMS_ADMIN);
    expect(cardText(invokeCard(done)!)).toMatch(/P-017 is erased: 1 notes and reasons removed, and the code is now erased-\d{6}\./);
    expect(everything(h)).not.toContain(TYPED[0]);
  });
});
