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

/** How a request ended: done, refused with an answer, failed unexpectedly, or a redelivery answered again. */
export type RequestOutcome = "ok" | "refused" | "error" | "repeat";

/** What the operator's metrics count (bot/metrics.ts exposes them at /metrics). */
export interface Metrics {
  /** A typed command, button or form, by what it was (command key, action id, form id) and how it ended. */
  request(labels: { platform: string; kind: "command" | "action" | "form" | "home"; name: string; outcome: RequestOutcome }, seconds: number): void;
  /** A scheduled post (digest, agenda) claimed, posted, failed, missed or given up. */
  scheduledPost(kind: string, status: string): void;
  /** A call to a platform retried after a failure. */
  retry(platform: string): void;
}
