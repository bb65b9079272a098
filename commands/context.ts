// The one context object every command receives. Platform adapters build it from a request
// with buildCommandContext; commands read the actor, clinic, locale and clock from it only.
import type { Catalogue, Translate } from "../prompts/catalogue.ts";
import type { FidelityCatalogue } from "../prompts/fidelity-catalogue.ts";
import { chosenPlatformLocale, isLocale, type Locale } from "../prompts/locales.ts";
import type { JobTypes } from "../prompts/job-types.ts";
import type { ChannelPoster, Metrics } from "./ports.ts";
import type { Actor, ClinicRecord, ClinicRole, MemberRecord, Store } from "../storage/store.ts";
import { calendarDayIn, type CalendarDay } from "./rules/calendar-day.ts";
import { Refusal } from "./refusal.ts";

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** The id of the request being handled, when the logger knows it: the apology shows it. */
  requestId?(): string | undefined;
}

/** Long-lived services the composition root hands to every adapter. */
export interface Services {
  store: Store;
  catalogue: Catalogue;
  clock: Clock;
  logger: Logger;
  defaultLocale: Locale;
  /** Platform user ids of the installation admins (configuration): admins of every clinic of their workspace. */
  installationAdmins: Readonly<Record<Platform, ReadonlySet<string>>>;
  jobTypes: JobTypes;
  fidelityItems: FidelityCatalogue;
  /** Filled in by the platform adapters that are configured. */
  posters: Partial<Record<Platform, ChannelPoster>>;
  /** Names this process in scheduled-post claims. */
  claimant: string;
  /** Days after closing a participant before their free text is erased (RETENTION_DAYS). */
  retentionDays: number;
  /** Counts requests, scheduled posts and retries for /metrics. */
  metrics: Metrics;
}

export type Platform = "slack" | "teams";

/** Someone @-mentioned in typed text: the platform adapter replaces the mention markup with `text`. */
export interface MentionedPerson {
  /** How the mention reads in the command text, e.g. "@olle.nurse" or "@Olle Nurse". */
  text: string;
  displayName: string;
  /** The person's platform user id (Slack user id, Entra object id); Teams may have to ask its roster. */
  platformUserId(): Promise<string | undefined>;
}

/** Who is acting, as the platform identifies them. */
export interface RequestIdentity {
  /** People @-mentioned in the typed text, in order. */
  mentions?: readonly MentionedPerson[];
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
  /** The person's language as the platform says it (Slack's users.info locale, the Teams activity's locale). */
  platformLocale?: string;
}

/**
 * A request as it arrives: who acts and where. `clinic` is the clinic the request itself decides
 * (a connected clinic channel, the member's only clinic), or undefined; a use case that acts on a
 * clinic gets a CommandContext, after the explicit choice (chooseClinic).
 */
export interface RequestContext {
  platform: Platform;
  workspaceId: string;
  /** Who is acting. For a stranger (no role anywhere) nothing is stored: the record has id 0. */
  member: MemberRecord;
  /** No role in any clinic and not an installation admin: every request gets "not a member yet". */
  isStranger: boolean;
  isInstallationAdmin: boolean;
  /** The member's roles per clinic of their workspace (an installation admin's include "admin" everywhere). */
  rolesByClinic: ReadonlyMap<number, readonly ClinicRole[]>;
  /** The installation admins' platform user ids on this platform, to name them to a stranger. */
  installationAdminIds: ReadonlySet<string>;
  /** The name the platform gives the member now; stored once a request is allowed. */
  displayName: string;
  /** People @-mentioned in the typed text (admin role, transfer). */
  mentions: readonly MentionedPerson[];
  /** The clinic the request decides, if it does. */
  clinic: ClinicRecord | undefined;
  /** Clinics the member belongs to (for `clinic:` and the "which clinic?" answer). */
  memberClinics: ClinicRecord[];
  channelId: string | undefined;
  isDirectMessage: boolean;
  serviceUrl: string | undefined;
  /** The person's language as their platform says it, if known. */
  platformLocale: string | undefined;
  /** The language answers to this person are in (readerLocale); channel posts use the clinic's (inClinicLanguage). */
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
  metrics: Metrics;
}

/** A request acting on one clinic. */
export interface CommandContext extends RequestContext {
  clinic: ClinicRecord;
}

export type ClinicChoice = { ok: true; ctx: CommandContext } | { ok: false; refusal: Refusal };

/**
 * The clinic a request acts on, chosen explicitly: the one the request decides, or a refusal
 * that says how to name one ("which clinic?", or that there is none yet).
 */
export function chooseClinic(request: RequestContext): ClinicChoice {
  if (request.clinic) return { ok: true, ctx: withClinic(request, request.clinic) };
  if (request.memberClinics.length === 0) return { ok: false, refusal: new Refusal("error.noClinicYet") };
  return { ok: false, refusal: new Refusal("error.whichClinic", { clinics: request.memberClinics.map((candidate) => candidate.name).join(", ") }) };
}

/**
 * Reads who is acting and where, and writes nothing: no member, membership or clinic is created by
 * typing. Only an installation admin's first request stores their member record.
 */
