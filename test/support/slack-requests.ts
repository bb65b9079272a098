// Builds and sends requests exactly as Slack does: form-encoded bodies (JSON under `payload`
// for interactivity), signed with HMAC-SHA256 over `v0:<timestamp>:<body>`.
import { createHmac, randomUUID } from "node:crypto";

export const SIGNING_SECRET = "test-signing-secret-0123456789abcdef";

export function signatureHeaders(body: string, timestampSeconds: number, secret = SIGNING_SECRET): Record<string, string> {
  const signature = `v0=${createHmac("sha256", secret).update(`v0:${timestampSeconds}:${body}`).digest("hex")}`;
  return {
    "content-type": "application/x-www-form-urlencoded",
    "x-slack-request-timestamp": String(timestampSeconds),
    "x-slack-signature": signature,
  };
}

export interface SendOptions {
  timestampSeconds?: number;
  secret?: string;
  /** Replace the computed signature (to test a forged one). */
  signature?: string;
  /** More headers, e.g. Slack's X-Slack-Retry-Num on a redelivery. */
  headers?: Record<string, string>;
}

export async function postSigned(url: string, body: string, options: SendOptions = {}): Promise<Response> {
  const timestamp = options.timestampSeconds ?? Math.floor(Date.now() / 1000);
  const headers = signatureHeaders(body, timestamp, options.secret);
  if (options.signature) headers["x-slack-signature"] = options.signature;
  return fetch(url, { method: "POST", headers: { ...headers, ...options.headers }, body });
}

/** An Events API delivery (JSON body), signed like the form-encoded ones. */
export async function postSignedEvent(url: string, event: Record<string, unknown>, teamId: string): Promise<Response> {
  const body = eventBody(event, teamId);
  const headers = { ...signatureHeaders(body, Math.floor(Date.now() / 1000)), "content-type": "application/json" };
  return fetch(url, { method: "POST", headers, body });
}

/** The JSON body of an Events API delivery. */
export function eventBody(event: Record<string, unknown>, teamId: string): string {
  return JSON.stringify({
    token: "deprecated-verification-token",
    team_id: teamId,
    api_app_id: "A0IPSBOT",
    event,
    type: "event_callback",
    event_id: `Ev${randomUUID().replace(/-/g, "").slice(0, 10)}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: teamId, user_id: "UBOT", is_bot: true }],
  });
}

export interface SlackUser {
  id: string;
  name: string;
  teamId: string;
}

export function slashCommandBody(user: SlackUser, text: string, responseUrl: string, channelId = "C0CLINIC"): string {
  return new URLSearchParams({
    token: "deprecated-verification-token",
    team_id: user.teamId,
    team_domain: "test",
    channel_id: channelId,
    channel_name: "ips-team",
    user_id: user.id,
    user_name: user.name,
    command: "/ips",
    text,
    api_app_id: "A0IPSBOT",
    is_enterprise_install: "false",
    response_url: responseUrl,
    trigger_id: `trigger.${randomUUID()}`,
  }).toString();
}

let clicks = 0;
/** Slack stamps every click with its own action_ts (a redelivery of a click keeps it). */
const actionTimestamp = () => `${Math.floor(Date.now() / 1000)}.${String(++clicks).padStart(6, "0")}`;

export function blockActionBody(user: SlackUser, actionId: string, value: string, responseUrl: string | undefined, channelId = "C0CLINIC"): string {
  const payload = {
    type: "block_actions",
    user: { id: user.id, username: user.name, name: user.name, team_id: user.teamId },
    api_app_id: "A0IPSBOT",
    token: "deprecated-verification-token",
    container: responseUrl ? { type: "message", message_ts: "1700000000.000100", channel_id: channelId, is_ephemeral: true } : { type: "view", view_id: "VHOME" },
    trigger_id: `trigger.${randomUUID()}`,
    team: { id: user.teamId, domain: "test" },
    ...(responseUrl ? { channel: { id: channelId, name: "ips-team" }, response_url: responseUrl } : { view: { id: "VHOME", type: "home" } }),
    actions: [{ action_id: actionId, block_id: "agenda", text: { type: "plain_text", text: "Discussed" }, value, type: "button", action_ts: actionTimestamp() }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function viewSubmissionBody(
  user: SlackUser,
  callbackId: string,
  viewId: string,
  values: Record<string, Record<string, unknown>>,
  privateMetadata: string,
): string {
  const payload = {
    type: "view_submission",
    team: { id: user.teamId, domain: "test" },
    user: { id: user.id, username: user.name, name: user.name, team_id: user.teamId },
    api_app_id: "A0IPSBOT",
    token: "deprecated-verification-token",
    trigger_id: `trigger.${randomUUID()}`,
    view: {
      id: viewId,
      team_id: user.teamId,
      type: "modal",
      callback_id: callbackId,
      private_metadata: privateMetadata,
      state: { values },
      hash: "1700000000.abcdef",
      app_id: "A0IPSBOT",
      bot_id: "BBOT",
    },
    response_urls: [],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
