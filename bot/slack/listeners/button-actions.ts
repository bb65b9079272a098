// Buttons in ipsbot messages (the agenda's Discussed): one Bolt listener per registered action.
import type { App, BlockButtonAction } from "@slack/bolt";
import type { Services } from "../../../commands/context.ts";
import { runAction } from "../../../commands/dispatch.ts";
import { actionRegistry } from "../../../commands/registry.ts";
import { contextFromInteraction } from "../identity.ts";
import { renderMessage } from "../render-blocks.ts";

export function registerButtonActions(app: App, services: Services): void {
  for (const action of actionRegistry) {
    app.action<BlockButtonAction>({ type: "block_actions", action_id: action.actionId }, async ({ ack, body, action: clicked, respond }) => {
      await ack();
      const ctx = await contextFromInteraction(services, body);
      const reply = await runAction(ctx, action.actionId, clicked.value ?? "");
      await respond({ replace_original: reply.replaceOriginal ?? false, response_type: "ephemeral", ...renderMessage(reply) });
    });
  }
}
