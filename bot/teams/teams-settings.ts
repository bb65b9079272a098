// How ipsbot talks to the Bot Framework: with an Azure bot's credentials (every request must
// carry a valid token), or without them for the local Bot Framework Emulator (loopback only).

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
  NODE_ENV?: string;
  TEAMS_ENABLED: "true" | "false";
  BOT_ID?: string;
  BOT_PASSWORD?: string;
  BOT_TENANT_ID?: string;
  BOT_TYPE: TeamsBotType;
}

/** The Teams settings, or a message naming the variable that is wrong. */
export function teamsSettingsFrom(variables: TeamsVariables): TeamsSettings | undefined | string {
  if (variables.TEAMS_ENABLED === "false") return undefined;
  const { BOT_ID: appId, BOT_PASSWORD: password, BOT_TENANT_ID: tenantId, BOT_TYPE: type } = variables;
  if (!appId && !password && type === "MultiTenant") {
    if (variables.NODE_ENV === "production") {
      return "BOT_ID: required with BOT_PASSWORD when NODE_ENV=production (without them anyone could post as any user); set TEAMS_ENABLED=false to run without Teams";
    }
    return { credentials: undefined };
  }
  if (!appId) return `BOT_ID: required when ${password ? "BOT_PASSWORD" : `BOT_TYPE=${type}`} is set`;
  if (type === "UserAssignedMSI") {
    if (password) return "BOT_PASSWORD: must not be set for BOT_TYPE=UserAssignedMSI (the managed identity has no secret)";
    if (!tenantId) return "BOT_TENANT_ID: required for BOT_TYPE=UserAssignedMSI";
  } else {
    if (!password) return `BOT_PASSWORD: required with BOT_ID for BOT_TYPE=${type}`;
    if (type === "SingleTenant" && !tenantId) return "BOT_TENANT_ID: required for BOT_TYPE=SingleTenant";
  }
  return { credentials: { type, appId, password, tenantId } };
}
