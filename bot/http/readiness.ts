// /readyz: whether this process can do its work, each check named, so an operator (or a load
// balancer) sees what is missing: the database answers, no migration is pending, and each
// configured platform's credentials work (Slack auth.test, a Bot Framework token).
import type { Services } from "../../commands/context.ts";
import { pendingMigrations } from "../../storage/migrate.ts";
import type { PlatformHealth, PlatformState } from "../platform-health.ts";
import type { Platforms } from "./server.ts";

export interface Readiness {
  ready: boolean;
  checks: {
    database: "ok" | "unavailable";
    migrations: "ok" | { pending: string[] };
    slack?: PlatformState | { status: "starting" } | { status: "emulator" };
    /** Socket Mode only: whether the WebSocket link to Slack is open. */
    slackSocketMode?: PlatformState;
    teams?: PlatformState | { status: "starting" } | { status: "emulator" };
  };
}

/** The state once a check under way (the first, at start) has answered. */
async function settled(health: PlatformHealth): Promise<PlatformState> {
  if (health.state().status === "checking") await health.check();
  return health.state();
}

export async function readiness(services: Pick<Services, "store">, databaseUrl: string, platforms: Platforms): Promise<Readiness> {
  const database = (await services.store.isHealthy()) ? "ok" : "unavailable";
  let pending: string[];
  try {
    pending = pendingMigrations(databaseUrl);
  } catch {
    pending = ["unreadable"];
  }
  const checks: Readiness["checks"] = { database, migrations: pending.length === 0 ? "ok" : { pending } };
  if (platforms.slack) checks.slack = platforms.slack === "starting" ? { status: "starting" } : await settled(platforms.slack.health);
  if (platforms.slack && platforms.slack !== "starting" && platforms.slack.socketLink) checks.slackSocketMode = await settled(platforms.slack.socketLink);
  if (platforms.teams) {
    const teams = platforms.teams;
    checks.teams = teams === "starting" ? { status: "starting" } : teams.health ? await settled(teams.health) : { status: "emulator" };
  }
  const platformsReady = [checks.slack, checks.slackSocketMode, checks.teams].every((check) => check === undefined || check.status === "ok" || check.status === "emulator");
  return { ready: database === "ok" && pending.length === 0 && platformsReady, checks };
}
