// Configuration is read once, here, from explicit options then the environment, and checked
// with zod: a bad value stops start-up with a message naming the variable.
import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "../storage/database-url.ts";
import { LOCALES } from "../prompts/locales.ts";
import { teamsSettingsFrom, TEAMS_BOT_TYPES, type TeamsSettings } from "./teams/teams-settings.ts";

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

/** A comma-separated list of ids, each checked: a typo must not silently leave a clinic without its admin. */
function idList(pattern: RegExp, what: string) {
  return z
    .string()
    .optional()
    .transform((text) => (text ?? "").split(",").map((id) => id.trim()).filter((id) => id.length > 0))
    .refine((ids) => ids.every((id) => pattern.test(id)), `must be ${what}`)
    .transform((ids) => new Set(ids.map((id) => (id.includes("-") ? id.toLowerCase() : id))));
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3978),
  /** The address to listen on: loopback unless a reverse proxy on another machine must reach it (0.0.0.0 or ::). */
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  DATABASE_URL: z.string().startsWith("file:", 'must start with "file:" (SQLite)').default(DEFAULT_DATABASE_URL),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: optionalText.refine((token) => token === undefined || token.startsWith("xoxb-"), 'must be a bot token starting with "xoxb-"'),
  /** An app-level token (connections:write): Slack over Socket Mode, an outbound WebSocket, no inbound endpoint. */
  SLACK_APP_TOKEN: optionalText.refine((token) => token === undefined || token.startsWith("xapp-"), 'must be an app-level token starting with "xapp-"'),
  SLACK_API_URL: optionalText.pipe(z.url().optional()),
  DEFAULT_LOCALE: z.enum(LOCALES).default("en"),
  ADMIN_SLACK_USER_IDS: idList(/^[UW][A-Z0-9]{2,20}$/, "Slack user ids such as U0123ABCD, comma-separated"),
  ADMIN_TEAMS_AAD_IDS: idList(GUID, "Microsoft Entra object ids (GUIDs), comma-separated"),
  /** When set, only these Slack workspaces (T…) or Enterprise Grid organisations (E…) are served. */
  ALLOWED_SLACK_TEAM_IDS: idList(/^[TE][A-Z0-9]{2,20}$/, "Slack team ids such as T0123ABCD, comma-separated"),
  /** When set, only these Microsoft Entra tenants are served. */
  ALLOWED_TEAMS_TENANT_IDS: idList(GUID, "Microsoft Entra tenant ids (GUIDs), comma-separated"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** Days after a participant is closed before their notes and reasons are erased and their code replaced (GDPR storage limitation). */
  RETENTION_DAYS: z.coerce.number().int().min(30).max(3650).default(730),
  NODE_ENV: optionalText,
  /** Named on /privacy and /terms: the organisation responsible for the data (e.g. "Region Stockholm"). */
  DATA_CONTROLLER: optionalText,
  /** Named on /privacy: where people ask about their data (an address, a page, a phone number). */
  PRIVACY_CONTACT: optionalText,
  TEAMS_ENABLED: z.enum(["true", "false"], 'must be "true" or "false"').default("true"),
  TEAMS_EMULATOR: z.enum(["true", "false"], 'must be "true" or "false"').default("false"),
  BOT_ID: optionalText.pipe(z.guid("must be the Azure bot's Microsoft App ID (a GUID)").optional()),
  BOT_PASSWORD: optionalText,
  BOT_TENANT_ID: optionalText.pipe(z.guid("must be a Microsoft Entra tenant id (a GUID)").optional()),
  /** SingleTenant: what Azure creates today; MultiTenant only for bots created before 31 July 2025. */
  BOT_TYPE: z.enum(TEAMS_BOT_TYPES).default("SingleTenant"),
});

/** How Slack reaches ipsbot: signed HTTP requests to /slack/events, or Socket Mode (ipsbot connects out). */
export type SlackConnection = { mode: "http"; signingSecret: string } | { mode: "socket"; appToken: string };

export type Config = z.output<typeof configSchema> & {
  slack: { connection: SlackConnection; botToken: string; apiUrl: string | undefined } | undefined;
  /** Undefined when Teams is off; `teamsOff` then says why. */
  teams: TeamsSettings | undefined;
  teamsOff: string | undefined;
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(env: Readonly<Record<string, string | undefined>>, overrides: Record<string, string | undefined> = {}): Config {
  const source = { ...env, ...overrides };
  const emptyAsUnset = Object.fromEntries(Object.entries(source).map(([key, value]) => [key, value === "" ? undefined : value]));
  const result = configSchema.safeParse(emptyAsUnset);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join("\n  ")}`);
  }
  const parsed = result.data;
  const slack = slackSettingsFrom(parsed);
  if (typeof slack === "string") throw new ConfigError(`Invalid configuration:\n  ${slack}`);
  const teams = teamsSettingsFrom(parsed);
  if (typeof teams === "string") throw new ConfigError(`Invalid configuration:\n  ${teams}`);
  const off = "off" in teams ? teams.off : undefined;
  // Any organisation can add a multi-tenant bot: in production one must say which may use it.
  if (off === undefined && parsed.NODE_ENV === "production" && (teams as TeamsSettings).credentials?.type === "MultiTenant" && parsed.ALLOWED_TEAMS_TENANT_IDS.size === 0) {
    throw new ConfigError(
      "Invalid configuration:\n  ALLOWED_TEAMS_TENANT_IDS: required in production for a MultiTenant bot (any Microsoft organisation could otherwise use it); list your tenant id, or create a SingleTenant bot",
    );
  }
  return {
    ...parsed,
    teams: off === undefined ? (teams as TeamsSettings) : undefined,
    teamsOff: off,
    slack,
  };
}

/**
 * Slack is on when any of its variables is set; it needs the bot token and a way in: the app-level
 * token (Socket Mode, which then wins) or the signing secret (HTTP). A string says what is missing.
 */
function slackSettingsFrom(parsed: z.output<typeof configSchema>): Config["slack"] | string {
  const { SLACK_SIGNING_SECRET: signingSecret, SLACK_BOT_TOKEN: botToken, SLACK_APP_TOKEN: appToken, SLACK_API_URL: apiUrl } = parsed;
  if (!signingSecret && !botToken && !appToken) return undefined;
  if (!botToken) return "SLACK_BOT_TOKEN: required when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set";
  if (appToken) return { connection: { mode: "socket", appToken }, botToken, apiUrl };
  if (!signingSecret) return "SLACK_SIGNING_SECRET: required when SLACK_BOT_TOKEN is set, unless SLACK_APP_TOKEN is set for Socket Mode";
  return { connection: { mode: "http", signingSecret }, botToken, apiUrl };
}
