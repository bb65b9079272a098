// The guided fidelity self-check through signed Slack requests: /ips fidelity start, the item
// cards in the DM (block_actions), notes (view_submission), resume after a restart, idempotent
// and refused clicks, the summary and its channel post, history and the CSV export.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLLEAGUE, fixedClock, messageText, SPECIALIST, startHarness, type Harness } from "../support/bot-harness.ts";
import { execute, queryAll } from "../support/database-copy.ts";
import type { RecordedCall } from "../support/fake-slack-api.ts";
import { buttonLabelled, buttonsOf, click, lastDirectMessage } from "../support/slack-buttons.ts";
import { expectNothingStored } from "../support/unchanged.ts";
import { SEED_003_REVIEWS } from "../fixtures/seed-003-reviews.ts";

const clock = fixedClock("2026-11-18T10:00:00Z");

describe("fidelity self-check", () => {
  let h: Harness;

  const reviews = () => queryAll(h.databaseFile, "SELECT id, status, currentIndex, openFor, periodMonths, periodFrom, periodTo FROM FidelityReview ORDER BY id");
  const answers = (reviewId: number) =>
    queryAll(h.databaseFile, "SELECT itemKey, score, skipped, suggestedScore, evidence, note FROM FidelityItemAnswer WHERE reviewId = ? ORDER BY id", reviewId);
  const lastReviewId = () => Number(reviews().at(-1)!.id);

  /** Answers the card's item with the score (or "Skip for now") and returns the next card. */
  const answer = (card: RecordedCall, label: string) => click(h, card, label);

  /** Starts a review and answers every item from `scores`, returning the summary. */
  async function fullReview(scores: readonly number[]): Promise<RecordedCall> {
    await h.command("fidelity start");
    let card = lastDirectMessage(h, SPECIALIST);
    for (const score of scores) card = await answer(card, String(score));
    return card;
  }

  beforeAll(async () => {
    h = await startHarness({ clock });
    await h.command("help", COLLEAGUE);
    // Evidence: 4 participants, 3 of them met an employer in person after 10, 20 and 30 days.
    await h.command("participant add P-001 since:2026-09-01");
    await h.command("participant add P-002 since:2026-09-10");
    await h.command("participant add P-003 since:2026-10-01");
    await h.command("participant add P-004 since:2026-10-01");
    await h.command('contact "ICA Maxi" for P-001 date:2026-09-11');
    await h.command('contact "Coop Forum" for P-002 date:2026-09-30');
    await h.command('contact "Bageriet" for P-003 date:2026-10-31');
    // Five job starts (the job-start command is built elsewhere): 5 job types, 3 employers, 4 competitive.
    const id = (sql: string, ...params: unknown[]) => Number(queryAll(h.databaseFile, sql, ...params)[0]!.id);
    const employer = (name: string) => id("SELECT id FROM Employer WHERE name = ?", name);
    const participant = (code: string) => id("SELECT id FROM Participant WHERE code = ?", code);
    const member = id("SELECT id FROM Member WHERE platformUserId = ?", SPECIALIST.id);
    const starts: [string, string, string, string][] = [
      ["P-001", "ICA Maxi", "stocking", "competitive"],
      ["P-002", "Coop Forum", "cashier", "competitive"],
      ["P-003", "Bageriet", "baker", "competitive"],
      ["P-004", "ICA Maxi", "warehouse", "competitive"],
      ["P-001", "Coop Forum", "cleaning", "internship"],
    ];
    for (const [code, name, jobType, kind] of starts) {
      execute(
        h.databaseFile,
        "INSERT INTO JobStart (clinicId, participantId, employerId, jobType, kind, startedOn, recordedById) VALUES (1, ?, ?, ?, ?, '2026-11-02', ?)",
        participant(code),
        employer(name),
        jobType,
        kind,
        member,
      );
    }
  });
  afterAll(async () => h?.stop());

  it("starts a review and continues in the caller's direct messages with the first item", async () => {
    const reply = await h.command("fidelity start");
    expect(reply.body.response_type).toBe("ephemeral");
    expect(messageText(reply)).toContain("Fidelity self-check started for Clinic. The evidence looks back 6 months (2026-05-18 to 2026-11-18).");
    expect(messageText(reply)).toContain("The first item is in your direct messages with ipsbot.");

    const card = lastDirectMessage(h, SPECIALIST);
    const text = messageText(card);
    expect(text).toContain("1. Caseload size");
    expect(text).toContain("Item 1 of 25 · Staffing");
    expect(text).toContain("How many active participants each full-time employment specialist works with.");
    expect(text).toContain("1 – 41 or more participants per full-time specialist.");
    expect(text).toContain("5 – 20 or fewer participants per full-time specialist.");
    // Week ends with an active caseload: 09-02 1, 09-09 1, 09-16 2, 09-23 2, 09-30 2, then 4 on the seven from 10-07: 36 / 12 = 3.
    expect(text).toContain("Averaged over the 27 week ends of the period, with statuses as they were then: the largest caseload is 3 active participants; 1 specialist had active participants, 3 on average.");
    expect(text).toContain("Suggested score: 5.");
    expect(buttonsOf(card).map((button) => button.text.text)).toEqual(["1", "2", "3", "4", "5", "Skip for now", "Add note"]);
    // Slack wants unique action ids within a block.
    const ids = buttonsOf(card).map((button) => button.action_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(reviews()).toEqual([{ id: 1, status: "open", currentIndex: 0, openFor: 1, periodMonths: 6, periodFrom: "2026-05-18", periodTo: "2026-11-18" }]);
  });

  it("lets only the clinic's supervisor run reviews", async () => {
    const reply = await expectNothingStored(h, () => h.command("fidelity start period:12m", COLLEAGUE));
    expect(messageText(reply)).toContain("Only supervisors of Clinic can do that.");
  });

  it("offers to resume instead of starting a second review, and stores nothing", async () => {
    const reply = await expectNothingStored(h, () => h.command("fidelity start period:12m"));
    expect(messageText(reply)).toContain("A fidelity self-check is already open for Clinic (started by anna.specialist on 2026-11-18, now at item 1 of 25).");
    const resumed = await expectNothingStored(h, () => click(h, reply, "Resume"));
    expect(messageText(resumed)).toContain("Continuing the fidelity self-check at item 1 of 25.");
    expect(messageText(lastDirectMessage(h, SPECIALIST))).toContain("1. Caseload size");
  });

  it("answers an item, moves on, and shows the evidence of data-assisted items", async () => {
    let card = lastDirectMessage(h, SPECIALIST);
    card = await answer(card, "5");
    expect(card.body.replace_original).toBe(true);
    expect(messageText(card)).toContain("Item 2 of 25 · Staffing");
    expect(buttonsOf(card).map((button) => button.text.text)).toContain("Back");
    for (let item = 2; item <= 14; item++) card = await answer(card, "4");
    const text = messageText(card);
    expect(text).toContain("15. Rapid job search");
    expect(text).toContain("Item 15 of 25 · Services");
    // Days 10, 20 and 30: median 20, mean 20 → 5. P-004 (enrolled 2026-10-01) has waited 48 days.
    expect(text).toContain("4 participants enrolled in the period; 3 have met an employer in person, after a median of 20 and a mean of 20 days. 1 is still waiting after more than 30 days.");
    expect(text).toContain("Suggested score: 5.");
    card = await answer(card, "4");
    card = await answer(card, "5");
    // Item 17: 3 in-person contacts by 1 specialist since the first logged contact, 2026-09-11 (69 days, 9.9 weeks): 0.3 a week → 1.
    expect(messageText(card)).toContain("3 in-person employer contacts by 1 specialist over 9.9 weeks (2026-09-11 to 2026-11-18): 0.3 per specialist per week.");
    expect(messageText(card)).toContain("Suggested score: 1.");
    card = await answer(card, "2");
    card = await answer(card, "4");
    expect(messageText(card)).toContain("5 job starts in the period (jobs and internships) of 5 different job types: 100%.");
    card = await answer(card, "5");
    expect(messageText(card)).toContain("5 job starts in the period (jobs and internships) with 3 different employers: 60%. Suggested score: 3.");
    card = await answer(card, "3");
    expect(messageText(card)).toContain("4 of 5 job starts in the period were competitive jobs and 1 internship: 80% competitive. Suggested score: 3.");

    const stored = answers(lastReviewId());
    expect(stored).toHaveLength(20);
    expect(stored.find((row) => row.itemKey === "rapid_search")).toMatchObject({ score: 4, suggestedScore: 5, skipped: 0 });
    expect(JSON.parse(String(stored.find((row) => row.itemKey === "employer_diversity")!.evidence))).toEqual({
      outcome: "suggested",
      messageKey: "fidelity.evidence.employers",
      params: { starts: 5, distinct: 3, percent: 60 },
    });
    expect(stored.find((row) => row.itemKey === "team_assignment")).toMatchObject({ score: 4, suggestedScore: null, evidence: null });
  });

  it("resumes where it stopped after the bot process restarts", async () => {
    const before = lastDirectMessage(h, SPECIALIST);
    await h.restart();
    const reply = await h.command("fidelity resume");
    expect(messageText(reply)).toContain("Continuing the fidelity self-check at item 21 of 25.");
    const card = lastDirectMessage(h, SPECIALIST);
    expect(card).not.toBe(before);
    expect(messageText(card)).toContain("21. Competitive jobs");
    const next = await answer(card, "2");
    expect(messageText(next)).toContain("22. Individualised follow-along support");
  });

  it("keeps one answer for a double click and moves on once", async () => {
    await h.command("fidelity resume");
    const three = buttonLabelled(lastDirectMessage(h, SPECIALIST), "3");
    const [first, second] = await Promise.all([h.clickButton(three.action_id, three.value), h.clickButton(three.action_id, three.value)]);
    expect(messageText(first)).toContain("23. Time-unlimited follow-along support");
    expect(messageText(second)).toContain("23. Time-unlimited follow-along support");
    const again = await expectNothingStored(h, () => h.clickButton(three.action_id, three.value));
    expect(messageText(again)).toContain("23. Time-unlimited follow-along support");
    expect(answers(lastReviewId()).filter((row) => row.itemKey === "individualized_followalong")).toEqual([
      expect.objectContaining({ score: 3 }),
    ]);
    expect(reviews().at(-1)).toMatchObject({ currentIndex: 22 });

    // A later answer to the same item replaces the score and returns to where the review stands.
    const four = await h.clickButton(three.action_id, three.value.replace(/:3$/, ":4"));
    expect(messageText(four)).toContain("23. Time-unlimited follow-along support");
    expect(answers(lastReviewId()).filter((row) => row.itemKey === "individualized_followalong")).toEqual([
      expect.objectContaining({ score: 4 }),
    ]);
    // One audit event per change: the concurrent double click wrote one, the change to 4 another.
    const scored = queryAll(h.databaseFile, "SELECT details FROM AuditEvent WHERE action = 'fidelity-review.item-scored' AND details LIKE '%individualized_followalong%'");
    expect(scored.map((row) => JSON.parse(String(row.details)).score)).toEqual([{ from: null, to: 3 }, { from: 3, to: 4 }]);
  });

  it("goes back to the previous item, showing its answer", async () => {
    await h.command("fidelity resume");
    const resumed = lastDirectMessage(h, SPECIALIST);
    const back = await click(h, resumed, "Back");
    expect(messageText(back)).toContain("22. Individualised follow-along support");
    expect(messageText(back)).toContain("Current answer: 4.");
    expect(buttonLabelled(back, "4").style).toBe("primary");
    expect(reviews().at(-1)).toMatchObject({ currentIndex: 21 });
    // Answering it again returns to the first unanswered item.
    const forward = await answer(back, "4");
    expect(messageText(forward)).toContain("23. Time-unlimited follow-along support");
  });

  it("keeps a note from a modal, refusing identity numbers", async () => {
    const card = await h.command("fidelity resume").then(() => lastDirectMessage(h, SPECIALIST));
    const note = buttonLabelled(card, "Add note");
    const opened = h.slack.callsTo("views.open").length;
    await h.pressButton(note.action_id, note.value);
    await h.slack.waitForCall((call) => call.method === "views.open" && h.slack.callsTo("views.open").length > opened);
    const view = h.slack.callsTo("views.open")[opened]!.body.view as Record<string, any>;
    expect(view.callback_id).toBe("fidelity-note");
    expect(view.title.text).toBe("Note on item 23");
    const metadata = view.private_metadata as string;

    const refused = await expectNothingStored(h, () =>
      h.submitView("fidelity-note", { note: { note: { type: "plain_text_input", value: "ask 121212-1212 about it" } } }, { metadata }),
    );
    expect(await refused.json()).toMatchObject({ response_action: "errors", errors: { note: expect.stringContaining("personal identity number") } });

    const saved = await h.submitView("fidelity-note", { note: { note: { type: "plain_text_input", value: "Ask the team how often they visit after month 4" } } }, { metadata });
    expect(saved.status).toBe(200);
    await h.slack.waitForCall((call) => call.method === "chat.postEphemeral" && JSON.stringify(call.body).includes("Note saved on item 23"));
    expect(answers(lastReviewId()).find((row) => row.itemKey === "time_unlimited_followalong")).toMatchObject({ score: null, skipped: 0, note: "Ask the team how often they visit after month 4" });
  });

  it("shows an incomplete summary while items are skipped, then completes when they are scored", async () => {
    let card = await h.command("fidelity resume").then(() => lastDirectMessage(h, SPECIALIST));
    expect(messageText(card)).toContain("Note: Ask the team how often they visit after month 4");
    card = await answer(card, "Skip for now");
    expect(messageText(card)).toContain("24. Community-based services");
    card = await answer(card, "1");
    const summary = await answer(card, "3");
    const text = messageText(summary);
    expect(text).toContain("Fidelity self-check: summary");
    expect(text).toContain("Incomplete: 90 of 125 so far. 1 item has no score yet, so there is no band until they are scored: 23. Time-unlimited follow-along support");
    expect(reviews().at(-1)).toMatchObject({ status: "open", currentIndex: 25 });

    const back = await click(h, summary, "Score skipped items");
    expect(messageText(back)).toContain("23. Time-unlimited follow-along support");
    expect(messageText(back)).toContain("Skipped for now.");
    const done = await answer(back, "4");
    expect(messageText(done)).toContain("Total: 94 of 125: fair fidelity.");
    expect(reviews().at(-1)).toMatchObject({ status: "completed", openFor: null });
    expect(answers(lastReviewId())).toHaveLength(25);
  });

  it("refuses clicks on a completed review and changes nothing", async () => {
    const reviewId = lastReviewId();
    const reply = await expectNothingStored(h, () => h.clickButton("fidelity.answer", `${reviewId}:caseload:2`));
    expect(messageText(reply)).toContain("This fidelity self-check was completed on 2026-11-18 and is closed. Nothing changed.");
    expect(reply.body.replace_original).toBe(false);
    for (const [actionId, value] of [
      ["fidelity.back", `${reviewId}:disclosure`],
      ["fidelity.score-skipped", `${reviewId}`],
      ["fidelity.note", `${reviewId}:disclosure`],
    ]) {
      expect(messageText(await expectNothingStored(h, () => h.clickButton(actionId!, value!)))).toContain("is closed. Nothing changed.");
    }
  });

  it("scores seed 003's review of 2021-11-17 in 25 clicks: 102, good, compared with the one before", async () => {
    const summary = await fullReview(SEED_003_REVIEWS[4]!.scores);
    const text = messageText(summary);
    expect(text).toContain("Total: 102 of 125: good fidelity.");
    expect(text).toMatch(/Staffing\s+15\s+15/);
    expect(text).toMatch(/Organisation\s+33\s+40/);
    expect(text).toMatch(/Services\s+54\s+70/);
    expect(text).toContain("Improvement areas (lowest scores):\n24. Community-based services: 1\n6. Collaboration with the employment and benefits agencies: 2\n21. Competitive jobs: 2");
    expect(text).toContain("Change since the review of 2026-11-18 (total 94):");
    expect(text).toContain("2. Employment services staff: 4 → 5 (+1)");
    expect(text).toContain("6. Collaboration with the employment and benefits agencies: 4 → 2 (-2)");
    expect(text).toContain("20. Diversity of employers: 3 → 5 (+2)");
    expect(text).not.toContain("1. Caseload size:");
    expect(buttonsOf(summary).map((button) => button.text.text)).toEqual(["Post to clinic channel"]);
    const review = reviews().at(-1)!;
    expect(review).toMatchObject({ status: "completed", currentIndex: 25, openFor: null });
    const stored = answers(Number(review.id));
    expect(stored.map((row) => row.score)).toEqual([...SEED_003_REVIEWS[4]!.scores]);
    expect(stored.map((row) => row.suggestedScore)).toEqual(
      stored.map((row) => ({ caseload: 5, rapid_search: 5, employer_contact_frequency: 1, job_type_diversity: 5, employer_diversity: 3, competitive_jobs: 3 })[row.itemKey as string] ?? null),
    );
    const audit = queryAll(h.databaseFile, "SELECT action, COUNT(*) AS n FROM AuditEvent WHERE entityType = 'fidelity-review' AND entityId = ? GROUP BY action ORDER BY action", String(review.id));
    // One event per click: each score carries the move it made, the last one the completion.
    expect(audit).toEqual([
      { action: "fidelity-review.item-scored", n: 25 },
      { action: "fidelity-review.started", n: 1 },
    ]);
    const last = queryAll(h.databaseFile, "SELECT details FROM AuditEvent WHERE entityType = 'fidelity-review' AND entityId = ? ORDER BY id DESC LIMIT 1", String(review.id));
    expect(JSON.parse(String(last[0]!.details))).toMatchObject({ position: { from: 24, to: 25 }, completed: true });
  });

  it("asks for a connected channel before posting the summary, then posts aggregates only", async () => {
    const summary = lastDirectMessage(h, SPECIALIST);
    const reviewId = lastReviewId();
    const button = { actionId: "fidelity.post-summary", value: String(reviewId) };
    const none = await expectNothingStored(h, () => h.clickButton(button.actionId, button.value));
    expect(messageText(none)).toContain("Clinic has no connected channel, so nothing was posted. In the channel the team should see it in, type `/ips channel connect Clinic`");
    expect(summary).toBeDefined();

    execute(
      h.databaseFile,
      "INSERT INTO ClinicChannel (clinicId, platform, workspaceId, channelId, connectedById, connectedAt, activeKey) VALUES (1, 'slack', 'T0TEST', 'C0IPSTEAM', 1, '2026-11-01T10:00:00Z', 'slack:T0TEST:C0IPSTEAM')",
    );
    const posted = await h.clickButton(button.actionId, button.value);
    expect(messageText(posted)).toContain("The summary is posted in the clinic channel.");
    const post = h.slack.callsTo("chat.postMessage").filter((call) => call.body.channel === "C0IPSTEAM").at(-1)!;
    const text = messageText(post);
    expect(text).toContain("IPS fidelity self-check, Clinic");
    expect(text).toContain("Total: 102 of 125: good fidelity.");
    expect(text).not.toMatch(/P-\d/);
    expect(text).not.toContain("Ask the team");
    expect(buttonsOf(post)).toEqual([]);
    expect(queryAll(h.databaseFile, "SELECT COUNT(*) AS n FROM AuditEvent WHERE action = 'fidelity-review.summary-posted'")).toEqual([{ n: 1 }]);
  });

  it("lists completed reviews newest first, with an item table across them", async () => {
    const text = messageText(await h.command("fidelity history"));
    expect(text).toContain("Fidelity self-checks of Clinic");
    expect(text).toMatch(/2026-11-18\s+102\/125\s+15\/15\s+33\/40\s+54\/70\s+good fidelity\n2026-11-18\s+94\/125\s+13\/15\s+32\/40\s+49\/70\s+fair fidelity/);
    expect(text).toContain("Item by item, the last 2 reviews (oldest first):");
    expect(text).toMatch(/17\s+Job development: frequent emplo…\s+2\s+3/);
    expect(text).toMatch(/Total\s+94\s+102/);
  });

  it("cancels an open review; its buttons then answer that it is closed", async () => {
    await h.command("fidelity start period:12m");
    expect(reviews().at(-1)).toMatchObject({ status: "open", periodMonths: 12, periodFrom: "2025-11-18" });
    const card = lastDirectMessage(h, SPECIALIST);
    const cancelled = await h.command("fidelity cancel");
    expect(messageText(cancelled)).toContain("The fidelity self-check started by anna.specialist on 2026-11-18 is cancelled.");
    expect(reviews().at(-1)).toMatchObject({ status: "abandoned", openFor: null });
    const click1 = await expectNothingStored(h, () => answer(card, "3"));
    expect(messageText(click1)).toContain("This fidelity self-check was cancelled on 2026-11-18 and is closed. Nothing changed.");
    const again = await expectNothingStored(h, () => h.command("fidelity cancel"));
    expect(messageText(again)).toContain("No fidelity self-check is open for Clinic. Start one with `/ips fidelity start`.");
    expect(messageText(await expectNothingStored(h, () => h.command("fidelity resume")))).toContain("No fidelity self-check is open for Clinic.");
  });

  describe("refuses crafted payloads and bad input, storing nothing", () => {
    let reviewId: number;
    let otherClinicReview: number;
    beforeAll(async () => {
      await h.command("fidelity start");
      reviewId = lastReviewId();
      const clinic = execute(h.databaseFile, "INSERT INTO Clinic (name, platform, workspaceId) VALUES ('Other clinic', 'slack', 'T0TEST')");
      otherClinicReview = execute(
        h.databaseFile,
        "INSERT INTO FidelityReview (clinicId, startedById, periodMonths, periodFrom, periodTo, status, startedAt, updatedAt, openFor) VALUES (?, 1, 6, '2026-05-18', '2026-11-18', 'open', '2026-11-18T09:00:00Z', '2026-11-18T09:00:00Z', ?)",
        clinic,
        clinic,
      );
    });

    it.each([
      ["score 0", "fidelity.answer", (id: number) => `${id}:caseload:0`, "`0` is not a score: scores run from 1 to 5. Nothing changed."],
      ["score 6", "fidelity.answer", (id: number) => `${id}:caseload:6`, "`6` is not a score: scores run from 1 to 5. Nothing changed."],
      ["score x", "fidelity.answer", (id: number) => `${id}:caseload:x`, "`x` is not a score: scores run from 1 to 5. Nothing changed."],
      ["score 2.5", "fidelity.answer", (id: number) => `${id}:caseload:2.5`, "is not a score"],
      ["an unknown item", "fidelity.answer", (id: number) => `${id}:coffee_quality:5`, "`coffee_quality` is not an item of the fidelity scale. Nothing changed."],
      ["no item", "fidelity.answer", (id: number) => `${id}:5`, "That button is not valid. Nothing changed."],
      ["a malformed review id", "fidelity.answer", () => "abc:caseload:5", "That button is not valid. Nothing changed."],
      ["an unknown review", "fidelity.answer", () => "99999:caseload:5", "That fidelity self-check does not exist in Clinic. Nothing changed."],
      ["an unknown item on Back", "fidelity.back", (id: number) => `${id}:nope`, "`nope` is not an item of the fidelity scale."],
      ["a malformed review on post", "fidelity.post-summary", () => "1;DROP", "That button is not valid. Nothing changed."],
      ["a malformed resume", "fidelity.resume", () => "", "That button is not valid. Nothing changed."],
    ])("refuses %s", async (_name, actionId, value, expected) => {
      const reply = await expectNothingStored(h, () => h.clickButton(actionId, value(reviewId)));
      expect(messageText(reply)).toContain(expected);
      expect(reply.body.replace_original).toBe(false);
    });

    it.each([["fidelity.answer", ":caseload:5"], ["fidelity.back", ":caseload"], ["fidelity.note", ":caseload"], ["fidelity.resume", ""]])(
      "refuses %s from a member who is not the clinic's supervisor",
      async (actionId, suffix) => {
        const reply = await expectNothingStored(h, () => h.clickButton(actionId, `${reviewId}${suffix}`, COLLEAGUE));
        expect(messageText(reply)).toContain("Only supervisors of Clinic can do that.");
      },
    );

    it.each([["fidelity.answer", ":caseload:5"], ["fidelity.back", ":disclosure"], ["fidelity.score-skipped", ""], ["fidelity.post-summary", ""], ["fidelity.resume", ""], ["fidelity.note", ":caseload"]])(
      "refuses %s on another clinic's review",
      async (actionId, suffix) => {
        const reply = await expectNothingStored(h, () => h.clickButton(actionId, `${otherClinicReview}${suffix}`));
        expect(messageText(reply)).toContain("That fidelity self-check does not exist in Clinic. Nothing changed.");
      },
    );

    it.each([
      ["another clinic's review", () => `${otherClinicReview}:caseload`, "That fidelity self-check does not exist in Clinic. Nothing changed."],
      ["an unknown item", () => `${reviewId}:nope`, "`nope` is not an item of the fidelity scale. Nothing changed."],
      ["garbage", () => "garbage", "That button is not valid. Nothing changed."],
      ["nothing", () => undefined, "That button is not valid. Nothing changed."],
    ])("refuses a note form whose hidden values name %s", async (_name, target, expected) => {
      const posted = h.slack.callsTo("chat.postEphemeral").length;
      const metadata = JSON.stringify({ channelId: "D0SPEC1", hidden: target() === undefined ? {} : { target: target() } });
      const response = await expectNothingStored(h, () => h.submitView("fidelity-note", { note: { note: { type: "plain_text_input", value: "a note" } } }, { metadata }));
      expect(response.status).toBe(200);
      await h.slack.waitForCall((call) => call.method === "chat.postEphemeral" && h.slack.callsTo("chat.postEphemeral").length > posted);
      expect(messageText(h.slack.callsTo("chat.postEphemeral")[posted]!)).toContain(expected);
    });

    it.each([
      ["fidelity", "`fidelity` needs one more word: `/ips fidelity start`, `/ips fidelity resume`, `/ips fidelity cancel`, `/ips fidelity history`, `/ips fidelity export`."],
      ["fidelity strat", "Did you mean `/ips fidelity start`?"],
      ["fidelity start period:0m", "`0m` is not a review period."],
      ["fidelity start period:6w", "`6w` is not a review period."],
      ["fidelity history now", "I did not understand `now`."],
      ["fidelity export all", "I did not understand `all`."],
    ])("refuses `%s`", async (text, expected) => {
      const reply = await expectNothingStored(h, () => h.command(text));
      expect(messageText(reply)).toContain(expected);
    });
  });

  it("exports every item of every review as a CSV file in the caller's direct messages", async () => {
    const reply = await h.command("fidelity export");
    expect(messageText(reply)).toContain("The export (4 reviews, 100 rows) is in your direct messages with ipsbot: ipsbot-fidelity-clinic-2026-11-18.csv");
    const upload = await h.slack.waitForCall((call) => call.method === "files.completeUploadExternal");
    expect(upload.body.channel_id).toBe("D0SPEC1");
    const file = h.slack.uploads.at(-1)!;
    expect(file.filename).toBe("ipsbot-fidelity-clinic-2026-11-18.csv");
    const lines = file.content.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe("review_id,review_status,review_date,period_from,period_to,item_number,section,item_key,score,skipped,suggested_score,note");
    expect(lines).toHaveLength(101);
    expect(lines).toContain("1,completed,2026-11-18,2026-05-18,2026-11-18,15,services,rapid_search,4,,5,");
    expect(lines).toContain("1,completed,2026-11-18,2026-05-18,2026-11-18,23,services,time_unlimited_followalong,4,,,Ask the team how often they visit after month 4");
    expect(lines).toContain("2,completed,2026-11-18,2026-05-18,2026-11-18,21,services,competitive_jobs,2,,3,");
    expect(lines.filter((line) => line.startsWith("3,abandoned,"))).toHaveLength(25);
    expect(lines.filter((line) => line.startsWith("4,open,"))).toHaveLength(25);
  });
});
