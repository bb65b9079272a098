// Closing a flag: `/ips unflag P-017 [outcome note]`, or the agenda's Discussed button.
import { z } from "zod";
import { actorOf, inClinicLanguage, type CommandContext } from "../context.ts";
import { defineForm, type ActionSpec, type CommandSpec } from "../command-spec.ts";
import { joinWords } from "../parse/options.ts";
import { firstWordAsCode } from "../parse/arguments.ts";
import { requireParticipant } from "../participants/lookup.ts";
import { ephemeral, type Form, type FormReply, type MessageReply } from "../reply.ts";
import { refuse } from "../refusal.ts";
import { mayActOnParticipant } from "../authorize.ts";
import { freeText, NOTE_MAX_LENGTH, parseInput, participantCode } from "../validation.ts";
import { agendaBlocks, DISCUSSED_ACTION_ID, DISCUSSED_WITH_NOTE_ACTION_ID, type AgendaAudience } from "./show-agenda.ts";

export async function unflagParticipant(ctx: CommandContext, raw: { code: string; note: string }): Promise<MessageReply> {
  const input = parseInput(z.object({ code: participantCode, note: freeText({ max: NOTE_MAX_LENGTH, tooLongKey: "error.noteTooLong" }) }), raw);
  const participant = await requireParticipant(ctx, input.code, undefined, "flag");
  const flag = await ctx.store.meetingFlags.openForParticipant(participant.id);
  if (!flag) return refuse("error.noOpenFlag", { code: input.code });
  const result = await ctx.store.meetingFlags.close(flag.id, ctx.clinic.id, input.note, actorOf(ctx), ctx.clock.now());
  if (result.outcome !== "closed") return refuse("error.noOpenFlag", { code: input.code });
  const text = input.note ? ctx.t("flag.closedWithNote", { code: input.code, note: input.note }) : ctx.t("flag.closed", { code: input.code });
  return ephemeral({ type: "text", tone: "success", text });
}

export const unflagParticipantCommand: CommandSpec = {
  path: ["unflag"],
  key: "unflag",
  permission: "flag",
  async run(ctx, args) {
    return unflagParticipant(ctx, { code: firstWordAsCode(args), note: joinWords(args.slice(1)) });
  },
};

/** "12" (a private agenda) or "12:channel" (the agenda posted in the clinic channel). */
const agendaButtonSchema = z
  .string()
  .regex(/^\d{1,10}(:channel)?$/)
  .transform((value) => ({ flagId: Number.parseInt(value, 10), audience: (value.endsWith(":channel") ? "channel" : "private") as AgendaAudience }));

/** The flag an agenda button (or the outcome form it opened) names, which the person may close. Writes nothing. */
async function checkAgendaFlag(ctx: CommandContext, flagValue: string) {
  const parsed = agendaButtonSchema.safeParse(flagValue);
  if (!parsed.success) return refuse("error.flagUnknown");
  const participant = await ctx.store.meetingFlags.participantOf(parsed.data.flagId, ctx.clinic.id);
  if (!participant) return refuse("error.flagUnknown");
  mayActOnParticipant(ctx, participant, "flag");
  return parsed.data;
}

async function closeFlagFromAgenda(person: CommandContext, { flagId, audience }: Awaited<ReturnType<typeof checkAgendaFlag>>, outcomeNote: string | undefined): Promise<MessageReply> {
  // The agenda in the clinic channel is redrawn in the clinic's language, a private one in the person's.
  const ctx = audience === "channel" ? inClinicLanguage(person) : person;
  const result = await ctx.store.meetingFlags.close(flagId, ctx.clinic.id, outcomeNote, actorOf(ctx), ctx.clock.now());
  if (result.outcome === "unknown") return refuse("error.flagUnknown");
  const note =
    result.outcome === "closed"
      ? ctx.t("agenda.discussedBy", { code: result.participantCode, by: ctx.member.displayName })
      : ctx.t("error.flagAlreadyClosed", { by: result.closedByName });
  return {
    kind: "message",
    visibility: audience === "channel" ? "channel" : "ephemeral",
    replaceOriginal: true,
    blocks: [{ type: "context", text: note }, ...(await agendaBlocks(ctx, audience))],
  };
}

/** The agenda's Discussed button: closes the flag and redraws the agenda in place. */
export const discussFlagAction: ActionSpec = {
  actionId: DISCUSSED_ACTION_ID,
  permission: "flag",
  sameClickSameAnswer: true,
  run: async (ctx, value) => closeFlagFromAgenda(ctx, await checkAgendaFlag(ctx, value), undefined),
};

export const OUTCOME_FORM_ID = "meeting-flag-outcome";

/** "Discussed, with note": asks for the outcome in a form before closing the flag. */
export const discussWithNoteAction: ActionSpec = {
  actionId: DISCUSSED_WITH_NOTE_ACTION_ID,
  permission: "flag",
  async run(ctx, value): Promise<FormReply> {
    if (!agendaButtonSchema.safeParse(value).success) return refuse("error.flagUnknown");
    return { kind: "form", form: outcomeForm(ctx, value) };
  },
};

function outcomeForm(ctx: CommandContext, flagValue: string): Form {
  return {
    formId: OUTCOME_FORM_ID,
    title: ctx.t("agenda.outcomeForm.title"),
    submitLabel: ctx.t("agenda.discussedButton"),
    cancelLabel: ctx.t("contact.form.cancel"),
    hidden: { flagId: flagValue },
    fields: [{ kind: "text", id: "note", label: ctx.t("agenda.outcomeForm.note"), required: false, maxLength: NOTE_MAX_LENGTH, multiline: true }],
  };
}

export const flagOutcomeForm = defineForm({
  formId: OUTCOME_FORM_ID,
  permission: "flag",
  open: async (ctx, hidden) => outcomeForm(ctx, hidden.flagId ?? ""),
  async validate(ctx, values, hidden) {
    const { note } = parseInput(z.object({ note: freeText({ max: NOTE_MAX_LENGTH, tooLongKey: "error.noteTooLong" }) }), { note: values.note });
    return { flag: await checkAgendaFlag(ctx, hidden.flagId ?? ""), note };
  },
  async act(ctx, { flag, note }) {
    const reply = await closeFlagFromAgenda(ctx, flag, note);
    // A form cannot redraw the message it came from: confirm to the person instead.
    return { ...reply, visibility: "ephemeral", replaceOriginal: false };
  },
});
