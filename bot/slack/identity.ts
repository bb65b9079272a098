// Who is acting, and where, read from the shapes Slack sends (slash command, block_actions,
// view_submission).
import type { AllMiddlewareArgs } from "@slack/bolt";
import { buildRequestContext, type MentionedPerson, type RequestContext, type Services } from "../../commands/context.ts";
import { slackUserLocale } from "./user-locale.ts";

type WebClient = AllMiddlewareArgs["client"];

interface SlackUser {
  id: string;
  name?: string;
  username?: string;
}

/** Slack direct-message channel ids start with D. */
const isDirectMessageChannel = (channelId: string | undefined) => channelId?.startsWith("D") ?? false;

export async function contextFromCommand(
  services: Services,
  client: WebClient,
  command: { team_id: string; user_id: string; user_name?: string; channel_id?: string },
  mentions: readonly MentionedPerson[] = [],
): Promise<RequestContext> {
  return buildRequestContext(services, {
    platformLocale: await slackUserLocale(client, command.team_id, command.user_id),
    mentions,
    platform: "slack",
    workspaceId: command.team_id,
    platformUserId: command.user_id,
    displayName: command.user_name || command.user_id,
    channelId: command.channel_id,
    isDirectMessage: isDirectMessageChannel(command.channel_id),
  });
}

export async function contextFromInteraction(
  services: Services,
  client: WebClient,
  body: { team?: { id: string } | null; user: SlackUser },
  channelId: string | undefined,
): Promise<RequestContext> {
  return buildRequestContext(services, {
    platformLocale: await slackUserLocale(client, body.team?.id ?? "unknown", body.user.id),
    platform: "slack",
    workspaceId: body.team?.id ?? "unknown",
    platformUserId: body.user.id,
    displayName: body.user.username || body.user.name || body.user.id,
    channelId,
    isDirectMessage: isDirectMessageChannel(channelId),
  });
}
