// Every form checks its whole submission before anything is written: bad input comes
// back as an error under each field that is wrong, all at once, with nothing stored, in Slack (the
// modal stays open through `response_action: errors`) and in Teams (the card is redrawn from the
// form's spec with the errors).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock, startHarness, type Harness } from "../support/bot-harness.ts";
import { invokeCard, shownText, startTeamsHarness, type TeamsHarness } from "../support/teams-harness.ts";
import { queryAll } from "../support/database-copy.ts";
import { expectNothingStored } from "../support/unchanged.ts";

const clock = fixedClock("2026-11-18T10:00:00Z");
const IDENTITY_NUMBER = "811218-9876";

/** Each form with submissions that are wrong in one or more fields, and the start of each field's error. */
interface Case {
  formId: string;
  what: string;
  values: Record<string, string>;
  hidden?: () => Record<string, string>;
  errors: Record<string, string>;
}

const settings = { locale: "sv", timeZone: "Europe/Stockholm", digestWeekday: "1", digestTime: "07:30", meetingWeekday: "3", meetingTime: "13:00", agendaLeadMinutes: "90" };

function cases(ids: { clinicId: () => string; flagId: () => string; reviewTarget: () => string }): Case[] {
  return [
    {
      formId: "employer-contact",
      what: "an employer too long, an unknown type and an impossible date",
      values: { employer: "x".repeat(121), type: "pigeon", date: "2026-13-45" },
      errors: { employer: "The employer name is 121 characters long", type: "pigeon is not a contact type", date: "2026-13-45 is not a date" },
    },
    {
      formId: "employer-contact",
      what: "an unknown participant and a date in the future",
      values: { employer: "Coop", type: "phone", participant: "P-404", date: "2026-11-19" },
      errors: { date: "2026-11-19 is in the future" },
    },
    {
      formId: "employer-contact",
      what: "an unknown participant",
      values: { employer: "Coop", type: "phone", participant: "P-404", date: "2026-11-18" },
      errors: { participant: "There is no participant P-404" },
    },
    {
      formId: "meeting-flag",
      what: "a malformed code and no reason",
      values: { participant: "Anna!", reason: "" },
      errors: { participant: "Anna! is not a participant code", reason: "Say why the team should discuss" },
    },
    {
      formId: "meeting-flag",
      what: "a participant already on the agenda",
      values: { participant: "P-017", reason: "again" },
      errors: { participant: "P-017 is already on the agenda" },
    },
    {
      formId: "meeting-flag",
      what: "an identity number in the reason",
      values: { participant: "P-018", reason: `call ${IDENTITY_NUMBER}` },
      errors: { reason: "personal identity number" },
    },
    {
      formId: "meeting-flag-outcome",
      what: "an outcome note too long",
      values: { note: "x".repeat(1001) },
      hidden: () => ({ flagId: ids.flagId() }),
      errors: { note: "The note is 1001 characters long" },
    },
    {
      formId: "clinic-settings",
      what: "a digest time, a time zone and a lead time that are wrong",
      values: { ...settings, digestTime: "25:00", timeZone: "Mars/Olympus", agendaLeadMinutes: "soon" },
      hidden: () => ({ clinicId: ids.clinicId() }),
      errors: { digestTime: "25:00 is not a time", timeZone: "Mars/Olympus is not a time zone", agendaLeadMinutes: "soon is not a number of minutes" },
    },
    {
      formId: "fidelity-note",
      what: "an identity number in the note",
      values: { note: `ask ${IDENTITY_NUMBER}` },
      hidden: () => ({ target: ids.reviewTarget() }),
      errors: { note: "personal identity number" },
    },
  ];
}

const FIRST_ITEM_KEY = "caseload";

