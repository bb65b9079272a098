// Posts scheduled messages (digests, agendas) to Slack channels. The Web API client already
// honours 429 Retry-After and retries; here Slack's "this channel is gone" answers become
// ChannelGoneError so the scheduler stops posting there.
import type { AllMiddlewareArgs } from "@slack/bolt";
import { ChannelGoneError, type ChannelPoster } from "../../commands/ports.ts";
import { renderMessages } from "./render-blocks.ts";

type WebClient = AllMiddlewareArgs["client"];

// A wrong, revoked or deactivated token (invalid_auth, token_revoked, account_inactive) is the
// platform's fault, not the channel's: the post is retried and the channel stays connected.
const GONE_ERRORS = new Set(["channel_not_found", "is_archived", "team_access_not_granted", "not_in_channel"]);

export function slackChannelPoster(client: WebClient): ChannelPoster {
  return {
    async post(target, reply) {
      let firstTs: string | undefined;
      for (const message of renderMessages(reply)) {
        try {
          const answer = await client.chat.postMessage({ channel: target.channelId, ...message });
          firstTs ??= answer.ts;
        } catch (error) {
          const code = (error as { data?: { error?: string } }).data?.error;
          if (code && GONE_ERRORS.has(code)) throw new ChannelGoneError(code);
          throw error;
        }
      }
      return { messageId: firstTs ?? "" };
    },
  };
}
