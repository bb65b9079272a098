// The Slack workspace a request comes from, read from its body (slash commands and interactions are
// form-encoded over HTTP, events JSON; over Socket Mode each arrives already parsed).
import { parse } from "node:querystring";

/** team_id of a command or event, team.id of an interaction; an Enterprise Grid organisation's id where Slack gives one. */
export function slackTeamOfPayload(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const fields = body as { team_id?: unknown; enterprise_id?: unknown; team?: { id?: unknown } | null; enterprise?: { id?: unknown } | null };
  const id = fields.team_id ?? fields.team?.id ?? fields.enterprise_id ?? fields.enterprise?.id;
  return typeof id === "string" ? id : undefined;
}

/** The workspace of a request as it arrived over HTTP: its raw body and content type. */
export function slackTeamOf(rawBody: Buffer, contentType: string): string | undefined {
  try {
    const text = rawBody.toString("utf8");
    if (contentType.startsWith("application/json")) return slackTeamOfPayload(JSON.parse(text));
    const fields = parse(text);
    if (typeof fields.team_id === "string") return fields.team_id;
    if (typeof fields.payload === "string") return slackTeamOfPayload(JSON.parse(fields.payload));
  } catch {
    return undefined;
  }
  return undefined;
}
