// /ips contact inline and through its modal, through signed Slack requests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock, messageText, startHarness, type Harness } from "../support/bot-harness.ts";
import { queryAll } from "../support/database-copy.ts";
import { expectNothingStored } from "../support/unchanged.ts";

// Wednesday 18 November 2026, 11:00 in Stockholm: ISO week 47 runs Monday 16 to Sunday 22 November.
const clock = fixedClock("2026-11-18T10:00:00Z");

describe("employer contacts", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ clock });
    await h.command("participant add P-017 since:2026-10-20");
    await h.command("participant add P-020 since:2026-09-01");
    await h.command("participant add P-030 since:2026-11-10");
    await h.command("participant status P-030 closed");
  });
  afterAll(async () => h?.stop());

  const contacts = () =>
    queryAll(
      h.databaseFile,
      `SELECT e.name AS employer, c.contactType, c.occurredOn, c.note, p.code FROM EmployerContact c
       JOIN Employer e ON e.id = c.employerId LEFT JOIN Participant p ON p.id = c.participantId ORDER BY c.id`,
    );

  it("logs a quoted employer for a participant and reports the week count and the first contact", async () => {
    const text = messageText(await h.command('contact "ICA Maxi Lindhagen" for P-017 type:in-person'));
    expect(text).toContain("Logged an employer contact with ICA Maxi Lindhagen (in person) on 2026-11-18.");
    expect(text).toContain("Your in-person employer contacts this week (2026-W47): 1 of the target 6.");
    expect(text).toContain("This is `P-017`'s first employer contact (first in-person meeting), 29 days after enrolment: within the 30-day target.");
    expect(contacts()).toEqual([{ employer: "ICA Maxi Lindhagen", contactType: "in-person", occurredOn: "2026-11-18", note: null, code: "P-017" }]);
  });

  it("treats the same employer typed differently as one employer and counts only in-person contacts", async () => {
    const text = messageText(await h.command("contact \u201cica maxi  LINDHAGEN\u201d for p-017 type:phone date:2026-11-18 asked about   openings"));
    expect(text).toContain("Your in-person employer contacts this week (2026-W47): 1 of the target 6.");
    expect(text).toContain("Not `P-017`'s first employer contact: the first in-person meeting came 29 days after enrolment.");
    expect(queryAll(h.databaseFile, "SELECT name FROM Employer")).toEqual([{ name: "ICA Maxi Lindhagen" }]);
    expect(contacts().at(-1)).toMatchObject({ contactType: "phone", occurredOn: "2026-11-18", note: "asked about openings" });
  });

  it("unescapes what Slack escapes and keeps unicode employer names", async () => {
    const text = messageText(await h.command('contact "Café Åsa &amp; Söner" type:in-person date:2026-11-16'));
    expect(text).toContain("Logged an employer contact with Café Åsa & Söner (in person) on 2026-11-16.");
    expect(text).toContain("(2026-W47): 2 of the target 6.");
    expect(text).not.toContain("first employer contact");
  });

  it("does not count last week's contacts in this week", async () => {
    const text = messageText(await h.command("contact Coop date:2026-11-15"));
    expect(text).toContain("(2026-W47): 2 of the target 6.");
  });

  it("a video call does not end the wait; the first in-person meeting does, and says it came later than 30 days", async () => {
    const video = messageText(await h.command('contact "Lunds Bageri" for P-020 type:video date:2026-11-16'));
    expect(video).toContain(
      "The video contact is counted, but `P-020`'s first employer contact is their first in-person meeting with an employer, still to come (78 days since enrolment; target within 30).",
    );
    const met = messageText(await h.command('contact "Lunds Bageri" for P-020 type:in-person date:2026-11-15'));
    expect(met).toContain("This is `P-020`'s first employer contact (first in-person meeting), 75 days after enrolment: later than the 30-day target.");
  });

  it.each([
    [`contact "${"E".repeat(121)}"`, "The employer name is 121 characters long; the most is 120"],
    [`contact Coop ${"n".repeat(1001)}`, "The note is 1001 characters long; the most is 1000"],
    ["contact Coop type:fax", "`fax` is not a contact type. Choose one of: in-person, phone, email, video"],
    ["contact Coop date:2026-11-19", "2026-11-19 is in the future"],
    ["contact Coop date:2026-11-31", "`2026-11-31` is not a date"],
    ["contact Coop for P-999", "There is no participant `P-999` in Clinic"],
    ["contact Coop for Anna", "`Anna` is not a participant code"],
    ["contact Coop for", "After `for`, give the participant's code"],
    ["contact Coop for P-030", "`P-030` is closed"],
    ["contact Coop for P-017 date:2026-10-01", "2026-10-01 is before `P-017` was enrolled (2026-10-20)"],
    ['contact ""', "Name the employer you contacted"],
    ['contact "ICA Maxi', "A quotation mark is not closed"],
    ['contact "Coop 19121212-1212"', "personal identity number"],
    ["contact Coop talked about 010100 12356 at lunch", "personal identity number"],
    ["contact Coop type:phone type:email", "`type:` is given twice"],
  ])("refuses `%s` and stores nothing", async (text, expected) => {
    const reply = await expectNothingStored(h, () => h.command(text));
    expect(messageText(reply)).toContain(expected);
  });

  it("lets an order number and a phone number through", async () => {
    const text = messageText(await h.command("contact Coop type:phone order 4500123456, call back on 070-123 45 67"));
    expect(text).toContain("Logged an employer contact with Coop (phone)");
  });

  describe("through the modal", () => {
    it("opens the form with the caller's open participants", async () => {
      const response = await h.sendCommand("contact");
      expect(response.status).toBe(200);
      const call = await h.slack.waitForCall((c) => c.method === "views.open");
      expect(call.body.trigger_id).toMatch(/^trigger\./);
      const view = call.body.view as { callback_id: string; blocks: { block_id: string; element: { options?: { value: string }[] } }[] };
      expect(view.callback_id).toBe("employer-contact");
      expect(view.blocks.map((block) => block.block_id)).toEqual(["employer", "type", "participant", "date", "note"]);
      const participantOptions = view.blocks.find((block) => block.block_id === "participant")?.element.options?.map((o) => o.value);
      expect(participantOptions).toEqual(["P-017", "P-020"]);
    });

    const modalValues = (overrides: Record<string, Record<string, unknown>> = {}) => ({
      employer: { employer: { type: "plain_text_input", value: "Systembolaget Mårtenstorget" } },
      type: { type: { type: "static_select", selected_option: { value: "in-person" } } },
      participant: { participant: { type: "static_select", selected_option: { value: "P-020" } } },
      date: { date: { type: "datepicker", selected_date: "2026-11-18" } },
      note: { note: { type: "plain_text_input", value: "visited with P-020" } },
      ...overrides,
    });

    it("stores a submitted contact once, even when the same view is submitted twice, and answers the second with the first answer", async () => {
      const before = contacts().length;
      const response = await h.submitView("employer-contact", modalValues(), { viewId: "VMODAL1" });
      expect(response.status).toBe(200);
      const posted = await h.slack.waitForCall((c) => c.method === "chat.postEphemeral" && messageText(c).includes("Systembolaget"));
      expect(posted.body.channel).toBe("C0CLINIC");
      expect(messageText(posted)).toContain("Not `P-020`'s first employer contact: the first in-person meeting came 75 days after enrolment.");
      expect(messageText(posted)).toContain("(2026-W47): 3 of the target 6.");
      expect(contacts().length).toBe(before + 1);
      expect(contacts().at(-1)).toMatchObject({ employer: "Systembolaget Mårtenstorget", code: "P-020", note: "visited with P-020" });

      await h.submitView("employer-contact", modalValues(), { viewId: "VMODAL1" });
      await expect.poll(() => h.slack.calls.filter((c) => c.method === "chat.postEphemeral" && messageText(c) === messageText(posted)).length).toBe(2);
      expect(contacts().length).toBe(before + 1);
    });

    it.each([
      ["employer", { employer: { employer: { type: "plain_text_input", value: "Coop 121212-1212" } } }, "personal identity number"],
      ["employer", { employer: { employer: { type: "plain_text_input", value: null } } }, "Name the employer"],
      ["date", { date: { date: { type: "datepicker", selected_date: "2026-12-24" } } }, "2026-12-24 is in the future"],
      ["type", { type: { type: { type: "static_select", selected_option: { value: "pigeon" } } } }, "pigeon is not a contact type"],
      ["participant", { participant: { participant: { type: "static_select", selected_option: { value: "P-404" } } } }, "There is no participant P-404"],
      ["note", { note: { note: { type: "plain_text_input", value: "x".repeat(1001) } } }, "The note is 1001 characters long"],
    ])("shows a %s field error for bad input and stores nothing", async (field, overrides, expected) => {
      const response = await expectNothingStored(h, () => h.submitView("employer-contact", modalValues(overrides)));
      const body = (await response.json()) as { response_action: string; errors: Record<string, string> };
      expect(body.response_action).toBe("errors");
      expect(Object.keys(body.errors)).toEqual([field]);
      expect(body.errors[field]).toContain(expected);
    });
  });
});
