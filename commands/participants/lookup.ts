import type { ParticipantRecord } from "../../storage/store.ts";
import type { CommandContext } from "../context.ts";
import { refuse } from "../refusal.ts";
import { mayActOnParticipant } from "../authorize.ts";
import { normaliseParticipantCode } from "../rules/participant-code.ts";

/**
 * The clinic's participant with this (already normalised) code, or a refusal that says how to
 * enrol; refused too when the person may not work with (or flag) this participant.
 */
export async function requireParticipant(ctx: CommandContext, code: string, field?: string, purpose: "work" | "flag" = "work"): Promise<ParticipantRecord> {
  const participant = await ctx.store.participants.findByCode(ctx.clinic.id, code);
  if (!participant) return refuse("error.participantUnknown", { code, clinic: ctx.clinic.name }, field);
  mayActOnParticipant(ctx, participant, purpose, field);
  return participant;
}

/**
 * The clinic's participant a typed code names, whoever their specialist: for the commands that
 * answer for the whole clinic (the audit log, a participant's export and erasure), which are
 * authorised by their own permission, not by caseload.
 */
export async function participantNamed(ctx: CommandContext, typed: string): Promise<ParticipantRecord> {
  const code = normaliseParticipantCode(typed) ?? refuse("error.participantCodeMalformed", { input: typed });
  const participant = await ctx.store.participants.findByCode(ctx.clinic.id, code);
  return participant ?? refuse("error.participantUnknown", { code, clinic: ctx.clinic.name });
}
