// Who is acting, read from the shapes Slack sends (slash command, block_actions, view_submission).
import { buildCommandContext, type CommandContext, type Services } from "../../commands/context.ts";

interface SlackUser {
  id: string;
  name?: string;
  username?: string;
}

export function contextFromCommand(services: Services, command: { team_id: string; user_id: string; user_name?: string }): Promise<CommandContext> {
  return buildCommandContext(services, {
    platform: "slack",
    workspaceId: command.team_id,
    platformUserId: command.user_id,
    displayName: command.user_name || command.user_id,
  });
}

export function contextFromInteraction(services: Services, body: { team?: { id: string } | null; user: SlackUser }): Promise<CommandContext> {
  return buildCommandContext(services, {
    platform: "slack",
    workspaceId: body.team?.id ?? "unknown",
    platformUserId: body.user.id,
    displayName: body.user.username || body.user.name || body.user.id,
  });
}
