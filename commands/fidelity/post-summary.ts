// The summary's button: posts the review's aggregates to the clinic's connected channel. Without
// a connected channel it says how to connect one; nothing is posted anywhere else.
import { actorOf, inClinicLanguage, type CommandContext } from "../context.ts";
import type { ActionSpec } from "../command-spec.ts";
import { ChannelGoneError } from "../ports.ts";
import { ephemeral, type MessageReply } from "../reply.ts";
import { refuse } from "../refusal.ts";
import { clinicOfReviewValue, parseReviewValue } from "./action-values.ts";
import { refuseClosed, requireReview } from "./review-access.ts";
import { channelSummaryBlocks, POST_SUMMARY_ACTION_ID } from "./summary.ts";

export async function postSummary(ctx: CommandContext, value: string): Promise<MessageReply> {
  const review = await requireReview(ctx, parseReviewValue(value));
  if (review.status === "abandoned") refuseClosed(ctx, review);
  const [connected] = (await ctx.store.channels.activeForClinic(ctx.clinic.id)).filter(({ channel }) => channel.platform === ctx.platform);
  const channel = connected?.channel;
  const poster = ctx.posters[ctx.platform];
  if (!channel || !poster) return refuse("fidelity.noChannel", { clinic: ctx.clinic.name });
  const summary = { kind: "message" as const, visibility: "channel" as const, blocks: await channelSummaryBlocks(inClinicLanguage(ctx), review) };
  try {
    const { messageId } = await poster.post({ platform: ctx.platform, workspaceId: channel.workspaceId, channelId: channel.channelId, serviceUrl: channel.serviceUrl }, summary);
    await ctx.store.fidelityReviews.summaryPosted(review.id, channel.id, messageId, actorOf(ctx), ctx.clock.now());
  } catch (error) {
    if (error instanceof ChannelGoneError) return refuse("fidelity.channelGone", { clinic: ctx.clinic.name });
    throw error;
  }
  return ephemeral({ type: "text", tone: "success", text: ctx.t("fidelity.posted") });
}

export const postSummaryAction: ActionSpec = { actionId: POST_SUMMARY_ACTION_ID, permission: "supervise", sendsOutside: true, clinicOf: clinicOfReviewValue, run: postSummary };
