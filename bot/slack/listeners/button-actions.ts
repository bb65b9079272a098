// Buttons in ipsbot messages and the Home tab (the agenda's Discussed, a fidelity item's answers):
// one Bolt listener per registered action, answered through the responder.
import type { App, BlockButtonAction } from "@slack/bolt";
import type { Services } from "../../../commands/context.ts";
import { runAction } from "../../../commands/dispatch.ts";
import { actionRegistry } from "../../../commands/registry.ts";
import { contextFromInteraction } from "../identity.ts";
import { slackActionIdPattern } from "../render-blocks.ts";
import { answerInSlack } from "../responder.ts";

export function registerButtonActions(app: App, services: Services): void {
  for (const action of actionRegistry) {
    app.action<BlockButtonAction>({ type: "block_actions", action_id: slackActionIdPattern(action.actionId) }, async ({ ack, body, action: clicked, respond, client }) => {
      const channelId = body.channel?.id ?? body.container?.channel_id;
      // Clicks in the Home tab have no response_url.
      const place = { client, userId: body.user.id, channelId, triggerId: body.trigger_id, respond: body.response_url ? respond : undefined, ack: () => ack() };
      await answerInSlack(services, place, "click", async () => {
        const ctx = await contextFromInteraction(services, client, body, channelId);
        // A redelivered click carries the same message and action timestamps: it is acted on once;
        // a double click too, for buttons whose second press can only mean the first.
        const click = action.sameClickSameAnswer ? `${action.actionId}:${clicked.value ?? ""}:${body.user.id}` : clicked.action_ts;
        const deliveryKey = `slack:${ctx.workspaceId}:action:${body.container?.message_ts ?? body.container?.view_id ?? "home"}:${click}`;
        return { ctx, answer: await runAction(ctx, action.actionId, clicked.value ?? "", deliveryKey) };
      });
    });
  }
}
