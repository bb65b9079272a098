// /ips agenda: the open flags, each with a Discussed button (handled by discussFlagAction), and
// a "with note" button that asks for the meeting's outcome first.
import type { CommandContext } from "../context.ts";
import type { CommandSpec } from "../command-spec.ts";
import { formatDay } from "../format.ts";
import { refuseLeftovers } from "../parse/arguments.ts";
import { ephemeral, type Block, type MessageReply } from "../reply.ts";

export const DISCUSSED_ACTION_ID = "meeting-flag.discussed";
export const DISCUSSED_WITH_NOTE_ACTION_ID = "meeting-flag.discussed-with-note";

/** What drawing the agenda needs: the scheduler draws it for a clinic without a person acting. */
export type AgendaView = Pick<CommandContext, "t" | "store" | "clinic">;

export async function agendaBlocks(view: AgendaView, headingFor = (count: number) => view.t("agenda.title", { count })): Promise<Block[]> {
  const flags = await view.store.meetingFlags.listOpen(view.clinic.id);
  if (flags.length === 0) return [{ type: "text", text: view.t("agenda.empty") }];
  return [
    { type: "heading", text: headingFor(flags.length) },
    ...flags.map(
      (flag): Block => ({
        type: "item",
        text: view.t("agenda.item", { code: flag.participantCode, reason: flag.reason }),
        detail: view.t("agenda.itemMeta", { by: flag.flaggedByName, date: formatDay(view, flag.flaggedAt) }),
        button: { actionId: DISCUSSED_ACTION_ID, label: view.t("agenda.discussedButton"), value: String(flag.id), style: "primary" },
        extraButtons: [{ actionId: DISCUSSED_WITH_NOTE_ACTION_ID, label: view.t("agenda.discussedWithNoteButton"), value: String(flag.id) }],
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
