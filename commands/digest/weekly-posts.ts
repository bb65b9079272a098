// What the scheduler runs every minute (and once at start-up, which is the catch-up): for each
// connected channel, post the digest and the agenda that are due and not yet posted, and record
// digests whose week passed without a post as missed (they are never posted late).
import type { ConnectedChannel } from "../../storage/clinic-channels.ts";
import { clinicLocale, type Services } from "../context.ts";

import { agendaBlocks } from "../meeting-flags/show-agenda.ts";
import type { MessageReply } from "../reply.ts";
import { formatIsoWeek, type IsoWeek } from "../rules/iso-week.ts";
import { currentDigestSlot, nextAgendaSlot, previousDigestSlot } from "../rules/weekly-schedule.ts";
import { postOnce, type PostOutcome } from "./post-once.ts";
import { renderDigest } from "./render-digest.ts";

/** What posting needs; a command context has it too, so `/ips digest post` shares this path. */
export type PostingServices = Pick<Services, "store" | "clock" | "logger" | "posters" | "claimant" | "catalogue" | "defaultLocale" | "metrics">;

export async function buildWeeklyDigest(services: PostingServices, connected: ConnectedChannel, week: IsoWeek, asOf: string, now: Date): Promise<MessageReply> {
  const { clinic } = connected;
  const facts = await services.store.clinicFacts.of(clinic.id);
  const t = services.catalogue.translator(clinicLocale(clinic, services.defaultLocale));
  return renderDigest({ clinic, facts, week, asOf, meetingDay: nextAgendaSlot(clinic, now).meetingDay, t });
}

/** Posts last week's digest to a channel unless it was posted already. */
export function postLastWeeksDigest(services: PostingServices, connected: ConnectedChannel, now: Date): Promise<PostOutcome> {
  const { week } = currentDigestSlot(connected.clinic, now);
  return postOnce(services, { kind: "digest", channelId: connected.channel.id, slot: formatIsoWeek(week) }, connected, () =>
    buildWeeklyDigest(services, connected, week, week.sunday, now),
  );
}

/** How far back a round looks for digests that were never posted. */
const MISSED_LOOKBACK_WEEKS = 8;

async function runForChannel(services: PostingServices, connected: ConnectedChannel, now: Date): Promise<void> {
  const { clinic, channel } = connected;
  const digest = currentDigestSlot(clinic, now);
  if (now >= digest.dueAt) await postLastWeeksDigest(services, connected, now);

  // Digests whose posting week passed while the bot was down are recorded as missed, never posted late.
  for (let weeksBack = 1; weeksBack <= MISSED_LOOKBACK_WEEKS; weeksBack++) {
    const previous = previousDigestSlot(clinic, now, weeksBack);
    if (channel.connectedAt >= previous.dueAt) break;
    const missed = await services.store.scheduledPosts.markMissedIfUnposted(
      { kind: "digest", channelId: channel.id, slot: formatIsoWeek(previous.week) },
      services.claimant,
      now,
    );
    if (missed) {
      services.logger.warn("digest missed: its week passed without a post", { channelId: channel.id, week: formatIsoWeek(previous.week) });
      services.metrics.scheduledPost("digest", "missed");
    }
  }

  const agenda = nextAgendaSlot(clinic, now);
  if (now < agenda.dueAt) return;
  const t = services.catalogue.translator(clinicLocale(clinic, services.defaultLocale));
  const view = { t, store: services.store, clinic };
  // An empty agenda is not posted (nor claimed: a flag raised before the meeting still gets posted).
  if ((await services.store.meetingFlags.listOpen(clinic.id)).length === 0) return;
  await postOnce(services, { kind: "agenda", channelId: channel.id, slot: agenda.meetingDay }, connected, async () => ({
    kind: "message",
    visibility: "channel",
    blocks: await agendaBlocks(view, "channel", (count) => t("agenda.postTitle", { date: agenda.meetingDay, time: clinic.meetingTime, count })),
  }));
}

export async function runDuePosts(services: PostingServices, now: Date): Promise<void> {
  for (const connected of await services.store.channels.allActive()) {
    try {
      await runForChannel(services, connected, now);
    } catch (error) {
      services.logger.error("scheduled posts failed for a channel", { channelId: connected.channel.id, error: error instanceof Error ? error.message : String(error) });
    }
  }
}
