// The "flag a participant" form (from the Home tab): participant and reason.
import type { ParticipantRecord } from "../../storage/store.ts";
import { mayActOnParticipant } from "../authorize.ts";
import type { CommandContext } from "../context.ts";
import { defineForm, type ActionSpec } from "../command-spec.ts";
import { HOME_FLAG_PARTICIPANT_ACTION_ID } from "../participants/my-week.ts";
import type { FormReply } from "../reply.ts";
import { NOTE_MAX_LENGTH } from "../validation.ts";
import { checkFlag, flagParticipant } from "./flag-participant.ts";

export async function flagForm(ctx: CommandContext): Promise<FormReply> {
  const participants = (await ctx.store.participants.listOpen(ctx.clinic.id)).filter((participant) => mayFlag(ctx, participant)).slice(0, 100);
  return {
    kind: "form",
    form: {
      formId: "meeting-flag",
      title: ctx.t("flag.form.title"),
      submitLabel: ctx.t("flag.form.submit"),
      cancelLabel: ctx.t("contact.form.cancel"),
      fields: [
        {
          kind: "select",
          id: "participant",
          label: ctx.t("flag.form.participant"),
          required: true,
          options: participants.map((participant) => ({ value: participant.code, label: participant.code })),
        },
        { kind: "text", id: "reason", label: ctx.t("flag.form.reason"), required: true, maxLength: NOTE_MAX_LENGTH, multiline: true },
      ],
    },
  };
}

/** The form offers only the participants the person may flag. */
function mayFlag(ctx: CommandContext, participant: ParticipantRecord): boolean {
  try {
    mayActOnParticipant(ctx, participant, "flag");
    return true;
  } catch {
    return false;
  }
}

export const openFlagFormAction: ActionSpec = {
  actionId: HOME_FLAG_PARTICIPANT_ACTION_ID,
  permission: "flag",
  run: (ctx) => flagForm(ctx),
};

export const meetingFlagForm = defineForm({
  formId: "meeting-flag",
  permission: "flag",
  open: async (ctx) => (await flagForm(ctx)).form,
  validate: (ctx, values) => checkFlag(ctx, { participant: values.participant ?? "", reason: values.reason ?? "" }),
  act: (ctx, flag) => flagParticipant(ctx, flag),
});
