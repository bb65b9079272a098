// The Slack workspace a request comes from, read from its body (slash commands and interactions are
// form-encoded, events JSON), once its signature is known to be Slack's: an unsigned request is left
// to Bolt, which refuses it, so a stranger cannot fill the log with invented workspace ids.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { parse } from "node:querystring";

export function isSignedBySlack(signingSecret: string, headers: IncomingHttpHeaders, rawBody: Buffer): boolean {
  const timestamp = headers["x-slack-request-timestamp"];
  const signature = headers["x-slack-signature"];
  if (typeof timestamp !== "string" || typeof signature !== "string") return false;
  const expected = `v0=${createHmac("sha256", signingSecret).update(`v0:${timestamp}:`).update(rawBody).digest("hex")}`;
  return expected.length === signature.length && timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
}

/** team_id of a command or event, team.id of an interaction; an Enterprise Grid organisation's id where Slack gives one. */
export function slackTeamOf(rawBody: Buffer, contentType: string): string | undefined {
  try {
    const text = rawBody.toString("utf8");
    if (contentType.startsWith("application/json")) {
      const body = JSON.parse(text) as { team_id?: unknown; enterprise_id?: unknown };
      return typeof body.team_id === "string" ? body.team_id : typeof body.enterprise_id === "string" ? body.enterprise_id : undefined;
    }
    const fields = parse(text);
    if (typeof fields.team_id === "string") return fields.team_id;
    if (typeof fields.payload === "string") {
      const payload = JSON.parse(fields.payload) as { team?: { id?: unknown } | null; enterprise?: { id?: unknown } | null };
      const id = payload.team?.id ?? payload.enterprise?.id;
      return typeof id === "string" ? id : undefined;
    }
  } catch {
    return undefined;
  }
  return undefined;
}
