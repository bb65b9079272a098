// Builds the teams-ai Application on botbuilder's CloudAdapter (as TeamsAdapter) and the request
// listener the shared HTTP server calls for POST /api/messages. With credentials every request
// must carry a valid Bot Framework token (checked by botbuilder); without them (Emulator mode)
// only requests from this machine are let through.
import type { RequestListener } from "node:http";
import { Application, TeamsAdapter, AdaptiveCardActionExecuteResponseType } from "@microsoft/teams-ai";
import { CallerIdConstants, type Activity } from "botbuilder";
import type { ChannelPoster } from "../../commands/ports.ts";
import type { Services } from "../../commands/context.ts";
import { retryingConnectorTransport } from "./connector-transport.ts";
import { isLocalRequest, isLoopbackAddress, isLoopbackUrl } from "./emulator-guard.ts";
import { BadActivityRequest, bridgeResponse, readActivityRequest } from "./http-bridge.ts";
import { tenantOf } from "./identity.ts";
import { registerCardActions } from "./listeners/card-actions.ts";
import { registerCommandMessages } from "./listeners/command-messages.ts";
import { registerFormSubmissions } from "./listeners/form-submissions.ts";
import { registerFileConsent } from "./file-consent.ts";
import { registerInstallationEvents } from "./listeners/installation-events.ts";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry-policy.ts";
import { createTeamsChannelPoster } from "./teams-channel-poster.ts";
import { BOT_CONNECTOR_AUDIENCE, type TeamsRuntime } from "./teams-runtime.ts";
import { botFrameworkTokenCheck, teamsFaultReason } from "./token-check.ts";
import type { AllowList } from "../http/allow-list.ts";
import { sendJson } from "../http/json-response.ts";
import { platformHealth, type PlatformHealth } from "../platform-health.ts";
import type { TeamsSettings } from "./teams-settings.ts";


export interface TeamsAdapterOptions {
  retryPolicy?: RetryPolicy;
  /** How the retrying transport waits; tests record the waits instead. */
  sleep?: (ms: number) => Promise<void>;
  /** Emulator mode only: which remote addresses may post activities (loopback by default). */
  isAllowedAddress?: (address: string | undefined) => boolean;
  /** Where the Bot Framework publishes its token signing keys; tests point it at their own. */
  openIdMetadataUrl?: string;
  /** ALLOWED_TEAMS_TENANT_IDS: a tenant not on it is refused with 403. */
  allowedTenants?: AllowList;
}

export interface TeamsBot {
  requestListener: RequestListener;
  channelPoster: ChannelPoster;
  emulator: boolean;
  /** Whether a Bot Framework token can be obtained; none in Emulator mode, which needs no token. */
  health: PlatformHealth | undefined;
}

/**
 * botbuilder takes either no endpoint settings (public Azure) or all of them: the public Azure
 * values, with the signing keys read from `openIdMetadataUrl` instead of login.botframework.com.
 */
function publicCloudWithSigningKeysAt(openIdMetadataUrl: string) {
  return {
    ToChannelFromBotLoginUrl: "https://login.microsoftonline.com/botframework.com",
    ToChannelFromBotOAuthScope: BOT_CONNECTOR_AUDIENCE,
    ToBotFromChannelTokenIssuer: "https://api.botframework.com",
    OAuthUrl: "https://api.botframework.com",
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration",
    CallerId: CallerIdConstants.PublicAzureChannel,
    ValidateAuthority: true,
  };
}

