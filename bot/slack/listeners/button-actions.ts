// Buttons in ipsbot messages and the Home tab (the agenda's Discussed, a fidelity item's answers):
// one Bolt listener per registered action. A click answers through response_url (replacing the
// clicked message when the reply says so), may open a modal, or continue in the user's DM.
import type { App, BlockButtonAction } from "@slack/bolt";
import { installationVoice, type CommandContext, type Services } from "../../../commands/context.ts";
import { apologise, runAction } from "../../../commands/dispatch.ts";
import { actionRegistry } from "../../../commands/registry.ts";
import { sendDirectMessage } from "../direct-message.ts";
import { acknowledgeOnce } from "../acknowledge-once.ts";
import { contextFromInteraction } from "../identity.ts";
import { renderMessage, renderMessages, slackActionIdPattern } from "../render-blocks.ts";
import { renderModal } from "../render-modal.ts";
import { refreshHomeAfterChange } from "./home-tab.ts";

export function registerButtonActions(app: App, services: Services): void {
  for (const action of actionRegistry) {
    app.action<BlockButtonAction>(
      { type: "block_actions", action_id: slackActionIdPattern(action.actionId) },
      async ({ ack, body, action: clicked, respond, client }) => {
        // As for commands: Slack hears "received" only once the click's change is committed.
        const acknowledge = acknowledgeOnce(() => ack());
        const channelId = body.channel?.id ?? body.container?.channel_id;
        let ctx: CommandContext | undefined;
        try {
          ctx = await contextFromInteraction(services, body, channelId);
          // A redelivered click carries the same message and action timestamps: it is acted on once;
          // a double click too, for buttons whose second press can only mean the first.
          const click = action.sameClickSameAnswer ? `${action.actionId}:${clicked.value ?? ""}:${body.user.id}` : clicked.action_ts;
          const deliveryKey = `slack:${ctx.workspaceId}:action:${body.container?.message_ts ?? body.container?.view_id ?? "home"}:${click}`;
          const reply = await runAction(ctx, action.actionId, clicked.value ?? "", deliveryKey);
          if (reply.kind === "form") {
            await client.views.open({ trigger_id: body.trigger_id, view: renderModal(reply.form, { channelId }) as never });
            await acknowledge();
            return;
          }
          await acknowledge();
          if (reply.direct) await sendDirectMessage(client, body.user.id, reply.direct);
          const responseType = reply.visibility === "channel" ? "in_channel" : "ephemeral";
          const [first, ...rest] = renderMessages(reply);
          if (body.response_url) {
            await respond({ replace_original: reply.replaceOriginal ?? false, response_type: responseType, ...first! });
            for (const message of rest) await respond({ response_type: responseType, ...message });
          } else {
            // Clicks in the Home tab have no response_url: answer in the app's direct messages.
            for (const message of [first!, ...rest]) await client.chat.postMessage({ channel: body.user.id, ...message });
          }
          await refreshHomeAfterChange(client, services, ctx);
        } catch (error) {
          await acknowledge();
          const apology = renderMessage(apologise(ctx ?? installationVoice(services), error));
          if (body.response_url) await respond({ replace_original: false, response_type: "ephemeral", ...apology });
          else await client.chat.postMessage({ channel: body.user.id, ...apology });
        }
      },
    );
  }
}
