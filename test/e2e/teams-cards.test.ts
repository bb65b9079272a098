// Cards that act: the agenda's Discussed (Action.Execute, card updated in place) and the
// employer-contact form (inputs, field errors redrawn in the card, confirmation), in Teams.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryAll } from "../support/database-copy.ts";
import type { ConnectorCall } from "../support/fake-bot-connector.ts";
import { COLLEAGUE, executeInvoke, SPECIALIST, submitMessage } from "../support/teams-activities.ts";
import { cardsOf, cardText, executeActions, fixedClock, invokeCard, repliesText, startTeamsHarness, type TeamsHarness, shownText } from "../support/teams-harness.ts";
import { expectNothingStored } from "../support/unchanged.ts";

const clock = fixedClock("2026-11-18T10:00:00Z");


const onlyCard = (calls: ConnectorCall[]) => {
  const cards = calls.flatMap(cardsOf);
  expect(cards).toHaveLength(1);
  return cards[0]!;
};

describe("the agenda's Discussed button in Teams", () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ clock });
    await h.say("ips participant add P-017");
    await h.say("ips participant add P-018");
    await h.say("ips flag P-017 wants to increase hours, discuss support", COLLEAGUE);
    await h.say("ips flag P-018 benefits question from FK");
  });
  afterAll(async () => h?.stop());

  const flags = () => queryAll(h.databaseFile, "SELECT f.id, p.code, f.closedAt IS NOT NULL AS closed FROM MeetingFlag f JOIN Participant p ON p.id = f.participantId ORDER BY f.id");

  it("shows the open flags with Discussed and Discussed-with-outcome Action.Execute buttons per flag", async () => {
    const exchange = await h.say("ips agenda");
    const card = onlyCard(exchange.calls);
    expect(cardText(card)).toContain("Team meeting agenda: 2 open");
    expect(cardText(card)).toContain("P-017: wants to increase hours, discuss support\nFlagged by Olle Nurse on 2026-11-18\n[Discussed]");
    const actions = executeActions(card);
    expect(actions.map((action) => action.verb)).toEqual([
      "meeting-flag.discussed",
      "meeting-flag.discussed-with-note",
      "meeting-flag.discussed",
      "meeting-flag.discussed-with-note",
    ]);
    const ids = flags().map((flag) => flag.id);
    expect(actions.map((action) => Number(action.data.value))).toEqual([ids[0], ids[0], ids[1], ids[1]]);
  });

  it("closes the flag on a click and updates the agenda card in place; a second click changes nothing", async () => {
    const agenda = await h.say("ips agenda");
    const agendaMessageId = agenda.calls[0]!.answer.id as string;
    const [discussP017] = executeActions(onlyCard(agenda.calls));

    const click = await h.execute(discussP017!.verb, discussP017!.data, SPECIALIST, agendaMessageId);
    expect(click.status).toBe(200);
    const refreshed = invokeCard(click)!;
    expect(cardText(refreshed)).toContain("P-017: discussed, closed by Anna Specialist.");
    expect(cardText(refreshed)).toContain("Team meeting agenda: 1 open");
    expect(cardText(refreshed)).not.toContain("wants to increase hours");
    // Everyone in the chat sees the updated card: the message itself is replaced.
    const [update] = click.calls;
    expect(update).toMatchObject({ kind: "update", method: "PUT", activityId: agendaMessageId, conversationId: `a:personal-${SPECIALIST.id}` });
    expect(cardsOf(update!)[0]).toEqual(refreshed);
    expect(flags()[0]).toMatchObject({ code: "P-017", closed: 1 });

    const again = await expectNothingStored(h, () => h.execute(discussP017!.verb, discussP017!.data, COLLEAGUE, agendaMessageId));
    expect(cardText(invokeCard(again)!)).toContain("This flag is already closed (by Anna Specialist). Nothing changed.");
  });

  it.each([["not-a-number"], ["999999"], ["-1"], [42]])("answers a crafted value %s with a message, not a card, and stores nothing", async (value) => {
    const exchange = await expectNothingStored(h, () => h.execute("meeting-flag.discussed", { value }));
    expect(exchange.body).toEqual({ statusCode: 200, type: "application/vnd.microsoft.activity.message", value: "That flag no longer exists in this clinic." });
    expect(exchange.calls).toEqual([]);
  });

  it("answers a Discussed click in a channel's agenda by updating the channel's message", async () => {
    const conversation = { isGroup: true, conversationType: "channel", tenantId: SPECIALIST.tenantId, id: "19:ch4NnE1ipsMeet@thread.tacv2;messageid=1700000000000" };
    const flagId = String(flags()[1]!.id);
    const exchange = await h.send(executeInvoke(COLLEAGUE, "meeting-flag.discussed", { value: flagId }, h.connector.serviceUrl, { cardMessageId: "1700000000000", conversation }));
    expect(cardText(invokeCard(exchange)!)).toContain("P-018: discussed, closed by Olle Nurse.");
    expect(cardText(invokeCard(exchange)!)).toContain("Nobody is flagged for the next team meeting.");
    expect(exchange.calls).toMatchObject([{ kind: "update", conversationId: conversation.id, activityId: "1700000000000" }]);
  });
});

