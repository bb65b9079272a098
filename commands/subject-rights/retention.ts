// Retention: a participant closed more than the retention period ago (RETENTION_DAYS, default
// 730) is erased as on request, once a day, by the system, and claims of posts older than that
// period are forgotten. The log says how many, never who or what.
import type { Services } from "../context.ts";
import { addDays, calendarDayIn } from "../rules/calendar-day.ts";
import { SYSTEM_ACTOR } from "../../storage/store.ts";

export async function eraseAfterRetention(services: Services, now: Date): Promise<number> {
  const cutoff = addDays(calendarDayIn(now, "UTC"), -services.retentionDays);
  let erased = 0;
  for (const participant of await services.store.participantErasures.closedBefore(cutoff)) {
    const result = await services.store.participantErasures.erase(participant.clinicId, participant.id, SYSTEM_ACTOR, now, "retention");
    if (result.outcome === "erased") erased++;
  }
  if (erased > 0) services.logger.info("erased participants closed longer than the retention period", { erased, retentionDays: services.retentionDays });
  // Claims of posts older than the retention period serve nothing any more.
  const forgotten = await services.store.scheduledPosts.forgetOlderThan(new Date(now.getTime() - services.retentionDays * 24 * 60 * 60 * 1000), now);
  if (forgotten > 0) services.logger.info("forgot scheduled-post claims older than the retention period", { forgotten });
  return erased;
}
