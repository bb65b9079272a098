// The conversation's rules over a stored review: next item, completion, Back, skipped items,
// button values and the CSV the export writes.
import { describe, expect, it } from "vitest";
import { answerValue, parseAnswerValue, parseItemValue, parseReviewValue } from "../../commands/fidelity/action-values.ts";
import { firstUnscoredIndex, isAtSummary, stepAfterAnswer, stepBack } from "../../commands/fidelity/conversation.ts";
import { csvCell, csvSeparatorFor, toCsv } from "../../commands/fidelity/csv.ts";
import { readCsv } from "../support/csv-reader.ts";
import { LOCALES } from "../../prompts/locales.ts";
import type { CommandContext } from "../../commands/context.ts";
import { Refusal } from "../../commands/refusal.ts";
import { FidelityCatalogue } from "../../prompts/fidelity-catalogue.ts";
import type { FidelityAnswerRecord, FidelityReviewRecord } from "../../storage/store.ts";

const fidelityItems = FidelityCatalogue.load();
const { items } = fidelityItems;
const ctx = { fidelityItems } as CommandContext;

function review(answers: Record<number, number | "skip" | "note">, currentIndex = 0): FidelityReviewRecord {
  return {
    id: 1,
    clinicId: 1,
    startedById: 1,
    startedByName: "anna",
    periodMonths: 6,
    periodFrom: "2026-05-18",
    periodTo: "2026-11-18",
    status: "open",
    currentIndex,
    startedAt: new Date(0),
    completedAt: null,
    abandonedAt: null,
    answers: Object.entries(answers).map(
      ([index, answer]): FidelityAnswerRecord => ({
        itemKey: items[Number(index)]!.key,
        score: typeof answer === "number" ? answer : null,
        skipped: answer === "skip",
        suggestedScore: null,
        evidence: null,
        note: answer === "note" ? "a note" : null,
        answeredAt: new Date(0),
      }),
    ),
  };
}
const upTo = (count: number, answer: number | "skip" = 3) => Object.fromEntries(Array.from({ length: count }, (_, index) => [index, answer]));

describe("the next item", () => {
  it("moves from an answered item to the next one without an answer", () => {
    expect(stepAfterAnswer(items, review({ 0: 4 }), 0)).toEqual({ currentIndex: 1, complete: false });
    expect(stepAfterAnswer(items, review({ ...upTo(9), 3: 2 }), 3)).toEqual({ currentIndex: 9, complete: false });
  });

  it("passes skipped items but not items with only a note", () => {
    expect(stepAfterAnswer(items, review({ 0: 4, 1: "skip", 2: "note" }), 0)).toEqual({ currentIndex: 2, complete: false });
  });

  it("completes after the last item when every item has a score, stays open with a skip", () => {
    expect(stepAfterAnswer(items, review(upTo(25)), 24)).toEqual({ currentIndex: 25, complete: true });
    expect(stepAfterAnswer(items, review({ ...upTo(25), 6: "skip" }), 24)).toEqual({ currentIndex: 25, complete: false });
    // Scoring the last skipped item from the summary completes the review.
    expect(stepAfterAnswer(items, review(upTo(25), 25), 6)).toEqual({ currentIndex: 25, complete: true });
  });

  it("goes back one item, never before the first, and finds the first item without a score", () => {
    expect([stepBack(5), stepBack(1), stepBack(0)]).toEqual([4, 0, 0]);
    expect(firstUnscoredIndex(items, review({ ...upTo(25), 6: "skip", 17: "skip" }))).toBe(6);
    expect(firstUnscoredIndex(items, review(upTo(25)))).toBeUndefined();
    expect([isAtSummary(items, review({}, 24)), isAtSummary(items, review({}, 25))]).toEqual([false, true]);
  });
});

describe("button values", () => {
  it("round-trip review, item and answer", () => {
    expect(parseAnswerValue(ctx, answerValue(12, "rapid_search", 4))).toMatchObject({ reviewId: 12, item: { key: "rapid_search", number: 15 }, score: 4 });
    expect(parseAnswerValue(ctx, answerValue(12, "rapid_search", "skip"))).toMatchObject({ score: null });
    expect(parseItemValue(ctx, "3:disclosure")).toMatchObject({ reviewId: 3, item: { key: "disclosure" } });
    expect(parseReviewValue("42")).toBe(42);
  });

  it.each([
    ["1:caseload:0", "fidelity.error.badScore"],
    ["1:caseload:6", "fidelity.error.badScore"],
    ["1:caseload:x", "fidelity.error.badScore"],
    ["1:caseload:", "fidelity.error.badScore"],
    ["1:caseload:-1", "fidelity.error.badScore"],
    ["1:coffee:3", "fidelity.error.unknownItem"],
    ["1::3", "fidelity.error.badButton"],
    ["x:caseload:3", "fidelity.error.badButton"],
    ["1:caseload:extra:3", "fidelity.error.badButton"],
    ["", "fidelity.error.badButton"],
  ])("refuses the answer value %j with %s", (value, messageKey) => {
    expect(() => parseAnswerValue(ctx, value)).toThrow(expect.objectContaining({ messageKey }));
    expect(() => parseAnswerValue(ctx, value)).toThrow(Refusal);
  });

  it("refuses review ids that are not plain numbers", () => {
    for (const value of ["", "1.5", "-1", "1e3", "12345678901", " 1"]) expect(() => parseReviewValue(value)).toThrow(Refusal);
  });
});

describe("CSV", () => {
  it("quotes what needs quoting and defuses formulas", () => {
    expect([csvCell("plain"), csvCell('say "hi", then'), csvCell("two\nlines"), csvCell("=SUM(A1)"), csvCell("-2"), csvCell(3), csvCell(null)]).toEqual([
      "plain",
      '"say ""hi"", then"',
      '"two\nlines"',
      "'=SUM(A1)",
      "'-2",
      "3",
      "",
    ]);
  });

  it("starts with a byte-order mark and ends lines with CRLF", () => {
    expect(toCsv(["a", "b"], [[1, "å"], [null, "x,y"]])).toBe('\uFEFFa,b\r\n1,å\r\n,"x,y"\r\n');
  });

  it("separates with ; in Swedish and Norwegian, as their Excel splits columns, and with , in English", () => {
    expect(LOCALES.map((locale) => [locale, csvSeparatorFor(locale)])).toEqual([["en", ","], ["sv", ";"], ["nb", ";"]]);
    expect(toCsv(["a", "b"], [[1, "å; ø"], [null, "x,y"]], ";")).toBe('\uFEFFa;b\r\n1;"å; ø"\r\n;"x,y"\r\n');
  });

  it.each([",", ";"] as const)("opens into columns and round-trips with %s", (separator) => {
    const rows = [["review_id", "note"], ["1", 'sa "hej", sedan; gick'], ["2", "två\r\nrader"], ["3", ""]];
    const read = readCsv(toCsv(rows[0]!, rows.slice(1), separator));
    expect(read.separator).toBe(separator);
    expect(read.rows).toEqual(rows);
  });
});
