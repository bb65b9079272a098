// Runs the due weekly posts every minute with node-cron, and once at start-up (the catch-up
// after downtime). Each clinic's own time zone is applied inside runDuePosts, so one UTC timer
// serves them all. stop() lets a post in flight finish.
import cron from "node-cron";
import type { Services } from "../commands/context.ts";
import { runDuePosts } from "../commands/digest/weekly-posts.ts";

export interface Scheduler {
  /** Runs one round now (the cron timer and tests call this). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

export function startScheduler(services: Services, options: { timer: boolean }): Scheduler {
  let inFlight: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (stopped) return Promise.resolve();
    // One round at a time: a slow round (many channels, rate limits) is not overlapped.
    inFlight ??= runDuePosts(services, services.clock.now()).finally(() => {
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