describe("the employer-contact form in Teams", () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ clock });
    await h.say("ips participant add P-017 since:2026-10-20");
    await h.say("ips participant add P-020 since:2026-09-01");
    await h.say("ips participant add P-030");
    await h.say("ips participant status P-030 closed");
  });
  afterAll(async () => h?.stop());

  const contacts = () =>
    queryAll(h.databaseFile, "SELECT e.name AS employer, c.contactType, c.occurredOn, c.note, p.code FROM EmployerContact c JOIN Employer e ON e.id = c.employerId LEFT JOIN Participant p ON p.id = c.participantId ORDER BY c.id");

  async function openForm() {
    const exchange = await h.say("ips contact");
    const card = onlyCard(exchange.calls);
    const [submit, cancel] = card.actions as Record<string, any>[];
    return { card, submit: submit!, cancel: cancel!, messageId: exchange.calls[0]!.answer.id as string };
  }

  const filled = (submitData: Record<string, unknown>, overrides: Record<string, unknown> = {}) => ({
    ...submitData,
    "field.employer": "Systembolaget Mårtenstorget",
    "field.type": "in-person",
    "field.participant": "P-020",
    "field.date": "2026-11-18",
    "field.note": "visited with P-020",
    ...overrides,
  });

  it("opens a card with the form's inputs and the caller's open participants", async () => {
    const { card, submit, cancel } = await openForm();
    const inputs = (card.body as Record<string, any>[]).filter((element) => element.type.startsWith("Input."));
    expect(inputs.map((input) => [input.type, input.id])).toEqual([
      ["Input.Text", "field.employer"],
      ["Input.ChoiceSet", "field.type"],
      ["Input.ChoiceSet", "field.participant"],
      ["Input.Date", "field.date"],
      ["Input.Text", "field.note"],
    ]);
    expect(inputs[0]).toMatchObject({ label: "Employer", isRequired: true, errorMessage: "Fill in Employer.", maxLength: 120 });
    expect(inputs[1]!.choices.map((choice: { value: string }) => choice.value)).toEqual(["in-person", "phone", "email", "video"]);
    expect(inputs[1]!.value).toBe("in-person");
    expect(inputs[2]!.choices.map((choice: { value: string }) => choice.value)).toEqual(["P-017", "P-020"]);
    expect(inputs[3]!.value).toBe("2026-11-18");
    expect(submit).toMatchObject({ type: "Action.Execute", verb: "form:employer-contact", title: "Log contact", associatedInputs: "auto" });
    expect(cancel).toMatchObject({ type: "Action.Execute", title: "Cancel", associatedInputs: "none" });
  });

  it("logs a submitted contact once, replacing the form with the confirmation, even when submitted twice", async () => {
    const { submit, messageId } = await openForm();
    const exchange = await h.execute(submit.verb, filled(submit.data), SPECIALIST, messageId);
    const confirmation = cardText(invokeCard(exchange)!);
    expect(confirmation).toContain("Logged an employer contact with Systembolaget Mårtenstorget (in person) on 2026-11-18.");
    expect(confirmation).toContain("This is P-020's first employer contact (first in-person meeting), 78 days after enrolment: later than the 30-day target.");
    expect(exchange.calls).toMatchObject([{ kind: "update", activityId: messageId }]);
    expect(contacts()).toEqual([{ employer: "Systembolaget Mårtenstorget", contactType: "in-person", occurredOn: "2026-11-18", note: "visited with P-020", code: "P-020" }]);

    const repeat = await expectNothingStored(h, () => h.execute(submit.verb, filled(submit.data), SPECIALIST, messageId));
    expect(cardText(invokeCard(repeat)!)).toBe(confirmation); // the first answer, again
  });

  it("treats an empty optional participant as none", async () => {
    const { submit } = await openForm();
    await h.execute(submit.verb, filled(submit.data, { "field.participant": "", "field.note": "", "field.employer": "Coop Forum" }));
    expect(contacts().at(-1)).toEqual({ employer: "Coop Forum", contactType: "in-person", occurredOn: "2026-11-18", note: null, code: null });
  });

  it.each([
    ["employer", { "field.employer": "Coop 121212-1212" }, "personal identity number"],
    ["employer", { "field.employer": "" }, "Name the employer"],
    ["date", { "field.date": "2026-12-24" }, "2026-12-24 is in the future"],
    ["type", { "field.type": "pigeon" }, "pigeon is not a contact type"],
    ["participant", { "field.participant": "P-404" }, "There is no participant P-404"],
    ["participant", { "field.participant": "P-030" }, "P-030 is closed. Reopen them first with ips participant status P-030 job-search."],
    ["note", { "field.note": "x".repeat(1001) }, "The note is 1001 characters long"],
  ])("redraws the form with a %s error under its field, keeps what was typed, and stores nothing", async (field, overrides, expected) => {
    const { submit } = await openForm();
    const exchange = await expectNothingStored(h, () => h.execute(submit.verb, filled(submit.data, overrides)));
    const card = invokeCard(exchange)!;
    const body = card.body as Record<string, any>[];
    const at = body.findIndex((element) => element.id === `field.${field}`);
    expect(body[at + 1]).toMatchObject({ type: "TextBlock", color: "Attention" });
    expect(shownText(body[at + 1]!.text)).toContain(expected);
    expect(body.filter((element) => element.color === "Attention")).toHaveLength(1);
    const typedEmployer = body.find((element) => element.id === "field.employer")!.value;
    expect(typedEmployer ?? "").toBe(filled({}, overrides)["field.employer"]);
    // The redrawn form can be submitted again, as the same card.
    expect((card.actions as Record<string, any>[])[0]!.data.submissionId).toBe(submit.data.submissionId);
  });

  it("refuses a submission that does not carry a well-formed form, and stores nothing", async () => {
    const { submit } = await openForm();
    for (const data of [{ ...filled({}) }, filled({ ...submit.data, submissionId: "x" }), filled({ ...submit.data, formId: "other" }), filled({ ...submit.data, hidden: "not a record" })]) {
      const exchange = await expectNothingStored(h, () => h.execute("form:employer-contact", data));
      expect(exchange.body.value).toBe("This form can no longer be used and nothing was saved. Type the command again to get a new form.");
    }
  });

  it("closes the form on Cancel without storing anything", async () => {
    const { cancel } = await openForm();
    const exchange = await expectNothingStored(h, () => h.execute(cancel.verb, cancel.data));
    expect(cardText(invokeCard(exchange)!)).toBe("Form closed; nothing was saved.");
  });

  it("sends the form to the private chat when asked for in a channel", async () => {
    const exchange = await h.mention("ips contact");
    expect(exchange.calls.map((call) => call.kind)).toEqual(["create-conversation", "reply", "reply"]);
    expect(cardsOf(exchange.calls[1]!)[0]!.actions[0].verb).toBe("form:employer-contact");
    expect(repliesText([exchange.calls[2]!])).toBe("Anna Specialist, I sent you the answer in a private chat.");
  });
});

