// How ipsbot talks to the Bot Framework: with an Azure bot's credentials (every request must
// carry a valid token), or, only when asked for with TEAMS_EMULATOR=true, without them for the
// local Bot Framework Emulator (loopback clients and loopback service URLs only). Missing
// credentials otherwise mean Teams is off, whatever NODE_ENV says: an unauthenticated mode that
// starts by default is one a forgotten variable turns on in production.

/** The app types botbuilder's ConfigurationServiceClientCredentialFactory supports. */
export const TEAMS_BOT_TYPES = ["MultiTenant", "SingleTenant", "UserAssignedMSI"] as const;
export type TeamsBotType = (typeof TEAMS_BOT_TYPES)[number];

export interface TeamsCredentials {
  type: TeamsBotType;
  /** The Azure bot's Microsoft App ID (for a managed identity: its client id). */
  appId: string;
  /** Client secret; absent for a user-assigned managed identity. */
  password: string | undefined;
  tenantId: string | undefined;
}

export interface TeamsSettings {
  /** Undefined: Emulator mode, requests accepted from loopback addresses only. */
  credentials: TeamsCredentials | undefined;
}

interface TeamsVariables {
  TEAMS_ENABLED: "true" | "false";
  TEAMS_EMULATOR: "true" | "false";
  BOT_ID?: string;
  BOT_PASSWORD?: string;
  BOT_TENANT_ID?: string;
  BOT_TYPE: TeamsBotType;
}

/** Teams is off, and why (logged at start). */
export interface TeamsOff {
  off: string;
}

/** The Teams settings, Teams off with the reason, or a message naming the variable that is wrong. */
export function teamsSettingsFrom(variables: TeamsVariables): TeamsSettings | TeamsOff | string {
  if (variables.TEAMS_ENABLED === "false") return { off: "TEAMS_ENABLED=false" };
  const { BOT_ID: appId, BOT_PASSWORD: password, BOT_TENANT_ID: tenantId, BOT_TYPE: type } = variables;
  const emulator = variables.TEAMS_EMULATOR === "true";
  if (emulator) {
    if (appId || password) return "TEAMS_EMULATOR: must not be true when BOT_ID or BOT_PASSWORD is set (the Emulator mode is unauthenticated)";
    return { credentials: undefined };
  }
  if (!appId && !password && !tenantId && type !== "UserAssignedMSI") {
    return { off: "set BOT_ID and BOT_PASSWORD to serve Teams (TEAMS_EMULATOR=true serves the local Bot Framework Emulator only)" };
  }
  if (!appId) return `BOT_ID: required when ${password ? "BOT_PASSWORD" : tenantId ? "BOT_TENANT_ID" : `BOT_TYPE=${type}`} is set`;
  if (type === "UserAssignedMSI") {
    if (password) return "BOT_PASSWORD: must not be set for BOT_TYPE=UserAssignedMSI (the managed identity has no secret)";
    if (!tenantId) return "BOT_TENANT_ID: required for BOT_TYPE=UserAssignedMSI";
  } else {
    if (!password) return `BOT_PASSWORD: required with BOT_ID for BOT_TYPE=${type}`;
    if (type === "SingleTenant" && !tenantId) {
      return "BOT_TENANT_ID: required for BOT_TYPE=SingleTenant, the default (Microsoft creates new Azure bots single-tenant only since 31 July 2025; set BOT_TYPE=MultiTenant for an older multi-tenant bot)";
    }
  }
  return { credentials: { type, appId, password, tenantId } };
}
