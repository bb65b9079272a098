// How a test's Slack request reaches the bot: as Slack posts it to the events URL (signed HTTP), or
// as Slack sends it over Socket Mode (an envelope on the WebSocket, answered by an acknowledgement).
// Suites speak through a transport, so one use case runs both ways: the Socket Mode project of
// vitest.config.ts runs the listed suites again with IPSBOT_TEST_SLACK_TRANSPORT=socket.
import type { Envelope, FakeSocketMode } from "./fake-socket-mode.ts";
import { postSigned, signatureHeaders, type SendOptions } from "./slack-requests.ts";

export type SlackTransportName = "http" | "socket";

export interface SlackTransport {
  name: SlackTransportName;
  /**
   * Delivers a body as Slack would: form-encoded (commands; interactions under `payload`) or JSON
   * (events). Over Socket Mode the answer is built from the acknowledgement: 200 with its payload,
   * or 504 when none came.
   */
  send(body: string, options?: SendOptions & { contentType?: string }): Promise<Response>;
}

/** The transport the suites run on: IPSBOT_TEST_SLACK_TRANSPORT, HTTP unless it says "socket". */
export function slackTransportName(): SlackTransportName {
  return process.env.IPSBOT_TEST_SLACK_TRANSPORT === "socket" ? "socket" : "http";
}

export function httpTransport(eventsUrl: () => string): SlackTransport {
  return {
    name: "http",
    send(body, options = {}) {
      if (!options.contentType?.startsWith("application/json")) return postSigned(eventsUrl(), body, options);
      const headers = { ...signatureHeaders(body, Math.floor(Date.now() / 1000)), "content-type": options.contentType };
      return fetch(eventsUrl(), { method: "POST", headers: { ...headers, ...options.headers }, body });
    },
  };
}

export function socketTransport(socketMode: FakeSocketMode): SlackTransport {
  return {
    name: "socket",
    async send(body, options = {}) {
      const retryNum = options.headers?.["x-slack-retry-num"];
      const envelope = { ...envelopeOf(body, options.contentType), ...(retryNum ? { retryAttempt: Number(retryNum), retryReason: options.headers?.["x-slack-retry-reason"] } : {}) };
      const ack = await socketMode.deliver(envelope);
      if (!ack) return new Response(JSON.stringify({ error: "no acknowledgement" }), { status: 504 });
      const payload = Object.keys(ack.payload).length > 0 ? JSON.stringify(ack.payload) : "";
      return new Response(payload, { status: 200, headers: payload ? { "content-type": "application/json" } : {} });
    },
  };
}

/** The Socket Mode envelope Slack sends for what it would otherwise post to the events URL. */
export function envelopeOf(body: string, contentType = "application/x-www-form-urlencoded"): Envelope {
  if (contentType.startsWith("application/json")) return { type: "events_api", payload: JSON.parse(body) as Record<string, unknown> };
  const fields = Object.fromEntries(new URLSearchParams(body));
  if (typeof fields.payload === "string") return { type: "interactive", payload: JSON.parse(fields.payload) as Record<string, unknown> };
  return { type: "slash_commands", payload: fields };
}
