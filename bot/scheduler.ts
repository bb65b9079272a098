// Runs the due weekly posts every minute with node-cron, and once at start-up (the catch-up
// after downtime). Each clinic's own time zone is applied inside runDuePosts, so one UTC timer
// serves them all. stop() lets a post in flight finish.
import cron from "node-cron";
import type { Services } from "../commands/context.ts";
import { runDuePosts } from "../commands/digest/weekly-posts.ts";
import { eraseAfterRetention } from "../commands/subject-rights/retention.ts";

export interface Scheduler {
  /** Runs one round now (the cron timer and tests call this). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Once a day (and at start): delivery keys older than seven days are forgotten, and participants
 * closed longer than the retention period are erased.
 */
function dailyHousekeeping(services: Services): () => Promise<void> {
  let last: number | undefined;
  return async () => {
    const now = services.clock.now();
    if (last !== undefined && now.getTime() - last < DAY_MS && now.getTime() >= last) return;
    last = now.getTime();
    try {
      const forgotten = await services.store.forgetOldDeliveries(now);
      if (forgotten > 0) services.logger.info("forgot old delivery keys", { forgotten });
    } catch (error) {
      services.logger.warn("could not forget old delivery keys", { error: String(error) });
    }
    try {
      await eraseAfterRetention(services, now);
    } catch (error) {
      services.logger.warn("could not erase participants past the retention period", { error: String(error) });
    }
  };
}

export function startScheduler(services: Services, options: { timer: boolean }): Scheduler {
  let inFlight: Promise<void> | undefined;
  let stopped = false;
  const housekeepingDaily = dailyHousekeeping(services);
  const tick = () => {
    if (stopped) return Promise.resolve();
    // One round at a time: a slow round (many channels, rate limits) is not overlapped.
    inFlight ??= runDuePosts(services, services.clock.now())
      .then(housekeepingDaily)
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };
  const task = options.timer ? cron.schedule("* * * * *", () => tick(), { name: "ipsbot weekly posts", noOverlap: true }) : undefined;
  void tick();
  return {
    tick,
    async stop() {
      stopped = true;
      await task?.stop();
      await task?.destroy();
      await inFlight;
    },
  };
}
