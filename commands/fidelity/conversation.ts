// The rules of the guided review: which item is asked next, when a review is complete, which
// items still lack a score. Pure functions over the stored review, so a restart, a double click
// or a redelivered request always lands on the same item.
import type { FidelityItem } from "../../prompts/fidelity-catalogue.ts";
import type { FidelityAnswerRecord, FidelityReviewRecord, NextStep } from "../../storage/store.ts";
import type { ScoreSheet } from "./scoring.ts";

export function answerFor(review: FidelityReviewRecord, itemKey: string): FidelityAnswerRecord | undefined {
  return review.answers.find((answer) => answer.itemKey === itemKey);
}

export function scoreSheetOf(review: FidelityReviewRecord): ScoreSheet {
  return Object.fromEntries(review.answers.map((answer) => [answer.itemKey, answer.score]));
}

function hasScore(review: FidelityReviewRecord, item: FidelityItem): boolean {
  return answerFor(review, item.key)?.score != null;
}

/**
 * After item `answeredIndex` is answered or skipped: the first later item that is neither scored
 * nor skipped (so Back and a new answer return to where the supervisor was), else the end. At the
 * end with every item scored the review is complete; skipped items keep it open.
 */
export function stepAfterAnswer(items: readonly FidelityItem[], review: FidelityReviewRecord, answeredIndex: number): NextStep {
  const next = items.findIndex((item, index) => index > answeredIndex && !hasScore(review, item) && !answerFor(review, item.key)?.skipped);
  const currentIndex = next === -1 ? items.length : next;
  return { currentIndex, complete: currentIndex === items.length && items.every((item) => hasScore(review, item)) };
}

/** Back from the item at `index`: the one before it (the first item stays first). */
export function stepBack(index: number): number {
  return Math.max(0, index - 1);
}

/** The first item without a score (skipped or never answered), if any. */
export function firstUnscoredIndex(items: readonly FidelityItem[], review: FidelityReviewRecord): number | undefined {
  const index = items.findIndex((item) => !hasScore(review, item));
  return index === -1 ? undefined : index;
}

/** True once every item has been passed: the conversation shows the summary. */
export function isAtSummary(items: readonly FidelityItem[], review: FidelityReviewRecord): boolean {
  return review.currentIndex >= items.length;
}
