// Modal submissions. Slack shows field errors only in the ack, so validation runs before ack;
// the confirmation is then posted ephemerally where the form was opened (or as a DM).
import type { AllMiddlewareArgs, App } from "@slack/bolt";
import type { Services } from "../../../commands/context.ts";
import { apologise, submitForm } from "../../../commands/dispatch.ts";
import { installationVoice } from "../../../commands/context.ts";
import type { MessageReply } from "../../../commands/reply.ts";
import { formRegistry } from "../../../commands/registry.ts";
import { contextFromInteraction } from "../identity.ts";
import { renderMessage, renderMessages } from "../render-blocks.ts";
import { readModalMetadata, readModalValues } from "../render-modal.ts";
import { refreshHomeAfterChange } from "./home-tab.ts";
import { slackPlain } from "../slack-text.ts";

type WebClient = AllMiddlewareArgs["client"];

export function registerFormSubmissions(app: App, services: Services): void {
  for (const form of formRegistry) {
    app.view(form.formId, async ({ ack, body, view, client }) => {
      const { channelId, hidden } = readModalMetadata(view.private_metadata);
      let ctx;
      try {
        ctx = await contextFromInteraction(services, body, channelId);
      } catch (error) {
        // Building the context reads the database: its failure gets the apology too.
        await ack();
        await client.chat.postMessage({ channel: body.user.id, ...renderMessage(apologise(installationVoice(services), error)) });
        return;
      }
      const outcome = await submitForm(ctx, form.formId, readModalValues(view.state), `slack:view:${view.id}`, hidden);
      if (outcome.kind === "fieldErrors") {
        // Slack shows a field error as plain text under its field.
        const errors = Object.fromEntries(Object.entries(outcome.errors).map(([field, text]) => [field, slackPlain(text)]));
        await ack({ response_action: "errors", errors });
        return;
      }
      await ack();
      await postToUser(client, body.user.id, channelId, outcome.reply, services);
      await refreshHomeAfterChange(client, services, ctx);
    });
  }
}

async function postToUser(client: WebClient, userId: string, channelId: string | undefined, reply: MessageReply, services: Services) {
  for (const message of renderMessages(reply)) {
    if (channelId && reply.visibility === "ephemeral") {
      try {
        await client.chat.postEphemeral({ channel: channelId, user: userId, ...message });
        continue;
      } catch (error) {
        // The bot may not be in that channel (not_in_channel): fall back to a direct message.
        services.logger.debug("ephemeral post failed, sending a direct message", { error: String(error) });
      }
    }
    await client.chat.postMessage({ channel: reply.visibility === "channel" && channelId ? channelId : userId, ...message });
  }
}
