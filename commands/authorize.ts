// The single place where a command is allowed or refused. Every entry point (typed command,
// button, form) passes through authorize() in dispatch.ts, and use cases that act on another
// clinic than the context's (connecting a channel) call authorizeFor() here too.
import type { ClinicRecord } from "../storage/store.ts";
import { actorOf, type CommandContext } from "./context.ts";
import { refuse } from "./refusal.ts";

/**
 * "member": anyone on the treatment team in a workspace ipsbot serves.
 * "supervisor": the clinic's supervisor (metodstödjare / metodeveileder) or an admin.
 */
export type Permission = "member" | "supervisor";

export async function authorize(ctx: CommandContext, permission: Permission): Promise<void> {
  const isKnownMember = ctx.member.workspaceId === ctx.workspaceId && ctx.member.platform === ctx.platform;
  if (!isKnownMember) refuse("error.notAllowed");
  if (permission === "supervisor") await authorizeStewardship(ctx, ctx.clinic);
}

/** Refuses unless the member holds the permission in `clinic`. */
export async function authorizeFor(ctx: CommandContext, clinic: ClinicRecord, permission: Permission): Promise<void> {
  if (permission === "member") return;
  const role = await ctx.store.memberships.roleIn(clinic.id, ctx.member.id);
  if (role === "supervisor" || role === "admin") return;
  refuse("error.supervisorOnly", { clinic: clinic.name });
}

/**
 * Supervising a clinic: its supervisors may; when it has none yet (a new clinic, or the default
 * clinic on a fresh install), the first member to set it up becomes its supervisor.
 */
export async function authorizeStewardship(ctx: CommandContext, clinic: ClinicRecord): Promise<void> {
  if (!(await ctx.store.memberships.hasSupervisor(clinic.id))) {
    await ctx.store.memberships.setRole(clinic.id, ctx.member.id, "supervisor", actorOf(ctx), ctx.clock.now());
    return;
  }
  await authorizeFor(ctx, clinic, "supervisor");
}
