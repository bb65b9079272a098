// Reads the buttons of a rendered Slack message, so tests click exactly what a person would see.
import type { Harness } from "./bot-harness.ts";
import type { RecordedCall } from "./fake-slack-api.ts";
import type { SlackUser } from "./slack-requests.ts";

export interface RenderedButton {
  action_id: string;
  value: string;
  text: { text: string };
  style?: string;
}

export function buttonsOf(call: RecordedCall): RenderedButton[] {
  const blocks = (call.body.blocks ?? []) as { type: string; elements?: RenderedButton[]; accessory?: RenderedButton }[];
  return blocks.flatMap((block) => [...(block.type === "actions" ? (block.elements ?? []) : []), ...(block.accessory ? [block.accessory] : [])]);
}

export function buttonLabelled(call: RecordedCall, label: string): RenderedButton {
  const button = buttonsOf(call).find((candidate) => candidate.text.text === label);
  if (!button) throw new Error(`no button "${label}" in: ${buttonsOf(call).map((candidate) => candidate.text.text).join(", ")}`);
  return button;
}

/** Clicks the button with this label in the message and returns the bot's answer. */
export function click(h: Harness, call: RecordedCall, label: string, user?: SlackUser): Promise<RecordedCall> {
  const button = buttonLabelled(call, label);
  return h.clickButton(button.action_id, button.value, user);
}

/** The latest message the bot posted to a user's direct messages. */
export function lastDirectMessage(h: Harness, user: SlackUser): RecordedCall {
  const posts = h.slack.callsTo("chat.postMessage").filter((call) => call.body.channel === user.id);
  const last = posts.at(-1);
  if (!last) throw new Error(`nothing was posted to ${user.id}`);
  return last;
}
