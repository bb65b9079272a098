// `/ips admin audit`: who changed what, newest first, 20 a page with More, about a participant, by
// a person or since a day, in Slack and Teams; never a note or a reason.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, COLLEAGUE, fixedClock, messageText, SPECIALIST, startHarness, type Harness } from "../support/bot-harness.ts";
import { buttonsOf, click } from "../support/slack-buttons.ts";
import type { SlackUser } from "../support/slack-requests.ts";
import { ADMIN as TEAMS_ADMIN } from "../support/teams-activities.ts";
import { actionTitled, cardsOf, cardText, invokeCard, startTeamsHarness, type TeamsHarness } from "../support/teams-harness.ts";
import { expectNothingStored } from "../support/unchanged.ts";
import { queryAll } from "../support/database-copy.ts";

const clock = fixedClock("2026-11-18T10:00:00Z");
const SECRET_NOTE = "relapse in psychosis last week";
const mention = (user: SlackUser) => `<@${user.id}|${user.name}>`;

/** The rows of the table in a Slack answer: the lines of its code blocks but the header. */
const tableRows = (text: string) =>
  (text.match(/```([\s\S]*?)```/g) ?? []).flatMap((block) => block.replace(/```/g, "").split("\n")).filter((line) => line !== "" && !line.startsWith("When "));

describe("the audit log in Slack", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ clock });
    await h.command("participant add P-017 since:2026-10-01");
    clock.set("2026-11-18T10:05:00Z");
    await h.command(`participant status P-017 paused ${SECRET_NOTE}`);
    await h.command(`flag P-017 ${SECRET_NOTE}`, COLLEAGUE);
    clock.set("2026-11-19T09:00:00Z");
    for (let n = 0; n < 22; n++) await h.command(`contact "Employer ${n}" type:phone`);
  });
  afterAll(async () => h?.stop());

  it("lists the newest 20 changes first, with who, what and the structured fields, and a More button", async () => {
    const page = await h.command("admin audit", ADMIN, "D0ADMIN");
    const text = messageText(page);
    expect(text).toContain("Audit log of Clinic");
    const rows = tableRows(text);
    expect(rows).toHaveLength(20);
    expect(rows[0]).toMatch(/^2026-11-19 10:00\s+anna\.specialist\s+employer-contact\.logged\s+employer-contact \d+\s+employerId: \d+, participantId: –, contactType: phone, occurredOn: 2026-11-19$/);
    expect(buttonsOf(page).map((button) => button.text.text)).toEqual(["More"]);
    expect(text).not.toContain(SECRET_NOTE);
  });

  it("shows the next page on More, down to the first change", async () => {
    const first = await h.command("admin audit", ADMIN, "D0ADMIN");
    const second = await click(h, first, "More", ADMIN);
    const rows = tableRows(messageText(second));
    expect(rows.map((row) => row.split(/\s{2,}/)[2])).toEqual([
      "employer-contact.logged",
      "employer-contact.logged",
      "meeting-flag.opened",
      "participant.status-changed",
      "participant.enrolled",
      ...rows.slice(5).map(() => "clinic-membership.role-set"),
    ]);
    expect(buttonsOf(second)).toEqual([]);
    expect(messageText(second)).not.toContain(SECRET_NOTE);
  });

  it("lists what concerns one participant, with old and new values and no note or reason", async () => {
    const text = messageText(await h.command("admin audit P-017", ADMIN, "D0ADMIN"));
    expect(text).toContain("about `P-017`");
    const rows = tableRows(text);
    expect(rows.map((row) => row.split(/\s{2,}/).slice(1, 4))).toEqual([
      ["olle.nurse", "meeting-flag.opened", "P-017"],
      ["anna.specialist", "participant.status-changed", "P-017"],
      ["anna.specialist", "participant.enrolled", "P-017"],
    ]);
    expect(rows[1]).toContain("status: job-search → paused, effectiveOn: 2026-11-18, withNote: true");
    expect(text).not.toContain(SECRET_NOTE);
  });

  it("lists what one person did, and what was done since a day", async () => {
    const byOlle = tableRows(messageText(await h.command(`admin audit ${mention(COLLEAGUE)}`, ADMIN, "D0ADMIN")));
    // Olle's flag, and the role the suite's seeding recorded as given by Olle.
    expect(byOlle.map((row) => row.split(/\s{2,}/)[2])).toEqual(["meeting-flag.opened", "clinic-membership.role-set"]);
    const since = tableRows(messageText(await h.command("admin audit since:2026-11-19", ADMIN, "D0ADMIN")));
    expect(since).toHaveLength(20);
    expect(since.every((row) => row.startsWith("2026-11-19"))).toBe(true);
  });

  it("refuses a malformed filter and a specialist, storing nothing", async () => {
    expect(messageText(await expectNothingStored(h, () => h.command("admin audit since:yesterday", ADMIN, "D0ADMIN")))).toContain("yesterday` is not a date");
    expect(messageText(await expectNothingStored(h, () => h.command("admin audit P-404", ADMIN, "D0ADMIN")))).toContain("There is no participant `P-404`");
    expect(messageText(await expectNothingStored(h, () => h.command("admin audit", COLLEAGUE)))).toContain("Only supervisors or admins of Clinic can do that.");
    expect(messageText(await expectNothingStored(h, () => h.clickButton("audit.more", "999:1:::", ADMIN, "D0ADMIN")))).not.toContain("Audit log");
  });

  it("audits a staff record added or renamed, without the name", async () => {
    await h.command("caseload", { ...SPECIALIST, name: "anna.specialist.renamed" });
    const events = queryAll(h.databaseFile, "SELECT action, details FROM AuditEvent WHERE action LIKE 'member.%' ORDER BY id");
    expect(events.filter((event) => event.action === "member.added").length).toBeGreaterThanOrEqual(2);
    expect(events.at(-1)).toEqual({ action: "member.renamed", details: JSON.stringify({ field: "displayName" }) });
    expect(JSON.stringify(events)).not.toContain("anna.specialist");
  });

  it("lets the supervisor read it too", async () => {
    expect(tableRows(messageText(await h.command("admin audit P-017", SPECIALIST)))).toHaveLength(3);
  });
});

describe("the audit log in Teams", () => {
  let h: TeamsHarness;

  beforeAll(async () => {
    h = await startTeamsHarness({ clock });
    await h.say("ips participant add P-017 since:2026-10-01");
    await h.say(`ips participant status P-017 paused ${SECRET_NOTE}`);
    for (let n = 0; n < 20; n++) await h.say(`ips contact "Employer ${n}" type:phone`);
  });
  afterAll(async () => h?.stop());

  it("lists 20 changes in a card table with a More button that shows the rest", async () => {
    const exchange = await h.say("ips admin audit", TEAMS_ADMIN);
    const card = exchange.calls.flatMap(cardsOf)[0]!;
    const text = cardText(card);
    expect(text).toContain("Audit log of Clinic");
    expect(text).toContain("employer-contact.logged");
    expect(text).not.toContain(SECRET_NOTE);
    const more = actionTitled(card, "More");
    const next = await h.execute(more.verb, more.data, TEAMS_ADMIN);
    // The next page replaces the card that was clicked.
    const nextText = cardText(invokeCard(next)!);
    expect(nextText).toContain("participant.enrolled");
    expect(nextText).toContain("status: job-search → paused");
    expect(nextText).not.toContain(SECRET_NOTE);
  });
});
