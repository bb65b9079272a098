// `/ips admin export P-017`: everything ipsbot stores about a participant, as a JSON file in the
// admin's direct messages, to answer the participant's access request (GDPR article 15). The
// export is an audit event; the file goes to the admin only, never to a channel.
import type { CommandSpec } from "../command-spec.ts";
import { actorOf, clinicToday, type CommandContext } from "../context.ts";
import { code } from "../neutral-text.ts";
import { firstWordAsCode, refuseLeftovers } from "../parse/arguments.ts";
import type { Token } from "../parse/tokenize.ts";
import { ephemeral, type MessageReply } from "../reply.ts";
import { refuse } from "../refusal.ts";
import { participantNamed } from "../participants/lookup.ts";

/** The participant a data-subject command names, by code, in the clinic acted on. */
export async function namedParticipant(ctx: CommandContext, args: readonly Token[]) {
  refuseLeftovers(args.slice(1));
  return participantNamed(ctx, firstWordAsCode(args));
}

export async function exportParticipant(ctx: CommandContext, args: readonly Token[]): Promise<MessageReply> {
  const participant = await namedParticipant(ctx, args);
  const data = await ctx.store.participantExports.export(ctx.clinic.id, participant.id, actorOf(ctx), ctx.clock.now());
  if (!data) return refuse("error.participantUnknown", { code: participant.code, clinic: ctx.clinic.name });
  const name = `ipsbot-${participant.code}-${clinicToday(ctx)}.json`;
  const exported = { exportedAt: ctx.clock.now().toISOString(), clinic: ctx.clinic.name, ...data };
  return {
    ...ephemeral({ type: "text", tone: "success", text: ctx.t("export.sent", { code: code(participant.code), name }) }, { type: "context", text: ctx.t("export.handle") }),
    direct: {
      blocks: [{ type: "text", text: ctx.t("export.title", { code: code(participant.code), clinic: ctx.clinic.name }) }],
      file: { name, title: ctx.t("export.fileTitle", { code: participant.code }), mediaType: "application/json", content: `${JSON.stringify(exported, null, 2)}\n` },
    },
  };
}

export const exportParticipantCommand: CommandSpec = {
  path: ["admin", "export"],
  key: "admin-export",
  permission: "subject-rights",
  answerHoldsPersonalData: true,
  run: exportParticipant,
};
