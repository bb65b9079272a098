// Slack over HTTP: Bolt's HTTPReceiver, whose request listener the shared HTTP server calls for
// /slack/events, behind ipsbot's gates (allow-list, credentials check).
import type { IncomingMessage, RequestListener } from "node:http";
import { HTTPReceiver, isValidSlackRequest, type Logger as BoltLogger } from "@slack/bolt";
import { SLACK_EVENTS_PATH } from "../http/endpoints.ts";
import { sendJson } from "../http/json-response.ts";
import type { AllowList } from "../http/allow-list.ts";
import type { PlatformHealth } from "../platform-health.ts";
import { MalformedSlackRequest } from "./malformed-request.ts";
import { slackTeamOf } from "./request-team.ts";

export function slackHttpReceiver(signingSecret: string, logger: BoltLogger): HTTPReceiver {
  return new HTTPReceiver({
    logger,
    signingSecret,
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
}

/**
 * Before Bolt sees a request (its body already buffered as `rawBody`): a workspace off the
 * allow-list gets 403, but only once the request is known to be signed by Slack (Bolt's own check),
 * so a stranger cannot fill the log with invented workspace ids; while the token is being checked a
 * request waits for that check, and while it fails Slack is asked to retry later.
 */
export function gatedHttpListener(boltListener: RequestListener, signingSecret: string, allowedTeams: AllowList | undefined, health: PlatformHealth): RequestListener {
  return (req, res) => {
    void (async () => {
      const raw = (req as IncomingMessage & { rawBody: Buffer }).rawBody;
      if (allowedTeams && isSignedBySlack(signingSecret, req, raw) && !allowedTeams.admits(slackTeamOf(raw, String(req.headers["content-type"] ?? "")))) {
        sendJson(res, 403, { error: "workspace_not_allowed" });
        return;
      }
      if (!(await health.usable())) {
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
