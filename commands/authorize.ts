// Who may do what. Roles are given by people (`/ips admin role`), one per member per
// clinic; installation admins come from configuration and are admins of every clinic of their
// workspace. Every entry point (typed command, button, form) passes through authorize() in
// dispatch.ts before its use case runs, so a refused request writes nothing. Which participant a
// specialist may touch is checked in one place too: requireParticipant (participants/lookup.ts)
// calls mayActOnParticipant below.
import type { ClinicRecord, ClinicRole, ParticipantRecord } from "../storage/store.ts";
import { personOf } from "../storage/records.ts";
import type { CommandContext, RequestContext } from "./context.ts";
import { NotMemberRefusal, refuse } from "./refusal.ts";

export type Permission =
  /** help: everyone who is a member somewhere */
  | "anyone"
  /** enrol onto one's own caseload, the caseload, the Home tab, employer contacts */
  | "caseload"
  /** status, contacts, job starts and ends for a participant (a specialist's own only) */
  | "participant-work"
  /** flag and unflag (a specialist's own participants; the treatment team any) */
  | "flag"
  /** the agenda and the digest preview */
  | "team-view"
  /** transfers, fidelity reviews, posting the digest */
  | "supervise"
  /** connecting a channel to the clinic, its settings, disconnecting */
  | "channels"
  /** members and roles */
  | "members"
  /** creating a clinic: an admin's act, not tied to one clinic */
  | "create-clinic"
  /** reading the clinic's audit log */
  | "audit"
  /** a participant's rights over their data: export and erasure (GDPR articles 15 and 17) */
  | "subject-rights";

/** Permissions not tied to one clinic: their use cases run on the request, before any clinic is chosen. */
export const WORKSPACE_PERMISSIONS = ["anyone", "create-clinic"] as const;
export type WorkspacePermission = (typeof WORKSPACE_PERMISSIONS)[number];
export type ClinicPermission = Exclude<Permission, WorkspacePermission>;

export const isWorkspacePermission = (permission: Permission): permission is WorkspacePermission => (WORKSPACE_PERMISSIONS as readonly Permission[]).includes(permission);

/** What each role may do; the README's role table says the same in words. */
export const ROLE_PERMISSIONS: Readonly<Record<ClinicRole, readonly Permission[]>> = {
  specialist: ["anyone", "caseload", "participant-work", "flag", "team-view"],
  team: ["anyone", "flag", "team-view"],
  supervisor: ["anyone", "caseload", "participant-work", "flag", "team-view", "supervise", "channels", "members", "audit"],
  admin: ["anyone", "channels", "members", "create-clinic", "audit", "subject-rights"],
};

/** Roles a supervisor may give and take away in their own clinic; the others only an admin. */
export const ROLES_A_SUPERVISOR_MANAGES: readonly ClinicRole[] = ["specialist", "team"];

export const rolesGranting = (permission: Permission): ClinicRole[] =>
  (Object.keys(ROLE_PERMISSIONS) as ClinicRole[]).filter((role) => ROLE_PERMISSIONS[role].includes(permission));

/** A permission not tied to a clinic: a stranger is refused whatever they ask. */
export async function authorizeRequest(ctx: RequestContext, permission: WorkspacePermission): Promise<void> {
  if (ctx.isStranger) return refuseStranger(ctx);
  if (permission === "create-clinic") {
    const isAdminSomewhere = ctx.isInstallationAdmin || [...ctx.rolesByClinic.values()].some((roles) => roles.includes("admin"));
    if (!isAdminSomewhere) refuse("error.adminOnly");
  }
}

/** A permission in the clinic the context acts on. */
export async function authorize(ctx: CommandContext, permission: ClinicPermission): Promise<void> {
  if (ctx.isStranger) return refuseStranger(ctx);
  await authorizeFor(ctx, ctx.clinic, permission);
}

/** Refuses unless the member holds the permission in `clinic` (the context's, or one a request names). */
export async function authorizeFor(ctx: RequestContext, clinic: ClinicRecord, permission: Permission): Promise<void> {
  const roles = rolesIn(ctx, clinic);
  if (roles.length === 0) return refuseNonMember(ctx, clinic);
  if (roles.some((role) => ROLE_PERMISSIONS[role].includes(permission))) return;
  refuse("error.roleRequired", { roles: roleNames(ctx, rolesGranting(permission)), clinic: clinic.name });
}

export function rolesIn(ctx: Pick<RequestContext, "rolesByClinic">, clinic: ClinicRecord): readonly ClinicRole[] {
  return ctx.rolesByClinic.get(clinic.id) ?? [];
}

export function holds(ctx: RequestContext, clinic: ClinicRecord, role: ClinicRole): boolean {
  return rolesIn(ctx, clinic).includes(role);
}

/**
 * A specialist works with their own participants; the supervisor with all of the clinic's; the
 * treatment team flags and unflags any. The refusal names no participant.
 */
export function mayActOnParticipant(ctx: CommandContext, participant: ParticipantRecord, purpose: "work" | "flag", field?: string): void {
  const roles = rolesIn(ctx, ctx.clinic);
  if (roles.includes("supervisor")) return;
  if (purpose === "flag" && roles.includes("team")) return;
  if (roles.includes("specialist") && participant.specialistId === ctx.member.id) return;
  refuse(purpose === "flag" ? "error.notYourParticipantToFlag" : "error.notYourParticipant", {}, field);
}

function roleNames(ctx: RequestContext, roles: readonly ClinicRole[]): string {
  return roles.map((role) => ctx.t(`roles.${role}`)).join(ctx.t("list.or"));
}

/** Someone with no role anywhere: who could add them, and nothing else. */
async function refuseStranger(ctx: RequestContext): Promise<never> {
  // In a clinic's channel, that clinic's people; elsewhere, those of every clinic of the workspace.
  const clinics = ctx.clinic ? [ctx.clinic] : await ctx.store.clinics.inWorkspace(ctx);
  throw new NotMemberRefusal("error.notMemberYet", {}, await stewards(ctx, clinics));
}

/** A member of other clinics (or nobody) in a clinic they have no role in, such as its channel. */
async function refuseNonMember(ctx: RequestContext, clinic: ClinicRecord): Promise<never> {
  if (ctx.isStranger) return refuseStranger(ctx);
  throw new NotMemberRefusal("error.notMemberOfClinic", { clinic: clinic.name }, await stewards(ctx, [clinic]));
}

/** The clinics' supervisors and admins, and the installation admins who have used ipsbot in this workspace. */
async function stewards(ctx: RequestContext, clinics: readonly ClinicRecord[]) {
  const named = await ctx.store.memberships.stewardsOf(clinics.map((clinic) => clinic.id));
  const admins = await ctx.store.members.findMany(ctx, [...ctx.installationAdminIds]);
  const people = [...named, ...admins.map(personOf)];
  return people.filter((person, index) => people.findIndex((other) => other.memberId === person.memberId) === index);
}
