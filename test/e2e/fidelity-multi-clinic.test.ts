// A supervisor of two clinics answers a review's buttons in their direct messages: the review
// names its clinic, so no "which clinic?" question gets in the way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock, messageText, SPECIALIST, startHarness, type Harness } from "../support/bot-harness.ts";
import { queryAll } from "../support/database-copy.ts";
import { click, lastDirectMessage } from "../support/slack-buttons.ts";

describe("fidelity review for a member of several clinics", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ clock: fixedClock("2026-11-18T10:00:00Z") });
    await h.connectClinic("C0NORD", "Psykos Nord");
    await h.grant(SPECIALIST, "supervisor", "Psykos Nord"); // and of Clinic, by the harness
  });
  afterAll(async () => h?.stop());

  it("routes a click in the DM to the review's clinic", async () => {
    await h.command("fidelity start", SPECIALIST, "C0NORD");
    const card = lastDirectMessage(h, SPECIALIST);
    const next = await click(h, card, "4");
    expect(messageText(next)).not.toContain("You belong to several clinics");
    expect(messageText(next)).toContain("Item 2 of 25");
    expect(queryAll(h.databaseFile, "SELECT c.name, a.itemKey, a.score FROM FidelityItemAnswer a JOIN FidelityReview r ON r.id = a.reviewId JOIN Clinic c ON c.id = r.clinicId")).toEqual([
      { name: "Psykos Nord", itemKey: "caseload", score: 4 },
    ]);
  });
});
