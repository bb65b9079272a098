// Translates Teams' installation events into installation records: the conversation reference
// to post to later, and the removal (with its reason) that stops posting there.
import type { Activity } from "botbuilder";
import type { RequestContext, RequestIdentity } from "../../commands/context.ts";
import { rememberTeamChannel, type TeamsConversationReference, type TeamsRemovalScope } from "../../commands/installations/teams-installations.ts";
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

/** Who changed the installation, as Teams names them (attribution only: without an Entra id, the per-bot id is better than nobody). */
export const installerIdentityOf = (activity: Partial<Activity>): RequestIdentity | undefined => identityOf(activity, true);

/** Records a team's channel the first time this process hears from it (commands/installations). */
export async function rememberConversation(runtime: TeamsRuntime, activity: Partial<Activity>, ctx: RequestContext): Promise<void> {
  const reference = conversationReferenceOf(activity);
  if (!reference) return;
  const key = `${reference.tenantId}|${reference.conversationId}`;
  if (runtime.knownConversations.has(key)) return;
  await rememberTeamChannel(ctx, reference);
  if (!ctx.isStranger) runtime.knownConversations.add(key);
}
