// The fidelity self-check through the real Teams protocol: `ips fidelity start` in the personal
// chat, the item cards answered with Action.Execute (the card replaced in place), a double click,
// Back, the note form, cancel, a full review of seed 003 reaching its total and band, the summary
// posted to a Teams clinic channel, history, and the CSV export shown as text in a card. Every
// card is checked by the harness (Adaptive Cards SDK, 28 KB).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryAll } from "../support/database-copy.ts";
import type { ConnectorCall } from "../support/fake-bot-connector.ts";
import { CHANNEL_ID, COLLEAGUE, SPECIALIST, type TeamsUser, fileConsentAnswer } from "../support/teams-activities.ts";
import { actionTitled, cardsOf, cardText, executeActions, fixedClock, invokeCard, repliesText, startTeamsHarness, type TeamsHarness, shownText } from "../support/teams-harness.ts";
import { expectNothingStored } from "../support/unchanged.ts";
import { SEED_003_REVIEWS } from "../fixtures/seed-003-reviews.ts";

const clock = fixedClock("2026-11-18T10:00:00Z");
const PERSONAL = (user: TeamsUser) => `a:personal-${user.id}`;

describe("fidelity self-check in Teams", () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ clock, schedulerTimer: false });
    await h.say("ips help", COLLEAGUE);
    await h.say("ips participant add P-001 since:2026-09-01");
    await h.say("ips participant add P-002 since:2026-09-10");
    await h.say("ips participant add P-003 since:2026-10-01");
    await h.say('ips contact "ICA Maxi" for P-001 date:2026-09-11');
    await h.say('ips contact "Coop Forum" for P-002 date:2026-09-30');
    await h.say('ips contact "Bageriet" for P-003 date:2026-10-31');
  });
  afterAll(async () => h?.stop());

  const reviews = () => queryAll(h.databaseFile, "SELECT id, status, currentIndex, openFor FROM FidelityReview ORDER BY id");
  const answers = (reviewId: unknown) => queryAll(h.databaseFile, "SELECT itemKey, score, skipped, note FROM FidelityItemAnswer WHERE reviewId = ? ORDER BY id", reviewId);
  const lastReviewId = () => reviews().at(-1)!.id;

  /** The cards the bot sent to the personal chat in these calls. */
  const personalCards = (calls: readonly ConnectorCall[], user: TeamsUser = SPECIALIST) => calls.filter((call) => call.conversationId === PERSONAL(user)).flatMap(cardsOf);

  /** Clicks the card's button in the personal chat where the card was sent as `messageId`, and returns the redrawn card. */
  async function click(card: Record<string, any>, title: string, messageId: string): Promise<Record<string, any>> {
    const button = actionTitled(card, title);
    const exchange = await h.execute(button.verb, button.data, SPECIALIST, messageId);
    expect(exchange.status).toBe(200);
    const next = invokeCard(exchange);
    if (!next) throw new Error(`[${title}] answered without a card: ${JSON.stringify(exchange.body)}`);
    // The clicked message itself is replaced, with the same card the invoke answered.
    expect(exchange.calls).toMatchObject([{ kind: "update", activityId: messageId, conversationId: PERSONAL(SPECIALIST) }]);
    expect(cardsOf(exchange.calls[0]!)[0]).toEqual(next);
    return next;
  }

  /** Starts a review in the personal chat and returns the first item card with its message id. */
  async function start(): Promise<{ card: Record<string, any>; messageId: string }> {
    const exchange = await h.say("ips fidelity start");
    const [started, item] = exchange.calls;
    expect(exchange.calls.map((call) => [call.kind, call.conversationId])).toEqual([
      ["reply", PERSONAL(SPECIALIST)],
      ["reply", PERSONAL(SPECIALIST)],
    ]);
    expect(repliesText([started!])).toContain("Fidelity self-check started for Clinic.");
    return { card: cardsOf(item!)[0]!, messageId: item!.answer.id };
  }

  describe("one item at a time", () => {
    let card: Record<string, any>;
    let messageId: string;

    it("sends the first item card with score, skip and note buttons as Action.Execute", async () => {
      ({ card, messageId } = await start());
      const text = cardText(card);
      expect(text).toContain("1. Caseload size");
      expect(text).toContain("Item 1 of 25 · Staffing");
      expect(text).toContain("5 – 20 or fewer participants per full-time specialist.");
      expect(text).toContain("the largest caseload is 2.4 active participants; 1 specialist had active participants, 2.4 on average.");
      expect(text).toContain("Suggested score: 5.");
      const reviewId = lastReviewId();
      expect(executeActions(card).map((action) => [action.title, action.verb, action.data.value])).toEqual([
        ["1", "fidelity.answer", `${reviewId}:caseload:1`],
        ["2", "fidelity.answer", `${reviewId}:caseload:2`],
        ["3", "fidelity.answer", `${reviewId}:caseload:3`],
        ["4", "fidelity.answer", `${reviewId}:caseload:4`],
        ["5", "fidelity.answer", `${reviewId}:caseload:5`],
        ["Skip for now", "fidelity.answer", `${reviewId}:caseload:skip`],
        ["Add note", "fidelity.note", `${reviewId}:caseload`],
      ]);
      expect(reviews()).toEqual([{ id: reviewId, status: "open", currentIndex: 0, openFor: 1 }]);
    });

    it("refuses a member who is not the supervisor, by command and by button, storing nothing", async () => {
      const reply = await expectNothingStored(h, () => h.say("ips fidelity start", COLLEAGUE));
      expect(repliesText(reply.calls)).toContain("Only supervisors of Clinic can do that.");
      const five = actionTitled(card, "5");
      const clicked = await expectNothingStored(h, () => h.execute(five.verb, five.data, COLLEAGUE));
      expect(clicked.body.value).toContain("Only supervisors of Clinic can do that.");
    });

    it("redraws the card in place with the next item when a score is clicked", async () => {
      card = await click(card, "5", messageId);
      expect(cardText(card)).toContain("Item 2 of 25 · Staffing");
      expect(executeActions(card).map((action) => action.title)).toEqual(["1", "2", "3", "4", "5", "Skip for now", "Back", "Add note"]);
      expect(answers(lastReviewId())).toEqual([{ itemKey: "caseload", score: 5, skipped: 0, note: null }]);
    });

    it("keeps one answer for a double click and moves on once", async () => {
      const four = actionTitled(card, "4");
      const [first, second] = await Promise.all([h.execute(four.verb, four.data, SPECIALIST, messageId), h.execute(four.verb, four.data, SPECIALIST, messageId)]);
      for (const exchange of [first, second]) expect(cardText(invokeCard(exchange)!)).toContain("Item 3 of 25 · Staffing");
      card = invokeCard(second)!;
      expect(answers(lastReviewId())).toHaveLength(2);
      expect(answers(lastReviewId())[1]).toEqual({ itemKey: "es_services_only", score: 4, skipped: 0, note: null });
      expect(reviews().at(-1)).toMatchObject({ currentIndex: 2 });
      const scored = queryAll(h.databaseFile, "SELECT COUNT(*) AS n FROM AuditEvent WHERE action = 'fidelity-review.item-scored' AND details LIKE '%es_services_only%'");
      expect(scored).toEqual([{ n: 1 }]);
    });

    it("goes back to the previous item, showing its answer, and forward again", async () => {
      const back = await click(card, "Back", messageId);
      expect(cardText(back)).toContain("Item 2 of 25 · Staffing");
      expect(cardText(back)).toContain("Current answer: 4.");
      expect(back.body.flatMap((element: Record<string, any>) => element.actions ?? []).find((action: Record<string, any>) => action.title === "4").style).toBe("positive");
      card = await click(back, "4", messageId);
      expect(cardText(card)).toContain("Item 3 of 25 · Staffing");
    });

    it("opens the note form in the personal chat and stores the submitted note, refusing identity numbers", async () => {
      const note = actionTitled(card, "Add note");
      const opened = await h.execute(note.verb, note.data, SPECIALIST, messageId);
      expect(opened.body).toEqual({ statusCode: 200, type: "application/vnd.microsoft.activity.message", value: "The form is open in your chat with ipsbot." });
      expect(opened.calls.map((call) => [call.kind, call.conversationId])).toEqual([["reply", PERSONAL(SPECIALIST)]]);
      const form = personalCards(opened.calls)[0]!;
      expect(cardText(form)).toContain("Note on item 3");
      const save = actionTitled(form, "Save");
      expect(save.verb).toBe("form:fidelity-note");

      const refused = await expectNothingStored(h, () => h.execute(save.verb, { ...save.data, "field.note": "ask 121212-1212 about it" }));
      expect(cardText(invokeCard(refused)!)).toContain("personal identity number");

      const saved = await h.execute(save.verb, { ...save.data, "field.note": "Ask the team how often the specialists attend" });
      expect(cardText(invokeCard(saved)!)).toContain("Note saved on item 3");
      expect(answers(lastReviewId()).at(-1)).toMatchObject({ score: null, skipped: 0, note: "Ask the team how often the specialists attend" });

      const resumed = await h.say("ips fidelity resume");
      expect(repliesText(resumed.calls)).toContain("Continuing the fidelity self-check at item 3 of 25.");
      expect(repliesText(resumed.calls)).toContain("Note: Ask the team how often the specialists attend");
    });

    it("cancels the review; its buttons then answer that it is closed and change nothing", async () => {
      expect(repliesText((await h.say("ips fidelity cancel")).calls)).toContain("The fidelity self-check started by Anna Specialist on 2026-11-18 is cancelled.");
      expect(reviews().at(-1)).toMatchObject({ status: "abandoned", openFor: null });
      const three = actionTitled(card, "3");
      const clicked = await expectNothingStored(h, () => h.execute(three.verb, three.data, SPECIALIST, messageId));
      expect(clicked.body.value).toContain("This fidelity self-check was cancelled on 2026-11-18 and is closed. Nothing changed.");
      expect(clicked.calls).toEqual([]);
      const again = await expectNothingStored(h, () => h.say("ips fidelity cancel"));
      expect(repliesText(again.calls)).toContain("No fidelity self-check is open for Clinic. Start one with ips fidelity start.");
    });
  });

  describe("a whole review", () => {
    let summary: Record<string, any>;

    it("scores seed 003's review of 2021-11-17 in 25 clicks: 102 of 125, good fidelity", async () => {
      let { card, messageId } = await start();
      for (const score of SEED_003_REVIEWS[4]!.scores) card = await click(card, String(score), messageId);
      summary = card;
      const text = cardText(summary);
      expect(text).toContain("Total: 102 of 125: good fidelity.");
      expect(text).toMatch(/Staffing\n15\n15/);
      expect(text).toMatch(/Organisation\n33\n40/);
      expect(text).toMatch(/Services\n54\n70/);
      expect(text).toContain("24. Community-based services: 1");
      expect(executeActions(summary).map((action) => action.title)).toEqual(["Post to clinic channel"]);
      expect(reviews().at(-1)).toMatchObject({ status: "completed", currentIndex: 25, openFor: null });
      expect(answers(lastReviewId()).map((row) => row.score)).toEqual([...SEED_003_REVIEWS[4]!.scores]);
    });

    it("posts the summary to the clinic's Teams channel, aggregates only, once a channel is connected", async () => {
      const post = actionTitled(summary, "Post to clinic channel");
      const none = await expectNothingStored(h, () => h.execute(post.verb, post.data));
      expect(none.body.value).toContain("Clinic has no connected channel, so nothing was posted. In the channel the team should see it in, type ips channel connect Clinic");

      await h.mention("ips channel connect Clinic");
      const posted = await h.execute(post.verb, post.data);
      expect(posted.body.value).toBe("The summary is posted in the clinic channel.");
      const [channelPost] = posted.calls.filter((call) => call.conversationId === CHANNEL_ID);
      const text = cardsOf(channelPost!).map(cardText).join("\n");
      expect(text).toContain("IPS fidelity self-check, Clinic");
      expect(text).toContain("Total: 102 of 125: good fidelity.");
      expect(text).not.toMatch(/P-\d/);
      expect(executeActions(cardsOf(channelPost!)[0]!)).toEqual([]);
      expect(queryAll(h.databaseFile, "SELECT COUNT(*) AS n FROM AuditEvent WHERE action = 'fidelity-review.summary-posted'")).toEqual([{ n: 1 }]);
    });

    it("lists the completed review in the history", async () => {
      const exchange = await h.say("ips fidelity history");
      const text = repliesText(exchange.calls);
      expect(text).toContain("Fidelity self-checks of Clinic");
      expect(text).toMatch(/2026-11-18\n102\/125\n15\/15\n33\/40\n54\/70\ngood fidelity/);
    });

    it("offers the export in the personal chat as a file, uploaded to the person's OneDrive once they accept", async () => {
      const exchange = await h.say("ips fidelity export");
      const cards = personalCards(exchange.calls);
      expect(exchange.calls.every((call) => call.conversationId === PERSONAL(SPECIALIST))).toBe(true);
      expect(cards.map(cardText).slice(0, 2)).toEqual([
        "The export (2 reviews, 50 rows) is in your direct messages with ipsbot: ipsbot-fidelity-clinic-2026-11-18.csv",
        "Fidelity self-checks of Clinic, exported 2026-11-18: one row per review and item.",
      ]);
      // A bot cannot attach a file to a Teams chat: it asks with a file-consent card.
      const consent = exchange.calls.flatMap((call) => call.body.attachments ?? []).find((attachment: any) => attachment.contentType === "application/vnd.microsoft.teams.card.file.consent");
      expect(consent).toMatchObject({ name: "ipsbot-fidelity-clinic-2026-11-18.csv", content: { description: "Fidelity self-checks, Clinic" } });
      const accepted = await h.send(fileConsentAnswer(SPECIALIST, h.connector.serviceUrl, consent, { accept: true, uploadUrl: h.connector.uploadUrl("fidelity"), name: consent.name }));
      expect(accepted.status).toBe(200);
      const upload = h.connector.uploads.find((candidate) => candidate.id === "fidelity")!;
      const lines = upload.content.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
      expect(upload.contentRange).toBe(`bytes 0-${Buffer.byteLength(upload.content) - 1}/${Buffer.byteLength(upload.content)}`);
      expect(lines[0]).toBe("review_id,review_status,review_date,period_from,period_to,item_number,section,item_key,score,skipped,suggested_score,note");
      expect(lines).toHaveLength(51);
      expect(lines).toContain("1,abandoned,2026-11-18,2026-05-18,2026-11-18,3,staffing,vocational_generalist,,,,Ask the team how often the specialists attend");
      expect(lines).toContain("2,completed,2026-11-18,2026-05-18,2026-11-18,17,services,employer_contact_frequency,3,,1,");
      // Then the file card in the chat, pointing at the uploaded file.
      expect(accepted.calls.flatMap((call) => call.body.attachments ?? [])).toEqual([
        expect.objectContaining({ contentType: "application/vnd.microsoft.teams.card.file.info", name: "ipsbot-fidelity-clinic-2026-11-18.csv" }),
      ]);
      // The file waited for this one answer: accepting again uploads nothing.
      const again = await h.send(fileConsentAnswer(SPECIALIST, h.connector.serviceUrl, consent, { accept: true, uploadUrl: h.connector.uploadUrl("again"), name: consent.name }));
      expect(repliesText(again.calls)).toContain("This file is no longer waiting");
      expect(h.connector.uploads.some((candidate) => candidate.id === "again")).toBe(false);
    });

    it("uploads nothing for someone else's consent card, to a URL off this machine, or when declined", async () => {
      const exchange = await h.say("ips fidelity export");
      const consent = exchange.calls.flatMap((call) => call.body.attachments ?? []).find((attachment: any) => attachment.contentType === "application/vnd.microsoft.teams.card.file.consent");
      const stranger = await h.send(fileConsentAnswer(COLLEAGUE, h.connector.serviceUrl, consent, { accept: true, uploadUrl: h.connector.uploadUrl("stolen"), name: consent.name }));
      expect(repliesText(stranger.calls)).toContain("This file is no longer waiting");
      const elsewhere = await h.send(fileConsentAnswer(SPECIALIST, h.connector.serviceUrl, consent, { accept: true, uploadUrl: "http://evil.example/upload", name: consent.name }));
      expect(repliesText(elsewhere.calls)).toContain("This file is no longer waiting");
      const second = await h.say("ips fidelity export");
      const card = second.calls.flatMap((call) => call.body.attachments ?? []).find((attachment: any) => attachment.contentType === "application/vnd.microsoft.teams.card.file.consent");
      const declined = await h.send(fileConsentAnswer(SPECIALIST, h.connector.serviceUrl, card, { accept: false }));
      expect(repliesText(declined.calls)).toContain("The file was not saved.");
      expect(h.connector.uploads.map((upload) => upload.id)).toEqual(["fidelity"]);
    });

    it("sends the export privately when asked for in a channel; the channel sees only a notice", async () => {
      const exchange = await h.mention("ips fidelity export");
      const inChannel = exchange.calls.filter((call) => call.conversationId?.startsWith(CHANNEL_ID));
      expect(inChannel.map((call) => call.body.text)).toEqual(["Anna Specialist, I sent you the answer in a private chat."]);
      expect(inChannel.flatMap(cardsOf)).toEqual([]);
      // The answer and the export's heading as cards, and the file-consent card, all in the personal chat.
      expect(personalCards(exchange.calls)).toHaveLength(2);
      const personal = exchange.calls.filter((call) => call.conversationId === PERSONAL(SPECIALIST));
      expect(personal.flatMap((call) => call.body.attachments ?? []).map((attachment: any) => attachment.contentType)).toContain("application/vnd.microsoft.teams.card.file.consent");
    });
  });
});
