// A reply's direct part (a fidelity review's item card, an export) goes to the person's 1:1 chat
// with the bot, as Slack posts it to the user's DM: its blocks as cards, and a file through the
// file-consent flow (file-consent.ts).
import type { Activity } from "botbuilder";
import type { DirectMessage } from "../../commands/reply.ts";
import { fileConsentMessage } from "./file-consent.ts";
import { renderCards } from "./render-card.ts";
import { cardMessages } from "./reply-delivery.ts";

export function directMessages(direct: DirectMessage, recipientId: string, now: Date): Partial<Activity>[] {
  const messages = cardMessages(renderCards({ kind: "message", visibility: "ephemeral", blocks: direct.blocks }));
  if (direct.file) messages.push(fileConsentMessage(direct.file, recipientId, now.getTime()));
  return messages;
}