describe("long replies in Teams", () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ clock });
    for (let index = 1; index <= 70; index += 1) {
      const code = `P-${String(index).padStart(3, "0")}`;
      await h.say(`ips participant add ${code} since:2026-09-01`);
      await h.say(`ips flag ${code} wants to discuss increasing hours, travel support and a work trial with the employer`, COLLEAGUE);
    }
  });
  afterAll(async () => h?.stop());

  it("sends a long caseload as several cards, each valid and under 28 KB, with every participant", async () => {
    const exchange = await h.say("ips caseload");
    const cards = exchange.calls.flatMap(cardsOf);
    expect(cards.length).toBeGreaterThan(1);
    const text = cards.map(cardText).join("\n");
    for (let index = 1; index <= 70; index += 1) expect(text).toContain(`P-${String(index).padStart(3, "0")}`);
    expect(text).toContain("You have 70 active participants, more than the IPS ceiling of 20 per specialist.");
  });

  it("sends a long agenda as several cards and refreshes it in place after a click", async () => {
    const agenda = await h.say("ips agenda");
    const cards = agenda.calls.flatMap(cardsOf);
    expect(cards.length).toBeGreaterThan(1);
    const buttons = cards.flatMap(executeActions);
    expect(buttons).toHaveLength(140); // 70 flags, each with Discussed and Discussed-with-outcome
    const click = await h.execute(buttons[0]!.verb, buttons[0]!.data, SPECIALIST, agenda.calls[0]!.answer.id);
    expect(cardText(invokeCard(click)!)).toContain("P-001: discussed, closed by Anna Specialist.");
    // The clicked card is replaced by the first card of the redrawn agenda; the rest follow as new messages.
    const updates = click.calls.filter((call) => call.kind === "update");
    const followers = click.calls.filter((call) => call.kind === "reply");
    expect(updates).toMatchObject([{ activityId: agenda.calls[0]!.answer.id }]);
    expect(followers.length).toBe(click.calls.length - 1);
    expect([invokeCard(click)!, ...followers.flatMap(cardsOf)].flatMap(executeActions)).toHaveLength(138);
  });
});

