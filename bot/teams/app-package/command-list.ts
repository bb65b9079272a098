// The Teams command menu, from the same registry that drives parsing, the help text and the
// Slack manifest. Teams inserts the title into the compose box; ipsbot reads it with or without
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

/** The registry's commands in its order (help first); any past the twelfth are typed, not picked. */
export function teamsCommandList(t: Translate): TeamsCommand[] {
  return commandRegistry.slice(0, MAX_TEAMS_COMMANDS).map((spec) => ({
    title: clip(commandName(spec), MAX_TITLE),
    description: clip(teamsPlain(t(`command.${spec.key}.purpose`)), MAX_DESCRIPTION),
  }));
}
