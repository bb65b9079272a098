// /ips flag P-017 <reason>: puts a participant on the next weekly team meeting's agenda.
import { z } from "zod";
import { actorOf, type CommandContext } from "../context.ts";
import type { CommandSpec } from "../command-spec.ts";
import { joinWords } from "../parse/options.ts";
import { firstWordAsCode } from "../parse/arguments.ts";
import { requireParticipant } from "../participants/lookup.ts";
import { ephemeral, type MessageReply } from "../reply.ts";
import { refuse } from "../refusal.ts";
import { formatDay } from "../format.ts";
import { freeText, NOTE_MAX_LENGTH, parseInput, participantCode } from "../validation.ts";

/** A flag checked whole (fields named as the form names them): the participant may be flagged and has no open flag. Writes nothing. */
export async function checkFlag(ctx: CommandContext, raw: { participant: string; reason: string }) {
  const input = parseInput(
    z.object({ participant: participantCode, reason: freeText({ max: NOTE_MAX_LENGTH, tooLongKey: "error.reasonTooLong", missingKey: "error.reasonMissing" }) }),
    raw,
  );
  const participant = await requireParticipant(ctx, input.participant, "participant", "flag");
  await refuseIfAlreadyOpen(ctx, participant.id, participant.code);
  return { participant, reason: input.reason ?? "" };
}

export async function flagParticipant(ctx: CommandContext, { participant, reason }: Awaited<ReturnType<typeof checkFlag>>): Promise<MessageReply> {
  const opened = await ctx.store.meetingFlags.open({ clinicId: ctx.clinic.id, participantId: participant.id, reason }, actorOf(ctx), ctx.clock.now());
  // Another request may have flagged them since the check.
  if (opened === "already-open") await refuseIfAlreadyOpen(ctx, participant.id, participant.code);
  return ephemeral({ type: "text", tone: "success", text: ctx.t("flag.added", { code: participant.code }) });
}

async function refuseIfAlreadyOpen(ctx: CommandContext, participantId: number, code: string): Promise<void> {
  const existing = await ctx.store.meetingFlags.openForParticipant(participantId);
  if (existing) refuse("error.flagAlreadyOpen", { code, by: existing.flaggedByName, date: formatDay(ctx, existing.flaggedAt) }, "participant");
}

export const flagParticipantCommand: CommandSpec = {
  path: ["flag"],
  key: "flag",
  permission: "flag",
  async run(ctx, args) {
    return flagParticipant(ctx, await checkFlag(ctx, { participant: firstWordAsCode(args), reason: joinWords(args.slice(1)) }));
  },
};
