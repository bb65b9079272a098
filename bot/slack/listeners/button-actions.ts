// Buttons in ipsbot messages and the Home tab: one Bolt listener per registered action.
import type { App, BlockButtonAction } from "@slack/bolt";
import type { Services } from "../../../commands/context.ts";
import { runAction } from "../../../commands/dispatch.ts";
import { actionRegistry } from "../../../commands/registry.ts";
import { contextFromInteraction } from "../identity.ts";
import { renderMessages } from "../render-blocks.ts";
import { modalMetadata, renderModal } from "../render-modal.ts";
import { refreshHomeFor } from "./home-tab.ts";

export function registerButtonActions(app: App, services: Services): void {
  for (const action of actionRegistry) {
    app.action<BlockButtonAction>({ type: "block_actions", action_id: action.actionId }, async ({ ack, body, action: clicked, respond, client }) => {
      await ack();
      const channelId = body.channel?.id ?? body.container?.channel_id;
      const ctx = await contextFromInteraction(services, body, channelId);
      const reply = await runAction(ctx, action.actionId, clicked.value ?? "");
      if (reply.kind === "form") {
        await client.views.open({ trigger_id: body.trigger_id, view: renderModal(reply.form, modalMetadata(channelId, reply.form)) as never });
        return;
      }
      const [first, ...rest] = renderMessages(reply);
      if (body.response_url) {
        await respond({ replace_original: reply.replaceOriginal ?? false, response_type: "ephemeral", ...first! });
        for (const message of rest) await respond({ response_type: "ephemeral", ...message });
      } else {
        // Clicks in the Home tab have no response_url: answer in the app's direct messages.
        for (const message of [first!, ...rest]) await client.chat.postMessage({ channel: body.user.id, ...message });
      }
      await refreshHomeFor(client, services, ctx);
    });
  }
}
