// `/ips admin erase P-017`: a participant's request to be forgotten (GDPR article 17). A button
// confirms; then every note, reason and outcome note about them is removed and their code becomes
// a tombstone (`erased-000123`), so the clinic's figures stay as they were. What the bot already
// posted in chat is outside its database: the answer lists those posts for the admin to remove.
import { z } from "zod";
import type { ActionSpec, CommandSpec } from "../command-spec.ts";
import { actorOf, type CommandContext } from "../context.ts";
import { code } from "../neutral-text.ts";
import type { Token } from "../parse/tokenize.ts";
import { ephemeral, type Block, type MessageReply } from "../reply.ts";
import { refuse } from "../refusal.ts";
import { calendarDayIn } from "../rules/calendar-day.ts";
import type { ErasureResult } from "../../storage/store.ts";
import { namedParticipant } from "./export-participant.ts";

export const ERASE_ACTION_ID = "participant.erase";
export const ERASE_CANCEL_ACTION_ID = "participant.erase-cancel";

/** "clinic:participant": the clinic and participant a confirmation button is for. */
const buttonSchema = z
  .string()
  .regex(/^\d{1,10}:\d{1,10}$/)
  .transform((value) => {
    const [clinicId, participantId] = value.split(":").map(Number);
    return { clinicId: clinicId!, participantId: participantId! };
  });

async function askToConfirm(ctx: CommandContext, args: readonly Token[]): Promise<MessageReply> {
  const participant = await namedParticipant(ctx, args);
  const value = `${ctx.clinic.id}:${participant.id}`;
  return ephemeral(
    { type: "text", tone: "warning", text: ctx.t("erase.confirm", { code: code(participant.code), clinic: ctx.clinic.name }) },
    {
      type: "actions",
      buttons: [
        { actionId: ERASE_ACTION_ID, label: ctx.t("erase.button", { code: participant.code }), value, style: "danger" },
        { actionId: ERASE_CANCEL_ACTION_ID, label: ctx.t("erase.cancelButton"), value },
      ],
    },
  );
}

/** What the admin reads after an erasure, and where to remove the bot's posts by hand. */
export function erasureReply(ctx: CommandContext, result: ErasureResult): MessageReply {
  if (result.outcome === "unknown") return refuse("erase.gone");
  if (result.outcome === "already-erased") return { ...ephemeral({ type: "text", text: ctx.t("erase.already", { tombstone: code(result.tombstone) }) }), replaceOriginal: true };
  const blocks: Block[] = [
    { type: "text", tone: "success", text: ctx.t("erase.done", { code: code(result.code), tombstone: code(result.tombstone), texts: result.texts }) },
  ];
  if (result.posts.length === 0) blocks.push({ type: "context", text: ctx.t("erase.noPosts") });
  else {
    blocks.push({ type: "text", text: ctx.t("erase.posts", { code: code(result.code) }) });
    blocks.push({
      type: "table",
      columns: [ctx.t("erase.column.channel"), ctx.t("erase.column.kind"), ctx.t("erase.column.date")],
      rows: result.posts.map((post) => [post.channelId, ctx.t(`erase.postKind.${post.kind}`), calendarDayIn(post.postedAt, ctx.clinic.timeZone)]),
    });
  }
  return { ...ephemeral(...blocks), replaceOriginal: true };
}

export const eraseParticipantCommand: CommandSpec = {
  path: ["admin", "erase"],
  key: "admin-erase",
  permission: "subject-rights",
  run: askToConfirm,
};

const clinicOfButton = async (_store: unknown, value: string) => buttonSchema.safeParse(value).data?.clinicId ?? null;

export const confirmEraseAction: ActionSpec = {
  actionId: ERASE_ACTION_ID,
  permission: "subject-rights",
  // Its answer names the erased code: not kept as a stored first answer. A second press finds the
  // participant erased and says so.
  answerHoldsPersonalData: true,
  clinicOf: clinicOfButton,
  async run(ctx, value) {
    const parsed = buttonSchema.safeParse(value);
    if (!parsed.success || parsed.data.clinicId !== ctx.clinic.id) return refuse("erase.gone");
    return erasureReply(ctx, await ctx.store.participantErasures.erase(ctx.clinic.id, parsed.data.participantId, actorOf(ctx), ctx.clock.now(), "request"));
  },
};

export const cancelEraseAction: ActionSpec = {
  actionId: ERASE_CANCEL_ACTION_ID,
  permission: "subject-rights",
  clinicOf: clinicOfButton,
  run: async (ctx) => ({ ...ephemeral({ type: "context", text: ctx.t("erase.cancelled") }), replaceOriginal: true }),
};
