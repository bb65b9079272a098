// The person a command names with an @-mention (`/ips admin role @olle specialist`). The platform
// adapter put the mention into the text as "@Name" and into ctx.mentions with the person's id.
import type { MemberRecord } from "../../storage/store.ts";
import type { CommandContext, MentionedPerson } from "../context.ts";
import type { Token } from "../parse/tokenize.ts";
import { refuse } from "../refusal.ts";

/** The mention the words start with, and the words after it; refuses when they start with none. */
export function takeMention(ctx: CommandContext, words: readonly Token[]): { mention: MentionedPerson; rest: Token[] } {
  for (const mention of ctx.mentions) {
    const parts = mention.text.split(/\s+/);
    const matches = parts.every((part, index) => words[index]?.text === part && !words[index]?.quoted);
    if (matches) return { mention, rest: words.slice(parts.length) };
  }
  return refuse("error.mentionExpected");
}

/** The mentioned person as a member of this workspace, stored if ipsbot has not met them yet. */
export async function mentionedMember(ctx: CommandContext, mention: MentionedPerson, create: boolean): Promise<MemberRecord | null> {
  const platformUserId = await mention.platformUserId();
  if (!platformUserId) return refuse("error.mentionUnknown", { person: mention.displayName });
  const identity = { platform: ctx.platform, workspaceId: ctx.workspaceId, platformUserId };
  const known = await ctx.store.members.find(identity);
  if (known || !create) return known;
  return ctx.store.members.upsert({ ...identity, displayName: mention.displayName }, ctx.clock.now());
}
