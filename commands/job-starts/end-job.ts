// /ips job end P-017 [YYYY-MM-DD] [reason:<quit|fired|contract-ended|moved-on|other>] [status:<status>]
import { z } from "zod";
import { actorOf, clinicToday, type CommandContext } from "../context.ts";
import type { CommandSpec } from "../command-spec.ts";
import { firstWordAsCode, refuseLeftovers, splitArguments } from "../parse/arguments.ts";
import { requireParticipant } from "../participants/lookup.ts";
import { ephemeral, type MessageReply } from "../reply.ts";
import { refuse } from "../refusal.ts";
import { PARTICIPANT_STATUSES } from "../rules/caseload.ts";
import { jobKindBehindStatus } from "../rules/working.ts";
import { JOB_END_REASONS } from "../rules/outcomes.ts";
import { oneOf, parseInput, participantCode, pastOrToday } from "../validation.ts";

/** After a job ends the participant searches, pauses or leaves: working, internship and studying come with a job start. */
const STATUSES_AFTER_A_JOB = PARTICIPANT_STATUSES.filter((status) => jobKindBehindStatus(status) === undefined);

export async function endJob(ctx: CommandContext, raw: { code: string; date?: string; reason?: string; status?: string }): Promise<MessageReply> {
  const input = parseInput(
    z.object({
      code: participantCode,
      date: pastOrToday(clinicToday(ctx)),
      reason: oneOf(JOB_END_REASONS, "error.endReasonUnknown").optional(),
      status: oneOf(STATUSES_AFTER_A_JOB, "error.statusAfterJobUnknown").optional(),
    }),
    { ...raw, reason: raw.reason || undefined, status: raw.status || undefined },
  );
  const participant = await requireParticipant(ctx, input.code);
  const job = await ctx.store.jobStarts.currentFor(participant.id);
  if (!job) return refuse("error.noCurrentJob", { code: participant.code });
  if (input.date < job.startedOn) refuse("error.endBeforeStart", { date: input.date, started: job.startedOn });
  const nextStatus = input.status ?? "job-search";
  const ended = await ctx.store.jobStarts.end(participant, job.id, { endedOn: input.date, endReason: input.reason, nextStatus }, actorOf(ctx), ctx.clock.now());
  if (!ended) refuse("error.noCurrentJob", { code: participant.code });
  return ephemeral({
    type: "text",
    tone: "success",
    text: ctx.t("job.ended", { code: participant.code, employer: job.employerName, date: input.date, status: ctx.t(`status.${nextStatus}`) }),
  });
}

export const endJobCommand: CommandSpec = {
  path: ["job", "end"],
  key: "job-end",
  permission: "participant-work",
  async run(ctx, args) {
    const { options, words } = splitArguments(args, ["date", "reason", "status"]);
    const code = firstWordAsCode(words);
    // The end date may be written plainly after the code, or as date:.
    const positionalDate = options.has("date") ? undefined : words[1]?.text;
    refuseLeftovers(words.slice(positionalDate === undefined ? 1 : 2));
    return endJob(ctx, { code, date: options.get("date") ?? positionalDate, reason: options.get("reason"), status: options.get("status") });
  },
};
