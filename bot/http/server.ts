// The one HTTP server: /healthz, Slack's /slack/events and Teams' /api/messages.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { systemClock, type Clock, type Services } from "../../commands/context.ts";
import { isFreshSlackTimestamp } from "../slack/request-freshness.ts";
import { bufferSlackBody, SLACK_BODY_LIMIT_BYTES, UnusableSlackBody } from "../slack/request-body.ts";
import type { SlackAdapter } from "../slack/slack-adapter.ts";
import type { TeamsBot } from "../teams/teams-adapter.ts";
import { asRequest } from "../logger.ts";
import type { PrometheusMetrics } from "../metrics.ts";
import { SLACK_EVENTS_PATH, TEAMS_MESSAGES_PATH } from "./endpoints.ts";
import { sendJson } from "./json-response.ts";
import { readiness } from "./readiness.ts";
import { POLICY_PAGE_HEADERS, privacyPage, termsPage, type PolicySettings } from "./policy-pages.ts";

/**
 * The platforms the server routes to. The server listens (and answers /healthz) before their
 * libraries have loaded; a configured platform not yet loaded is `"starting"` and its requests get
 * 503 with Retry-After, which both Slack and the Bot Framework retry.
 */
export interface Platforms {
  slack: SlackAdapter | "starting" | undefined;
  teams: TeamsBot | "starting" | undefined;
}

export interface HttpRoutes {
  services: Services;
  platforms: Platforms;
  /** For /readyz's migration check. */
  databaseUrl: string;
  /** Served at /metrics when given. */
  metrics?: PrometheusMetrics;
  /** The /privacy and /terms pages' settings. */
  policy?: Omit<PolicySettings, "t" | "locale">;
  /** Real time by default: it must agree with Bolt's own (real-time) check of old timestamps. */
  requestClock?: Clock;
}

export function createHttpServer({ services, platforms, databaseUrl, metrics, policy, requestClock = systemClock }: HttpRoutes): Server {
  // Each request runs in its own scope: every line logged while it is handled carries its requestId.
  return createServer((req, res) => asRequest(() => route(req, res)));

  function route(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/healthz" && req.method === "GET") {
      void answerHealth(services, res);
      return;
    }
    if ((path === "/privacy" || path === "/terms") && req.method === "GET" && policy) {
      const settings = { ...policy, locale: services.defaultLocale, t: services.catalogue.translator(services.defaultLocale) };
      res.writeHead(200, POLICY_PAGE_HEADERS);
      res.end(path === "/privacy" ? privacyPage(settings) : termsPage(settings));
      return;
    }
    if (path === "/readyz" && req.method === "GET") {
      void readiness(services, databaseUrl, platforms).then((state) => sendJson(res, state.ready ? 200 : 503, state));
      return;
    }
    if (path === "/metrics" && req.method === "GET" && metrics) {
      void metrics.render().then((text) => {
        res.writeHead(200, { "content-type": metrics.contentType });
        res.end(text);
      });
      return;
    }
    const { slack, teams } = platforms;
    if ((path === SLACK_EVENTS_PATH && slack === "starting") || (path === TEAMS_MESSAGES_PATH && teams === "starting")) {
      res.setHeader("retry-after", "1");
      drainAndAnswer(req, res, 503, { error: "starting" });
      return;
    }
    if (path === SLACK_EVENTS_PATH && slack && slack !== "starting" && slack.requestListener) {
      const listener = slack.requestListener;
      if (Number(req.headers["content-length"] ?? 0) > SLACK_BODY_LIMIT_BYTES) {
        // Announced too large: refused without reading a byte (bufferSlackBody stops a body that lies).
        refuseSlackBody(services, req, res, new UnusableSlackBody(413, "too_large"));
        return;
      }
      if (!isFreshSlackTimestamp(req.headers["x-slack-request-timestamp"], requestClock)) {
        services.logger.warn("refused a Slack request with a stale or future timestamp", { timestamp: req.headers["x-slack-request-timestamp"] });
        drainAndAnswer(req, res, 401, { error: "stale or future request timestamp" });
        return;
      }
      void bufferSlackBody(req, SLACK_BODY_LIMIT_BYTES).then(
        () => listener(req, res),
        (error: unknown) => refuseSlackBody(services, req, res, error instanceof UnusableSlackBody ? error : new UnusableSlackBody(400, "bad_request")),
      );
      return;
    }
    if (path === TEAMS_MESSAGES_PATH && teams && teams !== "starting") {
      teams.requestListener(req, res);
      return;
    }
    drainAndAnswer(req, res, 404, { error: "not found" });
  }
}

function refuseSlackBody(services: Services, req: IncomingMessage, res: ServerResponse, refusal: UnusableSlackBody): void {
  services.logger.warn("refused an unusable Slack request body", { code: refusal.code });
  // A body too large is not read to its end: the connection closes once the answer is out.
  if (refusal.status === 413) res.on("finish", () => req.destroy());
  sendJson(res, refusal.status, { error: refusal.code });
}

async function answerHealth(services: Services, res: ServerResponse): Promise<void> {
  const healthy = await services.store.isHealthy();
  sendJson(res, healthy ? 200 : 503, { status: healthy ? "ok" : "database unavailable" });
}

function drainAndAnswer(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
  req.resume();
  sendJson(res, status, body);
}

