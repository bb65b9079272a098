// Identity numbers written the ways people type and paste them are refused on every path that
// stores free text, in Slack and Teams, with nothing stored and the number never echoed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock, messageText, startHarness, type Harness } from "../support/bot-harness.ts";
import { SPECIALIST as TEAMS_SPECIALIST } from "../support/teams-activities.ts";
import { cardsOf, cardText, invokeCard, repliesText, startTeamsHarness, type TeamsHarness } from "../support/teams-harness.ts";
import { expectNothingStored } from "../support/unchanged.ts";

const clock = fixedClock("2026-11-18T10:00:00Z");

/** The same personnummer (811218-9876) and fødselsnummer (18.12.81 10182) as people write them; none holds a plain space between tokens' quotes. */
const WRITTEN = {
  "an en dash": "811218\u20139876",
  "a non-breaking hyphen": "811218\u20119876",
  "a minus sign": "811218\u22129876",
  "full-width digits": "\uff18\uff11\uff11\uff12\uff11\uff18\uff0d\uff19\uff18\uff17\uff16",
  "a zero-width space": "811218\u200b9876",
  "Arabic-Indic digits": "\u0668\u0661\u0661\u0662\u0661\u0668-\u0669\u0668\u0667\u0666",
  "a dotted twelve-digit date": "1981.12.18-9876",
  "a dotted Norwegian date": "18.12.81-10182",
};
const CASES = Object.entries(WRITTEN);

/** The refusal names what was found and never repeats any of its digits' runs. */
function expectRefusedWithoutEcho(text: string, number: string) {
  expect(text).toContain("personal identity number");
  expect(text).not.toContain(number);
  expect(text).not.toMatch(/811218|9876|10182/);
}

describe("identity numbers in Slack", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ clock });
    await h.command("participant add P-017 since:2026-10-20");
    await h.command("flag P-017 wants to discuss hours");
  });
  afterAll(async () => h?.stop());

  it.each(CASES)("refuses a typed employer, note, reason, outcome and participant code written with %s", async (_how, number) => {
    for (const typed of [
      `contact "Coop ${number}"`,
      `contact Coop type:phone called about ${number}`,
      `participant status P-017 paused spoke with ${number}`,
      `flag P-017 call ${number}`,
      `unflag P-017 outcome for ${number}`,
      `job start P-017 "Coop ${number}" type:retail kind:competitive`,
      `participant add ${number}`,
      `${number}`,
    ]) {
      const call = await expectNothingStored(h, () => h.command(typed));
      expectRefusedWithoutEcho(messageText(call), number);
    }
  });

  it.each(CASES)("refuses a clinic name written with %s", async (_how, number) => {
    const call = await expectNothingStored(h, () => h.command(`channel connect Nord ${number}`, undefined, "C0NEWCLINIC"));
    expectRefusedWithoutEcho(messageText(call), number);
  });

  it.each(CASES)("refuses the contact modal's employer and note written with %s", async (_how, number) => {
    for (const [field, value] of [
      ["employer", `Coop ${number}`],
      ["note", `ring ${number}`],
    ] as const) {
      const values = {
        employer: { employer: { type: "plain_text_input", value: field === "employer" ? value : "Coop" } },
        type: { type: { type: "static_select", selected_option: { value: "in-person" } } },
        date: { date: { type: "datepicker", selected_date: "2026-11-18" } },
        note: { note: { type: "plain_text_input", value: field === "note" ? value : null } },
      };
      const response = await expectNothingStored(h, () => h.submitView("employer-contact", values));
      const body = (await response.json()) as { errors: Record<string, string> };
      expect(Object.keys(body.errors)).toEqual([field]);
      expectRefusedWithoutEcho(body.errors[field]!, number);
    }
  });

  it("still stores a note with a phone number in it", async () => {
    const text = messageText(await h.command("contact Coop type:phone ring 070\u2013123\u00a045\u00a067 tomorrow"));
    expect(text).toContain("Logged an employer contact with Coop (phone)");
  });
});

describe("identity numbers in Teams", () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ clock });
    await h.say("ips participant add P-017 since:2026-10-20");
    await h.mention("ips help"); // the channel's installation is recorded on first contact
  });
  afterAll(async () => h?.stop());

  it.each(CASES)("refuses a typed reason and a typed employer written with %s", async (_how, number) => {
    for (const typed of [`ips flag P-017 ring ${number}`, `ips contact "Coop ${number}"`, `ips participant add ${number}`]) {
      const exchange = await expectNothingStored(h, () => h.say(typed));
      expectRefusedWithoutEcho(repliesText(exchange.calls), number);
    }
  });

  it.each(CASES)("refuses the contact card's employer and note written with %s", async (_how, number) => {
    const opened = await h.say("ips contact");
    const card = opened.calls.flatMap(cardsOf)[0]!;
    const submit = (card.actions as Record<string, any>[])[0]!;
    for (const [field, value] of [
      ["field.employer", `Coop ${number}`],
      ["field.note", `ring ${number}`],
    ] as const) {
      const data = { ...submit.data, "field.employer": "Coop", "field.type": "in-person", "field.date": "2026-11-18", [field]: value };
      const exchange = await expectNothingStored(h, () => h.execute(submit.verb, data, TEAMS_SPECIALIST, opened.calls[0]!.answer.id as string));
      const redrawn = invokeCard(exchange)!;
      const errors = (redrawn.body as Record<string, any>[]).filter((element) => element.color === "Attention").map((element) => element.text as string);
      expect(errors).toHaveLength(1);
      expectRefusedWithoutEcho(errors[0]!, number);
      expect(cardText(redrawn)).toContain("personal identity number");
    }
  });

  it("refuses a clinic name written with an en dash in a Teams channel", async () => {
    const exchange = await expectNothingStored(h, () => h.mention(`ips channel connect Nord ${WRITTEN["an en dash"]}`));
    expectRefusedWithoutEcho(repliesText(exchange.calls), WRITTEN["an en dash"]);
  });
});
