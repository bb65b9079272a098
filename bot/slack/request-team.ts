// The Slack workspace a request comes from, read from its body (slash commands and interactions are
// form-encoded, events JSON).
import { parse } from "node:querystring";

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
