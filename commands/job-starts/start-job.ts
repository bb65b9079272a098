// /ips job start P-017 <employer> type:<job type> kind:<competitive|internship|studies> [hours:20] [date:YYYY-MM-DD]
import { z } from "zod";
import { jobTypeLabel } from "../../prompts/job-types.ts";
import { actorOf, clinicToday, type CommandContext } from "../context.ts";
import type { CommandSpec } from "../command-spec.ts";
import { firstWordAsCode, refuseLeftovers, splitArguments } from "../parse/arguments.ts";
import { requireParticipant } from "../participants/lookup.ts";
import { ephemeral, type MessageReply } from "../reply.ts";
import { refuse } from "../refusal.ts";
import { EMPLOYER_NAME_MAX_LENGTH, employerMatchKey, tidyEmployerName } from "../rules/employer-name.ts";
import { IPS_GROW_MIN_HOURS_PER_WEEK } from "../rules/employment-rate.ts";
import { JOB_KINDS, MAX_HOURS_PER_WEEK, statusForJobKind } from "../rules/outcomes.ts";
import { freeText, oneOf, parseInput, participantCode, pastOrToday } from "../validation.ts";

const hoursPerWeek = z
  .string()
  .optional()
  .transform((text, ctx) => {
    if (text === undefined || text.trim() === "") return undefined;
    const hours = /^\d{1,3}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
    if (hours >= 1 && hours <= MAX_HOURS_PER_WEEK) return hours;
    ctx.addIssue({ code: "custom", message: "error.hoursInvalid", params: { input: text, max: MAX_HOURS_PER_WEEK } });
    return z.NEVER;
  });

export interface RawJobStart {
  code: string;
  employer?: string;
  type?: string;
  kind?: string;
  hours?: string;
  date?: string;
}

export async function startJob(ctx: CommandContext, raw: RawJobStart): Promise<MessageReply> {
  const jobTypeKeys = ctx.jobTypes.map((type) => type.key);
  const input = parseInput(
    z.object({
      code: participantCode,
      employer: freeText({ max: EMPLOYER_NAME_MAX_LENGTH, tooLongKey: "error.employerTooLong", missingKey: "error.employerMissing" }),
      type: oneOf(jobTypeKeys, "error.jobTypeUnknown", "error.jobTypeMissing"),
      kind: oneOf(JOB_KINDS, "error.jobKindUnknown", "error.jobKindMissing"),
      hours: hoursPerWeek,
      date: pastOrToday(clinicToday(ctx)),
    }),
    raw,
  );
  if (input.hours === undefined && input.kind === "competitive" && ctx.clinic.rateDefinition === "ips-grow") {
    // IPS Grow counts a job start only with at least 4 paid hours a week, so its figures need them.
    refuse("error.hoursNeededForIpsGrow", { code: input.code, minimum: IPS_GROW_MIN_HOURS_PER_WEEK }, "hours");
  }
  const participant = await requireParticipant(ctx, input.code);
  if (participant.status === "closed") refuse("error.participantClosed", { code: participant.code });
  if (input.date < participant.enrolledOn) {
    refuse("error.dateBeforeEnrolment", { date: input.date, code: participant.code, enrolledOn: participant.enrolledOn });
  }
  const employer = tidyEmployerName(input.employer ?? "");
  const status = statusForJobKind(input.kind);
  const started = await ctx.store.jobStarts.start(
    participant,
    { clinicId: ctx.clinic.id, employerName: employer, employerKey: employerMatchKey(employer), jobType: input.type, kind: input.kind, hoursPerWeek: input.hours, startedOn: input.date },
    status,
    actorOf(ctx),
    ctx.clock.now(),
  );
  if (started === "already-current") {
    const current = await ctx.store.jobStarts.currentFor(participant.id);
    refuse("error.jobAlreadyCurrent", { code: participant.code, employer: current?.employerName ?? "", date: current?.startedOn ?? "" });
  }
  const text = ctx.t("job.started", {
    code: participant.code,
    kind: ctx.t(`jobKind.${input.kind}`),
    employer,
    type: jobTypeLabel(ctx.jobTypes, input.type, ctx.locale),
    hours: input.hours === undefined ? "–" : String(input.hours),
    date: input.date,
    status: ctx.t(`status.${status}`),
  });
  return ephemeral({ type: "text", tone: "success", text });
}

export const startJobCommand: CommandSpec = {
  path: ["job", "start"],
  key: "job-start",
  permission: "participant-work",
  async run(ctx, args) {
    const { options, words } = splitArguments(args, ["type", "kind", "hours", "date"]);
    const code = firstWordAsCode(words);
    refuseLeftovers(words.slice(2));
    return startJob(ctx, { code, employer: words[1]?.text, type: options.get("type"), kind: options.get("kind"), hours: options.get("hours"), date: options.get("date") });
  },
};
