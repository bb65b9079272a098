// Who is acting, read from a Teams activity. Users are known by their Microsoft Entra object id
// (`from.aadObjectId`), which is the same in every chat, team and app; the `29:` id Teams also
// sends differs per bot. The tenant plays the part of Slack's workspace.
import type { Activity } from "botbuilder";
import { buildRequestContext, withClinic, type MentionedPerson, type RequestContext, type RequestIdentity, type Services } from "../../commands/context.ts";
import type { Translate } from "../../prompts/catalogue.ts";

/** Without credentials (the local Emulator) activities carry no Entra ids: fall back to these. */
export const EMULATOR_TENANT = "emulator";

export function tenantOf(activity: Partial<Activity>): string | undefined {
  return activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
}

export function identityOf(activity: Partial<Activity>, emulator: boolean): RequestIdentity | undefined {
  const from = activity.from;
  const platformUserId = from?.aadObjectId ?? (emulator ? from?.id : undefined);
  const workspaceId = tenantOf(activity) ?? (emulator ? EMULATOR_TENANT : undefined);
  if (!platformUserId || !workspaceId) return undefined;
  return {
    platform: "teams",
    workspaceId,
    platformUserId,
    displayName: from?.name || platformUserId,
    // A channel's conversation id carries the thread (";messageid=…"): the channel is the part before.
    channelId: activity.conversation?.id?.split(";")[0],
    isDirectMessage: activity.conversation?.conversationType === "personal",
    serviceUrl: activity.serviceUrl,
    platformLocale: activity.locale,
  };
}

export async function contextFromActivity(
  services: Services,
  activity: Partial<Activity>,
  emulator: boolean,
  mentions: readonly MentionedPerson[] = [],
): Promise<RequestContext | undefined> {
  const identity = identityOf(activity, emulator);
  return identity && buildRequestContext(services, { ...identity, mentions });
}

/** Where a private form was asked for: a channel or group chat, not the personal chat it is sent to. */
export const formOrigin = (ctx: RequestContext): string | undefined => (ctx.isDirectMessage ? undefined : ctx.channelId);

/**
 * A form asked for in a clinic channel is filled in in the personal chat (Teams has no private
 * modal), so its submission comes from there. Like Slack, which submits a modal in the channel it
 * was opened from, it acts on that channel's clinic — but only on a clinic the member already
 * belongs to, because the channel id comes back in the card's data from the client.
 */
export async function inClinicWhereOpened(ctx: RequestContext, openedIn: string | undefined): Promise<RequestContext> {
  if (!openedIn || openedIn === ctx.channelId) return ctx;
  const connected = await ctx.store.channels.activeAt({ platform: ctx.platform, workspaceId: ctx.workspaceId, channelId: openedIn });
  if (!connected || !ctx.memberClinics.some((clinic) => clinic.id === connected.clinic.id)) return ctx;
  return withClinic(ctx, connected.clinic);
}

/** The installation's language, for the few answers given before (or without) knowing the sender. */
export function clinicTranslator(services: Services): Translate {
  return services.catalogue.translator(services.defaultLocale);
}
