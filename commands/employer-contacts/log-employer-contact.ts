// Logging an employer contact: inline (`/ips contact "ICA Maxi" for P-017 type:phone …`) or
// through the form `/ips contact` opens. Both paths build the same raw input and share this.
import { z } from "zod";
import { actorOf, clinicToday, type CommandContext } from "../context.ts";
import { defineForm, type ActionSpec, type CommandSpec } from "../command-spec.ts";
import { HOME_LOG_CONTACT_ACTION_ID } from "../participants/my-week.ts";
import { joinWords } from "../parse/options.ts";
import { splitArguments } from "../parse/arguments.ts";
import type { Token } from "../parse/tokenize.ts";
import { requireParticipant } from "../participants/lookup.ts";
import { ephemeral, type Block, type MessageReply } from "../reply.ts";
import { refuse } from "../refusal.ts";
import { EMPLOYER_NAME_MAX_LENGTH, employerMatchKey, tidyEmployerName } from "../rules/employer-name.ts";
import { daysBetween } from "../rules/calendar-day.ts";
import { CONTACT_TYPES, countInPersonContactsInWeek, FIRST_CONTACT_DEADLINE_DAYS, WEEKLY_IN_PERSON_TARGET } from "../rules/employer-contacts.ts";
import { countsAsEmployerMeeting, daysToFirstEmployerContact, isWithinFirstContactDeadline } from "../rules/first-employer-contact.ts";
import { formatIsoWeek, isoWeekOf } from "../rules/iso-week.ts";
import { normaliseParticipantCode } from "../rules/participant-code.ts";
import { freeText, NOTE_MAX_LENGTH, oneOf, parseInput, participantCode, pastOrToday } from "../validation.ts";
import { contactForm } from "./contact-form.ts";

export interface RawContact {
  employer?: string;
  participant?: string;
  type?: string;
  date?: string;
  note?: string;
}

function contactSchema(today: string) {
  return z.object({
    employer: freeText({ max: EMPLOYER_NAME_MAX_LENGTH, tooLongKey: "error.employerTooLong", missingKey: "error.employerMissing" }),
    participant: participantCode.optional(),
    type: oneOf(CONTACT_TYPES, "error.contactTypeUnknown"),
    date: pastOrToday(today),
    note: freeText({ max: NOTE_MAX_LENGTH, tooLongKey: "error.noteTooLong" }),
  });
}

/** A contact checked whole: every field, and the participant it names. Writes nothing. */
export async function checkEmployerContact(ctx: CommandContext, raw: RawContact) {
  const input = parseInput(contactSchema(clinicToday(ctx)), raw);
  const employer = tidyEmployerName(input.employer ?? "");
  const participant = input.participant ? await requireParticipant(ctx, input.participant, "participant") : undefined;
  if (participant?.status === "closed") refuse("error.participantClosed", { code: participant.code }, "participant");
  if (participant && input.date < participant.enrolledOn) {
    refuse("error.dateBeforeEnrolment", { date: input.date, code: participant.code, enrolledOn: participant.enrolledOn }, "date");
  }
  return { ...input, employer, participant };
}

export type CheckedContact = Awaited<ReturnType<typeof checkEmployerContact>>;

export async function logEmployerContact(ctx: CommandContext, input: CheckedContact, requestKey?: string): Promise<MessageReply> {
  const today = clinicToday(ctx);
  const { employer, participant } = input;
  const stored = await ctx.store.employerContacts.log(
    {
      clinicId: ctx.clinic.id,
      specialistId: ctx.member.id,
      employerName: employer,
      employerKey: employerMatchKey(employer),
      participantId: participant?.id,
      contactType: input.type,
      occurredOn: input.date,
      note: input.note,
      requestKey,
    },
    actorOf(ctx),
    ctx.clock.now(),
  );
  if (!stored) return ephemeral({ type: "text", text: ctx.t("contact.alreadyLogged") });

  const week = isoWeekOf(today);
  const weekContacts = await ctx.store.employerContacts.bySpecialistBetween(ctx.member.id, week.monday, week.sunday);
  const blocks: Block[] = [
    { type: "text", tone: "success", text: ctx.t("contact.logged", { employer, type: ctx.t(`contactType.${input.type}`), date: input.date }) },
    {
      type: "text",
      text: ctx.t("contact.weekCount", { week: formatIsoWeek(week), count: countInPersonContactsInWeek(weekContacts, week), target: WEEKLY_IN_PERSON_TARGET }),
    },
  ];
  if (participant) blocks.push({ type: "text", text: await firstContactNews(ctx, participant, input.type, input.date, today) });
  return ephemeral(...blocks);
}

