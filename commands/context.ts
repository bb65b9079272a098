// The one context object every command receives. Platform adapters build it from a request
// with buildCommandContext; commands read the actor, clinic, locale and clock from it only.
import type { Catalogue, Translate } from "../prompts/catalogue.ts";
import type { FidelityCatalogue } from "../prompts/fidelity-catalogue.ts";
import { isLocale, type Locale } from "../prompts/locales.ts";
import type { JobTypes } from "../prompts/job-types.ts";
import type { ChannelPoster } from "./ports.ts";
import type { Actor, ClinicRecord, MemberRecord, Store } from "../storage/store.ts";
import { calendarDayIn, type CalendarDay } from "./rules/calendar-day.ts";
import { refuse } from "./refusal.ts";

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
  clock: Clock;
  logger: Logger;
  defaultLocale: Locale;
  /** The clinic a newcomer of a workspace joins, created in that workspace on first use. */
  defaultClinicName: string;
  jobTypes: JobTypes;
  fidelityItems: FidelityCatalogue;
  /** Filled in by the platform adapters that are configured. */
  posters: Partial<Record<Platform, ChannelPoster>>;
  /** Names this process in scheduled-post claims. */
  claimant: string;
}

export type Platform = "slack" | "teams";

/** Who is acting, as the platform identifies them. */
export interface RequestIdentity {
  platform: Platform;
  /** Slack team id or Microsoft Entra tenant id. */
  workspaceId: string;
  platformUserId: string;
  displayName: string;
  /** Where the request was typed; a connected clinic channel decides the clinic. */
  channelId?: string;
  isDirectMessage?: boolean;
  /** Teams: the Bot Connector URL to post back to this conversation later (stored when a channel is connected). */
  serviceUrl?: string;
}

export interface CommandContext {
  platform: Platform;
  workspaceId: string;
  member: MemberRecord;
  /** The clinic the request acts on. Reading it refuses ("which clinic?") when that is ambiguous. */
  clinic: ClinicRecord;
  /** Clinics the member belongs to (for `clinic:` and the "which clinic?" answer). */
  memberClinics: ClinicRecord[];
  /** True when nothing in the request said which of several clinics is meant. */
  clinicAmbiguous: boolean;
  channelId: string | undefined;
  isDirectMessage: boolean;
  serviceUrl: string | undefined;
  locale: Locale;
  t: Translate;
  clock: Clock;
  store: Store;
  logger: Logger;
  catalogue: Catalogue;
  defaultLocale: Locale;
  jobTypes: JobTypes;
  fidelityItems: FidelityCatalogue;
  posters: Services["posters"];
  claimant: string;
}

export async function buildCommandContext(services: Services, identity: RequestIdentity): Promise<CommandContext> {
  const { store } = services;
  const member = await store.members.upsert(identity);
  const connected = identity.channelId
    ? await store.channels.activeAt({ platform: identity.platform, workspaceId: identity.workspaceId, channelId: identity.channelId })
    : null;
  if (connected) await store.memberships.ensure(connected.clinic.id, member.id);
  let memberClinics = (await store.memberships.ofMember(member)).map((membership) => membership.clinic);
  if (!connected && memberClinics.length === 0) {
    // A newcomer typing outside a clinic channel joins their own workspace's default clinic.
    const defaultClinic = await store.clinics.ensure(identity, services.defaultClinicName);
    await store.memberships.ensure(defaultClinic.id, member.id);
    memberClinics = (await store.memberships.ofMember(member)).map((membership) => membership.clinic);
  }
  const clinic = connected?.clinic ?? (memberClinics.length === 1 ? memberClinics[0] : undefined);
  return withClinic(
    {
      platform: identity.platform,
      workspaceId: identity.workspaceId,
      member,
      memberClinics,
      channelId: identity.channelId,
      isDirectMessage: identity.isDirectMessage ?? false,
      serviceUrl: identity.serviceUrl,
      clock: services.clock,
      store,
      logger: services.logger,
      catalogue: services.catalogue,
      defaultLocale: services.defaultLocale,
      jobTypes: services.jobTypes,
      fidelityItems: services.fidelityItems,
      posters: services.posters,
      claimant: services.claimant,
    },
    clinic,
  );
}

type ContextBase = Omit<CommandContext, "clinic" | "locale" | "t" | "clinicAmbiguous">;

/** The context acting on `clinic`; without one, reading ctx.clinic asks which clinic is meant. */
export function withClinic(base: ContextBase | CommandContext, clinic: ClinicRecord | undefined): CommandContext {
  const locale = clinicLocale(clinic, base.defaultLocale);
  // Copy property by property: spreading would read (and trip) an ambiguous `clinic` getter.
  const fields = Object.getOwnPropertyDescriptors(base) as PropertyDescriptorMap;
  delete fields.clinic;
  const ctx = Object.defineProperties({}, fields) as CommandContext;
  ctx.locale = locale;
  ctx.t = base.catalogue.translator(locale);
  ctx.clinicAmbiguous = clinic === undefined;
  if (clinic) return { ...ctx, clinic };
  return Object.defineProperty(ctx, "clinic", {
    enumerable: true,
    get: () => refuse("error.whichClinic", { clinics: base.memberClinics.map((candidate) => candidate.name).join(", ") }),
  });
}

/** The clinic's own language when it has one, else the workspace default. */
export function clinicLocale(clinic: ClinicRecord | undefined, fallback: Locale): Locale {
  return clinic?.locale && isLocale(clinic.locale) ? clinic.locale : fallback;
}

export function actorOf(ctx: CommandContext): Actor {
  return { platform: ctx.platform, workspaceId: ctx.workspaceId, memberId: ctx.member.id };
}

/** Today in the clinic's time zone. */
export function clinicToday(ctx: CommandContext): CalendarDay {
  return calendarDayIn(ctx.clock.now(), ctx.clinic.timeZone);
}
