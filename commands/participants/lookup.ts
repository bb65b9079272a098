import type { ParticipantRecord } from "../../storage/store.ts";
import type { CommandContext } from "../context.ts";
import { refuse } from "../refusal.ts";
import { mayActOnParticipant } from "../authorize.ts";

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
