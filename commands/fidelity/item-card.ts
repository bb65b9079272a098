// The message for one item of a review: name and section, what it asks, the five levels, the
// evidence and suggestion where ipsbot has data, and the answer buttons. Once every item has been
// passed, the same place shows the summary.
import type { FidelityReviewRecord } from "../../storage/store.ts";
import type { CommandContext } from "../context.ts";
import type { Block, Button } from "../reply.ts";
import { answerValue, itemValue, SKIP } from "./action-values.ts";
import { answerFor, isAtSummary } from "./conversation.ts";
import { localiseEvidence, suggestionForItem } from "./item-evidence.ts";
import { summaryBlocks } from "./summary.ts";

export const ANSWER_ACTION_ID = "fidelity.answer";
export const BACK_ACTION_ID = "fidelity.back";
export const NOTE_ACTION_ID = "fidelity.note";

/** The current item of the review, or its summary once every item has been passed. */
export async function currentCard(ctx: CommandContext, review: FidelityReviewRecord): Promise<Block[]> {
  if (isAtSummary(ctx.fidelityItems.items, review)) return summaryBlocks(ctx, review);
  return itemCard(ctx, review, review.currentIndex);
}

export async function itemCard(ctx: CommandContext, review: FidelityReviewRecord, index: number): Promise<Block[]> {
  const { items } = ctx.fidelityItems;
  const item = items[index]!;
  const text = ctx.fidelityItems.text(ctx.locale, item.key);
  const answer = answerFor(review, item.key);
  const suggestion = await suggestionForItem(ctx, review, item.key);
  const period = { from: review.periodFrom, to: review.periodTo };

  const blocks: Block[] = [
    { type: "heading", text: `${item.number}. ${text.name}` },
    { type: "context", text: ctx.t("fidelity.card.progress", { number: item.number, count: items.length, section: ctx.fidelityItems.sectionName(ctx.locale, item.section) }) },
    { type: "text", text: text.asks },
    { type: "text", text: text.levels.map((level, levelIndex) => ctx.t("fidelity.card.level", { score: levelIndex + 1, text: level })).join("\n") },
  ];
  if (suggestion?.outcome === "suggested") {
    blocks.push({ type: "text", text: ctx.t("fidelity.card.evidence", { ...period, evidence: localiseEvidence(ctx, suggestion.evidence), score: suggestion.score }) });
  } else if (suggestion) {
    blocks.push({ type: "text", text: ctx.t("fidelity.card.tooLittleData", { ...period, evidence: localiseEvidence(ctx, suggestion.evidence) }) });
  }
  const status = [
    answer?.score != null ? ctx.t("fidelity.card.currentScore", { score: answer.score }) : undefined,
    answer?.skipped ? ctx.t("fidelity.card.skipped") : undefined,
    answer?.note ? ctx.t("fidelity.card.note", { note: answer.note }) : undefined,
  ].filter((line) => line !== undefined);
  if (status.length > 0) blocks.push({ type: "context", text: status.join(" ") });

  const scoreButtons = [1, 2, 3, 4, 5].map(
    (score): Button => ({
      actionId: ANSWER_ACTION_ID,
      label: String(score),
      value: answerValue(review.id, item.key, score),
      ...(answer?.score === score ? { style: "primary" as const } : {}),
    }),
  );
  const navigation: Button[] = [
    { actionId: ANSWER_ACTION_ID, label: ctx.t("fidelity.button.skip"), value: answerValue(review.id, item.key, SKIP) },
    ...(index > 0 ? [{ actionId: BACK_ACTION_ID, label: ctx.t("fidelity.button.back"), value: itemValue(review.id, item.key) }] : []),
    { actionId: NOTE_ACTION_ID, label: ctx.t("fidelity.button.note"), value: itemValue(review.id, item.key) },
  ];
  blocks.push({ type: "actions", buttons: scoreButtons }, { type: "actions", buttons: navigation });
  return blocks;
}
