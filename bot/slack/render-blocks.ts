// Platform-neutral replies → Slack Block Kit. Only translation happens here.
import type { Block, Button, MessageReply, Person, Tone } from "../../commands/reply.ts";
import { escapeMrkdwn, slackMrkdwn, slackPlain } from "./slack-text.ts";

type SlackBlock = Record<string, unknown>;

const TONE_PREFIX: Record<Tone, string> = { info: "", success: ":white_check_mark: ", warning: ":warning: ", error: ":x: " };
const SECTION_LIMIT = 3000;


const mrkdwn = (text: string) => ({ type: "mrkdwn", text: slackMrkdwn(text).slice(0, SECTION_LIMIT) });

// Slack wants action_ids unique within a block, but a row of answer buttons shares one use case:
// buttons in rows get "<actionId>#<position in the message>", and listeners accept both forms.
const ACTION_ID_SUFFIX = "#";

export function slackActionIdPattern(actionId: string): RegExp {
  const literal = actionId.replace(/[.*+?^$|()[\]{}\\]/g, "\\$&");
  return new RegExp(`^${literal}(?:${ACTION_ID_SUFFIX}\\d+)?$`);
}

function renderButton(button: Button, actionId = button.actionId): SlackBlock {
  return {
    type: "button",
    action_id: actionId,
    value: button.value,
    text: { type: "plain_text", text: slackPlain(button.label).slice(0, 75), emoji: true },
    ...(button.style ? { style: button.style } : {}),
  };
}

function renderBlock(block: Block): SlackBlock[] {
  switch (block.type) {
    case "heading":
      return [{ type: "header", text: { type: "plain_text", text: slackPlain(block.text).slice(0, 150), emoji: true } }];
    case "text":
      return [{ type: "section", text: mrkdwn(`${TONE_PREFIX[block.tone ?? "info"]}${block.text}`) }];
    case "context":
      return [{ type: "context", elements: [mrkdwn(block.text)] }];
    case "divider":
      return [{ type: "divider" }];
    case "item": {
      const section: SlackBlock = { type: "section", text: mrkdwn(block.detail ? `${block.text}\n${block.detail}` : block.text) };
      if (block.button) section.accessory = renderButton(block.button);
      if (!block.extraButtons?.length) return [section];
      return [section, { type: "actions", elements: block.extraButtons.map((button) => renderButton(button)) }];
    }
    case "actions":
      return [{ type: "actions", elements: block.buttons.slice(0, 25).map((button) => renderButton(button)) }];
    case "table":
      return renderTable(block.columns, block.rows);
    case "people":
      return [{ type: "section", text: { type: "mrkdwn", text: block.people.map(slackMention).join(", ").slice(0, SECTION_LIMIT) || " " } }];
  }
}

/** A Slack user as a mention; anything that is not a Slack user id is shown as an escaped name. */
export function slackMention(person: Person): string {
  return person.platform === "slack" && /^[UW][A-Z0-9]{2,20}$/.test(person.platformUserId) ? `<@${person.platformUserId}>` : escapeMrkdwn(person.displayName);
}

// Slack has no table block: aligned columns in a code block read best on desktop and phone.
function renderTable(columns: string[], rows: string[][]): SlackBlock[] {
  // Inside the code block a backtick would close it early: shown as its look-alike instead.
  const cell = (text: string) => slackPlain(text).replace(/`/g, "\u02cb");
  columns = columns.map(cell);
  rows = rows.map((row) => row.map(cell));
  const widths = columns.map((column, index) => Math.max(column.length, ...rows.map((row) => (row[index] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join("  ").trimEnd();
  const lines = [line(columns), ...rows.map(line)];
  const sections: SlackBlock[] = [];
  let chunk: string[] = [];
  for (const text of lines) {
    if ([...chunk, text].join("\n").length + 8 > SECTION_LIMIT) {
      sections.push({ type: "section", text: { type: "mrkdwn", text: `\`\`\`${escapeMrkdwn(chunk.join("\n"))}\`\`\`` } });
      chunk = [];
    }
    chunk.push(text);
  }
  sections.push({ type: "section", text: { type: "mrkdwn", text: `\`\`\`${escapeMrkdwn(chunk.join("\n"))}\`\`\`` } });
  return sections;
}

/** Plain text for notifications and clients that cannot show blocks. */
export function fallbackText(reply: MessageReply): string {
  const first = reply.blocks.find((block) => "text" in block);
  return first && "text" in first ? escapeMrkdwn(slackPlain(first.text).slice(0, 300)) : "ipsbot";
}

/** Slack refuses a message with more than 50 blocks. */
export const MAX_BLOCKS_PER_MESSAGE = 50;

export function renderMessage(reply: MessageReply): { text: string; blocks: SlackBlock[] } {
  return { text: fallbackText(reply), blocks: numberRowButtons(reply.blocks.flatMap(renderBlock)) };
}

function numberRowButtons(blocks: SlackBlock[]): SlackBlock[] {
  let position = 0;
  for (const block of blocks) {
    if (block.type !== "actions") continue;
    for (const element of block.elements as SlackBlock[]) element.action_id = `${String(element.action_id)}${ACTION_ID_SUFFIX}${position++}`;
  }
  return blocks;
}

/** The reply as one or more messages of at most 50 blocks each (a long agenda, say). */
export function renderMessages(reply: MessageReply): { text: string; blocks: SlackBlock[] }[] {
  const { text, blocks } = renderMessage(reply);
  const messages: { text: string; blocks: SlackBlock[] }[] = [];
  for (let start = 0; start < blocks.length || messages.length === 0; start += MAX_BLOCKS_PER_MESSAGE) {
    messages.push({ text, blocks: blocks.slice(start, start + MAX_BLOCKS_PER_MESSAGE) });
  }
  return messages;
}
