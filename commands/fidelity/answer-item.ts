// The item card's buttons: a score 1-5 or "Skip for now" answers the item and moves on; "Back"
// shows the item before; "Score skipped items" on an incomplete summary goes to the first item
// without a score. Each redraws the card in place. The value names review and item, so the
// same click twice keeps one answer and moves on once.
import { actorOf, type CommandContext } from "../context.ts";
import type { ActionSpec } from "../command-spec.ts";
import type { MessageReply } from "../reply.ts";
import { clinicOfReviewValue, parseAnswerValue, parseItemValue, parseReviewValue } from "./action-values.ts";
import { firstUnscoredIndex, stepAfterAnswer, stepBack } from "./conversation.ts";
import { ANSWER_ACTION_ID, BACK_ACTION_ID, currentCard } from "./item-card.ts";
import { evidenceJson, suggestionForItem } from "./item-evidence.ts";
import { changedReview, refuseClosed, requireReview } from "./review-access.ts";
import { SCORE_SKIPPED_ACTION_ID } from "./summary.ts";
import type { FidelityReviewRecord } from "../../storage/store.ts";

export async function answerItem(ctx: CommandContext, value: string): Promise<MessageReply> {
  const { reviewId, item, score } = parseAnswerValue(ctx, value);
  const review = await requireReview(ctx, reviewId);
  if (review.status !== "open") refuseClosed(ctx, review);
  const suggestion = await suggestionForItem(ctx, review, item.key);
  const result = await ctx.store.fidelityReviews.answer(
    reviewId,
    ctx.clinic.id,
    { itemKey: item.key, score, suggestedScore: suggestion?.outcome === "suggested" ? suggestion.score : null, evidence: evidenceJson(suggestion) },
    (after) => stepAfterAnswer(ctx.fidelityItems.items, after, item.number - 1),
    actorOf(ctx),
    ctx.clock.now(),
  );
  return redraw(ctx, changedReview(ctx, result));
}

export async function goBack(ctx: CommandContext, value: string): Promise<MessageReply> {
  const { reviewId, item } = parseItemValue(ctx, value);
  const result = await ctx.store.fidelityReviews.moveTo(reviewId, ctx.clinic.id, stepBack(item.number - 1), actorOf(ctx), ctx.clock.now());
  return redraw(ctx, changedReview(ctx, result));
}

export async function scoreSkippedItems(ctx: CommandContext, value: string): Promise<MessageReply> {
  const review = await requireReview(ctx, parseReviewValue(value));
  if (review.status !== "open") refuseClosed(ctx, review);
  const index = firstUnscoredIndex(ctx.fidelityItems.items, review) ?? review.currentIndex;
  const result = await ctx.store.fidelityReviews.moveTo(review.id, ctx.clinic.id, index, actorOf(ctx), ctx.clock.now());
  return redraw(ctx, changedReview(ctx, result));
}

// The card is an ordinary message in the supervisor's direct conversation, so the redraw is too.
async function redraw(ctx: CommandContext, review: FidelityReviewRecord): Promise<MessageReply> {
  return { kind: "message", visibility: "channel", replaceOriginal: true, blocks: await currentCard(ctx, review) };
}

export const answerItemAction: ActionSpec = { actionId: ANSWER_ACTION_ID, permission: "supervise", clinicOf: clinicOfReviewValue, run: answerItem };
export const backAction: ActionSpec = { actionId: BACK_ACTION_ID, permission: "supervise", clinicOf: clinicOfReviewValue, run: goBack };
export const scoreSkippedAction: ActionSpec = { actionId: SCORE_SKIPPED_ACTION_ID, permission: "supervise", clinicOf: clinicOfReviewValue, run: scoreSkippedItems };
