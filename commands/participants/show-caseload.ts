// /ips caseload: the caller's participants, with the numbers IPS supervision asks about.
import { clinicToday, type CommandContext } from "../context.ts";
import type { CommandSpec } from "../command-spec.ts";
import { takingNoArguments } from "../parse/arguments.ts";
import { ephemeral, type Block, type MessageReply } from "../reply.ts";
import { daysBetween } from "../rules/calendar-day.ts";
import { CASELOAD_CEILING, isActiveStatus, isOverCaseloadCeiling } from "../rules/caseload.ts";
import { daysToFirstEmployerContact, firstEmployerContactOn, isWaitingPastFirstContactDeadline } from "../rules/first-employer-contact.ts";

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
      columns: ["code", "status", "enrolledDays", "firstMeetingDay", "lastContactDays", "flags"].map((column) => ctx.t(`caseload.column.${column}`)),
      rows: entries.map((entry) => {
        const met = daysToFirstEmployerContact(entry.enrolledOn, entry.contacts, today);
        const last = entry.contacts[0]?.occurredOn;
        return [
          entry.code,
          ctx.t(`status.${entry.status}`),
          String(daysBetween(entry.enrolledOn, today)),
          met === undefined ? ctx.t("caseload.noContactYet") : String(met),
          last === undefined ? ctx.t("caseload.noContactYet") : String(daysBetween(last, today)),
          String(entry.openFlags),
        ];
      }),
    },
  ];
  if (isOverCaseloadCeiling(active.length)) {
    blocks.push({ type: "text", tone: "warning", text: ctx.t("caseload.overCeiling", { active: active.length, ceiling: CASELOAD_CEILING }) });
  }
  const waiting = active.filter((entry) =>
    isWaitingPastFirstContactDeadline(entry.status, entry.enrolledOn, firstEmployerContactOn(entry.enrolledOn, entry.contacts, today), today),
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
