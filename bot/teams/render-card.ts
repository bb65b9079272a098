// Platform-neutral replies → Adaptive Cards. Only translation happens here: each Block becomes
// card elements, a button becomes an Action.Execute whose verb is the registry's actionId, and a
// long reply is split into several cards so each stays under Teams' message size limit.
import type { Block, Button, MessageReply, Person, Tone } from "../../commands/reply.ts";
import { adaptiveCard, cardBytes, MAX_CARD_BYTES, universalAction, type AdaptiveCard, type CardElement } from "./adaptive-card.ts";
import { escapeTeamsMarkdown, teamsMarkdown, teamsPlain } from "./teams-text.ts";

const TONE_COLOR: Record<Tone, string | undefined> = { info: undefined, success: "Good", warning: "Warning", error: "Attention" };
const TABLE_ROWS_PER_ELEMENT = 30;

/** A TextBlock of neutral text, escaped for Teams markdown. */
export const textBlock = (text: string, extra: CardElement = {}): CardElement => ({ type: "TextBlock", text: teamsMarkdown(text), wrap: true, ...extra });

export function buttonAction(button: Button): CardElement {
  const style = button.style ? { style: button.style === "primary" ? "positive" : "destructive" } : {};
  return universalAction(teamsPlain(button.label), button.actionId, { value: button.value }, style);
}

function renderBlock(block: Block): CardElement[] {
  switch (block.type) {
    case "heading":
      return [textBlock(block.text, { size: "Medium", weight: "Bolder" })];
    case "text": {
      const color = TONE_COLOR[block.tone ?? "info"];
      return [textBlock(block.text, color ? { color } : {})];
    }
    case "context":
      return [textBlock(block.text, { isSubtle: true, size: "Small" })];
    case "divider":
      return [];
    case "item": {
      const items = [textBlock(block.text), ...(block.detail ? [textBlock(block.detail, { isSubtle: true, spacing: "None" })] : [])];
      const buttons = [...(block.button ? [block.button] : []), ...(block.extraButtons ?? [])];
      if (buttons.length > 0) items.push({ type: "ActionSet", actions: buttons.map(buttonAction) });
      return [{ type: "Container", separator: true, items }];
    }
    case "actions":
      return [{ type: "ActionSet", actions: block.buttons.map(buttonAction) }];
    case "table":
      return renderTable(block.columns, block.rows);
    case "people":
      return [{ type: "TextBlock", text: block.people.map(teamsMention).join(", ") || EMPTY_CELL, wrap: true, weight: "Bolder" }];
  }
}

/**
 * A TextBlock needs text: the SDK drops an empty one (and Teams may refuse the card), so an empty
 * cell (the unnamed count columns beside the digest's trend bars) holds a no-break space.
 */
const EMPTY_CELL = "\u00a0";

function renderTable(columns: string[], rows: string[][]): CardElement[] {
  const row = (cells: string[], header: boolean): CardElement => ({
    type: "TableRow",
    cells: columns.map((_, index) => ({ type: "TableCell", items: [textBlock(cells[index] || EMPTY_CELL, header ? { weight: "Bolder" } : {})] })),
  });
  const tables: CardElement[] = [];
  // One Table element per slice, each with the header row, so a split card still reads on its own.
  for (let start = 0; start < rows.length || tables.length === 0; start += TABLE_ROWS_PER_ELEMENT) {
    tables.push({
      type: "Table",
      columns: columns.map(() => ({ width: 1 })),
      rows: [row(columns, true), ...rows.slice(start, start + TABLE_ROWS_PER_ELEMENT).map((cells) => row(cells, false))],
    });
  }
  return tables;
}

/** The card elements of a reply; a divider becomes a separator line on the element after it. */
export function renderElements(blocks: readonly Block[]): CardElement[] {
  const elements: CardElement[] = [];
  let separate = false;
  for (const block of blocks) {
    if (block.type === "divider") {
      separate = elements.length > 0;
      continue;
    }
    const rendered = renderBlock(block);
    if (separate && rendered[0]) rendered[0] = { ...rendered[0], separator: true };
    separate = false;
    elements.push(...rendered);
  }
  return elements;
}

/** A Teams member as a real mention (Teams notifies them); anyone else by name. Names are escaped either way. */
function teamsMention(person: Person): string {
  return isTeamsMember(person) ? mentionText(person) : escapeTeamsMarkdown(person.displayName);
}

const mentionText = (person: Person) => `<at>${escapeTeamsMarkdown(person.displayName)}</at>`;
const isTeamsMember = (person: Person) => person.platform === "teams" && person.displayName.trim() !== "" && !/[<>]/.test(person.displayName);

/** The mention entities a card needs for the `<at>` names its text holds. */
function withMentions(card: AdaptiveCard, people: readonly Person[]): AdaptiveCard {
  const text = JSON.stringify(card.body);
  const entities = people
    .filter((person) => isTeamsMember(person) && text.includes(JSON.stringify(mentionText(person)).slice(1, -1)))
    .map((person) => ({ type: "mention" as const, text: mentionText(person), mentioned: { id: person.platformUserId, name: person.displayName } }));
  return entities.length > 0 ? { ...card, msteams: { width: "Full", entities } } : card;
}

/** The reply as one or more cards, each under MAX_CARD_BYTES (a long agenda, say). */
export function renderCards(reply: MessageReply): AdaptiveCard[] {
  const people = reply.blocks.flatMap((block) => (block.type === "people" ? block.people : []));
  const cards: AdaptiveCard[] = [];
  let body: CardElement[] = [];
  for (const element of renderElements(reply.blocks)) {
    if (body.length > 0 && cardBytes(adaptiveCard([...body, element])) > MAX_CARD_BYTES) {
      cards.push(withMentions(adaptiveCard(body), people));
      body = [];
    }
    body.push(element);
  }
  cards.push(withMentions(adaptiveCard(body), people));
  return cards;
}

/** The neutral text of a reply, for places that show no card (an answer to a click). */
export function replyText(reply: MessageReply): string {
  return reply.blocks.flatMap((block) => ("text" in block ? [block.text, ...("detail" in block && block.detail ? [block.detail] : [])] : [])).join("\n");
}
