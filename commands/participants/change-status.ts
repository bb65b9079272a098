// /ips participant status P-017 <status> [date:YYYY-MM-DD] [note]
import { z } from "zod";
import { actorOf, clinicToday, type CommandContext } from "../context.ts";
import type { CommandSpec } from "../command-spec.ts";
import { joinWords } from "../parse/options.ts";
import { firstWordAsCode, splitArguments } from "../parse/arguments.ts";
import { ephemeral, type MessageReply } from "../reply.ts";
import { refuse } from "../refusal.ts";
import { PARTICIPANT_STATUSES } from "../rules/caseload.ts";
import { freeText, NOTE_MAX_LENGTH, oneOf, parseInput, participantCode, pastOrToday } from "../validation.ts";
import { jobKindBehindStatus } from "../rules/working.ts";
import { requireParticipant } from "./lookup.ts";

export async function changeParticipantStatus(
  ctx: CommandContext,
  raw: { code: string; status?: string; date?: string; note?: string },
): Promise<MessageReply> {
  const input = parseInput(
    z.object({
      code: participantCode,
      status: oneOf(PARTICIPANT_STATUSES, "error.statusUnknown", "error.statusMissing"),
      date: pastOrToday(clinicToday(ctx)),
      note: freeText({ max: NOTE_MAX_LENGTH, tooLongKey: "error.noteTooLong" }),
    }),
    raw,
  );
  const participant = await requireParticipant(ctx, input.code);
  if (participant.status === input.status) {
    refuse("error.statusUnchanged", { code: input.code, status: ctx.t(`status.${input.status}`) });
  }
  if (input.date < participant.enrolledOn) {
    refuse("error.dateBeforeEnrolment", { date: input.date, code: input.code, enrolledOn: participant.enrolledOn });
  }
  await refuseStatusTheJobsContradict(ctx, participant, input.status);
  await ctx.store.participants.changeStatus(participant, { status: input.status, effectiveOn: input.date, note: input.note }, actorOf(ctx), ctx.clock.now());
  return ephemeral({
    type: "text",
    tone: "success",
    text: ctx.t("participant.statusChanged", {
      code: input.code,
      from: ctx.t(`status.${participant.status}`),
      to: ctx.t(`status.${input.status}`),
      date: input.date,
    }),
  });
}

/**
 * Working, internship and studying have one source: the job start (rules/working.ts). Those
 * statuses need a current job of their kind, and job search cannot be set while a job runs.
 */
async function refuseStatusTheJobsContradict(ctx: CommandContext, participant: { id: number; code: string }, status: string): Promise<void> {
  const needed = jobKindBehindStatus(status);
  const current = needed !== undefined || status === "job-search" ? await ctx.store.jobStarts.currentFor(participant.id) : null;
  if (needed !== undefined && current?.kind !== needed) {
    refuse("error.statusNeedsJobStart", { code: participant.code, status: ctx.t(`status.${status}`), kind: needed });
  }
  if (status === "job-search" && current) {
    refuse("error.statusWhileJobCurrent", { code: participant.code, employer: current.employerName, date: current.startedOn });
  }
}

export const changeParticipantStatusCommand: CommandSpec = {
  path: ["participant", "status"],
  key: "participant-status",
  permission: "participant-work",
  async run(ctx, args) {
    const { options, words } = splitArguments(args, ["date"]);
    const code = firstWordAsCode(words);
    return changeParticipantStatus(ctx, { code, status: words[1]?.text, date: options.get("date"), note: joinWords(words.slice(2)) });
  },
};
