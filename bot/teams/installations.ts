// Translates Teams' installation events into installation records: the conversation reference
// to post to later, and the removal (with its reason) that stops posting there.
import type { Activity } from "botbuilder";
import type { CommandContext } from "../../commands/context.ts";
import type { Actor } from "../../storage/store.ts";
import type { TeamsConversationReference, TeamsRemovalScope } from "../../storage/teams-installations.ts";
import { identityOf, tenantOf } from "./identity.ts";
import type { TeamsRuntime } from "./teams-runtime.ts";

interface TeamsChannelData {
  team?: { id?: string };
  channel?: { id?: string };
  eventType?: string;
}

export const channelDataOf = (activity: Partial<Activity>): TeamsChannelData => (activity.channelData ?? {}) as TeamsChannelData;

/** A reply thread in a channel is `<channel id>;messageid=<post>`: the channel is the part before. */
export function baseConversationId(conversationId: string): string {
  return conversationId.split(";")[0]!;
}

export function conversationReferenceOf(activity: Partial<Activity>): TeamsConversationReference | undefined {
  const tenantId = tenantOf(activity);
  const conversationId = activity.conversation?.id;
  if (!tenantId || !conversationId || !activity.serviceUrl) return undefined;
  return {
    tenantId,
    conversationId: baseConversationId(conversationId),
    conversationType: activity.conversation?.conversationType ?? (activity.conversation?.isGroup ? "groupChat" : "personal"),
    teamId: channelDataOf(activity).team?.id ?? null,
    serviceUrl: activity.serviceUrl,
  };
}

/** The scope a removal event concerns: the whole team when it names one, else the conversation. */
export function removalScopeOf(activity: Partial<Activity>): TeamsRemovalScope | undefined {
  const reference = conversationReferenceOf(activity);
  if (!reference) return undefined;
  return reference.teamId ? { tenantId: reference.tenantId, teamId: reference.teamId } : { tenantId: reference.tenantId, conversationId: reference.conversationId };
}

/** Who changed the installation, for the audit log (a Member like any other Teams user). */
export async function installerOf(runtime: TeamsRuntime, activity: Partial<Activity>): Promise<Actor | undefined> {
  // Attribution only: when Teams sends no Entra id, the per-bot id is better than nobody.
  const identity = identityOf(activity, true);
  if (!identity) return undefined;
  const member = await runtime.services.store.members.upsert(identity);
  return { platform: "teams", workspaceId: identity.workspaceId, memberId: member.id };
}

/**
 * Stores a channel the bot hears from for the first time, with its team, so that removing the
 * team later also stops the clinic channels connected there.
 */
export async function rememberConversation(runtime: TeamsRuntime, activity: Partial<Activity>, ctx: CommandContext): Promise<void> {
  // A stranger's message stores nothing at all (issue 20); the channel is recorded by its members.
  if (ctx.isStranger) return;
  const reference = conversationReferenceOf(activity);
  if (!reference?.teamId) return;
  const key = `${reference.tenantId}|${reference.conversationId}`;
  if (runtime.knownConversations.has(key)) return;
  await runtime.services.store.teamsInstallations.recordSeen(reference, { platform: "teams", workspaceId: ctx.workspaceId, memberId: ctx.member.id }, ctx.clock.now());
  runtime.knownConversations.add(key);
}
