// `/ips fidelity resume` continues the clinic's open review where it stopped (the position is
// stored, so this works after a restart); `/ips fidelity cancel` abandons it, keeping its answers.
import { actorOf, type CommandContext } from "../context.ts";
import type { CommandSpec } from "../command-spec.ts";
import { formatDay } from "../format.ts";
import { takingNoArguments } from "../parse/arguments.ts";
import { ephemeral, type MessageReply } from "../reply.ts";
import { changedReview, requireOpenReview } from "./review-access.ts";
import { continueReview } from "./start-review.ts";

export async function resumeReview(ctx: CommandContext): Promise<MessageReply> {
  const open = await requireOpenReview(ctx);
  return continueReview(ctx, open.id);
}

export async function cancelReview(ctx: CommandContext): Promise<MessageReply> {
  const open = await requireOpenReview(ctx);
  changedReview(ctx, await ctx.store.fidelityReviews.abandon(open.id, ctx.clinic.id, actorOf(ctx), ctx.clock.now()));
  return ephemeral({ type: "text", tone: "success", text: ctx.t("fidelity.cancelled", { by: open.startedByName, date: formatDay(ctx, open.startedAt) }) });
}

export const resumeReviewCommand: CommandSpec = {
  path: ["fidelity", "resume"],
  permission: "supervise",
  key: "fidelityResume",
  run: takingNoArguments(resumeReview),
};

export const cancelReviewCommand: CommandSpec = {
  path: ["fidelity", "cancel"],
  permission: "supervise",
  key: "fidelityCancel",
  run: takingNoArguments(cancelReview),
};
