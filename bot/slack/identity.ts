// Who is acting, and where, read from the shapes Slack sends (slash command, block_actions,
// view_submission).
import { buildRequestContext, type MentionedPerson, type RequestContext, type Services } from "../../commands/context.ts";

interface SlackUser {
  id: string;
  name?: string;
  username?: string;
}

/** Slack direct-message channel ids start with D. */
const isDirectMessageChannel = (channelId: string | undefined) => channelId?.startsWith("D") ?? false;

export function contextFromCommand(
  services: Services,
  command: { team_id: string; user_id: string; user_name?: string; channel_id?: string },
  mentions: readonly MentionedPerson[] = [],
): Promise<RequestContext> {
  return buildRequestContext(services, {
    mentions,
    platform: "slack",
    workspaceId: command.team_id,
    platformUserId: command.user_id,
    displayName: command.user_name || command.user_id,
    channelId: command.channel_id,
    isDirectMessage: isDirectMessageChannel(command.channel_id),
  });
}

export function contextFromInteraction(
  services: Services,
  body: { team?: { id: string } | null; user: SlackUser },
  channelId: string | undefined,
): Promise<RequestContext> {
  return buildRequestContext(services, {
    platform: "slack",
    workspaceId: body.team?.id ?? "unknown",
    platformUserId: body.user.id,
    displayName: body.user.username || body.user.name || body.user.id,
    channelId,
    isDirectMessage: isDirectMessageChannel(channelId),
  });
}
