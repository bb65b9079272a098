// The end of a review: total, section subtotals, band (or "incomplete" and the items without a
// score), the five lowest items and the change since the previous completed review. The channel
// version carries aggregates only: no notes, no buttons (and reviews never hold participant codes).
import type { FidelityReviewRecord } from "../../storage/store.ts";
import type { CommandContext } from "../context.ts";
import { formatDay } from "../format.ts";
import type { Block } from "../reply.ts";
import { reviewValue } from "./action-values.ts";
import { scoreSheetOf } from "./conversation.ts";
import { compareReviews, lowestItems, scoreReview, type ReviewScore } from "./scoring.ts";

export const POST_SUMMARY_ACTION_ID = "fidelity.post-summary";
export const SCORE_SKIPPED_ACTION_ID = "fidelity.score-skipped";
export const IMPROVEMENT_AREAS = 5;

export async function summaryBlocks(ctx: CommandContext, review: FidelityReviewRecord): Promise<Block[]> {
  const score = scoreReview(ctx.fidelityItems.items, scoreSheetOf(review));
  return [
    { type: "heading", text: ctx.t("fidelity.summary.title") },
    { type: "context", text: ctx.t("fidelity.summary.period", { clinic: ctx.clinic.name, from: review.periodFrom, to: review.periodTo }) },
    ...(await resultBlocks(ctx, review, score)),
    {
      type: "actions",
      buttons: [
        { actionId: POST_SUMMARY_ACTION_ID, label: ctx.t("fidelity.button.post"), value: reviewValue(review.id), style: "primary" },
        ...(score.complete ? [] : [{ actionId: SCORE_SKIPPED_ACTION_ID, label: ctx.t("fidelity.button.scoreSkipped"), value: reviewValue(review.id) }]),
      ],
    },
  ];
}

/** What the clinic channel sees. */
export async function channelSummaryBlocks(ctx: CommandContext, review: FidelityReviewRecord): Promise<Block[]> {
  const score = scoreReview(ctx.fidelityItems.items, scoreSheetOf(review));
  return [
    { type: "heading", text: ctx.t("fidelity.channel.title", { clinic: ctx.clinic.name }) },
    { type: "context", text: ctx.t("fidelity.channel.meta", { date: reviewDay(ctx, review), from: review.periodFrom, to: review.periodTo }) },
    ...(await resultBlocks(ctx, review, score)),
  ];
}

export function reviewDay(ctx: CommandContext, review: FidelityReviewRecord): string {
  return formatDay(ctx, review.completedAt ?? review.startedAt);
}

export function itemName(ctx: CommandContext, itemKey: string): string {
  return ctx.fidelityItems.text(ctx.locale, itemKey).name;
}

async function resultBlocks(ctx: CommandContext, review: FidelityReviewRecord, score: ReviewScore): Promise<Block[]> {
  const { items } = ctx.fidelityItems;
  const blocks: Block[] = [];
  if (score.band) {
    const band = ctx.t(`fidelity.band.${score.band}`);
    blocks.push({ type: "text", tone: "success", text: ctx.t("fidelity.summary.total", { total: score.total, maximum: score.maximum, band }) });
  } else {
    const items = score.unscored.map((item) => `${item.number}. ${itemName(ctx, item.key)}`).join("; ");
    const params = { total: score.total, maximum: score.maximum, count: score.unscored.length, items };
    blocks.push({ type: "text", tone: "warning", text: ctx.t("fidelity.summary.incomplete", params) });
  }
  blocks.push({
    type: "table",
    columns: [ctx.t("fidelity.summary.column.section"), ctx.t("fidelity.summary.column.score"), ctx.t("fidelity.summary.column.maximum")],
    rows: score.sections.map((section) => [ctx.fidelityItems.sectionName(ctx.locale, section.section), String(section.score), String(section.maximum)]),
  });
  const lowest = lowestItems(items, scoreSheetOf(review), IMPROVEMENT_AREAS);
  if (lowest.length > 0) {
    const lines = lowest.map(({ item, score: itemScore }) => ctx.t("fidelity.summary.lowestItem", { number: item.number, name: itemName(ctx, item.key), score: itemScore }));
    blocks.push({ type: "text", text: [ctx.t("fidelity.summary.lowest"), ...lines].join("\n") });
  }
  blocks.push({ type: "text", text: await changeText(ctx, review) });
  return blocks;
}

async function changeText(ctx: CommandContext, review: FidelityReviewRecord): Promise<string> {
  const completed = await ctx.store.fidelityReviews.list(ctx.clinic.id, ["completed"]);
  // Reviews follow one another (one open per clinic), so a lower id is an earlier review.
  const previous = completed.find((candidate) => candidate.id < review.id);
  if (!previous) return ctx.t("fidelity.summary.firstReview");
  const { items } = ctx.fidelityItems;
  const date = reviewDay(ctx, previous);
  const changed = compareReviews(items, scoreSheetOf(review), scoreSheetOf(previous)).filter((change) => change.change !== undefined && change.change !== 0);
  if (changed.length === 0) return ctx.t("fidelity.summary.noChange", { date });
  const previousTotal = scoreReview(items, scoreSheetOf(previous)).total;
  const lines = changed.map((change) =>
    ctx.t("fidelity.summary.changeItem", {
      number: change.item.number,
      name: itemName(ctx, change.item.key),
      previous: change.previous!,
      current: change.current!,
      change: change.change! > 0 ? `+${change.change}` : String(change.change),
    }),
  );
  return [ctx.t("fidelity.summary.changeTitle", { date, previousTotal }), ...lines].join("\n");
}
