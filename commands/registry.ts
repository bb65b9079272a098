// The one command registry. Parsing, the help text, the Slack manifest and the Teams command
// list (manifest.json) are all derived from it, so they cannot drift apart.
import type { ActionSpec, CommandSpec, FormSpec } from "./command-spec.ts";
import type { CommandContext } from "./context.ts";
import { employerContactForm, logEmployerContactCommand } from "./employer-contacts/log-employer-contact.ts";
import { discussFlagAction, unflagParticipantCommand } from "./meeting-flags/close-flag.ts";
import { flagParticipantCommand } from "./meeting-flags/flag-participant.ts";
import { showAgendaCommand } from "./meeting-flags/show-agenda.ts";
import { changeParticipantStatusCommand } from "./participants/change-status.ts";
import { enrollParticipantCommand } from "./participants/enroll-participant.ts";
import { showCaseloadCommand } from "./participants/show-caseload.ts";
import { ephemeral, type Block, type MessageReply } from "./reply.ts";

/** The slash command (Slack) and message prefix (Teams). */
export const COMMAND_WORD = "ips";

export const helpCommand: CommandSpec = {
  path: ["help"],
  key: "help",
  async run(ctx) {
    return helpReply(ctx);
  },
};

export const commandRegistry: readonly CommandSpec[] = [
  helpCommand,
  enrollParticipantCommand,
  changeParticipantStatusCommand,
  showCaseloadCommand,
  logEmployerContactCommand,
  flagParticipantCommand,
  showAgendaCommand,
  unflagParticipantCommand,
];

export const actionRegistry: readonly ActionSpec[] = [discussFlagAction];

export const formRegistry: readonly FormSpec[] = [employerContactForm];

export function commandName(spec: CommandSpec): string {
  return spec.path.join(" ");
}

export function helpReply(ctx: CommandContext): MessageReply {
  const blocks: Block[] = [
    { type: "heading", text: ctx.t("help.title") },
    { type: "text", text: ctx.t("help.intro") },
    ...commandRegistry.map(
      (spec): Block => ({
        type: "item",
        text: `\`/${COMMAND_WORD} ${ctx.t(`command.${spec.key}.usage`)}\` ${ctx.t(`command.${spec.key}.purpose`)}`,
        detail: `${ctx.t("help.exampleLabel")}: \`${ctx.t(`command.${spec.key}.example`)}\``,
      }),
    ),
  ];
  return ephemeral(...blocks);
}
