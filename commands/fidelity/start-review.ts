// `/ips fidelity start [period:6m]`: opens a review for the caller's clinic and continues in the
// caller's direct messages, one item at a time. With a review already open it offers to resume.
import { actorOf, clinicToday, type CommandContext } from "../context.ts";
import type { ActionSpec, CommandSpec } from "../command-spec.ts";
import { formatDay } from "../format.ts";
import { refuseLeftovers, splitArguments } from "../parse/arguments.ts";
import type { MessageReply } from "../reply.ts";
import { refuse } from "../refusal.ts";
import { clinicOfReviewValue, parseReviewValue, reviewValue } from "./action-values.ts";
import { currentCard } from "./item-card.ts";
import { positionText, refuseClosed, requireReview } from "./review-access.ts";
import { DEFAULT_PERIOD_MONTHS, parsePeriodMonths, reviewPeriod } from "./review-period.ts";

export const RESUME_ACTION_ID = "fidelity.resume";

export async function startReview(ctx: CommandContext, raw: { period?: string }): Promise<MessageReply> {
  const months = raw.period === undefined ? DEFAULT_PERIOD_MONTHS : (parsePeriodMonths(raw.period) ?? refuse("fidelity.error.periodInvalid", { input: raw.period }));
  const period = reviewPeriod(months, clinicToday(ctx));
  const started = await ctx.store.fidelityReviews.start(
    { clinicId: ctx.clinic.id, periodMonths: months, periodFrom: period.from, periodTo: period.to },
    actorOf(ctx),
    ctx.clock.now(),
  );
  if (started === "already-open") return offerResume(ctx);
  return {
    kind: "message",
    visibility: "ephemeral",
    blocks: [{ type: "text", tone: "success", text: ctx.t("fidelity.started", { clinic: ctx.clinic.name, months, from: period.from, to: period.to }) }],
    direct: { blocks: await currentCard(ctx, started) },
  };
}

async function offerResume(ctx: CommandContext): Promise<MessageReply> {
  const open = await ctx.store.fidelityReviews.openForClinic(ctx.clinic.id);
  // Closed between the failed insert and this read: the caller can simply start again.
  if (!open) return refuse("fidelity.noOpenReview", { clinic: ctx.clinic.name });
  const text = ctx.t("fidelity.alreadyOpen", { clinic: ctx.clinic.name, by: open.startedByName, date: formatDay(ctx, open.startedAt), position: positionText(ctx, open) });
  return {
    kind: "message",
    visibility: "ephemeral",
    blocks: [
      { type: "text", tone: "warning", text },
      { type: "actions", buttons: [{ actionId: RESUME_ACTION_ID, label: ctx.t("fidelity.button.resume"), value: reviewValue(open.id), style: "primary" }] },
    ],
  };
}

/** Where an open review stands, sent to the caller's direct messages. */
export async function continueReview(ctx: CommandContext, reviewId: number): Promise<MessageReply> {
  const review = await requireReview(ctx, reviewId);
  if (review.status !== "open") refuseClosed(ctx, review);
  return {
    kind: "message",
    visibility: "ephemeral",
    blocks: [{ type: "text", text: ctx.t("fidelity.resumed", { position: positionText(ctx, review) }) }],
    direct: { blocks: await currentCard(ctx, review) },
  };
}

export const startReviewCommand: CommandSpec = {
  path: ["fidelity", "start"],
  permission: "supervise",
  key: "fidelityStart",
  async run(ctx, args) {
    const { options, words } = splitArguments(args, ["period"]);
    refuseLeftovers(words);
    return startReview(ctx, { period: options.get("period") });
  },
};

/** The Resume button a second `start` offers. */
export const resumeReviewAction: ActionSpec = {
  actionId: RESUME_ACTION_ID,
  permission: "supervise",
  clinicOf: clinicOfReviewValue,
  async run(ctx, value) {
    return continueReview(ctx, parseReviewValue(value));
  },
};
