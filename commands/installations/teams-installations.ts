// Where ipsbot is installed in Teams (a team, a group chat, a personal scope) and where it no
// longer is: the conversation reference a later post needs, and the removal that stops posts
// there (a bot removed, an app uninstalled, a team or channel deleted). bot/teams reads these
// from Teams' events; storing them, and who did it for the audit log, is decided here.
import type { TeamsConversationReference, TeamsRemovalScope } from "../../storage/teams-installations.ts";
import type { Actor } from "../../storage/store.ts";
import type { RequestContext, RequestIdentity, Services } from "../context.ts";

export type { TeamsConversationReference, TeamsRemovalScope };

/** Who changed the installation: a member like any other Teams user, stored for attribution only. */
async function installerOf(services: Services, identity: RequestIdentity): Promise<Actor> {
  const member = await services.store.members.upsert(identity, services.clock.now());
  return { platform: "teams", workspaceId: identity.workspaceId, memberId: member.id };
}

export async function recordInstallation(services: Services, reference: TeamsConversationReference, installer: RequestIdentity): Promise<void> {
  await services.store.teamsInstallations.recordInstalled(reference, await installerOf(services, installer), services.clock.now());
  services.logger.info("Teams installation recorded", { conversationType: reference.conversationType, team: Boolean(reference.teamId) });
}

export async function recordRemoval(services: Services, scope: TeamsRemovalScope, reason: string, installer: RequestIdentity): Promise<void> {
  const result = await services.store.teamsInstallations.recordRemoved(scope, reason, await installerOf(services, installer), services.clock.now());
  services.logger.info("Teams installation removed", { reason, ...result });
}

/**
 * A channel of a team heard from for the first time is stored with its team, so that removing
 * the team later also stops the clinic channels connected there. A stranger's message stores
 * nothing at all: the channel is recorded by its members.
 */
export async function rememberTeamChannel(ctx: RequestContext, reference: TeamsConversationReference): Promise<void> {
  if (ctx.isStranger || !reference.teamId) return;
  await ctx.store.teamsInstallations.recordSeen(reference, { platform: "teams", workspaceId: ctx.workspaceId, memberId: ctx.member.id }, ctx.clock.now());
}