export function createTeamsBot(services: Services, settings: TeamsSettings, options: TeamsAdapterOptions = {}): TeamsBot {
  const credentials = settings.credentials;
  const adapter = new TeamsAdapter(
    {
      ...(credentials
        ? { MicrosoftAppId: credentials.appId, MicrosoftAppPassword: credentials.password, MicrosoftAppType: credentials.type, MicrosoftAppTenantId: credentials.tenantId }
        : {}),
      ...(options.openIdMetadataUrl ? publicCloudWithSigningKeysAt(options.openIdMetadataUrl) : {}),
    },
    undefined,
    undefined,
    { httpClient: retryingConnectorTransport({
        policy: options.retryPolicy ?? DEFAULT_RETRY_POLICY,
        sleep: options.sleep,
        logger: services.logger,
        onRetry: () => services.metrics.retry("teams"),
      }) },
  );
  const app = new Application({
    adapter,
    botAppId: credentials?.appId,
    // ipsbot strips its own mention itself (message-text.ts), keeping other people's names.
    removeRecipientMention: false,
    startTypingTimer: false,
    // An updated card (a discussed flag, a submitted form) replaces the message for everyone.
    adaptiveCards: { actionExecuteResponseType: AdaptiveCardActionExecuteResponseType.REPLACE_FOR_ALL },
  });
  const runtime: TeamsRuntime = { services, adapter, botAppId: credentials?.appId ?? "", emulator: !credentials, knownConversations: new Set() };
  registerCommandMessages(app, runtime);
  registerCardActions(app, runtime);
  registerFormSubmissions(app, runtime);
  registerFileConsent(app, runtime);
  registerInstallationEvents(app, runtime);
  app.error(async (_turn, error) => {
    services.logger.error("Teams turn failed", { error: error.stack ?? error.message });
  });

  const isAllowedAddress = options.isAllowedAddress ?? isLoopbackAddress;
  const requestListener: RequestListener = (req, res) => {
    if (req.method !== "POST") {
      req.resume();
      res.writeHead(405, { allow: "POST" }).end();
      return;
    }
    if (runtime.emulator && !isLocalRequest(req, isAllowedAddress)) {
      services.logger.warn("refused a Teams request from another machine: Bot Framework credentials are not configured", { remoteAddress: req.socket.remoteAddress });
      req.resume();
      sendJson(res, 403, { error: "Bot Framework credentials are not configured; only local requests are accepted" });
      return;
    }
    void (async () => {
      try {
        const request = await readActivityRequest(req);
        if (runtime.emulator && !isLoopbackUrl((request.body as { serviceUrl?: unknown }).serviceUrl)) {
          services.logger.warn("refused a Teams activity in Emulator mode: its serviceUrl is not on this machine");
          sendJson(res, 403, { error: "in Emulator mode replies go to a loopback serviceUrl only" });
          return;
        }
        // One organisation's bot serves that organisation only: another tenant's activity, validly signed or not, is refused.
        const tenantId = credentials?.tenantId;
        if (tenantId && tenantOf(request.body as Partial<Activity>)?.toLowerCase() !== tenantId.toLowerCase()) {
          services.logger.warn("refused a Teams activity from another tenant (BOT_TENANT_ID is set)");
          sendJson(res, 403, { error: "this bot serves one tenant only" });
          return;
        }
        if (options.allowedTenants && !options.allowedTenants.admits(tenantOf(request.body as Partial<Activity>))) {
          sendJson(res, 403, { error: "tenant_not_allowed" });
          return;
        }
        let turnStarted = false;
        // botbuilder 4.23 lets a bad signature under a known key id escape token validation as a
        // plain error (500). A request that fails before its turn starts was not authenticated.
        // teams-ai answers an invoke no route takes (an unknown verb, a value without an action) with
        // 501: for the client that is a malformed request, 400, never a 5xx.
        let answered = 200;
        const unauthenticatedAs401 = (status: number) => (answered = status === 500 && !turnStarted ? 401 : status === 501 ? 400 : status);
        await adapter.process(request, bridgeResponse(res, unauthenticatedAs401), async (turn) => {
          turnStarted = true;
          await app.run(turn);
        });
        // One line per refused request (botbuilder's own console output of it is a debug line).
        if (answered === 401) services.logger.warn("refused a Teams request that is not authenticated", { status: 401 });
      } catch (error) {
        if (error instanceof BadActivityRequest) {
          sendJson(res, error.status, { error: error.message });
          return;
        }
        services.logger.error("Teams request failed", { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        if (!res.headersSent) res.writeHead(500).end();
      }
    })();
  };

  const health = credentials
    ? platformHealth({ platform: "teams", verify: botFrameworkTokenCheck(credentials), reasonOf: teamsFaultReason, logger: services.logger })
    : undefined;
  return { requestListener, channelPoster: createTeamsChannelPoster(runtime), emulator: runtime.emulator, health };
}
