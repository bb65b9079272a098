// /ips agenda: the open flags, each with a Discussed button (handled by discussFlagAction).
import type { CommandContext } from "../context.ts";
import type { CommandSpec } from "../command-spec.ts";
import { formatDay } from "../format.ts";
import { refuseLeftovers } from "../parse/arguments.ts";
import { ephemeral, type Block, type MessageReply } from "../reply.ts";

export const DISCUSSED_ACTION_ID = "meeting-flag.discussed";

export async function agendaBlocks(ctx: CommandContext): Promise<Block[]> {
  const flags = await ctx.store.meetingFlags.listOpen(ctx.clinic.id);
  if (flags.length === 0) return [{ type: "text", text: ctx.t("agenda.empty") }];
  return [
    { type: "heading", text: ctx.t("agenda.title", { count: flags.length }) },
    ...flags.map(
      (flag): Block => ({
        type: "item",
        text: ctx.t("agenda.item", { code: flag.participantCode, reason: flag.reason }),
        detail: ctx.t("agenda.itemMeta", { by: flag.flaggedByName, date: formatDay(ctx, flag.flaggedAt) }),
        button: { actionId: DISCUSSED_ACTION_ID, label: ctx.t("agenda.discussedButton"), value: String(flag.id), style: "primary" },
      }),
    ),
  ];
}

export async function showAgenda(ctx: CommandContext): Promise<MessageReply> {
  return ephemeral(...(await agendaBlocks(ctx)));
}

export const showAgendaCommand: CommandSpec = {
  path: ["agenda"],
  key: "agenda",
  async run(ctx, args) {
    refuseLeftovers(args);
    return showAgenda(ctx);
  },
};
