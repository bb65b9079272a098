// Evidence for one item of a review: gathers the clinic's records for the review's period and
// runs the item's suggester, if it has one. Stored as JSON beside the answer.
import type { FidelityReviewRecord } from "../../storage/store.ts";
import type { CommandContext } from "../context.ts";
import type { Evidence, Suggestion } from "./suggestions/evidence.ts";
import { hasSuggestion, suggestionFor } from "./suggestions/index.ts";

export async function suggestionForItem(ctx: CommandContext, review: FidelityReviewRecord, itemKey: string): Promise<Suggestion | undefined> {
  if (!hasSuggestion(itemKey)) return undefined;
  const rows = await ctx.store.fidelityEvidence.forPeriod(ctx.clinic.id, review.periodFrom, review.periodTo);
  return suggestionFor(itemKey, { period: { from: review.periodFrom, to: review.periodTo }, ...rows });
}

export function evidenceJson(suggestion: Suggestion | undefined): string | null {
  return suggestion ? JSON.stringify({ outcome: suggestion.outcome, ...suggestion.evidence }) : null;
}

/**
 * The evidence in the reader's words. Its numbers go to the catalogue as numbers: the catalogue
 * writes them as the locale does (39,7 in sv and nb) and chooses plurals by them.
 */
export function localiseEvidence(ctx: Pick<CommandContext, "t">, evidence: Evidence): string {
  return ctx.t(evidence.messageKey, evidence.params);
}
