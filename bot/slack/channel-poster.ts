// ChannelPoster for Slack: posts a reply to a connected channel. Slack's answers that mean the
// bot can no longer post there become ChannelGoneError, so callers can say so instead of retrying.
import type { AllMiddlewareArgs } from "@slack/bolt";
import { ChannelGoneError, type ChannelPoster } from "../../commands/ports.ts";
import { renderMessages } from "./render-blocks.ts";

type WebClient = AllMiddlewareArgs["client"];

const GONE_ERRORS = new Set(["channel_not_found", "not_in_channel", "is_archived", "account_inactive", "invalid_auth", "team_access_not_granted"]);

export function slackChannelPoster(client: WebClient): ChannelPoster {
  return {
    async post(target, reply) {
      let messageId = "";
      try {
        for (const message of renderMessages(reply)) {
          const posted = await client.chat.postMessage({ channel: target.channelId, ...message });
          messageId ||= posted.ts ?? "";
        }
      } catch (error) {
        const code = (error as { data?: { error?: unknown } }).data?.error;
        if (typeof code === "string" && GONE_ERRORS.has(code)) throw new ChannelGoneError(code);
        throw error;
      }
      return { messageId };
    },
  };
}
