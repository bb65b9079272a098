// The one HTTP server: /healthz, Slack's /slack/events and Teams' /api/messages.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { systemClock, type Clock, type Services } from "../../commands/context.ts";
import { isFreshSlackTimestamp } from "../slack/request-freshness.ts";
import { bufferSlackBody, UnusableSlackBody } from "../slack/request-body.ts";
import { SLACK_BODY_LIMIT_BYTES, SLACK_EVENTS_PATH, type SlackAdapter } from "../slack/slack-adapter.ts";
import { TEAMS_MESSAGES_PATH, type TeamsBot } from "../teams/teams-adapter.ts";

export interface HttpRoutes {
  services: Services;
  slack: SlackAdapter | undefined;
  teams?: TeamsBot | undefined;
  /** Real time by default: it must agree with Bolt's own (real-time) check of old timestamps. */
  requestClock?: Clock;
}

export function createHttpServer({ services, slack, teams, requestClock = systemClock }: HttpRoutes): Server {
  return createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/healthz" && req.method === "GET") {
      void answerHealth(services, res);
      return;
    }
    if (path === SLACK_EVENTS_PATH && slack) {
      if (Number(req.headers["content-length"] ?? 0) > SLACK_BODY_LIMIT_BYTES) {
        // Announced too large: refused without reading a byte (Bolt's own limit stops a body that lies).
        res.on("finish", () => req.destroy());
        res.writeHead(413, { "content-type": "application/json", connection: "close" }).end(JSON.stringify({ error: "too_large" }));
        return;
      }
      if (!isFreshSlackTimestamp(req.headers["x-slack-request-timestamp"], requestClock)) {
        services.logger.warn("refused a Slack request with a stale or future timestamp", { timestamp: req.headers["x-slack-request-timestamp"] });
        drainAndAnswer(req, res, 401, { error: "stale or future request timestamp" });
        return;
      }
      void bufferSlackBody(req, SLACK_BODY_LIMIT_BYTES).then(
        () => slack.requestListener(req, res),
        (error: unknown) => {
          const refusal = error instanceof UnusableSlackBody ? error : new UnusableSlackBody(400, "bad_request");
          services.logger.warn("refused an unusable Slack request body", { code: refusal.code });
          if (refusal.status === 413) res.on("finish", () => req.destroy());
          sendJson(res, refusal.status, { error: refusal.code });
        },
      );
      return;
    }
    if (path === TEAMS_MESSAGES_PATH && teams) {
      teams.requestListener(req, res);
      return;
    }
    drainAndAnswer(req, res, 404, { error: "not found" });
  });
}

async function answerHealth(services: Services, res: ServerResponse): Promise<void> {
  const healthy = await services.store.isHealthy();
  sendJson(res, healthy ? 200 : 503, { status: healthy ? "ok" : "database unavailable" });
}

function drainAndAnswer(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
  req.resume();
  sendJson(res, status, body);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
