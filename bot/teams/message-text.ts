// What a Teams message says, as the text after `/ips` would say it in Slack. In a channel the
// bot is @mentioned: Teams puts `<at>ipsbot</at>` into the text with a mention entity. The
// leading `ips` word is optional (the Teams command menu inserts only the command's title).
import type { Activity } from "botbuilder";
import { COMMAND_WORD } from "../../commands/registry.ts";
import { mentionText, peopleMentioned, type MentionEntity } from "./mentions.ts";

const ENTITIES: Record<string, string> = { "&nbsp;": " ", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&apos;": "'", "&amp;": "&" };

export function commandTextOf(activity: Pick<Activity, "text" | "entities" | "recipient">): string {
  let text = activity.text ?? "";
  for (const entity of (activity.entities ?? []) as MentionEntity[]) {
    if (entity.type === "mention" && entity.text && entity.mentioned?.id === activity.recipient?.id) {
      text = text.split(entity.text).join(" ");
    }
  }
  // Other people mentioned read as "@Name" (a role or a transfer names them so); stray markup goes.
  for (const entity of peopleMentioned(activity)) {
    if (entity.text) text = text.split(entity.text).join(mentionText(entity));
  }
  text = text.replace(/<at>(.*?)<\/at>/gs, "$1");
  text = text.replace(/&(nbsp|lt|gt|quot|#39|apos|amp|#\d{1,7}|#x[0-9a-f]{1,6});/gi, decodeEntity);
  const words = text.trim();
  const leading = new RegExp(`^/?${COMMAND_WORD}(?=\\s|$)`, "i");
  return words.replace(leading, "").trim();
}

/** Named entities Teams clients send, and numeric ones (`&#8209;` is the non-breaking hyphen a reader sees). */
function decodeEntity(entity: string, name: string): string {
  const named = ENTITIES[entity];
  if (named !== undefined) return named;
  const codePoint = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
  return name.startsWith("#") && codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity;
}
