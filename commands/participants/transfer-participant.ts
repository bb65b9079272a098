// /ips participant transfer P-017 @person — the supervisor moves a participant to another
// specialist's caseload (a specialist leaves, caseloads are evened out).
import { z } from "zod";
import { actorOf, type CommandContext } from "../context.ts";
import type { CommandSpec } from "../command-spec.ts";
import { mentionedMember, takeMention } from "../members/mentioned-person.ts";
import { firstWordAsCode, refuseLeftovers } from "../parse/arguments.ts";
import type { Token } from "../parse/tokenize.ts";
import { ephemeral, type MessageReply } from "../reply.ts";
import { refuse } from "../refusal.ts";
import { parseInput, participantCode } from "../validation.ts";
import { personOf } from "../../storage/records.ts";
import { requireParticipant } from "./lookup.ts";

export async function transferParticipant(ctx: CommandContext, words: readonly Token[]): Promise<MessageReply> {
  const { code } = parseInput(z.object({ code: participantCode }), { code: firstWordAsCode(words) });
  const { mention, rest } = takeMention(ctx, words.slice(1));
  refuseLeftovers(rest);
  const participant = await requireParticipant(ctx, code);
  const target = await mentionedMember(ctx, mention, false);
  const targetRole = target ? await ctx.store.memberships.roleIn(ctx.clinic.id, target.id) : null;
  if (!target || (targetRole !== "specialist" && targetRole !== "supervisor")) {
    return refuse("error.transferTarget", { person: mention.displayName, clinic: ctx.clinic.name });
  }
  if (target.id === participant.specialistId) return refuse("error.transferSame", { code, person: target.displayName });
  await ctx.store.participants.transfer(participant, target.id, actorOf(ctx), ctx.clock.now());
  return ephemeral(
    { type: "text", tone: "success", text: ctx.t("participant.transferred", { code, person: target.displayName }) },
    { type: "people", people: [personOf(target)] },
  );
}

export const transferParticipantCommand: CommandSpec = {
  path: ["participant", "transfer"],
  key: "participant-transfer",
  permission: "supervise",
  run: transferParticipant,
};
