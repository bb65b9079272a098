// /ips digest preview (this week so far, to the caller) and /ips digest post (last week's
// digest to the clinic's channels now; idempotent with the scheduled post).
import type { CommandContext } from "../context.ts";
import { clinicToday } from "../context.ts";
import type { CommandSpec } from "../command-spec.ts";
import { refuseLeftovers, takingNoArguments } from "../parse/arguments.ts";
import { ephemeral, type MessageReply } from "../reply.ts";
import { refuse } from "../refusal.ts";
import { isoWeekOf, formatIsoWeek } from "../rules/iso-week.ts";
import { currentDigestSlot, nextAgendaSlot } from "../rules/weekly-schedule.ts";
import { renderDigest } from "./render-digest.ts";
import { postLastWeeksDigest } from "./weekly-posts.ts";

export async function previewDigest(ctx: CommandContext): Promise<MessageReply> {
  const today = clinicToday(ctx);
  const facts = await ctx.store.clinicFacts.of(ctx.clinic.id);
  const digest = renderDigest({ clinic: ctx.clinic, facts, week: isoWeekOf(today), asOf: today, meetingDay: nextAgendaSlot(ctx.clinic, ctx.clock.now()).meetingDay, t: ctx.t });
  return { ...digest, visibility: "ephemeral" };
}

export const previewDigestCommand: CommandSpec = {
  path: ["digest", "preview"],
  key: "digest-preview",
  permission: "team-view",
  run: takingNoArguments(previewDigest),
};

export const postDigestCommand: CommandSpec = {
  path: ["digest", "post"],
  key: "digest-post",
  permission: "supervise",
  sendsOutside: true,
  async run(ctx, args) {
    refuseLeftovers(args);
    const channels = await ctx.store.channels.activeForClinic(ctx.clinic.id);
    if (channels.length === 0) return refuse("error.noClinicChannel", { clinic: ctx.clinic.name });
    const now = ctx.clock.now();
    const week = formatIsoWeek(currentDigestSlot(ctx.clinic, now).week);
    const lines: string[] = [];
    for (const connected of channels) {
      const outcome = await postLastWeeksDigest(ctx, connected, now);
      lines.push(ctx.t(`digest.postOutcome.${outcome}`, { week, channel: connected.channel.channelId }));
    }
    return ephemeral(...lines.map((text) => ({ type: "text" as const, text })));
  },
};
