// `/ips …`: acknowledge at once, run the use case, answer through response_url (or open a modal);
// a conversation that continues privately is posted to the user's direct messages.
import type { App } from "@slack/bolt";
import { installationVoice, type CommandContext, type Services } from "../../../commands/context.ts";
import { apologise, runCommandText } from "../../../commands/dispatch.ts";
import { COMMAND_WORD } from "../../../commands/registry.ts";
import { contextFromCommand } from "../identity.ts";
import { MalformedSlackRequest } from "../slack-adapter.ts";
import { readSlackMentions } from "../mentions.ts";
import { acknowledgeOnce } from "../acknowledge-once.ts";
import { renderMessage, renderMessages, unescapeSlackText } from "../render-blocks.ts";
import { renderModal } from "../render-modal.ts";
import { sendDirectMessage } from "../direct-message.ts";
import { refreshHomeAfterChange } from "./home-tab.ts";

export function registerSlashCommand(app: App, services: Services): void {
  app.command(`/${COMMAND_WORD}`, async ({ command, ack, respond, client }) => {
    // Slack always sends these; a command without them is malformed and refused with 400 before anything.
    for (const field of ["user_id", "team_id", "channel_id", "response_url"] as const) {
      if (typeof command[field] !== "string" || command[field] === "") throw new MalformedSlackRequest(`slash command without ${field}`);
    }
    // Acknowledged after the change is committed; the work takes milliseconds, Slack allows 3 s.
    const acknowledge = acknowledgeOnce(() => ack());
    // Building the context reads the database too: one error boundary covers it and the command.
    let ctx: CommandContext | undefined;
    try {
      const { text, mentions } = readSlackMentions(command.text ?? "");
      ctx = await contextFromCommand(services, command, mentions);
      // A retried or replayed delivery carries the same trigger_id: it is acted on once.
      const deliveryKey = command.trigger_id ? `slack:${command.team_id}:command:${command.trigger_id}` : undefined;
      const reply = await runCommandText(ctx, unescapeSlackText(text), deliveryKey);
      if (reply.kind === "form") {
        await client.views.open({ trigger_id: command.trigger_id, view: renderModal(reply.form, { channelId: command.channel_id }) as never });
        await acknowledge();
        return;
      }
      await acknowledge();
      if (reply.direct) await sendDirectMessage(client, command.user_id, reply.direct);
      for (const message of renderMessages(reply)) {
        await respond({ response_type: reply.visibility === "channel" ? "in_channel" : "ephemeral", ...message });
      }
      await refreshHomeAfterChange(client, services, ctx);
    } catch (error) {
      await acknowledge();
      await respond({ response_type: "ephemeral", ...renderMessage(apologise(ctx ?? installationVoice(services), error)) });
    }
  });
}
