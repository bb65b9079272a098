// `/ips admin role @person <role>`, `/ips admin remove @person`, `/ips admin members`: people give
// roles. A supervisor gives and takes away the specialist and team roles in their own
// clinic; only an admin gives or changes the supervisor and admin roles.
import { ROLES_A_SUPERVISOR_MANAGES, holds, ROLE_PERMISSIONS } from "../authorize.ts";
import { actorOf, type CommandContext } from "../context.ts";
import type { CommandSpec } from "../command-spec.ts";
import { refuseLeftovers, takingNoArguments } from "../parse/arguments.ts";
import type { Token } from "../parse/tokenize.ts";
import { ephemeral, type Block, type MessageReply } from "../reply.ts";
import { refuse } from "../refusal.ts";
import { CLINIC_ROLES, personOf, type ClinicRole, type MemberRecord } from "../../storage/records.ts";
import { mentionedMember, takeMention } from "./mentioned-person.ts";

function isClinicRole(word: string): word is ClinicRole {
  return (CLINIC_ROLES as readonly string[]).includes(word);
}

/** Refuses a supervisor who would give, take or change a role only an admin manages. */
function mayManage(ctx: CommandContext, roles: readonly (ClinicRole | null)[]): void {
  if (holds(ctx, ctx.clinic, "admin")) return;
  const beyondSupervisor = roles.some((role) => role !== null && !ROLES_A_SUPERVISOR_MANAGES.includes(role));
  if (beyondSupervisor) refuse("error.onlyAdminManagesRole", { clinic: ctx.clinic.name });
}

/** A specialist's participants need a specialist or supervisor: move them before the role goes. */
async function refuseOrphanedCaseload(ctx: CommandContext, member: MemberRecord, newRole: ClinicRole | null): Promise<void> {
  if (newRole && ROLE_PERMISSIONS[newRole].includes("caseload")) return;
  const open = (await ctx.store.participants.listOpen(ctx.clinic.id)).filter((participant) => participant.specialistId === member.id);
  if (open.length > 0) refuse("error.caseloadFirst", { person: member.displayName, count: open.length, clinic: ctx.clinic.name });
}

function done(ctx: CommandContext, text: string, member: MemberRecord): MessageReply {
  return ephemeral({ type: "text", tone: "success", text }, { type: "people", people: [personOf(member)] });
}

export async function giveRole(ctx: CommandContext, words: readonly Token[]): Promise<MessageReply> {
  const { mention, rest } = takeMention(ctx, words);
  const roleWord = rest[0]?.text.toLowerCase() ?? "";
  if (!isClinicRole(roleWord)) return refuse("error.roleUnknown", { input: rest[0]?.text ?? "", choices: CLINIC_ROLES.join(", ") });
  refuseLeftovers(rest.slice(1));
  const existing = await mentionedMember(ctx, mention, false);
  const current = existing ? await ctx.store.memberships.roleIn(ctx.clinic.id, existing.id) : null;
  mayManage(ctx, [roleWord, current]);
  if (existing) await refuseOrphanedCaseload(ctx, existing, roleWord);
  const member = existing ?? (await mentionedMember(ctx, mention, true))!;
  const outcome = await ctx.store.memberships.setRole(ctx.clinic.id, member.id, roleWord, actorOf(ctx), ctx.clock.now());
  const key = outcome === "unchanged" ? "admin.roleUnchanged" : "admin.roleSet";
  return done(ctx, ctx.t(key, { person: member.displayName, role: ctx.t(`role.${roleWord}`), clinic: ctx.clinic.name }), member);
}

export async function removeMember(ctx: CommandContext, words: readonly Token[]): Promise<MessageReply> {
  const { mention, rest } = takeMention(ctx, words);
  refuseLeftovers(rest);
  const member = await mentionedMember(ctx, mention, false);
  const current = member ? await ctx.store.memberships.roleIn(ctx.clinic.id, member.id) : null;
  if (!member || !current) return refuse("error.notAMemberToRemove", { person: mention.displayName, clinic: ctx.clinic.name });
  mayManage(ctx, [current]);
  await refuseOrphanedCaseload(ctx, member, null);
  await ctx.store.memberships.remove(ctx.clinic.id, member.id, actorOf(ctx), ctx.clock.now());
  return done(ctx, ctx.t("admin.removed", { person: member.displayName, clinic: ctx.clinic.name }), member);
}

export async function listMembers(ctx: CommandContext): Promise<MessageReply> {
  const members = await ctx.store.memberships.ofClinic(ctx.clinic.id);
  const blocks: Block[] = [{ type: "heading", text: ctx.t("admin.members.title", { clinic: ctx.clinic.name, count: members.length }) }];
  for (const role of ["admin", "supervisor", "specialist", "team"] as const) {
    const people = members.filter((member) => member.role === role);
    if (people.length === 0) continue;
    blocks.push({ type: "context", text: ctx.t(`roles.${role}`) }, { type: "people", people });
  }
  const installationAdmins = await ctx.store.members.findMany(ctx, [...ctx.installationAdminIds]);
  if (installationAdmins.length > 0) blocks.push({ type: "context", text: ctx.t("admin.members.installationAdmins") }, { type: "people", people: installationAdmins.map(personOf) });
  if (members.length === 0) blocks.push({ type: "text", text: ctx.t("admin.members.none") });
  return ephemeral(...blocks);
}

export const giveRoleCommand: CommandSpec = { path: ["admin", "role"], key: "admin-role", permission: "members", run: giveRole };
export const removeMemberCommand: CommandSpec = { path: ["admin", "remove"], key: "admin-remove", permission: "members", run: removeMember };
export const listMembersCommand: CommandSpec = { path: ["admin", "members"], key: "admin-members", permission: "members", run: takingNoArguments(listMembers) };