describe("the Action.Submit fallback, for Teams clients without Universal Actions", () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ clock });
    await h.say("ips participant add P-017");
    await h.say("ips flag P-017 wants to increase hours", COLLEAGUE);
  });
  afterAll(async () => h?.stop());

  /** Every Action.Submit fallback in a card. */
  function submitFallbacks(card: Record<string, any>): { title: string; data: Record<string, any> }[] {
    const found: { title: string; data: Record<string, any> }[] = [];
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (typeof node !== "object" || node === null) return;
      const element = node as Record<string, any>;
      if (element.fallback?.type === "Action.Submit") found.push(element.fallback);
      for (const key of ["body", "items", "actions"]) visit(element[key]);
    };
    visit(card);
    return found;
  }

  it("closes a flag from the fallback's message and replaces the agenda message with the refreshed card", async () => {
    const agenda = await h.say("ips agenda");
    const agendaMessageId = agenda.calls[0]!.answer.id as string;
    const [fallback] = submitFallbacks(onlyCard(agenda.calls));
    expect(fallback!.data).toMatchObject({ verb: "meeting-flag.discussed" });
    const exchange = await h.send(submitMessage(SPECIALIST, fallback!.data, h.connector.serviceUrl, { cardMessageId: agendaMessageId }));
    expect(exchange.calls).toMatchObject([{ kind: "update", activityId: agendaMessageId }]);
    expect(cardText(cardsOf(exchange.calls[0]!)[0]!)).toContain("P-017: discussed, closed by Anna Specialist.");
    expect(queryAll(h.databaseFile, "SELECT closedAt IS NOT NULL AS closed FROM MeetingFlag")).toEqual([{ closed: 1 }]);
  });

  it("treats a submission that comes with empty text as a submission, not as typed text", async () => {
    const exchange = await expectNothingStored(h, () => h.send({ ...submitMessage(SPECIALIST, { verb: "meeting-flag.discussed", value: "999999" }, h.connector.serviceUrl), text: "" }));
    expect(repliesText(exchange.calls)).toBe("That flag no longer exists in this clinic.");
  });

  it("answers a crafted value with a private note and stores nothing", async () => {
    const exchange = await expectNothingStored(h, () => h.send(submitMessage(SPECIALIST, { verb: "meeting-flag.discussed", value: "999999" }, h.connector.serviceUrl)));
    expect(exchange.calls).toMatchObject([{ kind: "reply", body: { text: "That flag no longer exists in this clinic." } }]);
  });

  it("logs a contact from the form's fallback and replaces the form with the confirmation", async () => {
    const opened = await h.say("ips contact");
    const formMessageId = opened.calls[0]!.answer.id as string;
    const [submit] = submitFallbacks(onlyCard(opened.calls));
    const value = { ...submit!.data, "field.employer": "Coop Forum", "field.type": "phone", "field.date": "2026-11-18" };
    const exchange = await h.send(submitMessage(SPECIALIST, value, h.connector.serviceUrl, { cardMessageId: formMessageId }));
    expect(exchange.calls).toMatchObject([{ kind: "update", activityId: formMessageId }]);
    expect(cardText(cardsOf(exchange.calls[0]!)[0]!)).toContain("Logged an employer contact with Coop Forum (phone) on 2026-11-18.");
    const again = await expectNothingStored(h, () => h.send(submitMessage(SPECIALIST, value, h.connector.serviceUrl, { cardMessageId: formMessageId })));
    expect(cardText(cardsOf(again.calls[0]!)[0]!)).toContain("Logged an employer contact with Coop Forum (phone) on 2026-11-18.");
  });

  it("redraws the form with the error in place of the submitted one", async () => {
    const opened = await h.say("ips contact");
    const [submit] = submitFallbacks(onlyCard(opened.calls));
    const value = { ...submit!.data, "field.employer": "Coop 121212-1212", "field.type": "phone", "field.date": "2026-11-18" };
    const exchange = await expectNothingStored(h, () => h.send(submitMessage(SPECIALIST, value, h.connector.serviceUrl, { cardMessageId: opened.calls[0]!.answer.id })));
    expect(cardText(cardsOf(exchange.calls[0]!)[0]!)).toContain("personal identity number");
    expect(exchange.calls[0]!.kind).toBe("update");
  });
});
