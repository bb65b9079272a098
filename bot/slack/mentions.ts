// With `should_escape: true` (manifest) Slack sends a mentioned user as `<@U0123|name>` (or
// `<@U0123>`), a channel as `<#C0123|name>` and a link as `<https://…|label>`. The command text
// gets the readable form ("@name", "#name", the link); the mentioned users go to the command as
// people it can give a role to.
import type { MentionedPerson } from "../../commands/context.ts";

const SLACK_MARKUP = /<([@#!])?([^<>|]+)(?:\|([^<>]*))?>/g;

export function readSlackMentions(text: string): { text: string; mentions: MentionedPerson[] } {
  const mentions: MentionedPerson[] = [];
  const readable = text.replace(SLACK_MARKUP, (whole, sigil: string | undefined, target: string, label: string | undefined) => {
    if (sigil === "@" && /^[UW][A-Z0-9]{2,20}$/.test(target)) {
      const displayName = label?.trim() || target;
      const mention = `@${displayName}`;
      mentions.push({ text: mention, displayName, platformUserId: async () => target });
      return mention;
    }
    if (sigil === "#") return `#${label?.trim() || target}`;
    if (sigil === "!") return `@${label?.trim() || target}`; // <!here>, <!channel>: kept as words
    if (sigil === undefined && /^(https?|mailto):/i.test(target)) return label?.trim() || target;
    return whole;
  });
  return { text: readable, mentions };
}
