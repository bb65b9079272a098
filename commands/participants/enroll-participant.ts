// /ips participant add P-017 [since:YYYY-MM-DD]
import { z } from "zod";
import { actorOf, clinicToday, type CommandContext } from "../context.ts";
import type { CommandSpec } from "../command-spec.ts";
import { firstWordAsCode, refuseLeftovers, splitArguments } from "../parse/arguments.ts";
import { ephemeral, type MessageReply } from "../reply.ts";
import { refuse } from "../refusal.ts";
import { addDays } from "../rules/calendar-day.ts";
import { FIRST_CONTACT_DEADLINE_DAYS } from "../rules/employer-contacts.ts";
import { parseInput, participantCode, pastOrToday } from "../validation.ts";

export async function enrollParticipant(ctx: CommandContext, raw: { code: string; since?: string }): Promise<MessageReply> {
  const input = parseInput(z.object({ code: participantCode, since: pastOrToday(clinicToday(ctx)) }), raw);
  const enrolled = await ctx.store.participants.enroll(
    { clinicId: ctx.clinic.id, code: input.code, specialistId: ctx.member.id, enrolledOn: input.since },
    actorOf(ctx),
    ctx.clock.now(),
  );
  if (enrolled === "duplicate") refuse("error.participantDuplicate", { code: input.code, clinic: ctx.clinic.name });
  const deadline = addDays(input.since, FIRST_CONTACT_DEADLINE_DAYS);
  return ephemeral({ type: "text", tone: "success", text: ctx.t("participant.added", { code: input.code, since: input.since, deadline }) });
}

export const enrollParticipantCommand: CommandSpec = {
  path: ["participant", "add"],
  key: "participant-add",
  permission: "caseload",
  async run(ctx, args) {
    const { options, words } = splitArguments(args, ["since"]);
    const code = firstWordAsCode(words);
    refuseLeftovers(words.slice(1));
    return enrollParticipant(ctx, { code, since: options.get("since") });
  },
};