function idsOf(databaseFile: () => string) {
  return {
    clinicId: () => String(queryAll(databaseFile(), "SELECT id FROM Clinic ORDER BY id")[0]!.id),
    flagId: () => String(queryAll(databaseFile(), "SELECT id FROM MeetingFlag WHERE closedAt IS NULL ORDER BY id")[0]!.id),
    reviewTarget: () => `${String(queryAll(databaseFile(), "SELECT id FROM FidelityReview WHERE status = 'open'")[0]!.id)}:${FIRST_ITEM_KEY}`,
  };
}

describe("forms in Slack", () => {
  let h: Harness;
  const slackValue = (field: string, value: string) =>
    ["type", "participant", "locale", "digestWeekday", "meetingWeekday"].includes(field)
      ? { [field]: { type: "static_select", selected_option: value ? { value } : null } }
      : field === "date"
        ? { [field]: { type: "datepicker", selected_date: value } }
        : { [field]: { type: "plain_text_input", value } };

  beforeAll(async () => {
    h = await startHarness({ clock });
    await h.command("participant add P-017 since:2026-10-20");
    await h.command("participant add P-018 since:2026-10-20");
    await h.command("flag P-017 wants more hours");
    await h.command("fidelity start");
  });
  afterAll(async () => h?.stop());

  it.each(cases(idsOf(() => h.databaseFile)).map((test) => [test.formId, test.what, test] as const))("%s: %s come back under their fields, nothing stored", async (_formId, _what, test) => {
    const values = Object.fromEntries(Object.entries(test.values).map(([field, value]) => [field, slackValue(field, value)]));
    const metadata = JSON.stringify({ channelId: "C0TEST", hidden: test.hidden?.() ?? {} });
    const response = await expectNothingStored(h, () => h.submitView(test.formId, values, { metadata }));
    const body = (await response.json()) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe("errors");
    expect(Object.keys(body.errors).sort()).toEqual(Object.keys(test.errors).sort());
    for (const [field, start] of Object.entries(test.errors)) expect(body.errors[field]).toContain(start);
    for (const error of Object.values(body.errors)) expect(error).not.toContain("9876");
  });
});

describe("forms in Teams", () => {
  let h: TeamsHarness;

  beforeAll(async () => {
    h = await startTeamsHarness({ clock });
    await h.say("ips participant add P-017 since:2026-10-20");
    await h.say("ips participant add P-018 since:2026-10-20");
    await h.say("ips flag P-017 wants more hours");
    await h.say("ips fidelity start");
  });
  afterAll(async () => h?.stop());

  it.each(cases(idsOf(() => h.databaseFile)).map((test) => [test.formId, test.what, test] as const))("%s: %s come back under their fields, nothing stored", async (_formId, _what, test) => {
    const inputs = Object.fromEntries(Object.entries(test.values).map(([field, value]) => [`field.${field}`, value]));
    const data = { formId: test.formId, hidden: test.hidden?.() ?? {}, submissionId: randomUUID(), ...inputs };
    const exchange = await expectNothingStored(h, () => h.execute(`form:${test.formId}`, data));
    const card = invokeCard(exchange)!;
    expect(card).toBeDefined();
    const body = card.body as Record<string, any>[];
    const errors: Record<string, string> = {};
    body.forEach((element, index) => {
      const next = body[index + 1];
      if (typeof element.id === "string" && next?.color === "Attention") errors[element.id.replace(/^field\./, "")] = shownText(next.text);
    });
    expect(Object.keys(errors).sort()).toEqual(Object.keys(test.errors).sort());
    for (const [field, start] of Object.entries(test.errors)) expect(errors[field]).toContain(start);
    // What was typed stays in the redrawn form.
    for (const [field, value] of Object.entries(test.values)) {
      if (value && !["type", "participant", "locale", "digestWeekday", "meetingWeekday", "date"].includes(field)) expect(body.find((element) => element.id === `field.${field}`)?.value).toBe(value);
    }
    // The redrawn input keeps what its owner typed, to correct; no error repeats it.
    for (const error of Object.values(errors)) expect(error).not.toContain("9876");
  });
});
