import { describe, expect, it } from "vitest";
import { bandFor, compareReviews, lowestItems, scoreReview, type ScoreSheet } from "../../commands/fidelity/scoring.ts";
import { FidelityCatalogue } from "../../prompts/fidelity-catalogue.ts";
import { SEED_003_REVIEWS } from "../fixtures/seed-003-reviews.ts";

const items = FidelityCatalogue.load().items;
const sheet = (scores: readonly (number | null)[]): ScoreSheet => Object.fromEntries(items.map((item, index) => [item.key, scores[index] ?? null]));
/** 25 scores adding up to `total` (each 1-5). */
function sheetWithTotal(total: number): ScoreSheet {
  const scores = items.map(() => 1);
  let left = total - 25;
  for (let index = 0; left > 0; index++) {
    const add = Math.min(4, left);
    scores[index] = 1 + add;
    left -= add;
  }
  return sheet(scores);
}

describe("fidelity bands", () => {
  it.each([
    [25, "not-supported"],
    [73, "not-supported"],
    [74, "fair"],
    [99, "fair"],
    [100, "good"],
    [114, "good"],
    [115, "exemplary"],
    [125, "exemplary"],
  ])("puts a total of %i in band %s", (total, band) => {
    expect(bandFor(total)).toBe(band);
    const score = scoreReview(items, sheetWithTotal(total));
    expect(score.total).toBe(total);
    expect(score.band).toBe(band);
  });
});

describe("scoring a review", () => {
  it.each(SEED_003_REVIEWS.map((review) => [review.date, review] as const))("scores seed 003's review of %s as in Bilaga 1", (_date, review) => {
    const score = scoreReview(items, sheet(review.scores));
    expect(score.total).toBe(review.total);
    expect(score.sections.map((section) => section.score)).toEqual(review.subtotals);
    expect(score.sections.map((section) => section.maximum)).toEqual([15, 40, 70]);
    expect(score.band).toBe(review.band);
    expect(score.complete).toBe(true);
    expect(score.maximum).toBe(125);
  });

  it("gives all five reviews the bands fair, fair, fair, fair, good", () => {
    expect(SEED_003_REVIEWS.map((review) => scoreReview(items, sheet(review.scores)).band)).toEqual(["fair", "fair", "fair", "fair", "good"]);
  });

  it("treats skipped and unanswered items as an incomplete review without a band", () => {
    const scores = [...SEED_003_REVIEWS[4]!.scores] as (number | null)[];
    scores[5] = null; // agency_collaboration skipped (was 2)
    scores[16] = null; // employer_contact_frequency skipped (was 3)
    const score = scoreReview(items, sheet(scores));
    expect(score.complete).toBe(false);
    expect(score.band).toBeUndefined();
    expect(score.total).toBe(97);
    expect(score.unscored.map((item) => item.key)).toEqual(["agency_collaboration", "employer_contact_frequency"]);
    expect(score.sections.map((section) => [section.score, section.scored])).toEqual([
      [15, 3],
      [31, 7],
      [51, 13],
    ]);
    expect(scoreReview(items, {}).unscored).toHaveLength(25);
  });

  it("refuses a score outside 1-5 instead of adding it up", () => {
    expect(() => scoreReview(items, { caseload: 6 })).toThrow(RangeError);
    expect(() => scoreReview(items, { caseload: 0 })).toThrow(RangeError);
    expect(() => scoreReview(items, { caseload: 2.5 })).toThrow(RangeError);
  });
});

describe("improvement areas and change", () => {
  it("lists the five lowest items, ties in scale order", () => {
    const lowest = lowestItems(items, sheet(SEED_003_REVIEWS[0]!.scores));
    // Review 1: items 17, 21, 24 score 1; then items 10 and 25 score 2.
    expect(lowest.map(({ item, score }) => [item.number, score])).toEqual([
      [17, 1],
      [21, 1],
      [24, 1],
      [10, 2],
      [25, 2],
    ]);
  });

  it("leaves unscored items out of the lowest", () => {
    const scores = items.map(() => 5) as (number | null)[];
    scores[0] = null;
    scores[3] = 2;
    expect(lowestItems(items, sheet(scores), 2).map(({ item }) => item.key)).toEqual(["team_assignment", "es_services_only"]);
  });

  it("compares item by item with the previous review", () => {
    const changes = compareReviews(items, sheet(SEED_003_REVIEWS[4]!.scores), sheet(SEED_003_REVIEWS[3]!.scores));
    const moved = changes.filter((change) => change.change !== 0).map((change) => [change.item.number, change.previous, change.current, change.change]);
    expect(moved).toEqual([
      [5, 4, 5, 1],
      [6, 3, 2, -1],
      [15, 3, 4, 1],
      [17, 2, 3, 1],
      [21, 1, 2, 1],
    ]);
    const partial = compareReviews(items, { caseload: 4 }, {});
    expect(partial[0]).toMatchObject({ previous: undefined, current: 4, change: undefined });
  });
});