export async function buildRequestContext(services: Services, identity: RequestIdentity): Promise<RequestContext> {
  const { store } = services;
  const installationAdminIds = services.installationAdmins[identity.platform];
  const isInstallationAdmin = installationAdminIds.has(identity.platform === "teams" ? identity.platformUserId.toLowerCase() : identity.platformUserId);
  const known = await store.members.find(identity);
  const member = known ?? (isInstallationAdmin ? await store.members.upsert(identity, services.clock.now()) : unsavedMember(identity));
  const rolesByClinic = new Map<number, ClinicRole[]>();
  const clinicsById = new Map<number, ClinicRecord>();
  const memberships = known ? await store.memberships.ofMember(member) : [];
  for (const { clinic, role } of memberships) {
    rolesByClinic.set(clinic.id, [role]);
    clinicsById.set(clinic.id, clinic);
  }
  if (isInstallationAdmin) {
    for (const clinic of await store.clinics.inWorkspace(identity)) {
      rolesByClinic.set(clinic.id, [...(rolesByClinic.get(clinic.id) ?? []).filter((role) => role !== "admin"), "admin"]);
      clinicsById.set(clinic.id, clinic);
    }
  }
  const memberClinics = [...clinicsById.values()].sort((a, b) => a.id - b.id);
  const connected = identity.channelId
    ? await store.channels.activeAt({ platform: identity.platform, workspaceId: identity.workspaceId, channelId: identity.channelId })
    : null;
  // A connected channel decides the clinic, member of it or not (authorize() then refuses a non-member).
  const clinic = connected?.clinic ?? (memberClinics.length === 1 ? memberClinics[0] : undefined);
  return inClinic(
    {
      platform: identity.platform,
      workspaceId: identity.workspaceId,
      member,
      isStranger: memberClinics.length === 0 && !isInstallationAdmin,
      isInstallationAdmin,
      rolesByClinic,
      installationAdminIds,
      displayName: identity.displayName,
      mentions: identity.mentions ?? [],
      memberClinics,
      channelId: identity.channelId,
      isDirectMessage: identity.isDirectMessage ?? false,
      serviceUrl: identity.serviceUrl,
      platformLocale: identity.platformLocale,
      clock: services.clock,
      store,
      logger: services.logger,
      catalogue: services.catalogue,
      defaultLocale: services.defaultLocale,
      jobTypes: services.jobTypes,
      fidelityItems: services.fidelityItems,
      posters: services.posters,
      claimant: services.claimant,
      metrics: services.metrics,
    },
    clinic,
  );
}

/** The installation's language and log, for an answer given before the person's context is known. */
export function installationVoice(services: Services): Pick<CommandContext, "logger" | "t"> {
  return { logger: services.logger, t: services.catalogue.translator(services.defaultLocale) };
}

/** The same context acting through another store (one bound to a delivery-key transaction). */
export function withStore<Context extends RequestContext>(ctx: Context, store: Store): Context {
  return { ...ctx, store };
}

/** Keeps the member's name as the platform says it now; called once a request is allowed. */
export async function rememberDisplayName(ctx: RequestContext): Promise<void> {
  if (ctx.member.id === 0 || ctx.member.displayName === ctx.displayName) return;
  ctx.member = await ctx.store.members.upsert({ platform: ctx.platform, workspaceId: ctx.workspaceId, platformUserId: ctx.member.platformUserId, displayName: ctx.displayName }, ctx.clock.now());
}

/** The acting person before they are stored: strangers are answered without writing anything. */
function unsavedMember(identity: RequestIdentity): MemberRecord {
  return { id: 0, platform: identity.platform, workspaceId: identity.workspaceId, platformUserId: identity.platformUserId, displayName: identity.displayName, locale: null };
}

type ContextBase = Omit<RequestContext, "clinic" | "locale" | "t">;

/** The request as it acts on `clinic` (or on none yet), in the person's language. */
function inClinic(base: ContextBase, clinic: ClinicRecord | undefined): RequestContext {
  const locale = readerLocale(base.member.locale, base.platformLocale, clinicLocale(clinic, base.defaultLocale));
  return { ...base, clinic, locale, t: base.catalogue.translator(locale) };
}

/**
 * The language ipsbot answers a person in: their own choice (`ips language`), else their Slack or
 * Teams language when it is Swedish or Norwegian (chosenPlatformLocale), else their clinic's (or the
 * installation's).
 */
function readerLocale(chosen: string | null, platformTag: string | undefined, clinicLanguage: Locale): Locale {
  if (chosen && isLocale(chosen)) return chosen;
  return chosenPlatformLocale(platformTag) ?? clinicLanguage;
}

/** The same request by the member as now stored (a new language choice): it speaks their language at once. */
export function withMember(ctx: RequestContext, member: MemberRecord): RequestContext {
  return inClinic({ ...ctx, member }, ctx.clinic);
}

/** The context speaking the clinic's language, for what is posted in its channel, where everyone reads the same. */
export function inClinicLanguage<Context extends RequestContext>(ctx: Context): Context {
  const locale = clinicLocale(ctx.clinic, ctx.defaultLocale);
  return locale === ctx.locale ? ctx : { ...ctx, locale, t: ctx.catalogue.translator(locale) };
}

/** The context acting on `clinic`, in its language. */
export function withClinic(base: RequestContext, clinic: ClinicRecord): CommandContext {
  return inClinic(base, clinic) as CommandContext;
}

/** The clinic's own language when it has one, else the workspace default. */
export function clinicLocale(clinic: ClinicRecord | undefined, fallback: Locale): Locale {
  return clinic?.locale && isLocale(clinic.locale) ? clinic.locale : fallback;
}

export function actorOf(ctx: RequestContext): Actor {
  return { platform: ctx.platform, workspaceId: ctx.workspaceId, memberId: ctx.member.id, platformUserId: ctx.member.platformUserId };
}

/** Today in the clinic's time zone. */
export function clinicToday(ctx: CommandContext): CalendarDay {
  return calendarDayIn(ctx.clock.now(), ctx.clinic.timeZone);
}
