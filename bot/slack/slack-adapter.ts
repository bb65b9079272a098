// Builds the Bolt app on one of two receivers: HTTP (Slack posts to /slack/events, which the shared
// HTTP server hands to the receiver's listener) or Socket Mode (ipsbot connects out to Slack). The
// listeners, the channel poster and the bot token's check are the same for both.
import { App } from "@slack/bolt";
import type { RequestListener } from "node:http";
import type { Dispatcher } from "undici";
import type { SlackConnection } from "../config.ts";
import type { AllowList } from "../http/allow-list.ts";
import { platformHealth, type PlatformHealth } from "../platform-health.ts";
import type { Services } from "../../commands/context.ts";
import type { ChannelPoster } from "../../commands/ports.ts";
import { registerButtonActions } from "./listeners/button-actions.ts";
import { registerFormSubmissions } from "./listeners/form-submissions.ts";
import { registerSlashCommand } from "./listeners/slash-command.ts";
import { registerHomeTab } from "./listeners/home-tab.ts";
import { gatedHttpListener, slackHttpReceiver } from "./http-receiver.ts";
import { slackSocketMode } from "./socket-mode-receiver.ts";
import { slackChannelPoster } from "./slack-channel-poster.ts";
import { slackLogger } from "./slack-logger.ts";
import { MalformedSlackRequest } from "./malformed-request.ts";

export interface SlackSettings {
  connection: SlackConnection;
  /** ALLOWED_SLACK_TEAM_IDS: a workspace not on it is refused (403 over HTTP; acknowledged and dropped over Socket Mode). */
  allowedTeams?: AllowList;
  /** LOG_LEVEL, for Bolt's own logger (bridged into ipsbot's log). */
  logLevel: string;
  botToken: string;
  apiUrl: string | undefined;
  /** The outbound proxy for the Socket Mode WebSocket, when one is set (fetch already uses it). */
  dispatcher?: Dispatcher;
}

export interface SlackAdapter {
  /** HTTP: the listener for /slack/events. Undefined in Socket Mode, which has no inbound endpoint. */
  requestListener?: RequestListener;
  poster: ChannelPoster;
  /** Whether the bot token works (auth.test), checked in the background: a bad token never stops the bot. */
  health: PlatformHealth;
  /** Socket Mode: the WebSocket link to Slack, opened and re-opened in the background. */
  socketLink?: PlatformHealth;
  /** Starts the background checks (and, in Socket Mode, opens the link). */
  start(): void;
  stop(): Promise<void>;
}

export function createSlackAdapter(services: Services, settings: SlackSettings): SlackAdapter {
  const logger = slackLogger(services.logger, settings.logLevel);
  const apiUrl = settings.apiUrl ? ensureTrailingSlash(settings.apiUrl) : undefined;
  const { connection } = settings;
  const socketMode = connection.mode === "socket"
    ? slackSocketMode({ appToken: connection.appToken, apiUrl, dispatcher: settings.dispatcher, allowedTeams: settings.allowedTeams, usable: () => tokenHealth.usable(), boltLogger: logger, logger: services.logger, reasonOf: slackFaultReason })
    : undefined;
  const httpReceiver = connection.mode === "http" ? slackHttpReceiver(connection.signingSecret, logger) : undefined;
  const app = new App({
    token: settings.botToken,
    receiver: socketMode?.receiver ?? httpReceiver,
    // Bolt, its receiver and its Web API client log through ipsbot's logger (LOG_LEVEL filters).
    logger,
    // Bolt would check the token in its constructor and let a failure crash the process (an
    // unhandled rejection). ipsbot checks it itself with app.init(), in the background, retrying.
    deferInitialization: true,
    clientOptions: {
      ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
      // A few quick retries (429s wait for Retry-After); longer outages are retried by the
      // scheduler's own backoff instead of blocking a round of posts for half an hour.
      retryConfig: webApiRetries(() => services.metrics.retry("slack")),
    },
  });
  registerSlashCommand(app, services);
  registerButtonActions(app, services);
  registerFormSubmissions(app, services);
  registerHomeTab(app, services);
  app.error(async (error) => {
    // A malformed request is the receiver's to refuse, at once: 400 over HTTP (instead of Bolt's
    // answer after its 3-second wait for an acknowledgement), acknowledged and dropped over Socket Mode.
    const original = (error as { original?: unknown }).original ?? error;
    if (original instanceof MalformedSlackRequest) throw original;
    services.logger.error("slack listener failed", { error: error.message });
  });
  const tokenHealth = platformHealth({ platform: "slack", verify: () => app.init(), reasonOf: slackFaultReason, logger: services.logger });
  return {
    requestListener: connection.mode === "http" ? gatedHttpListener(httpReceiver!.requestListener, connection.signingSecret, settings.allowedTeams, tokenHealth) : undefined,
    poster: slackChannelPoster(app.client),
    health: tokenHealth,
    socketLink: socketMode?.link,
    start() {
      tokenHealth.start();
      socketMode?.link.start();
    },
    async stop() {
      tokenHealth.stop();
      await socketMode?.stop();
    },
  };
}

/**
 * A few quick retries (429s wait for Retry-After). `onFailedAttempt` is p-retry's, which the Web API
 * client retries with (its RetryOptions type leaves it out): each failed attempt is counted.
 */
function webApiRetries(onFailedAttempt: () => void) {
  const options = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5_000, onFailedAttempt };
  return options;
}

/** Slack's error code (invalid_auth, token_revoked, …), or "unreachable" when no answer came. */
export function slackFaultReason(error: unknown): string {
  const { data, code, message } = (error ?? {}) as { data?: { error?: string }; code?: string; message?: string };
  if (data?.error) return data.error;
  if (code === "slack_webapi_request_error") return "unreachable";
  return code ?? message ?? "unknown";
}

function ensureTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
