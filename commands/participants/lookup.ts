import type { ParticipantRecord } from "../../storage/store.ts";
import type { CommandContext } from "../context.ts";
import { refuse } from "../refusal.ts";

/** The clinic's participant with this (already normalised) code, or a refusal that says how to enrol. */
export async function requireParticipant(ctx: CommandContext, code: string, field?: string): Promise<ParticipantRecord> {
  const participant = await ctx.store.participants.findByCode(ctx.clinic.id, code);
  return participant ?? refuse("error.participantUnknown", { code, clinic: ctx.clinic.name }, field);
}
