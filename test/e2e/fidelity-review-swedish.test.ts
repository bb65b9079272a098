// The same conversation in Swedish: item texts from prompts/fidelity/sv.json, the seeds' band
// wording, and seed 003's first review (92, "stämmer delvis överens med IPS") scored by clicking.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock, messageText, SPECIALIST, startHarness, type Harness } from "../support/bot-harness.ts";
import { click, lastDirectMessage } from "../support/slack-buttons.ts";
import { SEED_003_REVIEWS } from "../fixtures/seed-003-reviews.ts";
import { readCsv } from "../support/csv-reader.ts";
import { queryAll } from "../support/database-copy.ts";
import { Catalogue } from "../../prompts/catalogue.ts";

const catalogue = Catalogue.load();
import { EXPORT_COLUMNS } from "../../commands/fidelity/export-reviews.ts";

describe("fidelity self-check in Swedish", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ clock: fixedClock("2026-11-18T10:00:00Z"), env: { DEFAULT_LOCALE: "sv" } });
  });
  afterAll(async () => h?.stop());

  it("asks in Swedish and says when there is too little data", async () => {
    const reply = await h.command("fidelity start");
    expect(messageText(reply)).toContain("Skattningen av programtrohet har startat för Clinic.");
    const card = messageText(lastDirectMessage(h, SPECIALIST));
    expect(card).toContain("1. Deltagargruppens storlek");
    expect(card).toContain("Punkt 1 av 25 · Personal");
    expect(card).toContain("5 – 20 deltagare eller färre per heltidsarbetande arbetsspecialist.");
    expect(card).toContain("Ur ipsbots uppgifter, 2026-05-18 till 2026-11-18: för lite underlag för att föreslå en poäng. Inga aktiva deltagare finns i ipsbot.");
  });

  it("scores seed 003's review of 2019-11-19 as 92: stämmer delvis överens med IPS", async () => {
    let card = lastDirectMessage(h, SPECIALIST);
    for (const score of SEED_003_REVIEWS[0]!.scores) card = await click(h, card, String(score));
    const text = messageText(card);
    expect(text).toContain("Totalt: 92 av 125: stämmer delvis överens med IPS.");
    expect(text).toMatch(/Personal\s+15\s+15/);
    expect(text).toMatch(/Organisation\s+29\s+40/);
    expect(text).toMatch(/IPS-verksamheter\s+48\s+70/);
    expect(text).toContain("Förbättringsområden (lägst poäng):\n17. Utveckla arbeten – täta besök hos arbetsgivare: 1");
    expect(text).toContain("Det här är mottagningens första avslutade skattning");
  });

  it("exports the reviews as a CSV that Swedish Excel opens into columns, separated by ;", async () => {
    await h.command("fidelity export");
    await h.slack.waitForCall((call) => call.method === "files.completeUploadExternal");
    const content = h.slack.uploads.at(-1)!.content;
    const { separator, rows } = readCsv(content);
    expect(separator).toBe(";");
    expect(rows[0]).toEqual([...EXPORT_COLUMNS]);
    expect(rows.slice(1).every((row) => row.length === EXPORT_COLUMNS.length)).toBe(true);
    expect(rows.filter((row) => row[0] === "1" && row[8] !== "")).toHaveLength(25);
  });

  it("posts the summary in the clinic's Swedish even when the supervisor's Slack is Norwegian, answering them in Norwegian", async () => {
    h.slack.setUserLocale(SPECIALIST.id, "nb-NO");
    await h.restart(); // Slack's languages are remembered for an hour: a new process asks again
    await h.connectClinic("C0IPSTEAM", "Clinic");
    const [review] = queryAll(h.databaseFile, "SELECT id FROM FidelityReview WHERE status = 'completed' ORDER BY id DESC LIMIT 1");
    const answer = await h.clickButton("fidelity.post-summary", String(review!.id));
    expect(messageText(answer)).toContain(catalogue.translator("nb")("fidelity.posted"));
    const post = h.slack.callsTo("chat.postMessage").filter((call) => call.body.channel === "C0IPSTEAM").at(-1)!;
    expect(messageText(post)).toContain("Totalt: 92 av 125: stämmer delvis överens med IPS.");
  });
});
