// Builds the Bolt app on an HTTPReceiver whose request listener the shared HTTP server calls.
import { SLACK_EVENTS_PATH } from "../http/endpoints.ts";
import { App, HTTPReceiver, isValidSlackRequest } from "@slack/bolt";
import type { AllowList } from "../http/allow-list.ts";
import { slackTeamOf } from "./request-team.ts";
import { slackLogger } from "./slack-logger.ts";
import { platformHealth, type PlatformHealth } from "../platform-health.ts";
import type { Services } from "../../commands/context.ts";
import { registerButtonActions } from "./listeners/button-actions.ts";
import { registerFormSubmissions } from "./listeners/form-submissions.ts";
import { registerSlashCommand } from "./listeners/slash-command.ts";
import { registerHomeTab } from "./listeners/home-tab.ts";
import type { IncomingMessage, RequestListener } from "node:http";
import { sendJson } from "../http/json-response.ts";
import type { ChannelPoster } from "../../commands/ports.ts";
import { slackChannelPoster } from "./slack-channel-poster.ts";


/** A signed request without a field ipsbot needs: refused with 400, nothing done. */
export class MalformedSlackRequest extends Error {
  override name = "MalformedSlackRequest";
}

export interface SlackSettings {
  /** ALLOWED_SLACK_TEAM_IDS: a workspace not on it is refused with 403. */
  allowedTeams?: AllowList;
  /** LOG_LEVEL, for Bolt's own logger (bridged into ipsbot's log). */
  logLevel: string;
  signingSecret: string;
  botToken: string;
  apiUrl: string | undefined;
}

export interface SlackAdapter {
  requestListener: RequestListener;
  poster: ChannelPoster;
  /** Whether the bot token works (auth.test), checked in the background: a bad token never stops the bot. */
  health: PlatformHealth;
}

export function createSlackAdapter(services: Services, settings: SlackSettings): SlackAdapter {
  const logger = slackLogger(services.logger, settings.logLevel);
  const receiver = new HTTPReceiver({
    logger,
    signingSecret: settings.signingSecret,
    endpoints: SLACK_EVENTS_PATH,
    processBeforeResponse: false,
    signatureVerification: true,
    // The body arrives already read, within its limit, by bufferSlackBody (bot/http/server.ts).
    // A signed request Bolt cannot process (no user, no view) is malformed: 400 with a short code,
    // never a 500; ipsbot's own listeners catch their errors and apologise.
    processEventErrorHandler: async ({ error, response, logger }) => {
      if (response.headersSent) return false;
      logger.warn(`refused a malformed Slack request: ${error instanceof MalformedSlackRequest ? error.message : error.name}`);
      sendJson(response, 400, { error: "bad_request" });
      return true;
    },
  });
  const app = new App({
    token: settings.botToken,
    receiver,
    // Bolt, its receiver and its Web API client log through ipsbot's logger (LOG_LEVEL filters).
    logger,
    // Bolt would check the token in its constructor and let a failure crash the process (an
    // unhandled rejection). ipsbot checks it itself with app.init(), in the background, retrying.
    deferInitialization: true,
    clientOptions: {
      ...(settings.apiUrl ? { slackApiUrl: ensureTrailingSlash(settings.apiUrl) } : {}),
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
    services.logger.error("slack listener failed", { error: error.message });
  });
  const health = platformHealth({ platform: "slack", verify: () => app.init(), reasonOf: slackFaultReason, logger: services.logger });
  return { requestListener: gated(receiver.requestListener, settings, health), poster: slackChannelPoster(app.client), health };
}

/**
 * Before Bolt sees a request (its body already buffered as `rawBody`): a workspace off the
 * allow-list gets 403, but only once the request is known to be signed by Slack (Bolt's own check),
 * so a stranger cannot fill the log with invented workspace ids; while the token is being checked a
 * request waits for that check, and while it fails Slack is asked to retry later.
 */
function gated(boltListener: RequestListener, settings: SlackSettings, health: PlatformHealth): RequestListener {
  return (req, res) => {
    void (async () => {
      const raw = (req as IncomingMessage & { rawBody: Buffer }).rawBody;
      if (settings.allowedTeams && isSignedBySlack(settings.signingSecret, req, raw) && !settings.allowedTeams.admits(slackTeamOf(raw, String(req.headers["content-type"] ?? "")))) {
        sendJson(res, 403, { error: "workspace_not_allowed" });
        return;
      }
      const status = health.state().status;
      if (status === "failing" || (status === "checking" && !(await health.check()))) {
        res.setHeader("retry-after", "60");
        sendJson(res, 503, { error: "slack_unavailable" });
        return;
      }
      boltListener(req, res);
    })();
  };
}

function isSignedBySlack(signingSecret: string, req: IncomingMessage, raw: Buffer): boolean {
  return isValidSlackRequest({
    signingSecret,
    body: raw.toString("utf8"),
    headers: { "x-slack-signature": String(req.headers["x-slack-signature"] ?? ""), "x-slack-request-timestamp": Number(req.headers["x-slack-request-timestamp"]) },
  });
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
  const { data, code, message } = error as { data?: { error?: string }; code?: string; message?: string };
  if (data?.error) return data.error;
  if (code === "slack_webapi_request_error") return "unreachable";
  return code ?? message ?? "unknown";
}

function ensureTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
