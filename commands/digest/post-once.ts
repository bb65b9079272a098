// Posting a scheduled message exactly once: claim the slot in the database, post, record the
// message id. A failure releases the claim for a retry with exponential backoff; a channel the
// bot was removed from is disconnected and never retried.
import type { ConnectedChannel } from "../../storage/clinic-channels.ts";
import type { PostSlot } from "../../storage/scheduled-posts.ts";
import type { Services } from "../context.ts";
import { ChannelGoneError } from "../ports.ts";
import type { MessageReply } from "../reply.ts";

export type PostOutcome = "posted" | "not-ours" | "failed" | "channel-gone";

const FIRST_RETRY_MS = 60_000;
const LONGEST_RETRY_MS = 30 * 60_000;

/** 1, 2, 4, 8 … minutes after each failed attempt, at most 30. */
export function retryDelayMs(attempts: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

export async function postOnce(
  services: Pick<Services, "store" | "clock" | "logger" | "posters" | "claimant" | "metrics">,
  slot: PostSlot,
  connected: ConnectedChannel,
  build: () => Promise<MessageReply>,
): Promise<PostOutcome> {
  const outcome = await claimAndPost(services, slot, connected, build);
  services.metrics.scheduledPost(slot.kind, outcome);
  return outcome;
}

async function claimAndPost(
  services: Pick<Services, "store" | "clock" | "logger" | "posters" | "claimant">,
  slot: PostSlot,
  { channel }: ConnectedChannel,
  build: () => Promise<MessageReply>,
): Promise<PostOutcome> {
  const { store, clock, logger } = services;
  const claimId = await store.scheduledPosts.claim(slot, services.claimant, clock.now());
  if (claimId === null) return "not-ours";
  try {
    const poster = services.posters[channel.platform as keyof Services["posters"]];
    if (!poster) throw new Error(`no ${channel.platform} adapter is configured in this process`);
    const reply = await build();
    const { messageId } = await poster.post(
      { platform: channel.platform as "slack" | "teams", workspaceId: channel.workspaceId, channelId: channel.channelId, serviceUrl: channel.serviceUrl },
      reply,
    );
    await store.scheduledPosts.markPosted(claimId, messageId, clock.now());
    logger.info(`${slot.kind} posted`, { channelId: channel.id, slot: slot.slot, messageId });
    return "posted";
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof ChannelGoneError) {
      await store.scheduledPosts.markFailed(claimId, message, null);
      await store.channels.disconnect(channel.id, `bot removed: ${message}`, null, clock.now());
      logger.warn(`${slot.kind} not posted: the bot can no longer post in the channel; disconnected it`, { channelId: channel.id, error: message });
      return "channel-gone";
    }
    const attempts = (await store.scheduledPosts.find(slot))?.attempts ?? 1;
    await store.scheduledPosts.markFailed(claimId, message, new Date(clock.now().getTime() + retryDelayMs(attempts)));
    logger.warn(`${slot.kind} post failed; will retry`, { channelId: channel.id, slot: slot.slot, attempts, error: message });
    return "failed";
  }
}
