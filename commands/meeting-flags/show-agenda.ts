// /ips agenda: the open flags, each with a Discussed button (handled by discussFlagAction), and
// a "with note" button that asks for the meeting's outcome first.
import type { CommandContext } from "../context.ts";
import type { CommandSpec } from "../command-spec.ts";
import { formatDay } from "../format.ts";
import { takingNoArguments } from "../parse/arguments.ts";
import { code } from "../neutral-text.ts";
import { ephemeral, type Block, type MessageReply } from "../reply.ts";

export const DISCUSSED_ACTION_ID = "meeting-flag.discussed";
export const DISCUSSED_WITH_NOTE_ACTION_ID = "meeting-flag.discussed-with-note";

/** What drawing the agenda needs: the scheduler draws it for a clinic without a person acting. */
export type AgendaView = Pick<CommandContext, "t" | "store" | "clinic">;

/**
 * Where the agenda is shown. "private": to one person, with the reasons. "channel": posted in the
 * clinic channel, where only codes may appear (reasons are free text about a participant).
 */
export type AgendaAudience = "private" | "channel";

/** Buttons carry the flag id and the audience, so a click redraws the same kind of agenda. */
export function agendaButtonValue(flagId: number, audience: AgendaAudience): string {
  return audience === "channel" ? `${flagId}:channel` : String(flagId);
}

export async function agendaBlocks(
  view: AgendaView,
  audience: AgendaAudience = "private",
  headingFor = (count: number) => view.t("agenda.title", { count }),
): Promise<Block[]> {
  const flags = await view.store.meetingFlags.listOpen(view.clinic.id);
  if (flags.length === 0) return [{ type: "text", text: view.t("agenda.empty") }];
  return [
    { type: "heading", text: headingFor(flags.length) },
    ...flags.map(
      (flag): Block => ({
        type: "item",
        text: audience === "channel" ? code(flag.participantCode) : view.t("agenda.item", { code: flag.participantCode, reason: flag.reason }),
        detail: view.t("agenda.itemMeta", { by: flag.flaggedByName, date: formatDay(view, flag.flaggedAt) }),
        button: { actionId: DISCUSSED_ACTION_ID, label: view.t("agenda.discussedButton"), value: agendaButtonValue(flag.id, audience), style: "primary" },
        extraButtons: [{ actionId: DISCUSSED_WITH_NOTE_ACTION_ID, label: view.t("agenda.discussedWithNoteButton"), value: agendaButtonValue(flag.id, audience) }],
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
  permission: "team-view",
  run: takingNoArguments(showAgenda),
};
