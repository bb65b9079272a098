// /ips flag, /ips agenda with its Discussed button (block_actions), /ips unflag.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLLEAGUE, fixedClock, messageText, startHarness, type Harness } from "../support/bot-harness.ts";
import { queryAll } from "../support/database-copy.ts";
import { expectNothingStored } from "../support/unchanged.ts";

const clock = fixedClock("2026-11-18T10:00:00Z");

describe("meeting flags", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ clock });
    await h.command("participant add P-017");
    await h.command("participant add P-018");
    await h.command("help", COLLEAGUE);
  });
  afterAll(async () => h?.stop());

  const flags = () => queryAll(h.databaseFile, "SELECT f.id, p.code, f.reason, f.closedAt IS NOT NULL AS closed, f.outcomeNote, f.openFor FROM MeetingFlag f JOIN Participant p ON p.id = f.participantId ORDER BY f.id");

  it("says so when nobody is flagged", async () => {
    expect(messageText(await h.command("agenda"))).toContain("Nobody is flagged for the next team meeting.");
  });

  it("lets anyone on the team flag a participant", async () => {
    const text = messageText(await h.command("flag P-017 wants to increase hours, discuss support", COLLEAGUE));
    expect(text).toContain("`P-017` is on the agenda of the next team meeting.");
    await h.command("flag p-018 benefits question from FK");
    expect(flags()).toMatchObject([
      { code: "P-017", reason: "wants to increase hours, discuss support", closed: 0 },
      { code: "P-018", reason: "benefits question from FK", closed: 0 },
    ]);
  });

  it.each([
    ["flag P-017", "Say why the team should discuss the participant"],
    ["flag P-017 another reason", "`P-017` is already on the agenda (flagged by olle.nurse on 2026-11-18)"],
    ["flag P-999 something", "There is no participant `P-999`"],
    ["flag 850101-1234 crisis", "is not a participant code"],
    ["flag P-017 called 121212-1212 about it", "personal identity number"],
    [`flag P-017 ${"r".repeat(1001)}`, "The reason is 1001 characters long"],
    ["flag", "Give the participant's code"],
    ["unflag P-999", "There is no participant `P-999`"],
    ["unflag Anna", "`Anna` is not a participant code"],
    ["unflag P-017 outcome for 121212-1212", "personal identity number"],
  ])("refuses `%s` and stores nothing", async (text, expected) => {
    const reply = await expectNothingStored(h, () => h.command(text));
    expect(messageText(reply)).toContain(expected);
  });

  it("lists the open flags with who flagged them, since when, and a Discussed button", async () => {
    const reply = await h.command("agenda");
    const text = messageText(reply);
    expect(text).toContain("Team meeting agenda: 2 open");
    expect(text).toContain("`P-017`: wants to increase hours, discuss support\nFlagged by olle.nurse on 2026-11-18");
    const buttons = (reply.body.blocks as { accessory?: { action_id: string; value: string } }[]).flatMap((b) => (b.accessory ? [b.accessory] : []));
    expect(buttons.map((b) => b.action_id)).toEqual(["meeting-flag.discussed", "meeting-flag.discussed"]);
    expect(buttons.map((b) => Number(b.value))).toEqual(flags().map((f) => f.id));
  });

  it("closes a flag through the Discussed button and redraws the agenda; a second click changes nothing", async () => {
    const flagId = String(flags()[0]!.id);
    const reply = await h.clickButton("meeting-flag.discussed", flagId);
    expect(reply.body.replace_original).toBe(true);
    expect(messageText(reply)).toContain("`P-017`: discussed, closed by anna.specialist.");
    expect(messageText(reply)).toContain("Team meeting agenda: 1 open");
    expect(messageText(reply)).not.toContain("wants to increase hours");
    expect(flags()[0]).toMatchObject({ closed: 1, openFor: null });

    const again = await expectNothingStored(h, () => h.clickButton("meeting-flag.discussed", flagId, COLLEAGUE));
    expect(messageText(again)).toContain("This flag is already closed (by anna.specialist). Nothing changed.");
  });

  it.each([["not-a-number"], ["999999"], ["-1"]])("refuses a crafted button value %s and stores nothing", async (value) => {
    const reply = await expectNothingStored(h, () => h.clickButton("meeting-flag.discussed", value));
    expect(messageText(reply)).toContain("That flag no longer exists in this clinic.");
  });

  it("closes a flag with an outcome note through /ips unflag and allows a new flag afterwards", async () => {
    const text = messageText(await h.command("unflag P-018 agreed to book a benefits meeting"));
    expect(text).toContain("`P-018` is off the agenda. Outcome: agreed to book a benefits meeting");
    expect(flags()[1]).toMatchObject({ closed: 1, outcomeNote: "agreed to book a benefits meeting" });
    const none = await expectNothingStored(h, () => h.command("unflag P-018"));
    expect(messageText(none)).toContain("`P-018` is not on the agenda.");
    await h.command("flag P-018 follow up on the benefits meeting");
    expect(flags()).toHaveLength(3);
    const audit = queryAll(h.databaseFile, "SELECT action FROM AuditEvent WHERE entityType = 'meeting-flag' ORDER BY id").map((row) => row.action);
    expect(audit).toEqual(["meeting-flag.opened", "meeting-flag.opened", "meeting-flag.closed", "meeting-flag.closed", "meeting-flag.opened"]);
  });
});
