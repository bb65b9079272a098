// Button values carry the review id and the item key (and the score), so a click says exactly
// what it answers: repeating it changes nothing, and a click on an old card cannot answer the
// wrong item. Values come back from the client untrusted and are checked here.
import { z } from "zod";
import type { FidelityItem } from "../../prompts/fidelity-catalogue.ts";
import type { CommandContext } from "../context.ts";
import { refuse } from "../refusal.ts";

export const SKIP = "skip";

export function reviewValue(reviewId: number): string {
  return String(reviewId);
}

export function itemValue(reviewId: number, itemKey: string): string {
  return `${reviewId}:${itemKey}`;
}

export function answerValue(reviewId: number, itemKey: string, answer: number | typeof SKIP): string {
  return `${reviewId}:${itemKey}:${answer}`;
}

const reviewIdPattern = /^\d{1,10}$/;

export function parseReviewValue(value: string): number {
  return reviewIdPattern.test(value) ? Number(value) : refuse("fidelity.error.badButton");
}

export interface ItemTarget {
  reviewId: number;
  item: FidelityItem;
}

export function parseItemValue(ctx: CommandContext, value: string): ItemTarget {
  const [reviewId = "", itemKey = "", ...rest] = value.split(":");
  if (rest.length > 0 || !reviewIdPattern.test(reviewId) || itemKey.length === 0) refuse("fidelity.error.badButton");
  return { reviewId: Number(reviewId), item: requireItem(ctx, itemKey) };
}

export interface AnswerTarget extends ItemTarget {
  /** 1-5, or null for "skip for now". */
  score: number | null;
}

const answerSchema = z.union([z.literal(SKIP), z.coerce.number().int().min(1).max(5)]);

export function parseAnswerValue(ctx: CommandContext, value: string): AnswerTarget {
  const cut = value.lastIndexOf(":");
  if (cut === -1) refuse("fidelity.error.badButton");
  const target = parseItemValue(ctx, value.slice(0, cut));
  const answer = value.slice(cut + 1);
  const parsed = /^(?:\d{1,3}|skip)$/.test(answer) ? answerSchema.safeParse(answer) : undefined;
  if (!parsed?.success) return refuse("fidelity.error.badScore", { input: answer });
  return { ...target, score: parsed.data === SKIP ? null : parsed.data };
}

export function requireItem(ctx: CommandContext, itemKey: string): FidelityItem {
  return ctx.fidelityItems.item(itemKey) ?? refuse("fidelity.error.unknownItem", { input: itemKey.slice(0, 60) });
}

/** The clinic of the review a fidelity button or note form names (its value starts with the review id). */
export async function clinicOfReviewValue(store: CommandContext["store"], value: string): Promise<number | null> {
  const reviewId = value.split(":")[0] ?? "";
  return reviewIdPattern.test(reviewId) ? store.fidelityReviews.clinicOf(Number(reviewId)) : null;
}
