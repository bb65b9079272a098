// Who is acting, read from a Teams activity. Users are known by their Microsoft Entra object id
// (`from.aadObjectId`), which is the same in every chat, team and app; the `29:` id Teams also
// sends differs per bot. The tenant plays the part of Slack's workspace.
import type { Activity } from "botbuilder";
import { buildCommandContext, type CommandContext, type RequestIdentity, type Services } from "../../commands/context.ts";
import type { Translate } from "../../prompts/catalogue.ts";
import { isLocale } from "../../prompts/locales.ts";

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
  };
}

export async function contextFromActivity(services: Services, activity: Partial<Activity>, emulator: boolean): Promise<CommandContext | undefined> {
  const identity = identityOf(activity, emulator);
  return identity && buildCommandContext(services, identity);
}

/** The clinic's language, for the few answers given before (or without) knowing the sender. */
export function clinicTranslator(services: Services): Translate {
  const locale = services.defaultClinic.locale;
  return services.catalogue.translator(locale && isLocale(locale) ? locale : services.defaultLocale);
}
