// Composition root: config, prompts, storage, adapters, HTTP server. Nothing else lives here.
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { hostname } from "node:os";
import { systemClock, type Clock, type Services } from "../commands/context.ts";
import { Catalogue, CatalogueError } from "../prompts/catalogue.ts";
import { FidelityCatalogue } from "../prompts/fidelity-catalogue.ts";
import { missingMessageKeys } from "../commands/prompt-coverage.ts";
import { jobTypeGlosses, loadJobTypes } from "../prompts/job-types.ts";
import { applyMigrations } from "../storage/migrate.ts";
import { openStore } from "../storage/store.ts";
import { loadConfig } from "./config.ts";
import { createHttpServer, type Platforms } from "./http/server.ts";
import { bridgeConsole } from "./console-bridge.ts";
import { createLogger } from "./logger.ts";
import { allowList } from "./http/allow-list.ts";
import { proxyAgent } from "./network.ts";
import { prometheusMetrics } from "./metrics.ts";
import { startScheduler, type Scheduler } from "./scheduler.ts";
import type { TeamsAdapterOptions } from "./teams/teams-adapter.ts";
import type { Logger } from "../commands/context.ts";

export interface StartOptions {
  env?: Readonly<Record<string, string | undefined>>;
  clock?: Clock;
  logger?: Logger;
  /** false: no cron timer (tests drive scheduler.tick() with their own clock). The start-up round always runs. */
  schedulerTimer?: boolean;
  /** Teams retry policy and, for tests, the Emulator-mode address check. */
  teams?: TeamsAdapterOptions;
  /** Route the console (where the Bot Framework libraries write) into the log until stop(): the running bot does. */
  bridgeConsole?: boolean;
}

export interface RunningBot {
  port: number;
  services: Services;
  scheduler: Scheduler;
  stop(): Promise<void>;
}

export async function startBot(options: StartOptions = {}): Promise<RunningBot> {
  const config = loadConfig(options.env ?? process.env);
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const restoreConsole = options.bridgeConsole ? bridgeConsole(logger) : () => {};
  const jobTypes = loadJobTypes();
  const catalogue = Catalogue.load().withGlosses(jobTypeGlosses(jobTypes));
  const missing = missingMessageKeys((key) => catalogue.has(key));
  if (missing.length > 0) throw new CatalogueError(`prompts/messages/en.json lacks ${missing.join(", ")}`);
  const fidelityItems = FidelityCatalogue.load();
  const applied = await applyMigrations(config.DATABASE_URL, process.env);
  if (applied.length > 0) logger.info("applied database migrations", { applied });
  const store = openStore(config.DATABASE_URL);
  const metrics = prometheusMetrics();
  for (const clinic of await store.clinics.unplaced()) {
    logger.warn("a clinic belongs to no Slack workspace or Teams tenant and is unreachable: the upgrade found no channel, member or participant to place it by", { clinicId: clinic.id });
  }
  const services: Services = {
    store,
    catalogue,
    jobTypes,
    fidelityItems,
    clock: options.clock ?? systemClock,
    logger,
    defaultLocale: config.DEFAULT_LOCALE,
    installationAdmins: { slack: config.ADMIN_SLACK_USER_IDS, teams: config.ADMIN_TEAMS_AAD_IDS },
    posters: {},
    claimant: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    retentionDays: config.RETENTION_DAYS,
    metrics,
  };

  // The server listens, and /healthz answers, before the platforms' libraries have loaded: a
  // platform loads only when it is configured (Bolt ~130 ms, the Bot Framework ~400 ms), and its
  // requests get 503 "starting" until then.
  const platforms: Platforms = { slack: config.slack ? "starting" : undefined, teams: config.teams ? "starting" : undefined };
  const policy = { controller: config.DATA_CONTROLLER, contact: config.PRIVACY_CONTACT, retentionDays: config.RETENTION_DAYS };
  const server = createHttpServer({ services, platforms, databaseUrl: config.DATABASE_URL, metrics, policy });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.PORT, config.HOST, resolve);
  });
  const port = (server.address() as AddressInfo).port;

  const slack = config.slack ? (await import("./slack/slack-adapter.ts")).createSlackAdapter(services, {
        ...config.slack,
        logLevel: config.LOG_LEVEL,
        dispatcher: proxyAgent(options.env ?? process.env),
        allowedTeams: allowList(config.ALLOWED_SLACK_TEAM_IDS, "Slack workspace", logger),
      }) : undefined;
  platforms.slack = slack;
  slack?.start();
  if (slack) services.posters.slack = slack.poster;
  else logger.info("Slack is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode) to enable it");

  const teams = config.teams ? (await import("./teams/teams-adapter.ts")).createTeamsBot(services, config.teams, { allowedTenants: allowList(config.ALLOWED_TEAMS_TENANT_IDS, "Teams tenant", logger), ...options.teams }) : undefined;
  platforms.teams = teams;
  teams?.health?.start();
  if (!teams) logger.info(`Teams is off: ${config.teamsOff}`);
  else {
    services.posters.teams = teams.channelPoster;
    if (teams.emulator) {
      logger.warn(
        "TEAMS EMULATOR MODE (TEAMS_EMULATOR=true): /api/messages is UNAUTHENTICATED; it accepts requests from this machine only and replies to loopback service URLs only. A port forwarder (ssh -L, kubectl port-forward, socat) makes it reachable by others: never run it where one exists. Unset TEAMS_EMULATOR and set BOT_ID and BOT_PASSWORD to serve Teams",
      );
    }
  }
  // Logged once every configured platform is served: tests and operators read the port here.
  logger.info("ipsbot listening", { host: config.HOST, port, slack: config.slack ? config.slack.connection.mode : "off", teams: teams ? (teams.emulator ? "emulator" : "on") : "off" });
  const scheduler = startScheduler(services, { timer: options.schedulerTimer ?? true });

  return {
    port,
    services,
    scheduler,
    async stop() {
      // Stop scheduling first and let a post in flight finish, then stop taking requests.
      await scheduler.stop();
      await slack?.stop();
      teams?.health?.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      restoreConsole();
    },
  };
}
