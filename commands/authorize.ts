// The single place where a command is allowed or refused. Every entry point (typed command,
// button, form) passes through authorize() in dispatch.ts; role checks are added here.
import type { CommandContext } from "./context.ts";
import { refuse } from "./refusal.ts";

/** Who may do a thing. "member": anyone on the treatment team in a workspace ipsbot serves. */
export type Permission = "member";

export function authorize(ctx: CommandContext, permission: Permission): void {
  const isKnownMember = ctx.member.workspaceId === ctx.workspaceId && ctx.member.platform === ctx.platform;
  if (permission === "member" && isKnownMember) return;
  refuse("error.notAllowed");
}
