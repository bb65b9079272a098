// ALLOWED_SLACK_TEAM_IDS and ALLOWED_TEAMS_TENANT_IDS: when a list is set, a workspace or tenant
// not on it is refused with 403, and logged once per workspace per hour (a bounded memory of whom
// it logged, so that many strangers cannot grow it without end).
import type { Logger } from "../../commands/context.ts";

const LOG_EVERY_MS = 60 * 60 * 1000;
const REMEMBERED = 1_000;

export interface AllowList {
  /** True when the list is unset or names this workspace; otherwise logs (at most hourly per id) and returns false. */
  admits(workspaceId: string | undefined): boolean;
}

export function allowList(allowed: ReadonlySet<string>, what: "Slack workspace" | "Teams tenant", logger: Logger, now: () => number = Date.now): AllowList {
  const lastLogged = new Map<string, number>();
  return {
    admits(workspaceId) {
      if (allowed.size === 0) return true;
      const id = workspaceId?.includes("-") ? workspaceId.toLowerCase() : workspaceId;
      if (id && allowed.has(id)) return true;
      const key = id ?? "(none)";
      const last = lastLogged.get(key);
      if (last === undefined || now() - last >= LOG_EVERY_MS) {
        lastLogged.delete(key);
        if (lastLogged.size >= REMEMBERED) lastLogged.delete(lastLogged.keys().next().value!);
        lastLogged.set(key, now());
        logger.warn(`refused a ${what} that is not on the allow-list`, { workspaceId: key });
      }
      return false;
    },
  };
}
