// Finding a review a click or form names: only within the caller's clinic, and only while open
// for anything that changes it. Each refusal says that nothing changed.
import type { FidelityReviewRecord, ReviewChange } from "../../storage/store.ts";
import type { CommandContext } from "../context.ts";
import { formatDay } from "../format.ts";
import { refuse } from "../refusal.ts";

export async function requireReview(ctx: CommandContext, reviewId: number): Promise<FidelityReviewRecord> {
  return (await ctx.store.fidelityReviews.find(reviewId, ctx.clinic.id)) ?? refuse("fidelity.error.reviewUnknown", { clinic: ctx.clinic.name });
}

export function refuseClosed(ctx: CommandContext, review: FidelityReviewRecord): never {
  if (review.status === "completed") return refuse("fidelity.error.reviewCompleted", { date: formatDay(ctx, review.completedAt ?? review.startedAt) });
  return refuse("fidelity.error.reviewAbandoned", { date: formatDay(ctx, review.abandonedAt ?? review.startedAt) });
}

/** The review after a change, or the refusal that matches why nothing changed. */
export function changedReview(ctx: CommandContext, result: ReviewChange): FidelityReviewRecord {
  if (result.outcome === "unknown") return refuse("fidelity.error.reviewUnknown", { clinic: ctx.clinic.name });
  if (result.outcome === "closed") return refuseClosed(ctx, result.review);
  return result.review;
}

export async function requireOpenReview(ctx: CommandContext): Promise<FidelityReviewRecord> {
  return (await ctx.store.fidelityReviews.openForClinic(ctx.clinic.id)) ?? refuse("fidelity.noOpenReview", { clinic: ctx.clinic.name });
}

/** "item 7 of 25" or "the summary": where an open review stands. */
export function positionText(ctx: CommandContext, review: FidelityReviewRecord): string {
  const count = ctx.fidelityItems.items.length;
  return review.currentIndex >= count ? ctx.t("fidelity.position.summary") : ctx.t("fidelity.position.item", { number: review.currentIndex + 1, count });
}
