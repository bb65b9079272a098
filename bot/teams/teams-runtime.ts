// What the Teams listeners share: the services, the adapter for outbound calls, and whether
// ipsbot runs with credentials or for the local Emulator.
import type { TeamsAdapter } from "@microsoft/teams-ai";
import type { Services } from "../../commands/context.ts";

export interface TeamsRuntime {
  services: Services;
  adapter: TeamsAdapter;
  /** The Azure bot's app id; empty in Emulator mode. */
  botAppId: string;
  /** No credentials: activities are unauthenticated and come from this machine only. */
  emulator: boolean;
  /** Conversations already stored as installations by this process ("tenant|conversation"). */
  knownConversations: Set<string>;
}

/** The audience of tokens for the Bot Connector (public Azure). */
export const BOT_CONNECTOR_AUDIENCE = "https://api.botframework.com";
