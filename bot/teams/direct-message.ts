// A reply's direct part (a fidelity review's item card, an export) goes to the person's 1:1 chat
// with the bot, as Slack posts it to the user's DM. A bot cannot attach a file to a Teams chat
// without the file-consent flow, so a file is shown as its text in a monospace block instead
// (the export is plain CSV), cut to what fits in one card.
import type { Translate } from "../../prompts/catalogue.ts";
import type { DirectMessage } from "../../commands/reply.ts";
import { adaptiveCard, cardBytes, MAX_CARD_BYTES, type AdaptiveCard } from "./adaptive-card.ts";
import { renderCards, textBlock } from "./render-card.ts";

/** Room left in a card for the file's text after its title and note. */
const FILE_TEXT_BUDGET = MAX_CARD_BYTES - 2_000;

export function fileCard(file: NonNullable<DirectMessage["file"]>, t: Translate): AdaptiveCard {
  let content = file.content;
  let truncated = false;
  while (Buffer.byteLength(content, "utf8") > FILE_TEXT_BUDGET) {
    content = content.slice(0, content.lastIndexOf("\n", Math.floor(content.length * 0.9)));
    truncated = true;
  }
  const card = adaptiveCard([
    textBlock(file.title, { weight: "Bolder" }),
    textBlock(t(truncated ? "teams.fileTruncated" : "teams.fileAsText", { name: file.name }), { isSubtle: true }),
    textBlock(content, { fontType: "Monospace" }),
  ]);
  return cardBytes(card) <= MAX_CARD_BYTES ? card : adaptiveCard([textBlock(t("teams.fileTruncated", { name: file.name }))]);
}

export function directCards(direct: DirectMessage, t: Translate): AdaptiveCard[] {
  const cards = renderCards({ kind: "message", visibility: "ephemeral", blocks: direct.blocks });
  if (direct.file) cards.push(fileCard(direct.file, t));
  return cards;
}
