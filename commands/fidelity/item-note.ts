// "Add note" on an item card opens a form for a note on that item; the form names review and
// item in hidden values, which come back untrusted and are checked like a button value.
import { z } from "zod";
import { actorOf, type CommandContext } from "../context.ts";
import { defineForm, type ActionSpec } from "../command-spec.ts";
import { ephemeral, type FormReply } from "../reply.ts";
import { freeText, NOTE_MAX_LENGTH, parseInput } from "../validation.ts";
import { clinicOfReviewValue, itemValue, parseItemValue } from "./action-values.ts";
import { answerFor } from "./conversation.ts";
import { NOTE_ACTION_ID } from "./item-card.ts";
import { changedReview, refuseClosed, requireReview } from "./review-access.ts";
import { itemName } from "./summary.ts";

export const NOTE_FORM_ID = "fidelity-note";

export async function noteForm(ctx: CommandContext, value: string): Promise<FormReply> {
  const { reviewId, item } = parseItemValue(ctx, value);
  const review = await requireReview(ctx, reviewId);
  if (review.status !== "open") refuseClosed(ctx, review);
  const existing = answerFor(review, item.key)?.note;
  return {
    kind: "form",
    form: {
      formId: NOTE_FORM_ID,
      title: ctx.t("fidelity.note.title", { number: item.number }),
      submitLabel: ctx.t("fidelity.note.submit"),
      cancelLabel: ctx.t("fidelity.note.cancel"),
      fields: [
        {
          kind: "text",
          id: "note",
          label: ctx.t("fidelity.note.label", { name: itemName(ctx, item.key) }),
          required: false,
          maxLength: NOTE_MAX_LENGTH,
          multiline: true,
          ...(existing ? { initial: existing } : {}),
        },
      ],
      hidden: { target: itemValue(review.id, item.key) },
    },
  };
}

const noteSchema = z.object({ note: freeText({ max: NOTE_MAX_LENGTH, tooLongKey: "error.noteTooLong" }) });

export const noteAction: ActionSpec = { actionId: NOTE_ACTION_ID, permission: "supervise", clinicOf: clinicOfReviewValue, run: noteForm };

export const noteFormSpec = defineForm({
  formId: NOTE_FORM_ID,
  permission: "supervise",
  clinicOf: (store, hidden) => clinicOfReviewValue(store, hidden.target ?? ""),
  open: async (ctx, hidden) => (await noteForm(ctx, hidden.target ?? "")).form,
  async validate(ctx, values, hidden) {
    const { note } = parseInput(noteSchema, { note: values.note });
    const { reviewId, item } = parseItemValue(ctx, hidden.target ?? "");
    return { reviewId, item, note };
  },
  async act(ctx, { reviewId, item, note }) {
    changedReview(ctx, await ctx.store.fidelityReviews.note(reviewId, ctx.clinic.id, item.key, note ?? null, actorOf(ctx), ctx.clock.now()));
    const key = note ? "fidelity.note.saved" : "fidelity.note.removed";
    return ephemeral({ type: "text", tone: "success", text: ctx.t(key, { number: item.number, name: itemName(ctx, item.key) }) });
  },
});
