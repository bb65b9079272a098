// The Teams command menus, one per scope, from the same registry that drives parsing, the help text
// and the Slack manifest. Teams inserts the title into the compose box; ipsbot reads it with or without
// the leading `ips`.
import { commandName, commandRegistry } from "../../../commands/registry.ts";
import type { Translate } from "../../../prompts/catalogue.ts";
import { teamsPlain } from "../teams-text.ts";

/** Teams shows at most 12 commands per list; older clients cut titles at 32 and descriptions at 128. */
export const MAX_TEAMS_COMMANDS = 12;
const MAX_TITLE = 32;
const MAX_DESCRIPTION = 128;

export interface TeamsCommand {
  title: string;
  description: string;
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/**
 * What each place needs most, help first: the personal chat is where a specialist does the daily
 * work; a team channel is the clinic's (the meeting agenda, the digest, the channel's settings);
 * a group chat is a few colleagues about the meeting. Everything else is typed (help lists it).
 */
export const TEAMS_MENUS = {
  personal: ["help", "caseload", "contact", "participant-add", "participant-status", "job-start", "job-end", "flag", "agenda", "participant-transfer", "fidelityStart", "fidelityResume"],
  team: ["help", "agenda", "flag", "unflag", "digest-preview", "digest-post", "channel-connect", "channel-settings", "channel-disconnect", "fidelityHistory"],
  groupChat: ["help", "agenda", "flag", "unflag", "caseload", "contact"],
} as const satisfies Record<string, readonly string[]>;

export type TeamsScope = keyof typeof TEAMS_MENUS;

/** One scope's menu, from the registry: its command names and purposes. */
export function teamsCommandList(t: Translate, scope: TeamsScope): TeamsCommand[] {
  return TEAMS_MENUS[scope].slice(0, MAX_TEAMS_COMMANDS).map((key) => {
    const spec = commandRegistry.find((candidate) => candidate.key === key);
    if (!spec) throw new Error(`the Teams menu names ${key}, which the command registry does not have`);
    return { title: clip(commandName(spec), MAX_TITLE), description: clip(teamsPlain(t(`command.${spec.key}.purpose`)), MAX_DESCRIPTION) };
  });
}
