// `npm start` (node dist/bot/main.js): run ipsbot until SIGTERM or SIGINT. `npm start` execs node,
// so a signal sent to the npm process reaches this one; stopping is bounded so that systemd or a
// container runtime never has to kill it.
import { ConfigError } from "./config.ts";
import { CatalogueError } from "../prompts/catalogue.ts";
import { routeThroughProxy } from "./network.ts";
import { startBot } from "./start-bot.ts";

/** Longer than a post in flight should take, shorter than the 10 s a supervisor waits before SIGKILL. */
const SHUTDOWN_GRACE_MS = 8_000;

try {
  const proxy = routeThroughProxy(process.env);
  const bot = await startBot({ bridgeConsole: true });
  if (proxy) bot.services.logger.info("outbound requests go through the proxy", { ...proxy });
  const logger = bot.services.logger;
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info("shutting down", { signal });
    const deadline = setTimeout(() => {
      logger.error("shutdown took too long; exiting without waiting further", { signal, graceMs: SHUTDOWN_GRACE_MS });
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    deadline.unref();
    await bot.stop();
    logger.info("stopped", { signal });
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
} catch (error) {
  if (error instanceof ConfigError || error instanceof CatalogueError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`ipsbot could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
}
