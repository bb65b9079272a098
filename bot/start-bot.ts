// Composition root: config, prompts, storage, adapters, HTTP server. Nothing else lives here.
import type { AddressInfo } from "node:net";
import { systemClock, type Clock, type Services } from "../commands/context.ts";
import { Catalogue, CatalogueError } from "../prompts/catalogue.ts";
import { missingMessageKeys } from "../commands/prompt-coverage.ts";
import { applyMigrations } from "../storage/migrate.ts";
import { openStore } from "../storage/store.ts";
import { loadConfig } from "./config.ts";
import { createHttpServer } from "./http/server.ts";
import { createLogger } from "./logger.ts";
import { createSlackAdapter } from "./slack/slack-adapter.ts";
import { createTeamsBot, type TeamsAdapterOptions } from "./teams/teams-adapter.ts";
import type { ChannelPoster } from "../commands/ports.ts";
import type { Logger, Platform } from "../commands/context.ts";

export interface StartOptions {
  env?: Readonly<Record<string, string | undefined>>;
  clock?: Clock;
  logger?: Logger;
  /** Teams retry policy and, for tests, the Emulator-mode address check. */
  teams?: TeamsAdapterOptions;
}

export interface RunningBot {
  port: number;
  services: Services;
  /** Posts to connected channels (digests, agendas), per platform that is on. */
  channelPosters: Partial<Record<Platform, ChannelPoster>>;
  stop(): Promise<void>;
}

export async function startBot(options: StartOptions = {}): Promise<RunningBot> {
  const config = loadConfig(options.env ?? process.env);
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const catalogue = Catalogue.load();
  const missing = missingMessageKeys((key) => catalogue.has(key));
  if (missing.length > 0) throw new CatalogueError(`prompts/messages/en.json lacks ${missing.join(", ")}`);
  await applyMigrations(config.DATABASE_URL);
  const store = openStore(config.DATABASE_URL);
  const defaultClinic = await store.clinics.ensure(config.DEFAULT_CLINIC);
  const services: Services = { store, catalogue, clock: options.clock ?? systemClock, logger, defaultLocale: config.DEFAULT_LOCALE, defaultClinic };

  const slack = config.slack ? createSlackAdapter(services, config.slack) : undefined;
  if (!slack) logger.info("Slack is off: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN to enable it");

  const teams = config.teams ? createTeamsBot(services, config.teams, options.teams) : undefined;
  if (!teams) logger.info("Teams is off: TEAMS_ENABLED=false");
  else if (teams.emulator) {
    logger.warn("Teams runs without Bot Framework credentials (Emulator mode): /api/messages accepts requests from this machine only; set BOT_ID and BOT_PASSWORD to serve Teams");
  }

  const server = createHttpServer({ services, slack, teams });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.PORT, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  logger.info("ipsbot listening", { port, slack: Boolean(slack), teams: teams ? (teams.emulator ? "emulator" : "on") : "off", clinic: defaultClinic.name });

  return {
    port,
    services,
    channelPosters: teams ? { teams: teams.channelPoster } : {},
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