/** Whether this contact was the participant's first employer contact: their first in-person meeting. */
async function firstContactNews(
  ctx: CommandContext,
  participant: { id: number; code: string; enrolledOn: string },
  contactType: string,
  loggedOn: string,
  today: string,
): Promise<string> {
  const { code, enrolledOn } = participant;
  const contacts = await ctx.store.employerContacts.forParticipant(participant.id);
  const days = daysToFirstEmployerContact(enrolledOn, contacts);
  if (days === undefined) {
    return ctx.t("contact.notYetAMeeting", { code, type: ctx.t(`contactType.${contactType}`), days: daysBetween(enrolledOn, today), deadline: FIRST_CONTACT_DEADLINE_DAYS });
  }
  const meetingsUpToThis = contacts.filter((contact) => countsAsEmployerMeeting(contact.contactType) && contact.occurredOn >= enrolledOn && contact.occurredOn <= loggedOn);
  const isFirst = countsAsEmployerMeeting(contactType) && meetingsUpToThis.length === 1 && daysBetween(enrolledOn, loggedOn) === days;
  if (!isFirst) return ctx.t("contact.laterForParticipant", { code, days });
  return ctx.t(isWithinFirstContactDeadline(days) ? "contact.firstForParticipant" : "contact.firstForParticipantLate", { code, days });
}

/** Splits `<employer> [for P-017] [type:…] [date:…] [note…]` into the raw contact. */
export function parseInlineContact(args: readonly Token[]): RawContact {
  const { options, words } = splitArguments(args, ["type", "date"]);
  const [employer, ...rest] = words;
  let participant: string | undefined;
  // `for` names a participant right after the employer, or anywhere when a code follows it;
  // otherwise it is part of the note ("asked for a trial shift").
  const forIndex = rest.findIndex(
    (word, index) => !word.quoted && word.text.toLowerCase() === "for" && (index === 0 || normaliseParticipantCode(rest[index + 1]?.text ?? "") !== undefined),
  );
  if (forIndex >= 0) {
    participant = rest[forIndex + 1]?.text ?? refuse("error.forWithoutCode");
    rest.splice(forIndex, 2);
  }
  return { employer: employer?.text, participant, type: options.get("type") ?? "in-person", date: options.get("date"), note: joinWords(rest) };
}

export const logEmployerContactCommand: CommandSpec = {
  path: ["contact"],
  key: "contact",
  permission: "participant-work",
  async run(ctx, args) {
    if (args.length === 0) return contactForm(ctx);
    return logEmployerContact(ctx, await checkEmployerContact(ctx, parseInlineContact(args)));
  },
};

export const openContactFormAction: ActionSpec = {
  actionId: HOME_LOG_CONTACT_ACTION_ID,
  permission: "participant-work",
  run: (ctx) => contactForm(ctx),
};

export const employerContactForm = defineForm({
  formId: "employer-contact",
  permission: "participant-work",
  open: async (ctx) => (await contactForm(ctx)).form,
  validate: (ctx, values) =>
    checkEmployerContact(ctx, { employer: values.employer, participant: values.participant || undefined, type: values.type, date: values.date, note: values.note }),
  act: (ctx, contact, requestKey) => logEmployerContact(ctx, contact, requestKey),
});
