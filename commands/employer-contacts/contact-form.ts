// The employer-contact form (a Slack modal, a Teams card): employer, type, participant, date, note.
import { clinicToday, type CommandContext } from "../context.ts";
import type { FormReply } from "../reply.ts";
import { isActiveStatus } from "../rules/caseload.ts";
import { EMPLOYER_NAME_MAX_LENGTH } from "../rules/employer-name.ts";
import { CONTACT_TYPES } from "../rules/employer-contacts.ts";
import { NOTE_MAX_LENGTH } from "../validation.ts";

export async function contactForm(ctx: CommandContext): Promise<FormReply> {
  const caseload = await ctx.store.participants.caseload(ctx.clinic.id, ctx.member.id);
  const participants = caseload.filter((entry) => isActiveStatus(entry.status) || entry.status === "paused");
  return {
    kind: "form",
    form: {
      formId: "employer-contact",
      title: ctx.t("contact.form.title"),
      submitLabel: ctx.t("contact.form.submit"),
      cancelLabel: ctx.t("contact.form.cancel"),
      fields: [
        { kind: "text", id: "employer", label: ctx.t("contact.form.employer"), required: true, maxLength: EMPLOYER_NAME_MAX_LENGTH, placeholder: ctx.t("contact.form.employerPlaceholder") },
        {
          kind: "select",
          id: "type",
          label: ctx.t("contact.form.type"),
          required: true,
          initial: "in-person",
          options: CONTACT_TYPES.map((type) => ({ value: type, label: ctx.t(`contactType.${type}`) })),
        },
        // A select needs options on every platform: with an empty caseload the field is left out.
        ...(participants.length === 0
          ? []
          : [
              {
                kind: "select" as const,
                id: "participant",
                label: ctx.t("contact.form.participant"),
                required: false,
                options: participants.map((entry) => ({ value: entry.code, label: entry.code })),
              },
            ]),
        { kind: "date", id: "date", label: ctx.t("contact.form.date"), required: true, initial: clinicToday(ctx) },
        { kind: "text", id: "note", label: ctx.t("contact.form.note"), required: false, maxLength: NOTE_MAX_LENGTH, multiline: true },
      ],
    },
  };
}
