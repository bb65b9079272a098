// Every kind of Adaptive Card the Teams adapter renders, checked with the Adaptive Cards SDK and
// against Teams' 28 KB limit, in every locale: help, each error message, the contact form with and
// without field errors, long tables and agendas split into cards. (The end-to-end tests check
// every card the running bot actually sends, too.)
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { adaptiveCard } from "../../bot/teams/adaptive-card.ts";
import { renderCards, replyText } from "../../bot/teams/render-card.ts";
import { teamsMarkdown, teamsPlain } from "../../bot/teams/teams-text.ts";
import { code, commandReference } from "../../commands/neutral-text.ts";
import { readFormCardData, readFormValues, renderFormCard } from "../../bot/teams/render-form-card.ts";
import type { CommandContext } from "../../commands/context.ts";
import { helpReply } from "../../commands/registry.ts";
import { ephemeral, errorReply, type Block, type Form } from "../../commands/reply.ts";
import { Catalogue } from "../../prompts/catalogue.ts";
import { LOCALES } from "../../prompts/locales.ts";
import { adaptiveCardProblems, TEAMS_CARD_LIMIT_BYTES } from "../support/adaptive-card-check.ts";

const catalogue = Catalogue.load();
const SUBMISSION_ID = "0b5e2f7a-1c3d-4e5f-8a9b-0c1d2e3f4a5b";
const sample = { code: "P-017", clinic: "Clinic", input: "x", example: "2026-11-18", date: "2026-11-18", today: "2026-11-18", enrolledOn: "2026-10-20", by: "Anna Specialist", length: 1001, max: 1000, choices: "a, b", status: "paused", suggestion: "agenda", correlationId: "0a1b2c3d", usage: "ips flag <code> <reason>", name: "Anna Specialist", field: "Employer" };

function contactForm(participants: number): Form {
  const t = catalogue.translator("sv");
  return {
    formId: "employer-contact",
    title: t("contact.form.title"),
    submitLabel: t("contact.form.submit"),
    cancelLabel: t("contact.form.cancel"),
    fields: [
      { kind: "text", id: "employer", label: t("contact.form.employer"), required: true, maxLength: 120, placeholder: t("contact.form.employerPlaceholder") },
      { kind: "select", id: "type", label: t("contact.form.type"), required: true, initial: "in-person", options: ["in-person", "phone"].map((value) => ({ value, label: t(`contactType.${value}`) })) },
      { kind: "select", id: "participant", label: t("contact.form.participant"), required: false, options: Array.from({ length: participants }, (_, index) => ({ value: `P-${index}`, label: `P-${index}` })) },
      { kind: "date", id: "date", label: t("contact.form.date"), required: true, initial: "2026-11-18" },
      { kind: "text", id: "note", label: t("contact.form.note"), required: false, maxLength: 1000, multiline: true },
    ],
  };
}

const expectValid = (card: unknown) => expect(adaptiveCardProblems(card)).toEqual([]);

describe("the card check itself", () => {
  it("finds an unknown element, a dropped property, the wrong version and an oversized card", () => {
    const text = { type: "TextBlock", text: "x", wrap: true };
    expect(adaptiveCardProblems(adaptiveCard([text]))).toEqual([]);
    expect(adaptiveCardProblems(adaptiveCard([{ type: "Carousel3D" }]))).toContainEqual(expect.stringContaining('Unknown element type "Carousel3D"'));
    expect(adaptiveCardProblems(adaptiveCard([{ ...text, colour: "Good" }]))).toEqual([expect.stringContaining("card.body[0].colour")]);
    expect(adaptiveCardProblems({ ...adaptiveCard([text]), version: "1.6" })).toContainEqual(expect.stringContaining("not 1.5"));
    const huge = adaptiveCard([{ ...text, text: "x".repeat(TEAMS_CARD_LIMIT_BYTES) }]);
    expect(adaptiveCardProblems(huge)).toEqual([expect.stringContaining("over Teams' limit")]);
  });
});

describe.each(LOCALES)("Teams cards in %s", (locale) => {
  const t = catalogue.translator(locale);

  it("renders the help as one valid card, in Teams' command syntax", () => {
    const cards = renderCards(helpReply({ t } as CommandContext));
    expect(cards).toHaveLength(1);
    expectValid(cards[0]);
    expect(JSON.stringify(cards[0])).not.toContain("/ips");
  });

  it("renders every error and notice message as a valid card", () => {
    const keys = Object.keys(JSON.parse(readFileSync(new URL(`../../prompts/messages/${locale}.json`, import.meta.url), "utf8")));
    const messages = keys.filter((key) => key.startsWith("error.") || key.startsWith("teams."));
    expect(messages.length).toBeGreaterThan(30);
    for (const key of messages) {
      const [card] = renderCards(errorReply(t(key, sample), t("error.usage", sample)));
      expectValid(card);
    }
  });

  it("renders the contact form, and the form with an error under every field, as valid cards", () => {
    const form = contactForm(20);
    expectValid(renderFormCard(form, { submissionId: SUBMISSION_ID }, t));
    const errors = Object.fromEntries(form.fields.map((field) => [field.id, t("error.dateInFuture", sample)]));
    const values = { employer: "Coop", type: "phone", participant: "P-3", date: "2026-12-24", note: "n" };
    expectValid(renderFormCard(form, { submissionId: SUBMISSION_ID, values, errors }, t));
  });
});

