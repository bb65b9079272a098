// Buttons in ipsbot messages (the agenda's Discussed): one Bolt listener per registered action.
import type { App, BlockButtonAction } from "@slack/bolt";
import type { Services } from "../../../commands/context.ts";
import { runAction } from "../../../commands/dispatch.ts";
import { actionRegistry } from "../../../commands/registry.ts";
import { contextFromInteraction } from "../identity.ts";
import { renderMessages } from "../render-blocks.ts";

export function registerButtonActions(app: App, services: Services): void {
  for (const action of actionRegistry) {
    app.action<BlockButtonAction>({ type: "block_actions", action_id: action.actionId }, async ({ ack, body, action: clicked, respond }) => {
      await ack();
      const ctx = await contextFromInteraction(services, body);
      const reply = await runAction(ctx, action.actionId, clicked.value ?? "");
      const [first, ...rest] = renderMessages(reply);
      await respond({ replace_original: reply.replaceOriginal ?? false, response_type: "ephemeral", ...first! });
      for (const message of rest) await respond({ response_type: "ephemeral", ...message });
    });
  }
}
