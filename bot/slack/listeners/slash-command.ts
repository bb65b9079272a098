// `/ips …`: run the typed text as a command and hand its answer to the responder.
import type { App } from "@slack/bolt";
import type { Services } from "../../../commands/context.ts";
import { runCommandText } from "../../../commands/dispatch.ts";
import { COMMAND_WORD } from "../../../commands/registry.ts";
import { contextFromCommand } from "../identity.ts";
import { MalformedSlackRequest } from "../malformed-request.ts";
import { readSlackMentions } from "../mentions.ts";
import { answerInSlack } from "../responder.ts";
import { unescapeSlackText } from "../slack-text.ts";

export function registerSlashCommand(app: App, services: Services): void {
  app.command(`/${COMMAND_WORD}`, async ({ command, ack, respond, client }) => {
    // Slack always sends these; a command without them is malformed and refused with 400 before anything.
    for (const field of ["user_id", "team_id", "channel_id", "response_url"] as const) {
      if (typeof command[field] !== "string" || command[field] === "") throw new MalformedSlackRequest(`slash command without ${field}`);
    }
    const place = { client, userId: command.user_id, channelId: command.channel_id, triggerId: command.trigger_id, respond, ack: () => ack() };
    await answerInSlack(services, place, "typed", async () => {
      const { text, mentions } = readSlackMentions(command.text ?? "");
      const ctx = await contextFromCommand(services, client, command, mentions);
      // A retried or replayed delivery carries the same trigger_id: it is acted on once.
      const deliveryKey = command.trigger_id ? `slack:${command.team_id}:command:${command.trigger_id}` : undefined;
      return { ctx, answer: await runCommandText(ctx, unescapeSlackText(text), deliveryKey) };
    });
  });
}
