// /ips caseload: the caller's participants, with the numbers IPS supervision asks about.
import { clinicToday, type CommandContext } from "../context.ts";
import type { CommandSpec } from "../command-spec.ts";
import { takingNoArguments } from "../parse/arguments.ts";
import { ephemeral, type Block, type MessageReply } from "../reply.ts";
import { daysBetween } from "../rules/calendar-day.ts";
import { CASELOAD_CEILING, isActiveStatus, isOverCaseloadCeiling } from "../rules/caseload.ts";
import { FIRST_CONTACT_DEADLINE_DAYS } from "../rules/employer-contacts.ts";

export async function showCaseload(ctx: CommandContext): Promise<MessageReply> {
  return ephemeral(...(await caseloadBlocks(ctx)));
}

/** The caller's caseload as blocks: shared by /ips caseload and the Home tab. */
export async function caseloadBlocks(ctx: CommandContext): Promise<Block[]> {
  const entries = await ctx.store.participants.caseload(ctx.clinic.id, ctx.member.id);
  if (entries.length === 0) return [{ type: "text", text: ctx.t("caseload.empty") }];
  const today = clinicToday(ctx);
  const active = entries.filter((entry) => isActiveStatus(entry.status));
  const blocks: Block[] = [
    { type: "heading", text: ctx.t("caseload.title", { active: active.length, ceiling: CASELOAD_CEILING }) },
    {
      type: "table",
      columns: ["code", "status", "enrolledDays", "lastContactDays", "flags"].map((column) => ctx.t(`caseload.column.${column}`)),
      rows: entries.map((entry) => [
        entry.code,
        ctx.t(`status.${entry.status}`),
        String(daysBetween(entry.enrolledOn, today)),
        entry.lastContactOn ? String(daysBetween(entry.lastContactOn, today)) : ctx.t("caseload.noContactYet"),
        String(entry.openFlags),
      ]),
    },
  ];
  if (isOverCaseloadCeiling(active.length)) {
    blocks.push({ type: "text", tone: "warning", text: ctx.t("caseload.overCeiling", { active: active.length, ceiling: CASELOAD_CEILING }) });
  }
  const waiting = active.filter(
    (entry) => entry.contactCount === 0 && daysBetween(entry.enrolledOn, today) > FIRST_CONTACT_DEADLINE_DAYS,
  );
  if (waiting.length > 0) {
    blocks.push({ type: "text", tone: "warning", text: ctx.t("caseload.waitingPastDeadline", { codes: waiting.map((entry) => entry.code).join(", ") }) });
  }
  return blocks;
}

export const showCaseloadCommand: CommandSpec = {
  path: ["caseload"],
  key: "caseload",
  permission: "caseload",
  run: takingNoArguments(showCaseload),
};
