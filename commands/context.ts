// The one context object every command receives. Platform adapters build it from a request
// with buildCommandContext; commands read the actor, clinic, locale and clock from it only.
import type { Catalogue, Translate } from "../prompts/catalogue.ts";
import type { FidelityCatalogue } from "../prompts/fidelity-catalogue.ts";
import { isLocale, type Locale } from "../prompts/locales.ts";
import type { Actor, ClinicRecord, MemberRecord, Store } from "../storage/store.ts";
import type { ChannelPoster } from "./ports.ts";
import { calendarDayIn, type CalendarDay } from "./rules/calendar-day.ts";

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Long-lived services the composition root hands to every adapter. */
export interface Services {
  store: Store;
  catalogue: Catalogue;
  /** The IPS-25 items and their texts, checked at start-up. */
  fidelityItems: FidelityCatalogue;
  clock: Clock;
  logger: Logger;
  defaultLocale: Locale;
  defaultClinic: ClinicRecord;
  /** How to post to a connected channel, per platform; each adapter adds its own when it starts. */
  channelPosters: Partial<Record<Platform, ChannelPoster>>;
}

export type Platform = "slack" | "teams";

/** Who is acting, as the platform identifies them. */
export interface RequestIdentity {
  platform: Platform;
  /** Slack team id or Microsoft Entra tenant id. */
  workspaceId: string;
  platformUserId: string;
  displayName: string;
}

export interface CommandContext {
  platform: Platform;
  workspaceId: string;
  member: MemberRecord;
  clinic: ClinicRecord;
  locale: Locale;
  t: Translate;
  fidelityItems: FidelityCatalogue;
  clock: Clock;
  store: Store;
  logger: Logger;
  channelPosters: Partial<Record<Platform, ChannelPoster>>;
}

export async function buildCommandContext(services: Services, identity: RequestIdentity): Promise<CommandContext> {
  const member = await services.store.members.upsert(identity);
  const clinic = services.defaultClinic;
  const locale = clinic.locale && isLocale(clinic.locale) ? clinic.locale : services.defaultLocale;
  return {
    platform: identity.platform,
    workspaceId: identity.workspaceId,
    member,
    clinic,
    locale,
    t: services.catalogue.translator(locale),
    fidelityItems: services.fidelityItems,
    clock: services.clock,
    store: services.store,
    logger: services.logger,
    channelPosters: services.channelPosters,
  };
}

export function actorOf(ctx: CommandContext): Actor {
  return { platform: ctx.platform, workspaceId: ctx.workspaceId, memberId: ctx.member.id };
}

/** Today in the clinic's time zone. */
export function clinicToday(ctx: CommandContext): CalendarDay {
  return calendarDayIn(ctx.clock.now(), ctx.clinic.timeZone);
}
