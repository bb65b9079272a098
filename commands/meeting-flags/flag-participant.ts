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

export async function flagParticipant(ctx: CommandContext, raw: { code: string; reason: string }): Promise<MessageReply> {
  const input = parseInput(
    z.object({ code: participantCode, reason: freeText({ max: NOTE_MAX_LENGTH, tooLongKey: "error.reasonTooLong", missingKey: "error.reasonMissing" }) }),
    raw,
  );
  const participant = await requireParticipant(ctx, input.code, undefined, "flag");
  const opened = await ctx.store.meetingFlags.open(
    { clinicId: ctx.clinic.id, participantId: participant.id, reason: input.reason ?? "" },
    actorOf(ctx),
    ctx.clock.now(),
  );
  if (opened === "already-open") {
    const existing = await ctx.store.meetingFlags.openForParticipant(participant.id);
    refuse("error.flagAlreadyOpen", { code: input.code, by: existing?.flaggedByName ?? "", date: existing ? formatDay(ctx, existing.flaggedAt) : "" });
  }
  return ephemeral({ type: "text", tone: "success", text: ctx.t("flag.added", { code: input.code }) });
}

export const flagParticipantCommand: CommandSpec = {
  path: ["flag"],
  key: "flag",
  permission: "flag",
  async run(ctx, args) {
    return flagParticipant(ctx, { code: firstWordAsCode(args), reason: joinWords(args.slice(1)) });
  },
};
