// What the use cases need from the outside world besides storage: posting to a clinic's
// channel (digests, agendas). Each platform adapter implements ChannelPoster.
import type { Platform } from "./context.ts";
import type { MessageReply } from "./reply.ts";

export interface ChannelTarget {
  platform: Platform;
  workspaceId: string;
  channelId: string;
  /** Teams: the Bot Connector service URL stored when the channel was connected. */
  serviceUrl: string | null;
}

export interface ChannelPoster {
  /** Posts a message to the channel and returns the platform's id for it. */
  post(target: ChannelTarget, reply: MessageReply): Promise<{ messageId: string }>;
}

/** The bot can no longer post there (removed from the team, channel archived): stop posting. */
export class ChannelGoneError extends Error {
  override name = "ChannelGoneError";
}
