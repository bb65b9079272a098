// ChannelPoster for Teams: posts a reply (a digest, an agenda) as cards to a connected channel
// with the adapter's continue-conversation call, using the service URL stored at connection.
// When Teams says the bot can no longer post there, it throws ChannelGoneError so the caller
// stops posting and records why.
import type { ConversationReference } from "botbuilder";
import { ChannelGoneError, type ChannelPoster, type ChannelTarget } from "../../commands/ports.ts";
import type { MessageReply } from "../../commands/reply.ts";
import { renderCards } from "./render-card.ts";
import { cardMessages } from "./reply-delivery.ts";
import type { TeamsRuntime } from "./teams-runtime.ts";

/** 403 codes meaning the bot is out of the conversation for good (not a passing failure). */
const GONE_CODES = new Set(["BotNotInConversationRoster", "BotDisabledByAdmin", "ConversationBlockedByUser"]);

interface ConnectorError {
  statusCode?: number;
  code?: string;
  response?: { bodyAsText?: string | null };
}

function connectorErrorCode(error: ConnectorError): string | undefined {
  try {
    const body = JSON.parse(error.response?.bodyAsText ?? "") as { error?: { code?: unknown } };
    if (typeof body.error?.code === "string") return body.error.code;
  } catch {
    /* not a JSON error body */
  }
  return error.code;
}

export function isChannelGone(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { statusCode } = error as ConnectorError;
  if (statusCode === 404) return true;
  return statusCode === 403 && GONE_CODES.has(connectorErrorCode(error as ConnectorError) ?? "");
}

export function createTeamsChannelPoster(runtime: TeamsRuntime): ChannelPoster {
  return {
    async post(target: ChannelTarget, reply: MessageReply) {
      if (target.platform !== "teams") throw new Error(`the Teams poster cannot post to ${target.platform}`);
      if (!target.serviceUrl) throw new Error("a Teams channel needs the service URL stored when it was connected");
      const reference: Partial<ConversationReference> = {
        channelId: "msteams",
        serviceUrl: target.serviceUrl,
        conversation: { id: target.channelId, isGroup: true, tenantId: target.workspaceId, conversationType: "channel", name: "" },
        bot: { id: runtime.botAppId ? `28:${runtime.botAppId}` : "ipsbot", name: "ipsbot" },
      };
      let messageId: string | undefined;
      let failure: unknown;
      await runtime.adapter.continueConversationAsync(runtime.botAppId, reference, async (turn) => {
        // The adapter hands errors in this callback to its turn-error handler, not to the caller.
        try {
          const sent = await turn.sendActivities(cardMessages(renderCards(reply)));
          messageId = sent[0]?.id;
        } catch (error) {
          failure = error;
        }
      });
      if (failure !== undefined) {
        if (isChannelGone(failure)) throw new ChannelGoneError(`Teams says the bot can no longer post to ${target.channelId}: ${String((failure as Error).message)}`);
        throw failure;
      }
      if (!messageId) throw new Error("the Bot Connector accepted the post without returning its id");
      return { messageId };
    },
  };
}
