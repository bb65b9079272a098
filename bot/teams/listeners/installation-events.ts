// The bot added to or removed from a team, group chat or personal scope; a team or channel
// deleted. Teams sends these as conversationUpdate (membersAdded/membersRemoved naming the bot,
// or an eventType) and as installationUpdate (action add/remove).
import type { Application } from "@microsoft/teams-ai";
import type { Activity, TurnContext } from "botbuilder";
import { recordInstallation, recordRemoval, type TeamsRemovalScope } from "../../../commands/installations/teams-installations.ts";
import { channelDataOf, conversationReferenceOf, installerIdentityOf, removalScopeOf } from "../installations.ts";
import { tenantOf } from "../identity.ts";
import type { TeamsRuntime } from "../teams-runtime.ts";

export const REMOVAL_REASONS = {
  botRemoved: "bot-removed",
  appUninstalled: "app-uninstalled",
  teamDeleted: "team-deleted",
  channelDeleted: "channel-deleted",
} as const;

const namesBot = (activity: Activity, members: { id: string }[] | undefined) => (members ?? []).some((member) => member.id === activity.recipient?.id);

export function registerInstallationEvents(app: Application, runtime: TeamsRuntime): void {
  const { services } = runtime;

  async function installed(turn: TurnContext): Promise<void> {
    const reference = conversationReferenceOf(turn.activity);
    const installer = installerIdentityOf(turn.activity);
    if (!reference || !installer) return services.logger.warn("ignored a Teams installation without tenant or sender", { type: turn.activity.type });
    await recordInstallation(services, reference, installer);
    runtime.knownConversations.add(`${reference.tenantId}|${reference.conversationId}`);
  }

  async function removed(turn: TurnContext, scope: TeamsRemovalScope | undefined, reason: string): Promise<void> {
    const installer = installerIdentityOf(turn.activity);
    if (!scope || !installer) return services.logger.warn("ignored a Teams removal without tenant or sender", { reason });
    await recordRemoval(services, scope, reason, installer);
  }

  app.conversationUpdate("teamDeleted", (turn) => removed(turn, removalScopeOf(turn.activity), REMOVAL_REASONS.teamDeleted));
  app.conversationUpdate("teamHardDeleted", (turn) => removed(turn, removalScopeOf(turn.activity), REMOVAL_REASONS.teamDeleted));
  app.conversationUpdate("channelDeleted", async (turn) => {
    const tenantId = tenantOf(turn.activity);
    const channelId = channelDataOf(turn.activity).channel?.id;
    await removed(turn, tenantId && channelId ? { tenantId, conversationId: channelId } : undefined, REMOVAL_REASONS.channelDeleted);
  });
  app.conversationUpdate("membersAdded", async (turn) => {
    if (namesBot(turn.activity, turn.activity.membersAdded)) await installed(turn);
  });
  app.conversationUpdate("membersRemoved", async (turn) => {
    if (namesBot(turn.activity, turn.activity.membersRemoved)) await removed(turn, removalScopeOf(turn.activity), REMOVAL_REASONS.botRemoved);
  });
  app.activity("installationUpdate", async (turn) => {
    const action = (turn.activity as Activity & { action?: string }).action;
    if (action === "add") await installed(turn);
    if (action === "remove") await removed(turn, removalScopeOf(turn.activity), REMOVAL_REASONS.appUninstalled);
  });
}
