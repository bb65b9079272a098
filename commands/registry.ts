// The one command registry. Parsing, the help text, the Slack manifest and the Teams command
// list (manifest.json) are all derived from it, so they cannot drift apart.
import type { ActionSpec, CommandSpec, FormSpec } from "./command-spec.ts";
import type { CommandContext } from "./context.ts";
import { employerContactForm, logEmployerContactCommand, openContactFormAction } from "./employer-contacts/log-employer-contact.ts";
import { meetingFlagForm, openFlagFormAction } from "./meeting-flags/flag-form.ts";
import { discussFlagAction, discussWithNoteAction, flagOutcomeForm, unflagParticipantCommand } from "./meeting-flags/close-flag.ts";
import { flagParticipantCommand } from "./meeting-flags/flag-participant.ts";
import { showAgendaCommand } from "./meeting-flags/show-agenda.ts";
import { channelSettingsCommand, connectChannelCommand, disconnectChannelCommand } from "./clinic-channels/channel-commands.ts";
import { clinicSettingsForm } from "./clinic-channels/settings-form.ts";
import { postDigestCommand, previewDigestCommand } from "./digest/digest-commands.ts";
import { endJobCommand } from "./job-starts/end-job.ts";
import { startJobCommand } from "./job-starts/start-job.ts";
import { changeParticipantStatusCommand } from "./participants/change-status.ts";
import { enrollParticipantCommand } from "./participants/enroll-participant.ts";
import { showCaseloadCommand } from "./participants/show-caseload.ts";
import { transferParticipantCommand } from "./participants/transfer-participant.ts";
import { giveRoleCommand, listMembersCommand, removeMemberCommand } from "./members/admin-commands.ts";
import { chooseLanguageCommand } from "./members/choose-language.ts";
import { moreAuditAction, showAuditCommand } from "./audit/show-audit.ts";
import { exportParticipantCommand } from "./subject-rights/export-participant.ts";
import { cancelEraseAction, confirmEraseAction, eraseParticipantCommand } from "./subject-rights/erase-participant.ts";
import { commandReference } from "./neutral-text.ts";
import { ephemeral, type Block, type MessageReply } from "./reply.ts";
import { answerItemAction, backAction, scoreSkippedAction } from "./fidelity/answer-item.ts";
import { exportReviewsCommand } from "./fidelity/export-reviews.ts";
import { noteAction, noteFormSpec } from "./fidelity/item-note.ts";
import { postSummaryAction } from "./fidelity/post-summary.ts";
import { reviewHistoryCommand } from "./fidelity/review-history.ts";
import { cancelReviewCommand, resumeReviewCommand } from "./fidelity/resume-review.ts";
import { resumeReviewAction, startReviewCommand } from "./fidelity/start-review.ts";

/** The slash command (Slack) and message prefix (Teams). */
export const COMMAND_WORD = "ips";

export const helpCommand: CommandSpec = {
  path: ["help"],
  key: "help",
  permission: "anyone",
  async run(ctx) {
    return helpReply(ctx);
  },
};

export const commandRegistry: readonly CommandSpec[] = [
  helpCommand,
  enrollParticipantCommand,
  changeParticipantStatusCommand,
  transferParticipantCommand,
  showCaseloadCommand,
  logEmployerContactCommand,
  flagParticipantCommand,
  showAgendaCommand,
  unflagParticipantCommand,
  startJobCommand,
  endJobCommand,
  connectChannelCommand,
  channelSettingsCommand,
  disconnectChannelCommand,
  previewDigestCommand,
  postDigestCommand,
  startReviewCommand,
  resumeReviewCommand,
  cancelReviewCommand,
  reviewHistoryCommand,
  exportReviewsCommand,
  giveRoleCommand,
  removeMemberCommand,
  listMembersCommand,
  chooseLanguageCommand,
  showAuditCommand,
  exportParticipantCommand,
  eraseParticipantCommand,
];

export const actionRegistry: readonly ActionSpec[] = [
  discussFlagAction,
  discussWithNoteAction,
  openContactFormAction,
  openFlagFormAction,
  answerItemAction,
  backAction,
  noteAction,
  scoreSkippedAction,
  resumeReviewAction,
  postSummaryAction,
  moreAuditAction,
  confirmEraseAction,
  cancelEraseAction,
];

export const formRegistry: readonly FormSpec[] = [employerContactForm, meetingFlagForm, clinicSettingsForm, flagOutcomeForm, noteFormSpec];

export function commandName(spec: CommandSpec): string {
  return spec.path.join(" ");
}

export function helpReply(ctx: Pick<CommandContext, "t">): MessageReply {
  const blocks: Block[] = [
    { type: "heading", text: ctx.t("help.title") },
    { type: "text", text: ctx.t("help.intro") },
    ...commandRegistry.map(
      (spec): Block => ({
        type: "item",
        text: `${commandReference(ctx.t(`command.${spec.key}.usage`))} ${ctx.t(`command.${spec.key}.purpose`)}`,
        detail: `${ctx.t("help.exampleLabel")}: ${ctx.t(`command.${spec.key}.example`)}`,
      }),
    ),
  ];
  return ephemeral(...blocks);
}