describe("Teams card rendering", () => {
  it("splits a long caseload table into cards under the limit, each with the header row", () => {
    const rows = Array.from({ length: 400 }, (_, index) => [`P-${String(index).padStart(3, "0")}`, "working (competitive job)", "123", "45", "1"]);
    const cards = renderCards(ephemeral({ type: "heading", text: "Your caseload" }, { type: "table", columns: ["Code", "Status", "Days enrolled", "Days since employer contact", "Open flags"], rows }));
    expect(cards.length).toBeGreaterThan(1);
    cards.forEach(expectValid);
    const shown = cards.flatMap((card) => card.body.filter((element) => element.type === "Table").flatMap((table) => (table.rows as { cells: { items: { text: string }[] }[] }[]).slice(1)));
    expect(shown.map((row) => row.cells[0]!.items[0]!.text)).toEqual(rows.map((row) => row[0]));
    for (const card of cards) for (const table of card.body.filter((element) => element.type === "Table")) expect((table.rows as any[])[0].cells[0].items[0].text).toBe("Code");
  });

  it("splits a long agenda into cards under the limit, keeping every Discussed button", () => {
    const items: Block[] = Array.from({ length: 200 }, (_, index) => ({
      type: "item",
      text: `\`P-${index}\`: ${"wants to talk about increasing hours and travel support ".repeat(3)}`,
      detail: "Flagged by Olle Nurse on 2026-11-18",
      button: { actionId: "meeting-flag.discussed", label: "Discussed", value: String(index), style: "primary" },
    }));
    const cards = renderCards(ephemeral({ type: "heading", text: "Agenda" }, ...items));
    expect(cards.length).toBeGreaterThan(1);
    cards.forEach(expectValid);
    const buttons = cards.flatMap((card) => card.body.flatMap((element) => ((element.items ?? []) as { type: string; actions?: { verb: string; data: { value: string } }[] }[]).flatMap((item) => item.actions ?? [])));
    expect(buttons.map((button) => button.data.value)).toEqual(items.map((_, index) => String(index)));
  });

  it("renders a contact form for a caseload of 100 participants under the limit", () => {
    expectValid(renderFormCard(contactForm(100), { submissionId: SUBMISSION_ID }, catalogue.translator("nb")));
  });

  it("maps tones to colours, dividers to separators and buttons to Action.Execute", () => {
    const [card] = renderCards(
      ephemeral(
        { type: "text", text: "ok", tone: "success" },
        { type: "divider" },
        { type: "text", text: "careful", tone: "warning" },
        { type: "context", text: "small print" },
        { type: "item", text: "P-1", button: { actionId: "x.y", label: "Go", value: "7", style: "danger" } },
      ),
    );
    expect(card!.body).toEqual([
      { type: "TextBlock", text: "ok", wrap: true, color: "Good" },
      { type: "TextBlock", text: "careful", wrap: true, color: "Warning", separator: true },
      { type: "TextBlock", text: "small print", wrap: true, isSubtle: true, size: "Small" },
      { type: "Container", separator: true, items: [{ type: "TextBlock", text: "P-1", wrap: true }, {
        type: "ActionSet",
        actions: [
          {
            type: "Action.Execute",
            title: "Go",
            verb: "x.y",
            data: { value: "7" },
            style: "destructive",
            // For clients without Universal Actions: a message with `value` carrying the verb.
            fallback: { type: "Action.Submit", title: "Go", data: { value: "7", verb: "x.y" }, style: "destructive" },
          },
        ],
      },
    ] },
    ]);
  });

  it("writes commands as Teams users type them, and leaves a slash typed by a person alone", () => {
    expect(teamsMarkdown(`Type ${commandReference("help")} or ${commandReference("agenda")}.`)).toBe("Type **ips help** or **ips agenda**.");
    expect(teamsMarkdown("and/ips, 1/ips2 /ipsum /ips agenda")).toBe("and/ips, 1/ips2 /ipsum /ips agenda");
    const reply = errorReply(`Did you mean ${commandReference("agenda")}?`, `Write it like this: ${commandReference("agenda")}`);
    expect(teamsPlain(replyText(reply))).toBe("Did you mean ips agenda?\nWrite it like this: ips agenda");
    expect(teamsMarkdown(`${code("P-017")} is on the agenda`)).toBe("**P-017** is on the agenda");
  });

  it("reads a submitted form back, and refuses a tampered one", () => {
    const form = contactForm(3);
    const card = renderFormCard(form, { submissionId: SUBMISSION_ID }, catalogue.translator("en"));
    const data = { ...(card.actions![0]!.data as object), "field.employer": "Coop", "field.type": "phone", "field.participant": "", "field.note": "  " };
    const submitted = readFormCardData(data);
    // The card carries the form's id and hidden values, never the form: ipsbot rebuilds it from its spec.
    expect(submitted).toEqual({ formId: form.formId, hidden: {}, submissionId: SUBMISSION_ID });
    expect(JSON.stringify(card.actions![0]!.data)).not.toContain('"fields"');
    expect(readFormValues(form, data)).toEqual({ employer: "Coop", type: "phone", participant: undefined, date: undefined, note: undefined });
    expect(readFormCardData({ ...data, formId: 7 })).toBeUndefined();
    expect(readFormCardData({ ...data, hidden: { clinicId: "x".repeat(501) } })).toBeUndefined();
    expect(readFormCardData({ formId: form.formId })).toBeUndefined();
    // A card sent before this version, carrying the whole form, still submits: only its id and hidden values are read.
    expect(readFormCardData({ form: { ...form, hidden: { clinicId: "3" } }, submissionId: SUBMISSION_ID })).toEqual({ formId: form.formId, hidden: { clinicId: "3" }, submissionId: SUBMISSION_ID });
  });
});
