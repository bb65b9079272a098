// `npm start`: run ipsbot until SIGTERM or SIGINT.
import { ConfigError } from "./config.ts";
import { CatalogueError } from "../prompts/catalogue.ts";
import { startBot } from "./start-bot.ts";

try {
  const bot = await startBot();
  const shutdown = async (signal: string) => {
    process.stdout.write(`${JSON.stringify({ level: "info", message: "shutting down", signal })}\n`);
    await bot.stop();
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
} catch (error) {
  if (error instanceof ConfigError || error instanceof CatalogueError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`ipsbot could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
}
