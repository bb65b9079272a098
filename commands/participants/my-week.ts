// "My week": what a specialist's Home tab shows — caseload, in-person employer contacts this ISO
// week against the target, and the open flags they raised or that concern their participants.
import { clinicToday, type CommandContext } from "../context.ts";
import { formatDay } from "../format.ts";
import type { Block, MessageReply } from "../reply.ts";
import { ephemeral } from "../reply.ts";
import { countInPersonContactsInWeek, WEEKLY_IN_PERSON_TARGET } from "../rules/employer-contacts.ts";
import { formatIsoWeek, isoWeekOf } from "../rules/iso-week.ts";
import { caseloadBlocks } from "./show-caseload.ts";

export const HOME_LOG_CONTACT_ACTION_ID = "home.log-contact";
export const HOME_FLAG_PARTICIPANT_ACTION_ID = "home.flag-participant";

export async function myWeek(ctx: CommandContext): Promise<MessageReply> {
  const week = isoWeekOf(clinicToday(ctx));
  const contacts = await ctx.store.employerContacts.bySpecialistBetween(ctx.member.id, week.monday, week.sunday);
  const flags = (await ctx.store.meetingFlags.listOpen(ctx.clinic.id)).filter(
    (flag) => flag.flaggedById === ctx.member.id || flag.specialistId === ctx.member.id,
  );
  const blocks: Block[] = [
    { type: "heading", text: ctx.t("home.title", { week: formatIsoWeek(week), clinic: ctx.clinic.name }) },
    {
      type: "text",
      text: ctx.t("home.inPersonThisWeek", { count: countInPersonContactsInWeek(contacts, week), target: WEEKLY_IN_PERSON_TARGET }),
    },
    {
      type: "actions",
      buttons: [
        { actionId: HOME_LOG_CONTACT_ACTION_ID, label: ctx.t("home.logContactButton"), value: "home", style: "primary" },
        { actionId: HOME_FLAG_PARTICIPANT_ACTION_ID, label: ctx.t("home.flagButton"), value: "home" },
      ],
    },
    { type: "divider" },
    ...(await caseloadBlocks(ctx)),
    { type: "divider" },
    { type: "heading", text: ctx.t("home.flagsTitle", { count: flags.length }) },
    ...(flags.length === 0
      ? [{ type: "text", text: ctx.t("home.noFlags") } as const]
      : flags.map(
          (flag): Block => ({
            type: "item",
            text: ctx.t("agenda.item", { code: flag.participantCode, reason: flag.reason }),
            detail: ctx.t("agenda.itemMeta", { by: flag.flaggedByName, date: formatDay(ctx, flag.flaggedAt) }),
          }),
        )),
  ];
  return ephemeral(...blocks);
}
