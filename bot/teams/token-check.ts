// Whether ipsbot can obtain a Bot Framework token with its credentials (BOT_ID, BOT_PASSWORD or
// the managed identity): what every reply and post to Teams needs. Checked in the background by
// platform-health.ts and reported by /readyz; a failure never stops the bot.
import { ConfigurationServiceClientCredentialFactory } from "botbuilder";
import type { TeamsCredentials } from "./teams-settings.ts";
import { BOT_CONNECTOR_AUDIENCE } from "./teams-runtime.ts";

const LOGIN_URL = "https://login.microsoftonline.com/botframework.com";

export function botFrameworkTokenCheck(credentials: TeamsCredentials): () => Promise<void> {
  const factory = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: credentials.appId,
    MicrosoftAppPassword: credentials.password,
    MicrosoftAppType: credentials.type,
    MicrosoftAppTenantId: credentials.tenantId,
  });
  return async () => {
    // The factory's credentials are AppCredentials (or the managed identity's), which fetch a token.
    const appCredentials = (await factory.createCredentials(credentials.appId, BOT_CONNECTOR_AUDIENCE, LOGIN_URL, true)) as unknown as { getToken(forceRefresh?: boolean): Promise<string> };
    const token = await appCredentials.getToken(true);
    if (!token) throw new Error("no token");
  };
}

/** MSAL's error code (network_error, invalid_client, …), or the error's message. */
export function teamsFaultReason(error: unknown): string {
  const { errorCode, message } = error as { errorCode?: string; message?: string };
  return errorCode || message || "unknown";
}
